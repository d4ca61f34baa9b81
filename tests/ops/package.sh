#!/usr/bin/env bash
# The Debian package: built with CPack from a built tree, inspected with dpkg-deb (paths,
# modes, conffiles, maintainer scripts), its units checked by systemd-analyze (verify, and a
# security exposure of at most 4.0), then unpacked into a throw-away root whose binary serves
# the default configuration (paths moved into the root) and answers /readyz; the backup script
# keeps the newest copies.
#
#   package.sh BUILD_DIR
set -euo pipefail
BUILD=$(realpath "$1")
TMP=$(mktemp -d /tmp/uppsikt-deb.XXXXXX)
PID=
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null
  rm -rf -- "$TMP"
}
trap cleanup EXIT
fail() { echo "FAIL $*"; exit 1; }
ok() { echo "ok   $*"; }

start=$SECONDS
(cd "$BUILD" && cpack -G DEB --config CPackConfig.cmake -B "$TMP/out" >"$TMP/cpack.log" 2>&1) \
  || { tail -n 20 "$TMP/cpack.log"; fail "cpack"; }
DEB=$(ls "$TMP"/out/*.deb)
ok "built $(basename "$DEB") in $((SECONDS - start)) s"

dpkg-deb --info "$DEB" >"$TMP/info"
grep -q '^ Package: uppsikt$' "$TMP/info" || fail "package name"
grep -q '^ Depends: .*libsqlite3' "$TMP/info" || fail "no library dependencies (dpkg-shlibdeps)"
for f in conffiles postinst prerm postrm; do grep -qw "$f" "$TMP/info" || fail "no $f in the control files"; done
dpkg-deb --ctrl-tarfile "$DEB" | tar -xO ./conffiles | grep -qx /etc/uppsikt/uppsikt.conf \
  || fail "the configuration is not a conffile"
dpkg-deb --ctrl-tarfile "$DEB" | tar -xO ./postinst >"$TMP/postinst"
grep -q 'useradd --system' "$TMP/postinst" || fail "postinst creates no system user"
grep -q 'install -d -o uppsikt -g uppsikt -m 0750 /var/lib/uppsikt' "$TMP/postinst" || fail "postinst makes no /var/lib/uppsikt"
grep -q 'uppsikt init --config /etc/uppsikt/uppsikt.conf --admin-email' "$TMP/postinst" || fail "no first-admin message"
dpkg-deb --ctrl-tarfile "$DEB" | tar -xO ./postrm | grep -q 'purge' || fail "postrm keeps everything on purge"
ok "control: name, dependencies, conffiles, maintainer scripts"

dpkg-deb --contents "$DEB" >"$TMP/contents"
has() { grep -qE "^$1 +root/root .* \./$2\$" "$TMP/contents" || fail "not in the package as $1: $2"; }
has '-rwxr-xr-x' usr/bin/uppsikt
has 'drwxr-x---' etc/uppsikt/
has '-rw-r-----' etc/uppsikt/uppsikt.conf
has '-rw-r--r--' lib/systemd/system/uppsikt.service
has '-rw-r--r--' lib/systemd/system/uppsikt-backup.service
has '-rw-r--r--' lib/systemd/system/uppsikt-backup.timer
has '-rwxr-xr-x' usr/lib/uppsikt/uppsikt-backup
has '-rw-r--r--' usr/share/man/man1/uppsikt.1.gz
has '-rw-r--r--' usr/share/doc/uppsikt/README.md
grep -q '\./usr/share/uppsikt/static/.*\.css$' "$TMP/contents" || fail "no static files"
ok "contents: binary, configuration 0640, units, backup script, static files, man page, README"

ROOT=$TMP/root
dpkg -x "$DEB" "$ROOT"
zcat "$ROOT/usr/share/man/man1/uppsikt.1.gz" >"$TMP/man"
grep -q 'metrics-bind' "$TMP/man" && grep -q 'config check' "$TMP/man" || fail "the man page lacks serve's options"
ok "the man page holds every command's --help"

# verify looks up ExecStart= and the units' dependencies (sysinit.target …) inside --root: the
# package unpacked over a copy of this machine's units.
VROOT=$TMP/verify
mkdir -p "$VROOT/lib/systemd"
cp -a /lib/systemd/system "$VROOT/lib/systemd/"
cp -a "$ROOT/." "$VROOT/"
units="$VROOT/lib/systemd/system/uppsikt.service $VROOT/lib/systemd/system/uppsikt-backup.service $VROOT/lib/systemd/system/uppsikt-backup.timer"
SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no --root="$VROOT" $units >"$TMP/verify.out" 2>&1 \
  || { cat "$TMP/verify.out"; fail "systemd-analyze verify"; }
[ ! -s "$TMP/verify.out" ] || { cat "$TMP/verify.out"; fail "systemd-analyze verify has remarks"; }
ok "systemd-analyze verify accepts the units"
for unit in uppsikt.service uppsikt-backup.service; do
  systemd-analyze security --offline=yes --root="$ROOT" "$ROOT/lib/systemd/system/$unit" >"$TMP/security" 2>&1 || true
  score=$(sed -n 's/.*Overall exposure level for .*: \([0-9.]*\).*/\1/p' "$TMP/security")
  [ -n "$score" ] || { tail -n 5 "$TMP/security"; fail "no exposure level for $unit"; }
  python3 -c "import sys; sys.exit(0 if $score <= 4.0 else 1)" || { grep '✗' "$TMP/security" | head -n 20; fail "$unit exposure $score > 4.0"; }
  ok "systemd-analyze security: $unit exposure $score (OK at 4.0 or less)"
done

# The packaged binary on the default configuration, its paths moved into the root.
mkdir -p "$ROOT/var/lib/uppsikt/backup"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
sed -e "s|\"/var/lib/uppsikt|\"$ROOT/var/lib/uppsikt|" -e "s|\"/usr/share/uppsikt|\"$ROOT/usr/share/uppsikt|" \
    -e "s|^port = .*|port = $port|" -e 's|^bind = "127.0.0.1:9464"|bind = "127.0.0.1:0"|' \
    "$ROOT/etc/uppsikt/uppsikt.conf" >"$TMP/uppsikt.conf"
"$ROOT/usr/bin/uppsikt" config check --config "$TMP/uppsikt.conf" >"$TMP/check" 2>&1 || { cat "$TMP/check"; fail "config check on the default configuration"; }
"$ROOT/usr/bin/uppsikt" serve --config "$TMP/uppsikt.conf" >"$TMP/serve.out" 2>"$TMP/serve.err" &
PID=$!
status=
for _ in $(seq 200); do
  status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/readyz" || true)
  [ "$status" = 200 ] && break
  sleep 0.05
done
[ "$status" = 200 ] || { cat "$TMP/serve.out" "$TMP/serve.err"; fail "/readyz of the packaged binary: $status"; }
curl -s "http://127.0.0.1:$port/static/fkui.css" -o /dev/null -w '%{http_code}' | grep -q 200 \
  || curl -s "http://127.0.0.1:$port/logga-in" | grep -q 'stylesheet' || fail "no static files served"
grep -q 'uppsikt init --config' "$TMP/serve.err" || { cat "$TMP/serve.err"; fail "no first-admin message in the log"; }
ok "the packaged binary serves the default configuration: /readyz 200, first-admin message logged"

# The nightly backup keeps the newest copies.
for day in 01 02 03; do touch "$ROOT/var/lib/uppsikt/backup/uppsikt-2020-01-${day}T000000Z.backup"; done
UPPSIKT_BIN="$ROOT/usr/bin/uppsikt" UPPSIKT_CONFIG="$TMP/uppsikt.conf" UPPSIKT_BACKUP_DIR="$ROOT/var/lib/uppsikt/backup" \
  UPPSIKT_BACKUP_KEEP=2 sh "$ROOT/usr/lib/uppsikt/uppsikt-backup" >"$TMP/backup.out" 2>&1 || { cat "$TMP/backup.out"; fail "uppsikt-backup"; }
kept=$(ls "$ROOT/var/lib/uppsikt/backup")
[ "$(wc -l <<<"$kept")" = 2 ] && grep -q 2020-01-03 <<<"$kept" && ! grep -q 2020-01-02 <<<"$kept" \
  || fail "uppsikt-backup kept: $kept"
ok "uppsikt-backup writes a copy and keeps the newest ones"

kill -TERM "$PID"
wait "$PID" || fail "the packaged binary did not stop cleanly"
PID=
ok "done in $((SECONDS - start)) s"
