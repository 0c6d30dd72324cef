#!/usr/bin/env bash
# `rasa test` on the test stories: every turn's intent and next action must match.
source "$(dirname "$0")/common.sh"
model=$(model_path)
[ -f "$model" ] || fail "Ingen tränad modell. Kör 'make train'."
export ACTION_SERVER_URL=${ACTION_SERVER_URL:-http://127.0.0.1:5055/webhook}
export ACTION_SERVER_TOKEN=${ACTION_SERVER_TOKEN:-}  # endpoints.yml names it; rasa test calls no action
export TRACKER_DB=${TRACKER_DB:-var/test-tracker.db}
export TRACKER_URL=${TRACKER_URL:-sqlite:///$TRACKER_DB}
mkdir -p results var
stories=$(find tests/stories -name '*.yml' | sort)
[ -n "$stories" ] || fail "Inga testberättelser i tests/stories."
# Through rasa_plugins/cli.py: skops, which loads the classifier, imported before TensorFlow.
if ! "$BIN/python" -m rasa_plugins.cli test core --model "$model" --stories tests/stories --endpoints endpoints.yml \
     --out results/core --fail-on-prediction-errors --quiet >results/rasa-test.log 2>&1; then
  grep -v -E "Warning|warn|tensorflow|^\s*$" results/rasa-test.log | tail -40 >&2
  [ -f results/core/failed_test_stories.yml ] && cat results/core/failed_test_stories.yml >&2
  fail "rasa test: några testberättelser gick inte igenom (se ovan och results/core/)."
fi
count=$(grep -c -- "- story:" $stories | awk -F: '{s+=$NF} END {print s}')
say "rasa test: alla $count testberättelser gick igenom."
