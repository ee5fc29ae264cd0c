// Drives Swagger UI at <base>/docs/ in headless Chromium as a person would: the protected
// operations show a lock and the public ones none; logging in with "Try it out" on the log-in
// operation sets the session cookie, after which "Try it out" on GET /api/v1/account/me answers
// 200 with the user's record. Saves a screenshot. Exit status 1 when a check fails.
//   node swagger-ui-check.mjs <base-url> <username> <password> <screenshot.png>
import { chromium } from 'playwright-core';

const [base, username, password, screenshot] = process.argv.slice(2);
const PROTECTED = ['Account-logOut', 'Account-showOwnAccount', 'Users-listUsers',
  'Users-createUser', 'Users-changePassword', 'Users-grantAdmin', 'Users-revokeAdmin',
  'Users-inactivateUser', 'Users-reactivateUser'];
const PUBLIC = ['General-redirectToDocs', 'General-status', 'Account-signUp', 'Account-logIn'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const failures = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  await page.goto(`${base}/docs/`);
  await page.waitForSelector('.opblock', { timeout: 30000 });

  for (const id of [...PROTECTED, ...PUBLIC]) {
    const locks = await page.locator(`#operations-${id} .authorization__btn`).count();
    if (PROTECTED.includes(id) !== (locks > 0)) {
      failures.push(`${id}: ${locks} lock icon(s)`);
    }
  }

  const status = await tryItOut(page, 'Account-logIn',
    JSON.stringify({ username, password }));
  if (status !== '204') failures.push(`log-in through the UI answered ${status}`);
  const meStatus = await tryItOut(page, 'Account-showOwnAccount', null);
  const meBody = await page.locator('#operations-Account-showOwnAccount .live-responses-table'
    + ' .response-col_description pre').first().innerText();
  if (meStatus !== '200' || !meBody.includes(`"${username}"`)) {
    failures.push(`GET /api/v1/account/me after logging in answered ${meStatus}: ${meBody}`);
  }
  await page.locator('#operations-Account-logIn .opblock-summary').click();
  await page.screenshot({ path: screenshot, fullPage: true });
} finally {
  await browser.close();
}
if (failures.length) {
  console.error('Swagger UI check failed:\n  ' + failures.join('\n  '));
  process.exit(1);
}
console.log(`Swagger UI check passed: locks on ${PROTECTED.length} protected operations, `
  + `log-in and "me" through "Try it out"; screenshot ${screenshot}`);

/** Opens the operation, presses "Try it out", fills the body, executes; the answer's status. */
async function tryItOut(page, id, body) {
  const block = page.locator(`#operations-${id}`);
  if (!(await block.locator('.try-out__btn').isVisible())) {
    await block.locator('.opblock-summary').click();
  }
  await block.locator('.try-out__btn').click();
  if (body !== null) {
    await block.locator('textarea.body-param__text').fill(body);
  }
  await block.locator('.execute').click();
  const status = block.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor({ timeout: 15000 });
  return (await status.innerText()).trim();
}
