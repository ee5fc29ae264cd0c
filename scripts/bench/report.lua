-- Shared end-of-run output of the wrk scripts: one line the bench script parses,
--   RESULT requests=N seconds=S rps=R p50_ms=A p99_ms=B errors=E non2xx=F statuses=...
-- where errors counts socket errors and timeouts, non2xx the answers other than 2xx/3xx, and
-- statuses (from login.lua) the answers per status, "204:n,401:m".
local report = {}

function report.done(summary, latency, requests, statuses)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d statuses=%s\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.connect + e.read + e.write + e.timeout, e.status, statuses or ""))
end

return report
