# Shared by the scale tests (sourced): a fresh PostgreSQL schema, servers on free ports, sign-in.
# Needs BIN (the uppsikt binary) and TMP (a temporary folder) set by the sourcing script.

fail() { echo "FAIL $*"; exit 1; }
ok() { echo "ok   $*"; }

# new_schema VAR: a fresh schema in the fixture's PostgreSQL database (scripts/test-postgres);
# sets VAR to its URL. drop_schema drops every schema made so (call it on exit).
SCHEMAS=
new_schema() {
  local file=${UPPSIKT_TEST_POSTGRESQL_FILE:-} schema=uppsikt_scale_$$_$RANDOM
  [ -n "$file" ] && [ -s "$file" ] || fail "no PostgreSQL: UPPSIKT_TEST_POSTGRESQL_FILE is not set (run through ctest)"
  SERVER_URL=$(cat "$file")
  psql -X -q -v ON_ERROR_STOP=1 -d "$SERVER_URL" -c "CREATE SCHEMA $schema" >/dev/null || fail "CREATE SCHEMA"
  SCHEMAS="$SCHEMAS $schema"
  printf -v "$1" '%s' "$SERVER_URL&options=-csearch_path%3D$schema"
}
drop_schema() {
  local schema
  for schema in $SCHEMAS; do
    psql -X -q -d "$SERVER_URL" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1
  done
  return 0
}

# start_server NAME DB [PORT [SERVE OPTIONS...]]: starts `uppsikt serve` on PORT (a free one by
# default, also for PORT 0) with the options given; sets PID_<NAME> and PORT_<NAME>.
start_server() {
  local name=$1 db=$2 out=$TMP/serve.$1.out port=
  : >"$out"
  "$BIN" serve --db "$db" --port "${3:-0}" --threads 2 "${@:4}" >"$out" 2>"$TMP/serve.$1.err" &
  printf -v "PID_$name" '%s' $!
  for _ in $(seq 200); do
    port=$(sed -n 's|.*http://localhost:\([0-9]*\)/.*|\1|p' "$out")
    # With --public-url the greeting names that URL instead; the log still names the port.
    [ -n "$port" ] || port=$(sed -n 's|.*listening on [^ ]*:\([0-9]*\) .*|\1|p' "$TMP/serve.$1.err" | head -n 1)
    [ -n "$port" ] && break
    sleep 0.05
  done
  [ -n "$port" ] || { cat "$TMP/serve.$1.err"; fail "server $name did not start"; }
  printf -v "PORT_$name" '%s' "$port"
}

# csrf_of FILE: the _csrf field of the first form in an HTML file.
csrf_of() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' "$1" | head -n 1; }

# sign_in PORT JAR EMAIL PASSWORD: signs in through the server on PORT, cookies in JAR; prints
# the HTTP status of the POST.
sign_in() {
  local port=$1 jar=$2
  curl -s -c "$jar" -o "$TMP/form.html" "http://127.0.0.1:$port/logga-in"
  curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "epost=$3" \
    --data-urlencode "losenord=$4" --data-urlencode "_csrf=$(csrf_of "$TMP/form.html")" \
    "http://127.0.0.1:$port/logga-in"
}
