-- wrk script for Benchmarks/collector-load.sh: POSTs one tracking event per request, as the snippet does,
-- from an allowed origin, with a visitor id unique to the run, thread and request (so no download is a
-- repeat the service rightly counts once); counts the answers below 400 it received.
-- Environment: LOAD_ORIGIN (the test site's origin), LOAD_MODE (`events` or `downloads`).
local origin = os.getenv("LOAD_ORIGIN") or "https://load-a.example"
local mode = os.getenv("LOAD_MODE") or "events"
local threads = {}
local counter = 0
local run = os.time() % 100000
acked = 0 -- global: done() reads it from each thread with thread:get

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    wrk.headers["Origin"] = origin
    wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"
    wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
end

function request()
    counter = counter + 1
    local visitor = string.format("load%05d%02d%010d", run, id, counter)
    if mode == "downloads" then
        return wrk.format("GET", "/dl/load-photo?site=load-a&page=/gallery/&v=" .. visitor, nil, nil)
    end
    local body = string.format(
        '{"site":"load-a","type":"pageview","page":"/models/%d/","visitor":"%s","ts":%d}',
        counter % 50, visitor, os.time() * 1000)
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
