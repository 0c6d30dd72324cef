#!/usr/bin/env bash
# Installs the browser libraries the tests use from the npm registry (exact versions and
# integrity hashes in web/package-lock.json) and checks that the socket.io client committed
# in web/vendor/ is byte for byte the one npm verified against the lock. The page itself
# loads only web/vendor/, so `make run` needs neither Node.js nor npm. A stamp with the
# lock's hash makes a second run a no-op.
source "$(dirname "$0")/common.sh"

STAMP=web/node_modules/.asf-installed
WANT=$(cat web/package.json web/package-lock.json web/vendor/socket.io.min.js web/vendor/socket.io-client.LICENSE \
  scripts/web_vendor.sh | sha256sum | cut -c1-16)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] && [ -d web/node_modules/axe-core ]; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || fail "Testerna behöver Node.js och npm för sina JavaScript-bibliotek. Installera dem (t.ex. 'make system' eller 'apt-get install nodejs npm') och försök igen."
say "Installerar testernas JavaScript-bibliotek från npm (web/package-lock.json) ..."
mkdir -p var/logs
if ! (cd web && npm ci --ignore-scripts --no-audit --no-fund) >var/logs/npm.log 2>&1; then
  fail "JavaScript-biblioteken kunde inte installeras (se var/logs/npm.log). Kontrollera nätverket mot npm-registret och försök igen."
fi
for pair in "dist/socket.io.min.js socket.io.min.js" "LICENSE socket.io-client.LICENSE"; do
  read -r from to <<<"$pair"
  cmp -s "web/node_modules/socket.io-client/$from" "web/vendor/$to" \
    || fail "web/vendor/$to är inte samma fil som socket.io-client i web/package-lock.json. Kopiera web/node_modules/socket.io-client/$from dit och checka in den."
done
echo "$WANT" >"$STAMP"
