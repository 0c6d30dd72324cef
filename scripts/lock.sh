#!/usr/bin/env bash
# make lock: compiles the dependencies declared once (requirements/runtime.in, requirements/dev.in)
# into hashed locks for each Python: py310.lock and py311.lock (what the servers run) and
# py310-dev.lock and py311-dev.lock (the test tools, constrained to the runtime lock), and the
# hashes of the installer's pin in installer.lock.
# Versions already in a lock are kept (pip-compile prefers them), and the 3.11 lock is seeded with
# the 3.10 lock's versions, so the two differ only where a version cannot install on 3.11.
# pip-tools runs in throwaway environments under $ASF_LOCK_TOOLS, never in .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS=${ASF_LOCK_TOOLS:-${TMPDIR:-/tmp}/asf-lock-tools}
PIP_TOOLS_VERSION=7.6.2
say() { printf '%s\n' "$*" >&2; }
fail() { say "FEL: $*"; exit 1; }

# The locks come from PyPI alone, whatever extra indexes or folders this machine's pip is set to use
# (their files would add hashes no other machine can match). PIP_CERT (a proxy's CA) is kept.
export PIP_CONFIG_FILE=/dev/null
unset PIP_FIND_LINKS PIP_EXTRA_INDEX_URL PIP_INDEX_URL PIP_CONSTRAINT

python_for() {  # 3.10 or 3.11 -> a path, from pyenv or PATH
  local found=""
  command -v pyenv >/dev/null 2>&1 && found=$(pyenv which "python$1" 2>/dev/null || true)
  [ -n "$found" ] || found=$(command -v "python$1" || true)
  [ -n "$found" ] || fail "Ingen Python $1 hittades; 'make lock' behöver både 3.10 och 3.11."
  echo "$found"
}

tools() {  # version -> the pip-compile of a throwaway venv for that Python
  local venv="$TOOLS/py$1"
  if [ ! -x "$venv/bin/pip-compile" ]; then
    "$(python_for "$1")" -m venv "$venv"
    "$venv/bin/python" -m pip --quiet install "pip==24.0" "pip-tools==$PIP_TOOLS_VERSION"
  fi
  echo "$venv/bin/pip-compile"
}

# pip's own default index (PIP_INDEX_URL is unset above), where the hashes are read.
default_index() { "$TOOLS/py$1/bin/python" -c 'from pip._internal.models.index import PyPI; print(PyPI.simple_url)'; }

# pip-compile resolves; scripts/lock_hashes.py adds the hashes from the index (pip-tools' own
# --generate-hashes would download every wheel of every release, see there).
compile() {  # version, output, inputs and options...
  local version=$1 output=$2
  shift 2
  say "Låser $output (Python $version) ..."
  "$(tools "$version")" --quiet --allow-unsafe --no-header --strip-extras \
    --resolver=backtracking --output-file "$output" "$@"
  "$TOOLS/py$version/bin/python" scripts/lock_hashes.py "$(default_index "$version")" "$output"
}

# Pins of one lock as plain name==version lines (for seeding another lock with them).
pins_of() { grep -E '^[A-Za-z0-9][A-Za-z0-9._-]*==' "$1" | sed 's/ .*//' || true; }

compile 3.10 requirements/py310.lock requirements/runtime.in
compile 3.10 requirements/py310-dev.lock --constraint requirements/py310.lock requirements/dev.in

# Python 3.11: Rasa's own dependencies in its place (scripts/lock_py311.py), the 3.10 versions
# preferred over the 3.11 lock's own, and the Rasa wheels (pure Python, the same files) added
# afterwards with the 3.10 lock's hashes.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$TOOLS/py3.10/bin/python" -m pip --quiet download --no-deps --dest "$work" \
  "$(pins_of requirements/py310.lock | grep -i '^rasa==')" "$(pins_of requirements/py310.lock | grep -i '^rasa-sdk==')"
"$TOOLS/py3.10/bin/python" scripts/lock_py311.py "$work"/*.whl > requirements/py311.in
{ [ -f requirements/py311.lock ] && pins_of requirements/py311.lock; pins_of requirements/py310.lock; } \
  | awk -F'==' '{ seen[tolower($1)] = $0 } END { for (name in seen) print seen[name] }' | sort > "$work/seed"
cp "$work/seed" requirements/py311.lock
compile 3.11 requirements/py311.lock requirements/py311.in
{
  echo "# Rasa 3.6 declares Python < 3.11: scripts/install.sh installs this lock with --ignore-requires-python."
  awk '/^(rasa|rasa-sdk)==/ { keep = 1; print; next } /^[A-Za-z]/ { keep = 0 } keep && /--hash/' requirements/py310.lock
} >> requirements/py311.lock
compile 3.11 requirements/py311-dev.lock --constraint requirements/py311.lock requirements/dev.in
# The installer scripts/install.sh uses (uv): its pin kept (edit it to move), its hashes read again.
{ grep '^#' requirements/installer.lock; pins_of requirements/installer.lock; } > "$work/installer"
cp "$work/installer" requirements/installer.lock
"$TOOLS/py3.10/bin/python" scripts/lock_hashes.py "$(default_index 3.10)" requirements/installer.lock
say "Klart: requirements/py310.lock, py311.lock, py310-dev.lock, py311-dev.lock och installer.lock."
