#!/usr/bin/env bash
# `rasa data validate`, failing on warnings too: a warning here is a real mistake.
source "$(dirname "$0")/common.sh"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
"$BIN/rasa" data validate --config config.yml --domain domain.yml --data data --fail-on-warnings \
  >"$out" 2>&1 || status=$?
if [ "$status" -ne 0 ] || grep -E "UserWarning|WARNING" "$out" | grep -v -E "tensorflow|absl" >/dev/null; then
  grep -v -E "tensorflow|cuda|cpu_feature_guard|TensorRT|oneDNN|rebuild TensorFlow" "$out" >&2
  fail "rasa data validate hittade problem (se ovan)."
fi
say "rasa data validate: inga fel eller varningar."
