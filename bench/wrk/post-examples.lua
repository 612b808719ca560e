-- POSTs the example facts (examples/*.json, passed as arguments after `--`) in turn, one per request, so the
-- benchmark evaluates several verdicts rather than one cached path.
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
