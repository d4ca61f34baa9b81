#!/usr/bin/env bash
# The API streams a round's answers in constant memory: on a national data set of 60
# municipalities (about 118,000 answers in the open round, a fourteenth of the whole country's), the whole round
# as JSON and as NDJSON through `uppsikt serve`, whose peak RSS (VmHWM) must stay under
# 200 MiB and grow by less than 30 MiB over what it had before the first answer was asked for.
# Every row arrives, the JSON array parses whole.
#
#   stream_rss.sh BIN
set -euo pipefail
BIN=$(realpath "$1")
TMP=$(mktemp -d /tmp/uppsikt-stream.XXXXXX)
PID=
fail() { echo "FAIL $*"; [ -f "$TMP/err" ] && tail -n 5 "$TMP/err"; exit 1; }
ok() { echo "ok   $*"; }
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  rm -rf -- "$TMP"
}
trap cleanup EXIT
rss_mib() { awk '/^VmHWM:/ { printf "%d", $2 / 1024 }' "/proc/$PID/status"; }

"$BIN" demo --scale national --municipalities 60 --db "$TMP/national.db" >"$TMP/demo.out" 2>&1 \
  || { tail -n 5 "$TMP/demo.out"; fail "uppsikt demo --scale national"; }
TOKEN=$("$BIN" token add --db "$TMP/national.db" --email admin@demo.uppsikt.se --name test | tail -n 1)
ROUND=$(sqlite3 "$TMP/national.db" "SELECT id FROM rounds WHERE name = 'Nationell uppföljning 2024'")
EXPECTED=$(sqlite3 "$TMP/national.db" "SELECT COUNT(*) FROM answers a JOIN responses r ON r.id = a.response_id
  WHERE r.round_id = $ROUND")
[ "$EXPECTED" -gt 100000 ] || fail "the data set has only $EXPECTED answers in the round"

"$BIN" serve --db "$TMP/national.db" --port 0 --threads 2 >"$TMP/out" 2>"$TMP/err" &
PID=$!
for _ in $(seq 200); do
  PORT=$(sed -n 's|.*http://localhost:\([0-9]*\)/.*|\1|p' "$TMP/out")
  [ -n "$PORT" ] && break
  sleep 0.05
done
[ -n "$PORT" ] || fail "the server did not start"
URL=http://127.0.0.1:$PORT/api/v1/rounds/$ROUND/answers
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/rounds"
BEFORE=$(rss_mib)

rows=$(curl -fs -H "Authorization: Bearer $TOKEN" -H "Accept: application/x-ndjson" "$URL" | wc -l)
[ "$rows" -ge "$EXPECTED" ] || fail "NDJSON: $rows rows, the round has $EXPECTED answers"
ok "NDJSON: $rows rows"
curl -fs -H "Authorization: Bearer $TOKEN" "$URL" -o "$TMP/answers.json"
rows=$(/usr/bin/python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$TMP/answers.json") \
  || fail "the JSON array does not parse"
[ "$rows" -ge "$EXPECTED" ] || fail "JSON: $rows rows, the round has $EXPECTED answers"
ok "JSON: one array of $rows rows, $(( $(stat -c %s "$TMP/answers.json") / 1048576 )) MiB"

AFTER=$(rss_mib)
[ "$AFTER" -lt 200 ] || fail "peak RSS $AFTER MiB while streaming (aim: under 200)"
[ $(( AFTER - BEFORE )) -lt 30 ] || fail "peak RSS grew from $BEFORE to $AFTER MiB while streaming"
ok "server peak RSS $BEFORE MiB before, $AFTER MiB after streaming (under 200, grew by less than 30)"
