#!/usr/bin/env bash
# Runs pytest; "no tests collected" is a failure, not a success.
source "$(dirname "$0")/common.sh"
status=0
"$BIN/python" -m pytest "$@" || status=$?
if [ "$status" -eq 5 ]; then
  fail "pytest hittade inga tester. Det räknas som ett fel."
fi
exit "$status"
