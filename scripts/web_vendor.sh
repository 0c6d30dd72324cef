#!/usr/bin/env bash
# Installs the page's browser libraries from the npm registry (exact versions in
# web/package-lock.json) and copies what the page loads into web/vendor/, so the
# page never fetches anything from a CDN. A stamp with the lock's hash makes a
# second run a no-op.
source "$(dirname "$0")/common.sh"

STAMP=web/vendor/.installed
WANT=$(cat web/package.json web/package-lock.json scripts/web_vendor.sh | sha256sum | cut -c1-16)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT" ] && [ -d web/node_modules/axe-core ]; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || fail "Intranätsidan behöver Node.js och npm för sina JavaScript-bibliotek. Installera dem (t.ex. 'make system' eller 'apt-get install nodejs npm') och försök igen."
say "Installerar intranätsidans JavaScript-bibliotek från npm (web/package-lock.json) ..."
mkdir -p var/logs
if ! (cd web && npm ci --ignore-scripts --no-audit --no-fund) >var/logs/npm.log 2>&1; then
  fail "JavaScript-biblioteken kunde inte installeras (se var/logs/npm.log). Kontrollera nätverket mot npm-registret och försök igen."
fi
rm -rf web/vendor
mkdir -p web/vendor
cp web/node_modules/socket.io-client/dist/socket.io.min.js web/vendor/
cp web/node_modules/socket.io-client/LICENSE web/vendor/socket.io-client.LICENSE
echo "$WANT" >"$STAMP"
