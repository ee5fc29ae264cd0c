-- wrk script: every thread logs in again and again as its own account (BENCH_LOGIN_PREFIX
-- followed by the thread's number, two digits, from 01), with BENCH_LOGIN_PASSWORD, and counts the
-- answers by status. Prints one RESULT line (see report.lua) with those counts.
local report = dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("account", string.format("%s%02d", os.getenv("BENCH_LOGIN_PREFIX"), #threads))
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.body = string.format('{"username":"%s","password":"%s"}', account, os.getenv("BENCH_LOGIN_PASSWORD"))
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  -- wrk:get cannot copy tables between threads: keep a flat "status=count ..." string as well.
  local parts = {}
  for code, count in pairs(statuses) do
    parts[#parts + 1] = code .. "=" .. count
  end
  counts = table.concat(parts, " ")
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for code, count in string.gmatch(thread:get("counts") or "", "(%d+)=(%d+)") do
      totals[code] = (totals[code] or 0) + tonumber(count)
    end
  end
  local parts = {}
  for code, count in pairs(totals) do
    parts[#parts + 1] = code .. ":" .. count
  end
  table.sort(parts)
  report.done(summary, latency, requests, table.concat(parts, ","))
end
