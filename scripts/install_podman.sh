#!/usr/bin/env bash
# Installs podman (with runc and mmdebstrap, which scripts/images.sh may need) for `make images-test`
# when neither podman nor a running docker is there. Never fails: where nothing can be installed
# (not Debian, no root and no sudo, no package), it says so and the image test is skipped.
source "$(dirname "$0")/common.sh"
source scripts/container_tool.sh
[ -z "$TOOL" ] || exit 0
PACKAGES=(podman runc mmdebstrap)
SUDO=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO=(sudo); else
    say "Varken podman eller docker finns, och utan root eller sudo kan de inte installeras: avbildstestet hoppas över. Kör 'sudo apt-get install ${PACKAGES[*]}' för att köra det."
    exit 0
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  say "Varken podman eller docker finns, och maskinen har inte apt-get: avbildstestet hoppas över. Installera podman för att köra det."
  exit 0
fi
say "Installerar ${PACKAGES[*]} för avbildstestet ..."
mkdir -p var/logs
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get install -y --no-install-recommends "${PACKAGES[@]}" >var/logs/apt-podman.log 2>&1 \
  || { "${SUDO[@]}" apt-get update >>var/logs/apt-podman.log 2>&1 && "${SUDO[@]}" apt-get install -y --no-install-recommends "${PACKAGES[@]}" >>var/logs/apt-podman.log 2>&1; } \
  || say "podman kunde inte installeras (se var/logs/apt-podman.log): avbildstestet hoppas över."
exit 0
