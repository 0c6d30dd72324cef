#!/usr/bin/env bash
# The Python 3.11 route (what Debian 12 and the container images use), tested beside the
# main one: installs .venv-py311 from requirements/py311.lock and runs the servers'
# WebSocket and REST test against a Rasa server and an action server from that venv.
source "$(dirname "$0")/common.sh"

PY311=${PYTHON311:-$(command -v python3.11 || true)}
if [ -z "$PY311" ]; then
  say "HOPPAR ÖVER 3.11-vägen: ingen python3.11 på maskinen (sätt PYTHON311=/sökväg/python3.11)."
  exit 0
fi
export ASF_VENV=.venv-py311
PYTHON=$PY311 bash scripts/install.sh
# --install-only: just the venv (scripts/test.sh installs it while the first checks run).
[ "${1:-}" != --install-only ] || exit 0
bash scripts/pytest.sh tests/system/test_websocket.py tests/unit/test_sanic_compat.py -q
