# Shared by the scripts: paths, messages and input hashing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VENV=${ASF_VENV:-.venv}  # another venv (e.g. the Python 3.11 route, make py311) when set
BIN=$VENV/bin
export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-3}
export SQLALCHEMY_SILENCE_UBER_WARNING=1
# No usage data or error reports leave the machine (Rasa sends both to Rasa Inc. by default).
export RASA_TELEMETRY_ENABLED=false
SPACY_DIR=models/spacy-sv

say() { printf '%s\n' "$*" >&2; }
fail() { say "FEL: $*"; exit 1; }

# A short hash of the named files and the contents of the named folders.
hash_inputs() {
  find "$@" -type f ! -name '.*' ! -name '*.pyc' ! -path '*/__pycache__/*' -print0 2>/dev/null \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-12
}

# The model trained from the current inputs (config, domain, data, spaCy pipeline).
model_path() {
  echo "models/asf-$(hash_inputs config.yml domain.yml data nlp/entity_patterns.yml nlp/build_spacy_sv.py).tar.gz"
}

# A fresh random secret (64 hex digits) for a value the operator did not set.
random_secret() { "$BIN/python" -c 'import secrets; print(secrets.token_hex(32))'; }
