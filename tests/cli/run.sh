#!/usr/bin/env bash
# Command-line tests: drive the real binary through its subcommands and error paths.
# Usage (from the repository root): bash tests/cli/run.sh <path-to-uppsikt-binary>
# Ends with "N passed, M failed"; exits non-zero when anything failed.
set -u

if [ $# -ne 1 ]; then
  echo "usage: bash tests/cli/run.sh <path-to-uppsikt-binary>" >&2
  exit 2
fi
BIN=$(realpath -- "$1" 2>/dev/null || echo "$1")
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT" || exit 2
SAMPLE=data/demo/miljoforvaltningen-2024.txt
EXPECTED=tests/importer/data/fixture.expected.json

TMP=$(mktemp -d "${TMPDIR:-/tmp}/uppsikt-cli.XXXXXX")
trap 'rm -rf -- "$TMP"' EXIT
trap 'exit 130' INT TERM

PASSED=0
FAILED=0
OUT=$TMP/stdout
ERR=$TMP/stderr
RC=0

# check NAME CONDITION...: runs the condition (a command) and records the result.
check() {
  local name=$1
  shift
  if "$@"; then
    PASSED=$((PASSED + 1))
    echo "ok   $name"
  else
    FAILED=$((FAILED + 1))
    echo "FAIL $name"
    echo "     exit code: $RC"
    sed 's/^/     stdout: /' "$OUT" | head -n 5
    sed 's/^/     stderr: /' "$ERR" | head -n 5
  fi
}

# run ARGS...: runs the binary (60 s at most) with stdout, stderr and exit code kept.
run() {
  timeout 60 "$BIN" "$@" >"$OUT" 2>"$ERR"
  RC=$?
}

# run_env VAR=VALUE ARGS...: as run, with one variable in the environment.
run_env() {
  local assignment=$1
  shift
  env "$assignment" timeout 60 "$BIN" "$@" >"$OUT" 2>"$ERR"
  RC=$?
}

rc_is() { [ "$RC" -eq "$1" ]; }
rc_nonzero() { [ "$RC" -ne 0 ]; }
stdout_has() { grep -qF -- "$1" "$OUT"; }
stderr_has() { grep -qF -- "$1" "$ERR"; }
no_stack_trace() { ! grep -qE 'terminate called|what\(\)|Aborted|core dumped|Segmentation|AddressSanitizer|^#[0-9]+ +0x' "$ERR"; }
# Exactly one line on stderr, beginning "uppsikt:", and nothing that looks like a crash.
one_error_line() {
  [ "$(wc -l <"$ERR")" -eq 1 ] && head -n 1 "$ERR" | grep -q '^uppsikt: ' && no_stack_trace
}
# A line on stderr beginning "uppsikt:" that contains TEXT, and no crash.
error_line_with() { grep -F -- "$1" "$ERR" | grep -q '^uppsikt: ' && no_stack_trace; }
json_equals() {
  node -e '
    const fs = require("fs");
    const util = require("util");
    const [actual, expected] = process.argv.slice(1).map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
    if (!util.isDeepStrictEqual(actual, expected)) {
      console.error("     the JSON differs from " + process.argv[2]);
      process.exit(1);
    }' "$OUT" "$1" 2>&1
}
all() { local c; for c in "$@"; do eval "$c" || return 1; done; }

if [ ! -x "$BIN" ]; then
  echo "FAIL no executable binary at $1"
  echo "0 passed, 1 failed"
  exit 1
fi

# --- version and help ---
run --version
check "--version prints \"uppsikt 0.\" and exits 0" all 'rc_is 0' 'head -n 1 "$OUT" | grep -q "^uppsikt 0\."'

run --help
check "--help exits 0 and names serve, import, demo and init" \
  all 'rc_is 0' 'stdout_has serve' 'stdout_has import' 'stdout_has demo' 'stdout_has init'

# --- usage errors ---
run frobnicate
check "unknown subcommand: exit 2, one line \"uppsikt: …\" on stderr" all 'rc_is 2' one_error_line

run --frobnicate
check "unknown option: exit 2, one line \"uppsikt: …\" on stderr" all 'rc_is 2' one_error_line

run init --db "$TMP/opt.db" --frobnicate
check "unknown option to a subcommand: exit 2, one line on stderr" all 'rc_is 2' one_error_line

# --- import --dry-run ---
run import --dry-run --format json "$SAMPLE"
check "import --dry-run --format json exits 0" rc_is 0
check "import --dry-run JSON equals $EXPECTED" json_equals "$EXPECTED"

run import --dry-run "$TMP/finns-inte.txt"
check "import of a missing file: exit 2, one line on stderr" all 'rc_is 2' one_error_line

: >"$TMP/x.odt"
run import --dry-run "$TMP/x.odt"
check "import of a .odt file: exit 2, the message names the file" \
  all 'rc_is 2' one_error_line 'stderr_has x.odt'

# --column and --scale: a column's role and the answer scale chosen by hand.
printf '1 Trygghet\n\nÅtgärd\tStatus\tLäge\nBelysa parker\tKlart före sommaren\tGenomförd\n' >"$TMP/lage.txt"
run import --dry-run --column "Läge=answer" --column "Status=kommentar" "$TMP/lage.txt"
check "import --column gives the column its role" \
  all 'rc_is 0' 'stdout_has "\"answer\": \"Genomförd\""' 'stdout_has "\"comment\": \"Klart före sommaren\""'
run import --dry-run --column "Läge" "$TMP/lage.txt"
check "import --column without a role: exit 2 with a message" all 'rc_is 2' 'error_line_with "--column"'
run import --dry-run --scale "Blå/Lila" "$TMP/lage.txt"
check "import --scale that is no scale: exit 2 naming the scales" all 'rc_is 2' 'error_line_with "Grön/Gul/Röd"'

# --- init and demo ---
run init --db "$TMP/a.db"
check "init --db creates the database and exits 0" all 'rc_is 0' '[ -s "$TMP/a.db" ]'

run init --db "$TMP/a.db" --admin-email chef@example.se --url https://uppsikt.example.se
check "init --admin-email prints a one-time link to set the password" \
  all 'rc_is 0' 'stdout_has "https://uppsikt.example.se/lank/"' 'grep -qE "/lank/[0-9a-f]{64}" "$OUT"'

run user reset --db "$TMP/a.db" --email chef@example.se
check "user reset prints a one-time link" all 'rc_is 0' 'grep -qE "http://127.0.0.1:8080/lank/[0-9a-f]{64}" "$OUT"'

run user reset --db "$TMP/a.db" --email ingen@example.se
check "user reset for an unknown e-mail: exit 2 naming it" all 'rc_is 2' 'error_line_with ingen@example.se'

run demo --db "$TMP/b.db"
check "demo --db exits 0" all 'rc_is 0' '[ -s "$TMP/b.db" ]'

run demo --db "$TMP/b.db"
check "demo again on the same database: non-zero exit, one line on stderr" all rc_nonzero one_error_line

# --- backup and restore (SQLite; PostgreSQL in tests/store/backup_test.cpp) ---
run backup --db "$TMP/b.db" --out "$TMP/b.kopia"
check "backup writes a copy and shows progress up to 100 %" \
  all 'rc_is 0' '[ -s "$TMP/b.kopia" ]' 'stderr_has "100 %"' 'stdout_has "b.kopia"'

run restore --db "$TMP/b.db" --from "$TMP/b.kopia"
check "restore over a database with data: exit 2, the message names --force" \
  all 'rc_is 2' 'error_line_with "--force"' 'error_line_with "innehåller redan data"'

run restore --db "$TMP/b2.db" --from "$TMP/b.kopia"
check "restore into a new database exits 0" all 'rc_is 0' 'stdout_has "återställd"'
check "the restored database holds every row of the original" \
  diff -q <(sqlite3 "$TMP/b.db" .dump) <(sqlite3 "$TMP/b2.db" .dump)

run restore --db "$TMP/b.db" --from "$TMP/b.kopia" --force
check "restore --force over a database with data exits 0" all 'rc_is 0' no_stack_trace

run restore --db "$TMP/b3.db" --from "$SAMPLE"
check "restore from a file that is no backup: a message, no database filled" \
  all 'rc_nonzero' 'error_line_with "ingen säkerhetskopia"'

run backup --db "$TMP/finns-inte.db" --out "$TMP/x.kopia"
check "backup of a missing database: a message naming it" all 'rc_nonzero' 'error_line_with "finns-inte.db"'

# --- the national data set, at a small scale ---
run demo --scale national --municipalities 3 --db "$TMP/n.db"
check "demo --scale national (3 municipalities) exits 0 with progress on stderr" \
  all 'rc_is 0' 'stdout_has "3 kommuner"' 'stderr_has "3 av 3 kommuner"' 'stdout_has "samordnare@demo.uppsikt.se"'

# --- import into a database ---
run demo --db "$TMP/c.db"
check "demo --db for the import tests exits 0" rc_is 0

run import --db "$TMP/c.db" --round "Uppföljning 2025" --unit Miljöförvaltningen "$SAMPLE"
check "import into a round for a demo unit exits 0" all 'rc_is 0' 'stdout_has "skapade:"' no_stack_trace

run import --db "$TMP/c.db" --round "Uppföljning 2025" --unit Miljöförvaltningen "$SAMPLE"
check "the same import again creates nothing (idempotent)" all 'rc_is 0' \
  'stdout_has "skapade: 0 styrdokument, 0 områden och insatser, 0 frågor; 0 svar sparade"'

# The published 2023 round holds Miljöförvaltningen's approved answers, which the file changes.
run import --db "$TMP/c.db" --round "Uppföljning 2023" --unit Miljöförvaltningen "$SAMPLE"
check "import into an approved response makes a new edition and says so" \
  all 'rc_is 0' 'stdout_has "sparades som version 2"' no_stack_trace
# --strict: a warning in any file saves nothing from any file.
{ printf 'En rad som inte hör till någon fråga.\n'; cat "$SAMPLE"; } >"$TMP/varning.txt"
run import --db "$TMP/c.db" --round "Strikt 2025" --unit Miljöförvaltningen --strict "$SAMPLE" "$TMP/varning.txt"
check "import --strict with a warning: exit 1, the warning listed, nothing saved" \
  all 'rc_is 1' 'stderr_has "varning"' 'stderr_has "varning.txt"' \
  '[ "$(sqlite3 "$TMP/c.db" "select count(*) from rounds where name = '"'"'Strikt 2025'"'"'")" = 0 ]'

run import --db "$TMP/c.db" --round "Uppföljning 2025" --unit "Enheten som inte finns" "$SAMPLE"
check "import with an unknown --unit: exit 2 with a message naming the unit" \
  all 'rc_is 2' 'error_line_with "Enheten som inte finns"'

run import --db "$TMP/c.db" "$SAMPLE"
check "import without --round and --unit: exit 2 with a message" all 'rc_is 2' 'error_line_with "--round"'

# --- export ---
run export --db "$TMP/b.db" --round "Uppföljning 2024" --format csv --out "$TMP/s.csv"
check "export of the compiled report as CSV: BOM, header, semicolons, CRLF" \
  all 'rc_is 0' '[ "$(head -c 3 "$TMP/s.csv" | od -An -tx1 | tr -d " ")" = efbbbf ]' \
  'grep -q "Omgång;Styrdokument;Avsnitt;Referens;Fråga;Enhet;Svar;Kommentar;Inlämnad (UTC)" "$TMP/s.csv"' \
  'grep -q $'"'"'\r$'"'"' "$TMP/s.csv"'

run export --db "$TMP/b.db" --round "Uppföljning 2024" --unit "Miljöförvaltningen" --format json --out "$TMP/u.json"
check "export of a unit's report as JSON names the unit" \
  all 'rc_is 0' 'grep -q "\"kind\": \"unit\"" "$TMP/u.json"' 'grep -q "Miljöförvaltningen" "$TMP/u.json"'

run export --db "$TMP/b.db" --round "Uppföljning 2024" --unit "Miljöförvaltningen" --without-comments --format json --out "$TMP/u-utan.json"
check "export of a unit's report without comments leaves the comments out" \
  all 'rc_is 0' 'grep -q "Miljöförvaltningen" "$TMP/u-utan.json"' \
  '! grep -q "lagstyrt" "$TMP/u-utan.json"' 'grep -q "lagstyrt" "$TMP/u.json"'

run export --db "$TMP/b.db" --round "Uppföljning 2024" --format xlsx --scope "Miljö- och klimatnämnden" --kinds forvaltning --out "$TMP/s.xlsx"
check "export of a filtered compiled report as XLSX is a zip" all 'rc_is 0' '[ "$(head -c 2 "$TMP/s.xlsx")" = PK ]'

run export --db "$TMP/b.db" --round "Uppföljning 2024" --format html --out "$TMP/s.html"
check "export as HTML is a standalone page" all 'rc_is 0' 'grep -q "<!DOCTYPE html>" "$TMP/s.html"' 'grep -q "Sammanfattning" "$TMP/s.html"'

run export --db "$TMP/b.db" --round "Uppföljning 1999" --format csv --out "$TMP/x.csv"
check "export of a round that does not exist: exit 2, Swedish message" all 'rc_is 2' 'error_line_with "finns inte"' '[ ! -e "$TMP/x.csv" ]'

run export --db "$TMP/b.db" --round "Uppföljning 2024" --format odt --out "$TMP/x.odt"
check "export in an unknown format: exit 2" all 'rc_is 2' one_error_line

run export --db "$TMP/b.db" --round "Uppföljning 2024" --kinds planet --format csv --out "$TMP/x.csv"
check "export with an unknown unit kind: exit 2 naming it" all 'rc_is 2' 'error_line_with "planet"'

# --- serve ---
run serve --db /nonexistent-dir/x.db --port 0
check "serve with a database that cannot be opened: exit 2, one line on stderr" all 'rc_is 2' one_error_line

# --- the configuration file ---
printf '[server]\nport = 8080\nthreads = "många"\n' >"$TMP/bad.conf"
run serve --config "$TMP/bad.conf"
check "serve with a bad configuration file: exit 2, one line naming the key and its line" \
  all 'rc_is 2' one_error_line 'error_line_with "bad.conf rad 3: threads:"'
run config check --config "$TMP/bad.conf"
check "config check of a bad file: the same line, exit 2" all 'rc_is 2' 'error_line_with "rad 3: threads:"'
printf '[database]\nurl = "postgresql://uppsikt:hemligt@db/uppsikt"\n[server]\nport = 8090\n' >"$TMP/good.conf"
run config check --config "$TMP/good.conf"
check "config check prints the effective configuration with the password masked" \
  all 'rc_is 0' 'stdout_has "port = 8090"' 'stdout_has "uppsikt:****@db"' '! stdout_has hemligt'
run_env "UPPSIKT_PORT=9001" config check --config "$TMP/good.conf"
check "config check: the environment goes before the file" all 'rc_is 0' 'stdout_has "port = 9001"'
printf '[database]\nurl = "%s"\n' "$TMP/b.db" >"$TMP/db.conf"
run backup --config "$TMP/db.conf" --out "$TMP/c.kopia"
check "backup --config takes the database from the file" all 'rc_is 0' '[ -s "$TMP/c.kopia" ]'
# --- mail ---
run mail test --to anna@example.se --smtp-url smtp://127.0.0.1:1
check "mail test to an unreachable server: exit 1, says so in Swedish" all 'rc_is 1' 'stdout_has "Kan inte nå e-postservern smtp://127.0.0.1:1"'

run mail test --to anna@example.se --smtp-url smtp://127.0.0.1:1 --smtp-user u --smtp-password-file "$TMP/saknas"
check "mail test with a missing password file: exit 2 naming the file" all 'rc_is 2' 'error_line_with "lösenordsfilen"' 'error_line_with "$TMP/saknas"'

run mail test --to "inte en adress" --smtp-url smtp://127.0.0.1:1
check "mail test to a bad address: exit 2, Swedish message" all 'rc_is 2' 'error_line_with "ogiltig e-postadress"'

run mail test --to anna@example.se --smtp-url http://127.0.0.1:1
check "mail test with a URL that is not smtp://: exit 2" all 'rc_is 2' 'error_line_with "smtp://"'

run serve --db "$TMP/mail.db" --port 0 --smtp-url smtp://127.0.0.1:1
check "serve with mail but no --public-url: exit 2 naming it" all 'rc_is 2' 'error_line_with "--public-url"'

timeout -s TERM 3 "$BIN" serve --db "$TMP/mail.db" --port 0 --smtp-url smtp://127.0.0.1:1 --public-url http://localhost >"$OUT" 2>"$ERR"
RC=$?
check "serve with mail starts its sender and stops on SIGTERM" all 'stdout_has "lyssnar"' no_stack_trace

# --- remind, against the real SMTP server of the mail tests ---
SMTP_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$TMP/smtp"
/usr/bin/python3 tests/support/smtp_sink.py "$SMTP_PORT" "$TMP/smtp" &  # Debian's, with aiosmtpd
SMTP_PID=$!
trap 'kill "$SMTP_PID" 2>/dev/null; rm -rf -- "$TMP"' EXIT
for _ in $(seq 100); do [ -e "$TMP/smtp/ready" ] && break; sleep 0.05; done
REMIND=(--smtp-url "smtp://127.0.0.1:$SMTP_PORT" --public-url https://uppsikt.example.se)
run demo --db "$TMP/r.db"
run remind --db "$TMP/r.db" --round "Uppföljning 2024" --unit Miljöförvaltningen "${REMIND[@]}"
check "remind --unit: the unit's respondent gets the reminder, exit 0, the count and address printed" \
  all 'rc_is 0' 'stdout_has "Miljöförvaltningen: 1 av 1 skickade till svarande@demo.uppsikt.se"' \
  'grep -l "svarande@demo.uppsikt.se" "$TMP"/smtp/*.json | xargs grep -q "https://uppsikt.example.se/omgangar/"'
check "remind is audited as the command line's, without addresses" all \
  '[ "$(sqlite3 "$TMP/r.db" "select count(*) from audit where action = '"'"'round_remind'"'"' and user_id is null and after_json like '"'"'%Miljöförvaltningen%'"'"' and after_json not like '"'"'%@%'"'"'")" = 1 ]'
run remind --db "$TMP/r.db" --round "Uppföljning 2024" "${REMIND[@]}"
check "remind of the whole round: every unit not handed in listed, exit 0" \
  all 'rc_is 0' 'stdout_has "Miljöförvaltningen: 1 av 1 skickade"' 'stdout_has "ingen svarande att påminna"' \
  '[ "$(ls "$TMP"/smtp/*.json | wc -l)" = 2 ]'
printf 'hemligt-lösen-123\n' | timeout 60 "$BIN" user add --db "$TMP/r.db" --email okand@example.se --name Okänd \
  --role respondent --unit Miljöförvaltningen --password-stdin >/dev/null 2>&1
run remind --db "$TMP/r.db" --round "Uppföljning 2024" --unit Miljöförvaltningen "${REMIND[@]}"
check "remind with an address the server refuses: exit 1, the refusal printed, the rest sent" \
  all 'rc_is 1' 'stdout_has "1 av 2 skickade till svarande@demo.uppsikt.se"' 'stdout_has "misslyckades"'
run remind --db "$TMP/r.db" --round "Uppföljning 1999" "${REMIND[@]}"
check "remind of an unknown round: exit 2, one Swedish line naming it" \
  all 'rc_is 2' one_error_line 'error_line_with "Uppföljning 1999"'
run remind --db "$TMP/r.db" --round "Uppföljning 2024" --unit "Ingen sådan enhet" "${REMIND[@]}"
check "remind of an unknown unit: exit 2, one Swedish line naming it" \
  all 'rc_is 2' one_error_line 'error_line_with "Ingen sådan enhet"'
run remind --db "$TMP/r.db" --round "Uppföljning 2023" "${REMIND[@]}"
check "remind of a published round: exit 2, says only an open round" all 'rc_is 2' 'error_line_with "öppen omgång"'
kill "$SMTP_PID" 2>/dev/null

# --- UPPSIKT_DB ---
run_env "UPPSIKT_DB=$TMP/d.db" init
check "UPPSIKT_DB is the default for --db" all 'rc_is 0' '[ -s "$TMP/d.db" ]'

run_env "UPPSIKT_DB=" init
check "init without a database: exit 2, one line on stderr" all 'rc_is 2' one_error_line

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
