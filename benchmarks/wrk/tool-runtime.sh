#!/bin/sh
# tool.echo round trips against a real `sondera runtime start` daemon with wrk (Debian: apt-get install wrk).
# Run from the repository root after: mvn -B -q -pl sondera-server -am package -DskipTests
set -e
DATA=$(mktemp -d)
bin/sondera runtime start --listen 127.0.0.1:7799 --data "$DATA" > "$DATA/daemon.log" 2>&1 &
DAEMON=$!
trap 'kill $DAEMON; rm -rf "$DATA"' EXIT
until curl -sf http://127.0.0.1:7799/health > /dev/null; do sleep 0.2; done
wrk -t1 -c1 -d10s -s benchmarks/wrk/tool-echo.lua http://127.0.0.1:7799/v1/tool > /dev/null   # warm-up
for connections in 1 2; do
  echo "== $connections connection(s)"
  wrk -t1 -c$connections -d15s -s benchmarks/wrk/tool-echo.lua --latency http://127.0.0.1:7799/v1/tool \
    | grep -E "^ +(50|99)%|Requests/sec"
done
