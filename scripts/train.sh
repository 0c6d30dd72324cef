#!/usr/bin/env bash
# Trains a Rasa model named after the hash of its inputs; an existing one is reused.
source "$(dirname "$0")/common.sh"
model=$(model_path)
if [ -f "$model" ]; then
  exit 0
fi
say "Tränar modellen ($model), det tar ungefär en halv minut ..."
mkdir -p models
name=$(basename "$model" .tar.gz)
# Through rasa_plugins/cli.py: skops, which saves the classifier, imported before TensorFlow.
if ! "$BIN/python" -m rasa_plugins.cli train --config config.yml --domain domain.yml --data data --out models \
     --fixed-model-name "$name" --quiet; then
  rm -f "$model"
  fail "Modellen kunde inte tränas (se felet ovan). Kör 'make rasa-validate' för att hitta fel i träningsdatan."
fi
[ -f "$model" ] || fail "Träningen skrev ingen modell till $model."
# Keep only the newest few models.
ls -1t models/asf-*.tar.gz 2>/dev/null | tail -n +4 | xargs -r rm -f
