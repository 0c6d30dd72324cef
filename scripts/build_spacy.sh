#!/usr/bin/env bash
# Builds the Swedish spaCy pipeline unless it is up to date with nlp/.
source "$(dirname "$0")/common.sh"
want=$(hash_inputs nlp/entity_patterns.yml nlp/build_spacy_sv.py)
if [ -f "$SPACY_DIR/.stamp" ] && [ "$(cat "$SPACY_DIR/.stamp")" = "$want" ]; then
  exit 0
fi
say "Bygger den svenska spaCy-pipelinen i $SPACY_DIR ..."
rm -rf "$SPACY_DIR"
"$BIN/python" nlp/build_spacy_sv.py "$SPACY_DIR" data/nlu/synonyms.yml \
  || fail "spaCy-pipelinen kunde inte byggas (se felet ovan). Kör 'make install' och försök igen."
echo "$want" > "$SPACY_DIR/.stamp"
