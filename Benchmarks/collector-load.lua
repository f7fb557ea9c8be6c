-- wrk script for Benchmarks/collector-load.sh. LOAD_MODE says what each request is:
--   events     POST /events, one pageview per request, as the snippet sends them;
--   downloads  GET /dl/load-photo, a counted download and its redirect;
--   bookings   POST /bookings, a JSON test-drive booking with a number of its own, paced to LOAD_RATE per second
--              over this wrk's LOAD_THREADS threads (0: as fast as answered).
-- Every request carries a visitor id (and a booking a phone number) unique to the run (LOAD_TAG), thread and request,
-- so none is a repeat the service rightly counts once, and the store can be checked for rows stored twice.
-- Counts the answers below 400 (acknowledged) and writes the count to LOAD_ACKED_FILE.
local origin = os.getenv("LOAD_ORIGIN") or "https://load-a.example"
local mode = os.getenv("LOAD_MODE") or "events"
local tag = tonumber(os.getenv("LOAD_TAG") or "0")
local rate = tonumber(os.getenv("LOAD_RATE") or "0") / tonumber(os.getenv("LOAD_THREADS") or "1")
local threads = {}
local counter = 0
acked = 0 -- global: done() reads it from each thread with thread:get

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    wrk.headers["Origin"] = origin
    wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
    if mode == "bookings" then
        wrk.headers["Content-Type"] = "application/json"
        wrk.headers["Accept"] = "application/json"
    else
        wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"
    end
end

-- Pacing on a schedule: each thread's requests are due every 1000 / rate ms, whichever connection is free takes the
-- next one, and a connection waits only until its request is due (a fixed wait after each answer would add the
-- answer's latency to every interval, and the rate would fall short). A thread that fell behind by more than a second
-- (answers slower than the schedule) starts again from now rather than sending a burst. LuaJIT's ffi reads the
-- monotonic clock (Lua's own clocks tell seconds or CPU time).
local ffi = require("ffi")
ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } load_timespec;
    int clock_gettime(int clock, load_timespec *now);
]]
local clock = ffi.new("load_timespec")
local function now_ms()
    ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
    return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end
local due = nil

function delay()
    if rate <= 0 then return 0 end
    local now = now_ms()
    if due == nil or due < now - 1000 then due = now end
    local wait = due - now
    due = due + 1000 / rate
    if wait < 0 then return 0 end
    return math.floor(wait)
end

function request()
    counter = counter + 1
    local visitor = string.format("load%06d%02d%010d", tag, id, counter)
    if mode == "downloads" then
        return wrk.format("GET", "/dl/load-photo?site=load-a&page=/gallery/&v=" .. visitor, nil, nil)
    end
    if mode == "bookings" then
        local phone = string.format("1%d%d%08d", 3 + tag % 7, id % 10, counter)
        local body = string.format(
            '{"site":"load-a","page":"/book/","name":"Load Test","phone":"%s","model":"aurora","city":"Hangzhou",' ..
            '"consent":"on","consentVersion":"2026-03","visitor":"%s","website":""}', phone, visitor)
        return wrk.format("POST", "/bookings", nil, body)
    end
    local body = string.format(
        '{"site":"load-a","type":"pageview","page":"/models/%d/","visitor":"%s"}', counter % 50, visitor)
    return wrk.format("POST", "/events", nil, body)
end

function response(status, headers, body)
    if status >= 200 and status < 400 then
        acked = acked + 1
    end
end

function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + thread:get("acked")
    end
    local file = os.getenv("LOAD_ACKED_FILE")
    if file then
        local out = io.open(file, "w")
        out:write(tostring(total))
        out:close()
    end
    io.write(string.format("acknowledged: %d\n", total))
end
