-- wrk script: POSTs the sample pacs.008 (config/samples/pacs008.xml) on every request.
-- For the echo ceiling only (/v1/echo): against /v1/messages every request after the first
-- would repeat the MsgId and UETR and be rejected as a duplicate.
--   wrk -t1 -c16 -d15s --latency -s bench/load/wrk-post-sample.lua http://127.0.0.1:8080/v1/echo
local f = assert(io.open(os.getenv("KAPOK_SAMPLE") or "config/samples/pacs008.xml", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/xml; charset=UTF-8"
