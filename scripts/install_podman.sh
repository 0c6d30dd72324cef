#!/usr/bin/env bash
# Installs podman (with runc and mmdebstrap, which scripts/images.sh may need, and podman-compose and
# the dnsname plugin, which the compose test uses) for `make images-test` when neither podman nor a
# running docker is there, and podman-compose alone where podman is there without it. Never fails:
# where nothing can be installed (not Debian, no root and no sudo, no package), it says so and the
# tests that need the missing tool are skipped.
source "$(dirname "$0")/common.sh"
source scripts/container_tool.sh
PACKAGES=()
if [ -z "$TOOL" ]; then
  PACKAGES=(podman runc mmdebstrap podman-compose)
elif [ "$TOOL" = podman ] && ! command -v podman-compose >/dev/null 2>&1; then
  PACKAGES=(podman-compose)
fi
# The services of compose.yml find each other by name ("postgres", "redis"): on podman's CNI networks
# that takes the dnsname plugin, which podman only recommends (a fresh machine lacked it).
if [ "$TOOL" != docker ] && [ ! -e "${CNI_PLUGIN_DIR:-/usr/lib/cni}/dnsname" ] && command -v apt-cache >/dev/null 2>&1 \
  && apt-cache show golang-github-containernetworking-plugin-dnsname >/dev/null 2>&1; then
  PACKAGES+=(golang-github-containernetworking-plugin-dnsname)
fi
[ "${#PACKAGES[@]}" -gt 0 ] || exit 0
SUDO=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo); else
    say "${PACKAGES[*]} saknas, och utan root eller sudo kan de inte installeras: testerna som behöver dem hoppas över. Kör 'sudo apt-get install ${PACKAGES[*]}' för att köra dem."
    exit 0
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  say "${PACKAGES[*]} saknas, och maskinen har inte apt-get: testerna som behöver dem hoppas över. Installera ${PACKAGES[*]} för att köra dem."
  exit 0
fi
say "Installerar ${PACKAGES[*]} för avbildstesterna ..."
mkdir -p var/logs
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get install -y --no-install-recommends "${PACKAGES[@]}" >var/logs/apt-podman.log 2>&1 \
  || { "${SUDO[@]}" apt-get update >>var/logs/apt-podman.log 2>&1 && "${SUDO[@]}" apt-get install -y --no-install-recommends "${PACKAGES[@]}" >>var/logs/apt-podman.log 2>&1; } \
  || say "${PACKAGES[*]} kunde inte installeras (se var/logs/apt-podman.log): testerna som behöver dem hoppas över."
exit 0
