-- wrk script for every endpoint of the benchmark: each request is the next line of a
-- request list, so the load spreads over many clients, tenants and ids instead of hitting
-- one cached row. At the end it writes a JSON summary for bench/report.py.
--
-- Environment (wrk passes script arguments to the threads only, and done() runs in the
-- main state, so both files are named by variables):
--   BENCH_WRK_REQUESTS  a file of lines "<path>\t<bearer token or empty>"
--   BENCH_WRK_OUT       where done() writes the summary (JSON)

local requests = {}
local next_index = 1
local threads = {}

function setup(thread)
  -- Threads start at different points of the list, so they do not walk in step.
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function init(args)
  local list = os.getenv("BENCH_WRK_REQUESTS")
  local file = list and io.open(list, "r")
  if not file then
    error("BENCH_WRK_REQUESTS must name a readable request list, got " .. tostring(list))
  end
  for line in file:lines() do
    local path, token = line:match("^([^\t]+)\t?(.*)$")
    if path then
      local headers = { ["Accept"] = "*/*" }
      if token ~= "" then
        headers["Authorization"] = "Bearer " .. token
      end
      -- Built once: request() then costs a table lookup, not a string build.
      table.insert(requests, wrk.format("GET", path, headers))
    end
  end
  file:close()
  if #requests == 0 then
    error("request list " .. list .. " is empty")
  end
  next_index = ((offset or 0) * 7919) % #requests + 1
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end

function done(summary, latency, _)
  local out = os.getenv("BENCH_WRK_OUT")
  local seconds = summary.duration / 1e6
  local e = summary.errors
  local json = string.format(
    '{"requests":%d,"duration_s":%.3f,"requests_per_s":%.1f,"bytes":%d,'
      .. '"latency_ms":{"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"mean":%.3f},'
      .. '"non_2xx":%d,"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d}}',
    summary.requests, seconds, summary.requests / seconds, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000,
    e.status, e.connect, e.read, e.write, e.timeout)
  if out then
    local f = assert(io.open(out, "w"))
    f:write(json, "\n")
    f:close()
  else
    io.write(json, "\n")
  end
end
