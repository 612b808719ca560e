-- post-examples.lua at a steady rate instead of flat out: PACED_RATE requests/s in all, spread over PACED_THREADS
-- wrk threads (pass wrk's -t). Each thread hands out send slots PACED_THREADS/PACED_RATE seconds apart to whichever of
-- its connections is free, so the rate holds whatever the latency; after a stall of more than a second it resumes the
-- pace instead of bursting to catch up. Run from the repository root (the path below is relative to it).
dofile("bench/wrk/post-examples.lua")

local ffi = require("ffi")
ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } paced_timespec;
    int clock_gettime(int clock_id, paced_timespec *now);
]]
local CLOCK_MONOTONIC = 1
local clock = ffi.new("paced_timespec")
local interval_ms = 1000 * assert(tonumber(os.getenv("PACED_THREADS")), "set PACED_THREADS")
    / assert(tonumber(os.getenv("PACED_RATE")), "set PACED_RATE")
local next_slot

local function now_ms()
    ffi.C.clock_gettime(CLOCK_MONOTONIC, clock)
    return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

function delay()
    local now = now_ms()
    if next_slot == nil or next_slot < now - 1000 then
        next_slot = now
    end
    local wait = next_slot - now
    next_slot = next_slot + interval_ms
    return math.max(0, math.floor(wait))
end
