#!/usr/bin/env bash
# make bench: Uppsikt beside a baseline on the same machine in the same run (on a shared
# machine only the ratios mean much). Needs wrk and nginx (scripts/install-deps) and the built
# uppsikt and uppsikt_bench in BUILD.
#
#   bench/run.sh [BUILD]    env: BENCH_MUNICIPALITIES (290: the full national set),
#                                BENCH_SECONDS (10 per wrk run)
#
# 1. Generates the national data set (SQLite) and serves it with `uppsikt serve`.
# 2. wrk, 64 connections, signed in with a session cookie: a respondent's answer page and the
#    round's page; then nginx (started here on a free port with a temporary configuration)
#    serving the answer page's bytes as a static file. requests/s, p50 and p99.
# 3. The server's peak RSS (VmHWM) after 2.
# 4. uppsikt_bench measures in process what HTTP cannot yet (answer saves, raw commits, on
#    SQLite and on a throw-away PostgreSQL), prints the table and writes bench/results/latest.json.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
BIN=$BUILD/uppsikt
MUNICIPALITIES=${BENCH_MUNICIPALITIES:-290}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
CONNECTIONS=64

die() { echo "bench: $*" >&2; exit 1; }
for tool in wrk nginx curl sqlite3; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || die "$tool saknas; kör scripts/install-deps"
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$BIN" ] && [ -x "$BUILD/uppsikt_bench" ] || die "bygg först: make bench"

TMP=$(mktemp -d /tmp/uppsikt-bench.XXXXXX)
chmod 755 "$TMP"  # nginx's workers may run as another user
SERVER_PID= NGINX_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" 2>/dev/null
  scripts/test-postgres stop "$TMP/pg" >/dev/null 2>&1 || true
  rm -rf -- "$TMP"
}
trap cleanup EXIT

FIGURES=$TMP/figures  # key, value ("null" when not measured), note: tab-separated
figure() { printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$FIGURES"; }
: >"$FIGURES"

free_port() {
  local port
  for port in $(seq 18000 18999); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  die "ingen ledig port"
}

# --- 1. the data set and the server ---
DB=$TMP/national.db
echo "bench: nationell datamängd, $MUNICIPALITIES kommuner …" >&2
start=$(date +%s.%N)
"$BIN" demo --scale national --municipalities "$MUNICIPALITIES" --db "$DB" >"$TMP/demo.out" 2>"$TMP/demo.err" \
  || { cat "$TMP/demo.err" >&2; die "uppsikt demo misslyckades"; }
demo_s=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
answers=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM answers')
units=$(sqlite3 "$DB" 'SELECT COUNT(*) FROM units')
figure national_demo_s "$demo_s" "$MUNICIPALITIES municipalities, $units units, $answers answers (SQLite)"

PORT=$(free_port)
"$BIN" serve --db "$DB" --port "$PORT" --static "$BUILD/static" >"$TMP/serve.out" 2>"$TMP/serve.err" &
SERVER_PID=$!
for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/logga-in" && break; sleep 0.1; done
BASE=http://127.0.0.1:$PORT

# Signs in as EMAIL with PASSWORD; prints the Cookie header's value.
sign_in() {
  local jar=$TMP/jar.$1 csrf
  csrf=$(curl -fs -c "$jar" "$BASE/logga-in" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "email=$1" --data-urlencode "password=$2" \
    --data-urlencode "_csrf=$csrf" "$BASE/logga-in" || die "inloggningen som $1 misslyckades"
  awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar"
}
RESPONDENT=$(sign_in svarande@demo.uppsikt.se demo-respondent)
COORDINATOR=$(sign_in samordnare@demo.uppsikt.se demo-coordinator)

round=$(sqlite3 "$DB" "SELECT id FROM rounds WHERE name = 'Nationell uppföljning 2024'")
unit=$(sqlite3 "$DB" "SELECT id FROM units WHERE name = 'Socialförvaltningen, Botkyrka kommun'")
ANSWER_PAGE=$BASE/omgangar/$round/svar/$unit
ROUND_PAGE=$BASE/omgangar/$round
mkdir -p "$TMP/www"
status=$(curl -s -o "$TMP/www/svar.html" -w '%{http_code}' -H "Cookie: $RESPONDENT" "$ANSWER_PAGE")
[ "$status" = 200 ] || die "svarssidan gav $status"
chmod 644 "$TMP/www/svar.html"

# --- 2. wrk ---
# Runs wrk on URL with COOKIE; sets RPS, P50 and P99 (ms) and warns of non-2xx answers.
measure() {
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency ${2:+-H "Cookie: $2"} "$1")
  RPS=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000; print n }'; }
  P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  if grep -q 'Non-2xx' <<<"$out"; then echo "bench: varning, $1: $(grep 'Non-2xx' <<<"$out")" >&2; fi
}
echo "bench: wrk, $CONNECTIONS anslutningar, $SECONDS_PER_RUN s per mätning …" >&2
measure "$ANSWER_PAGE" "$RESPONDENT"
figure answer_page_rps "$RPS" "GET /omgangar/$round/svar/$unit signed in as respondent"
figure answer_page_p50_ms "$P50" ""
figure answer_page_p99_ms "$P99" ""
measure "$ROUND_PAGE" "$COORDINATOR"
figure round_page_rps "$RPS" "GET /omgangar/$round signed in as coordinator ($units units)"
figure round_page_p50_ms "$P50" ""
figure round_page_p99_ms "$P99" ""
rss_kib=$(awk '/^VmHWM:/ { print $2 }' "/proc/$SERVER_PID/status")
figure server_rss_mib "$(awk -v k="$rss_kib" 'BEGIN { printf "%.1f", k / 1024 }')" "VmHWM of uppsikt serve after the wrk runs"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=

NPORT=$(free_port)
cat >"$TMP/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $TMP/nginx-body;
  proxy_temp_path $TMP/nginx-proxy;
  fastcgi_temp_path $TMP/nginx-fastcgi;
  uwsgi_temp_path $TMP/nginx-uwsgi;
  scgi_temp_path $TMP/nginx-scgi;
  server {
    listen 127.0.0.1:$NPORT;
    root $TMP/www;
    default_type text/html;
  }
}
CONF
"$NGINX" -p "$TMP" -c "$TMP/nginx.conf" 2>>"$TMP/nginx-error.log" &
NGINX_PID=$!
for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$NPORT/svar.html" && break; sleep 0.1; done
measure "http://127.0.0.1:$NPORT/svar.html" ""
figure nginx_static_rps "$RPS" "nginx, the answer page's $(stat -c %s "$TMP/www/svar.html") bytes as a file"
figure nginx_static_p99_ms "$P99" ""
kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=

# --- 4. in process, on SQLite and PostgreSQL ---
figure national_report_html_s_sqlite null "the compiled report (issue 7) is not on main yet"
figure national_report_html_s_postgres null "the compiled report (issue 7) is not on main yet"
PG_URL=$(scripts/test-postgres start "$TMP/pg" 2>/dev/null) || PG_URL=
"$BUILD/uppsikt_bench" --figures "$FIGURES" --postgresql "$PG_URL" --dir "$TMP" --out bench/results/latest.json
