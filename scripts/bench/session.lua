-- wrk script: every thread sends its own session cookie, so with `-t N -c N` each load
-- connection is one logged-in user (never one cookie shared by all connections).
-- The cookies file (env BENCH_COOKIES) holds one "access_token=..." value per line.
-- Prints one machine-readable RESULT line at the end (see report.lua).
local report = dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local cookies = {}
local next_cookie = 0

for line in io.lines(os.getenv("BENCH_COOKIES")) do
  cookies[#cookies + 1] = line
end

function setup(thread)
  next_cookie = next_cookie + 1
  assert(next_cookie <= #cookies, "more wrk threads than sessions in " .. os.getenv("BENCH_COOKIES"))
  thread:set("cookie", cookies[next_cookie])
end

function init(args)
  wrk.headers["Cookie"] = cookie
end

done = report.done
