-- wrk script of bench/replicas.sh: posts one facts file (FACTS, default examples/team-a.json) to the URL given on
-- every request, and ends with one RESULT line for the script to add up (latencies in microseconds).
local path = os.getenv("FACTS") or "examples/team-a.json"
local file = assert(io.open(path, "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"

function done(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format("RESULT requests=%d non2xx=%d socket_errors=%d duration_us=%d p50_us=%d p99_us=%d\n",
      summary.requests, errors.status, errors.connect + errors.read + errors.write + errors.timeout,
      summary.duration, math.floor(latency:percentile(50)), math.floor(latency:percentile(99))))
end
