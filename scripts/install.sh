#!/usr/bin/env bash
# Creates .venv from the pinned lock file for the best Python this machine has.
# Idempotent: a stamp holding the lock's hash makes a second run a no-op.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${ASF_VENV:-.venv}  # overridable so tests can install elsewhere
say() { printf '%s\n' "$*" >&2; }
fail() { say "FEL: $*"; exit 1; }

version_of() { "$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null; }

find_python() {
  local candidate
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return; fi
  # Route 1: Python 3.10, the version Rasa 3.6 supports.
  if command -v pyenv >/dev/null 2>&1; then
    candidate=$(PYENV_VERSION=3.10.13 pyenv which python3.10 2>/dev/null || true)
    [ -n "$candidate" ] && { echo "$candidate"; return; }
  fi
  command -v python3.10 >/dev/null 2>&1 && { command -v python3.10; return; }
  # Route 2: Python 3.11 with rasa installed without its Python check.
  command -v python3.11 >/dev/null 2>&1 && { command -v python3.11; return; }
  command -v python3 >/dev/null 2>&1 && { command -v python3; return; }
  echo ""
}

PY=$(find_python)
[ -n "$PY" ] || fail "Ingen Python hittades. Installera Python 3.11 (rekommenderas, t.ex. Debian 12:s python3) eller 3.10 (t.ex. 'pyenv install 3.10.13') och kör 'make install' igen."
VERSION=$(version_of "$PY") || true
case "$VERSION" in
  3.10 | 3.11) ;;
  *) fail "Python $VERSION ($PY) fungerar inte med Rasa 3.6. Installera Python 3.11 (rekommenderas) eller 3.10, eller peka ut en med PYTHON=/sökväg/python3.11 make install." ;;
esac

# One hashed lock per Python, compiled from requirements/runtime.in by `make lock`; the test and
# development tools (pytest, playwright, mypy, ruff, py-spy) have their own, from requirements/dev.in.
# ASF_RUNTIME_ONLY=1 leaves them out (the container images, servers, `make run`).
TAG=py${VERSION/./}
LOCKS="requirements/$TAG.lock"
[ "${ASF_RUNTIME_ONLY:-}" = 1 ] || LOCKS="$LOCKS requirements/$TAG-dev.lock"

STAMP="$VENV/.installed"
want_of() { { echo "$VERSION"; cat "$@" scripts/install.sh; } | sha256sum | cut -c1-16; }
WANT=$(want_of $LOCKS)
# A venv with the test tools has everything a runtime-only install would give (`make run` after `make test`).
FULL=$WANT
[ ! -f "requirements/$TAG-dev.lock" ] || FULL=$(want_of "requirements/$TAG.lock" "requirements/$TAG-dev.lock")
if [ -f "$STAMP" ] && [ -x "$VENV/bin/rasa" ] && { [ "$(cat "$STAMP")" = "$WANT" ] || [ "$(cat "$STAMP")" = "$FULL" ]; }; then
  exit 0
fi

if [ -d "$VENV" ] && [ "$(version_of "$VENV/bin/python" || true)" != "$VERSION" ]; then
  say "Den virtuella miljön har en annan Python-version; skapar den på nytt."
  rm -rf "$VENV"
fi
say "Installerar beroenden med Python $VERSION ($PY) i $VENV (första gången tar det några minuter) ..."
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check --no-input --quiet)
"${PIP[@]}" install "pip==24.0" 2>&1 | grep -v "is ignored: it is neither a file nor a directory" || true
# Every package is pinned with its hashes in the lock, so dependency resolution is off and the
# installer refuses a file whose hash the lock does not name.
# The installer is uv (requirements/installer.lock, itself checked against its hashes, kept outside
# the venv): it downloads in parallel, keeps unpacked wheels in its own cache (~/.cache/uv) and
# compiles the bytecode on every core. Measured here for py310.lock: 57 s with empty caches and
# 28 s from its cache, against 137 s for pip, which never reuses a download on this machine (the
# package index's proxy sends no caching headers). Where uv cannot be installed, pip does it.
tools=$(mktemp -d)
trap 'rm -rf "$tools"' EXIT
if "${PIP[@]}" install --no-deps --require-hashes --target "$tools" -r requirements/installer.lock >/dev/null 2>&1 \
   && [ -x "$tools/bin/uv" ]; then
  # uv reads no pip configuration: a proxy's CA bundle (PIP_CERT) and another index are passed on.
  [ -z "${PIP_CERT:-}" ] || export SSL_CERT_FILE=$PIP_CERT
  [ -z "${PIP_INDEX_URL:-}" ] || export UV_INDEX_URL=$PIP_INDEX_URL
  # uv does not check Rasa's Python < 3.11 when dependencies are off (--no-deps), so 3.11 needs no flag.
  INSTALL=("$tools/bin/uv" pip install --python "$VENV/bin/python" --no-deps --require-hashes --compile-bytecode --quiet)
else
  INSTALL=("${PIP[@]}" install --no-deps --require-hashes)
  # Rasa's metadata says Python < 3.11, but all it needs runs on 3.11 (see README); every version in
  # the 3.11 lock is fixed, so the flag cannot make pip choose another.
  [ "$VERSION" = 3.10 ] || INSTALL+=(--ignore-requires-python)
fi
for lock in $LOCKS; do
  if ! "${INSTALL[@]}" -r "$lock" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2); then
    fail "Paketen kunde inte laddas ner eller installeras (se ovan). Kontrollera nätverket mot PyPI och kör 'make install' igen."
  fi
done
"$VENV/bin/python" -m pip check >/dev/null 2>&1 || say "Varning: 'pip check' hittade beroenden som inte stämmer (se '$VENV/bin/pip check')."
echo "$WANT" > "$STAMP"
say "Klart: $VENV med Python $VERSION."
