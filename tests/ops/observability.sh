#!/usr/bin/env bash
# Operations' view of a running server, on the real binary with a configuration file:
# /healthz and /readyz; X-Request-Id kept or made; one JSON access line per request with the
# route pattern and user id and no secret (the password, the session cookie and a saved
# comment are grepped for in the log); /metrics on its own listener parses as Prometheus text
# and its counters move after requests.
#
#   observability.sh BIN
set -euo pipefail
BIN=$(realpath "$1")
TMP=$(mktemp -d /tmp/uppsikt-ops.XXXXXX)
HERE=$(cd "$(dirname "$0")" && pwd)
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  rm -rf -- "$TMP"
}
trap cleanup EXIT
fail() { echo "FAIL $*"; [ -f "$TMP/err" ] && tail -n 5 "$TMP/err"; exit 1; }
ok() { echo "ok   $*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
csrf_of() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$1" | head -n 1; }

"$BIN" demo --db "$TMP/demo.db" >"$TMP/demo.out" 2>&1 || { cat "$TMP/demo.out"; fail "uppsikt demo"; }
PORT=$(free_port)
MPORT=$(free_port)
printf '%s\n' "[database]" "url_file = \"$TMP/db-url\"" "[server]" "port = $PORT" "threads = 2" \
  "[log]" 'format = "json"' "[metrics]" "bind = \"127.0.0.1:$MPORT\"" >"$TMP/uppsikt.conf"
echo "$TMP/demo.db" >"$TMP/db-url"

"$BIN" config check --config "$TMP/uppsikt.conf" >"$TMP/check" 2>&1 || { cat "$TMP/check"; fail "config check"; }
grep -q "port = $PORT" "$TMP/check" || fail "config check does not show the port"
ok "config check accepts the file"

"$BIN" serve --config "$TMP/uppsikt.conf" --static "$(dirname "$BIN")/static" >"$TMP/out" 2>"$TMP/err" &
PID=$!
for _ in $(seq 200); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.05; done
BASE=http://127.0.0.1:$PORT

[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz")" = 200 ] || fail "/healthz"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/readyz")" = 200 ] || fail "/readyz"
ok "/healthz and /readyz answer 200"

curl -s -D "$TMP/h1" -o /dev/null -H 'X-Request-Id: proxy-abc.123' "$BASE/logga-in"
grep -qi '^x-request-id: proxy-abc.123' "$TMP/h1" || fail "a sent X-Request-Id is not returned"
curl -s -D "$TMP/h2" -o /dev/null -H 'X-Request-Id: bad id"<>' "$BASE/logga-in"
grep -qiE '^x-request-id: [0-9a-f]{16}' "$TMP/h2" || fail "a malformed X-Request-Id is not replaced"
ok "X-Request-Id kept when well-formed, made otherwise"

curl -s -o "$TMP/m1" "http://127.0.0.1:$MPORT/metrics"
/usr/bin/python3 "$HERE/check_metrics.py" "$TMP/m1" >"$TMP/s1" || fail "the first scrape does not parse"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/metrics")" = 404 ] || fail "/metrics is served on the public port"

# Sign in, save a comment, sign in wrongly once.
PASSWORD=demo-respondent
COMMENT="Hemlig kommentar $RANDOM$RANDOM om trygghetsvandringar"
curl -s -c "$TMP/jar" -o "$TMP/form.html" "$BASE/logga-in"
status=$(curl -s -b "$TMP/jar" -c "$TMP/jar" -o /dev/null -w '%{http_code}' \
  --data-urlencode "epost=svarande@demo.uppsikt.se" --data-urlencode "losenord=$PASSWORD" \
  --data-urlencode "_csrf=$(csrf_of "$TMP/form.html")" "$BASE/logga-in")
[ "$status" = 303 ] || fail "sign-in gave $status"
curl -s -b "$TMP/jar" -o "$TMP/mine.html" "$BASE/mina-uppfoljningar"
PAGE=$(grep -o '/omgangar/[0-9]*/svar/[0-9]*' "$TMP/mine.html" | head -n 1)
curl -s -b "$TMP/jar" -o "$TMP/page.html" "$BASE$PAGE"
Q=$(sed -n 's/.*name="version-\([0-9]*\)".*/\1/p' "$TMP/page.html" | head -n 1)
V=$(sed -n "s/.*name=\"version-$Q\" value=\"\([0-9]*\)\".*/\1/p" "$TMP/page.html" | head -n 1)
reply=$(curl -s -b "$TMP/jar" -H 'Accept: application/json' --data-urlencode "_csrf=$(csrf_of "$TMP/page.html")" \
  --data-urlencode "version-$Q=${V:-0}" --data-urlencode "kommentar-$Q=$COMMENT" "$BASE$PAGE")
[[ $reply == *'"status":"saved"'* ]] || fail "the comment was not saved: $reply"
curl -s -c "$TMP/jar2" -o "$TMP/form2.html" "$BASE/logga-in"
curl -s -b "$TMP/jar2" -o /dev/null --data-urlencode "epost=svarande@demo.uppsikt.se" \
  --data-urlencode "losenord=wrong-$PASSWORD" --data-urlencode "_csrf=$(csrf_of "$TMP/form2.html")" "$BASE/logga-in"
curl -s -o /dev/null "$BASE/readyz"
ok "signed in, saved a comment on $PAGE, failed a sign-in, asked /readyz"

COOKIE=$(awk '$6 ~ /uppsikt_session/ {print $7}' "$TMP/jar")
[ -n "$COOKIE" ] || fail "no session cookie in the jar"
grep -qF -- "$PASSWORD" "$TMP/err" && fail "the password is in the log"
grep -qF -- "$COOKIE" "$TMP/err" && fail "the session cookie is in the log"
grep -qF -- "${COMMENT% om*}" "$TMP/err" && fail "the comment is in the log"
ok "the log holds neither the password, the session cookie nor the comment"

/usr/bin/python3 - "$TMP/err" "$PAGE" <<'PY' || fail "the access log"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
requests = [l for l in lines if l.get("event") == "request"]
save = [l for l in requests if l["method"] == "POST" and l["route"] == "/omgangar/{id}/svar/{unit}"]
assert save, "no POST /omgangar/{id}/svar/{unit} line: %s" % [r["route"] for r in requests]
s = save[0]
assert s["status"] == 200 and s["user"] and s["bytes"] > 0 and s["duration_ms"] >= 0 and len(s["request_id"]) == 16, s
assert all(sys.argv[2] not in json.dumps(l) for l in requests), "a raw path is logged"
assert any(l["request_id"] == "proxy-abc.123" for l in requests), "the sent request id is not logged"
assert all("time" in l and "level" in l for l in lines), "a line without time or level"
PY
ok "one JSON line per request: route pattern, status, bytes, duration, request id, user"

curl -s -o "$TMP/m2" "http://127.0.0.1:$MPORT/metrics"
/usr/bin/python3 "$HERE/check_metrics.py" "$TMP/m2" >"$TMP/s2" || fail "the second scrape does not parse"
value() { sed -n "s/^$(sed 's/[][\/.*^$]/\\&/g' <<<"$2") //p" "$1"; }
moved() {
  local before after
  before=$(value "$TMP/s1" "$1"); after=$(value "$TMP/s2" "$1")
  python3 -c "import sys; sys.exit(0 if float('${after:-0}') > float('${before:-0}') else 1)" \
    || fail "$1 did not rise: ${before:-none} → ${after:-none}"
}
moved 'uppsikt_http_requests_total{method="POST",route="/omgangar/{id}/svar/{unit}",status="200"}'
moved 'uppsikt_http_request_duration_seconds_count{method="GET",route="/readyz",status="200"}'
moved 'uppsikt_sign_ins_total{outcome="refused"}'
moved 'uppsikt_sign_ins_total{outcome="signed_in"}'
moved 'uppsikt_db_pool_leases_total{}'
moved 'uppsikt_http_connections_total{}'
grep -q '^uppsikt_build_info{version=' "$TMP/s2" || fail "no build info"
grep -q '^uppsikt_outbox_messages{channel="mail",status="failed"} ' "$TMP/s2" || fail "no outbox gauge"
ok "/metrics parses as Prometheus text and its counters moved"

kill -TERM "$PID"
wait "$PID" || fail "serve did not end cleanly on SIGTERM"
PID=
ok "serve ends on SIGTERM"
