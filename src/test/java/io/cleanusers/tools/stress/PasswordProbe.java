package io.cleanusers.tools.stress;

import io.cleanusers.it.support.ContractTexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Which password logs a journalled user in: the database holds only hashes, so the verifier tries
 * the candidates, the latest first (the last acknowledged one, and an unacknowledged change's). A
 * candidate works when the answer is 204, or the inactive account's 401, which is only given for
 * the right password. Eight log-ins at a time.
 */
final class PasswordProbe {

  private final LoadClient api;
  private final ResultFile result;

  /** Log-ins through {@code api}; an answer that is neither yes nor no is a problem of result. */
  PasswordProbe(LoadClient api, ResultFile result) {
    this.api = api;
    this.result = result;
  }

  /** User to working password, for the users given with their journal entries. */
  Map<String, String> workingPasswords(Map<String, List<JournalEntry>> users) throws Exception {
    Map<String, String> works = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      users.forEach(
          (user, entries) -> {
            List<String> candidates = new ArrayList<>();
            for (JournalEntry e : entries) {
              String password = e.sets().get("password");
              if (password != null) {
                candidates.add(0, password); // the latest first
              }
            }
            tasks.add(pool.submit(() -> probe(user, candidates, works)));
          });
      for (Future<?> task : tasks) {
        task.get();
      }
    } finally {
      pool.shutdown();
    }
    return works;
  }

  private void probe(String user, List<String> candidates, Map<String, String> works) {
    for (String candidate : candidates) {
      Answer a = api.login(user, candidate);
      if (a.status() == 204 || (a.status() == 401 && a.body().contains(ContractTexts.INACTIVE))) {
        works.put(user, candidate);
        return;
      }
      if (!(a.status() == 401 && a.body().contains(ContractTexts.INVALID_CREDENTIALS))) {
        result.problem("log-in of " + user + " answered " + a.statusText() + " " + a.body());
        return;
      }
    }
  }
}
