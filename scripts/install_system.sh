#!/usr/bin/env bash
# Installs the Debian packages the tests need (a browser and the servers of the
# scale-out set-up). Skipped when they are all there. `make run` needs none of them:
# Node.js and npm serve the tests only (axe-core and the check of web/vendor, scripts/web_vendor.sh).
set -euo pipefail
source "$(dirname "$0")/common.sh"

PACKAGES=(chromium chromium-driver postgresql redis-server nginx-light nodejs npm)
COMMANDS=(/usr/bin/chromium /usr/bin/chromedriver /usr/lib/postgresql/15/bin/initdb /usr/bin/redis-server /usr/sbin/nginx node npm)

mkdir -p var/logs
missing=0
for cmd in "${COMMANDS[@]}"; do command -v "$cmd" >/dev/null 2>&1 || missing=1; done
[ "$missing" = 0 ] && exit 0

command -v apt-get >/dev/null 2>&1 || fail "Testerna behöver Debian-paketen ${PACKAGES[*]}. Installera dem med systemets pakethanterare och kör 'make test' igen."
SUDO=()
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null 2>&1 || fail "Testerna behöver Debian-paketen ${PACKAGES[*]}. Kör 'sudo apt-get install ${PACKAGES[*]}' och sedan 'make test' igen."
  SUDO=(sudo)
fi
say "Installerar Debian-paket som testerna behöver: ${PACKAGES[*]} ..."
# Node.js and npm may already come from elsewhere (NodeSource); then only the rest.
want=()
for pkg in "${PACKAGES[@]}"; do
  case "$pkg" in nodejs|npm) command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && continue ;; esac
  want+=("$pkg")
done
# Which of the packages' services run already: those belong to the machine's owner and
# are left alone; only services that the installation below starts are stopped again.
SERVICES=(nginx redis-server postgresql)
running_before=()
for service in "${SERVICES[@]}"; do
  if "${SUDO[@]}" service "$service" status >/dev/null 2>&1; then running_before+=("$service"); fi
done
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get install -y --no-install-recommends "${want[@]}" >var/logs/apt.log 2>&1 \
  || { "${SUDO[@]}" apt-get update >>var/logs/apt.log 2>&1 && "${SUDO[@]}" apt-get install -y --no-install-recommends "${want[@]}" >>var/logs/apt.log 2>&1; } \
  || fail "Debian-paketen kunde inte installeras; se var/logs/apt.log."
# The packages start their own services; the tests start private ones on free ports instead,
# so a service that was not running before the installation is stopped again.
for service in "${SERVICES[@]}"; do
  case " ${running_before[*]} " in *" $service "*) continue ;; esac
  "${SUDO[@]}" service "$service" stop >/dev/null 2>&1 || true
done
