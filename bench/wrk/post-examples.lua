-- POSTs the facts files passed as arguments after `--` in turn, one per request (several files: several verdicts
-- rather than one path), and ends with one RESULT line for the bench scripts to read (latencies in microseconds).
local bodies = {}
local next_body = 1

function init(args)
    for _, file in ipairs(args) do
        local f = assert(io.open(file, "r"))
        bodies[#bodies + 1] = f:read("*a")
        f:close()
    end
    assert(#bodies > 0, "pass the facts files after --")
end

function request()
    local body = bodies[next_body]
    next_body = next_body % #bodies + 1
    return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

function done(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format("RESULT requests=%d non2xx=%d socket_errors=%d duration_us=%d p50_us=%d p99_us=%d p999_us=%d\n",
        summary.requests, errors.status, errors.connect + errors.read + errors.write + errors.timeout,
        summary.duration, math.floor(latency:percentile(50)), math.floor(latency:percentile(99)),
        math.floor(latency:percentile(99.9))))
end
