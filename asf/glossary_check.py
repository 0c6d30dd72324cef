"""Checks that what the assistant says uses the glossary's words: `python -m asf.glossary_check`.

content/glossary.yml lists one preferred term per concept, the guidance's own term, a
plain explanation and the words to avoid. Every user-visible text in tree.yml
(questions, help, option labels, outcome titles, reasons, conditions, route,
alternative, next steps), messages.yml and concepts.yml is searched for an avoided
word, as a whole word. A word inside ”…” is quoted, not used (”vägledningen skriver
”står för””), and is allowed. Search words (`keywords`, `cues`, …) are not checked: they
hold what users type. Needs only PyYAML and jsonschema (`make validate` runs it in
.venv-editor).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from asf import settings, yamltext

GLOSSARY_FILE = "glossary.yml"
SCHEMA_FILE = "glossary.schema.json"

# The fields of tree.yml that users read.
_QUESTION_FIELDS = ("text", "help", "short")
_OPTION_FIELDS = ("label", "in_text")
_OUTCOME_FIELDS = ("title", "route", "alternative")
# A word quoted as someone else's (”står för”) is a mention, not our use of it.
_QUOTED = re.compile(r"”[^”]*”")


@dataclass(frozen=True)
class Text:
    """A text users see: the file, where in it, and the text."""

    file: str
    place: str
    text: str


@dataclass(frozen=True)
class Term:
    term: str
    guidance: str
    explanation: str
    avoid: tuple[str, ...]
    match_case: bool = False

    def avoided_in(self, text: str) -> list[str]:
        """The avoided words that stand in `text` as whole words, outside ”…” quotes."""
        used = _QUOTED.sub(" ", text)
        flags = 0 if self.match_case else re.IGNORECASE
        return [word for word in self.avoid if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", used, flags)]


class GlossaryError(ValueError):
    """glossary.yml cannot be read or does not follow glossary.schema.json."""


def load_glossary(content: Path | None = None) -> tuple[Term, ...]:
    folder = content or settings.content_dir()
    path = folder / GLOSSARY_FILE
    try:
        raw = yamltext.load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GlossaryError(f"{path} kan inte läsas som YAML: {error}") from error
    schema = json.loads((folder / SCHEMA_FILE).read_text(encoding="utf-8"))
    problems = sorted(jsonschema.Draft7Validator(schema).iter_errors(raw), key=lambda e: list(e.absolute_path))
    if problems:
        first = problems[0]
        where = "/".join(str(part) for part in first.absolute_path) or "filen"
        raise GlossaryError(f"{path}: {where} följer inte {SCHEMA_FILE} ({first.message}).")
    return tuple(
        Term(
            term=entry["term"],
            guidance=entry["guidance"],
            explanation=entry["explanation"],
            avoid=tuple(entry["avoid"]),
            match_case=bool(entry.get("match_case", False)),
        )
        for entry in raw["terms"]
    )


def _read(path: Path) -> Any:
    return yamltext.load(path.read_text(encoding="utf-8"))


def tree_texts(tree: dict[str, Any]) -> Iterator[Text]:
    for qid, question in tree["questions"].items():
        for field in _QUESTION_FIELDS:
            yield Text("tree.yml", f"questions.{qid}.{field}", question[field])
        for option in question["options"]:
            for field in _OPTION_FIELDS:
                if option.get(field):
                    yield Text("tree.yml", f"questions.{qid}.{option['id']}.{field}", option[field])
    for oid, outcome in tree["outcomes"].items():
        for field in _OUTCOME_FIELDS:
            if outcome.get(field):
                yield Text("tree.yml", f"outcomes.{oid}.{field}", outcome[field])
        for kind in ("reasons", "conditions"):
            for number, statement in enumerate(outcome.get(kind) or [], start=1):
                yield Text("tree.yml", f"outcomes.{oid}.{kind}[{number}]", statement["text"])
        for number, step in enumerate(outcome.get("next_steps") or [], start=1):
            yield Text("tree.yml", f"outcomes.{oid}.next_steps[{number}]", step)


def all_texts(content: Path | None = None) -> list[Text]:
    """Every text users see in tree.yml, messages.yml and concepts.yml."""
    folder = content or settings.content_dir()
    texts = list(tree_texts(_read(folder / "tree.yml")))
    for group, entries in _read(folder / "messages.yml").items():
        texts += [Text("messages.yml", f"{group}.{key}", value) for key, value in entries.items()]
    for key, concept in _read(folder / "concepts.yml").items():
        texts += [Text("concepts.yml", f"{key}.{field}", concept[field]) for field in ("name", "text", "source")]
    return texts


def problems(content: Path | None = None) -> list[str]:
    """One line per avoided word found, naming the file, the text and the word to use instead."""
    terms = load_glossary(content)
    found: list[str] = []
    for text in all_texts(content):
        for term in terms:
            for word in term.avoided_in(text.text):
                found.append(
                    f"{text.file}, {text.place}: ”{word}” står i ordlistans undvik-lista. "
                    f"Skriv ”{term.term}” (se {GLOSSARY_FILE})."
                )
    return found


def main(argv: list[str]) -> int:
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        found = problems()
    except GlossaryError as error:
        print(error)
        return 1
    if found:
        print(f"Texterna använder {len(found)} ord som ordlistan säger att vi undviker:")
        for line in found:
            print(f"- {line}")
        return 1
    print("Ordlistan: alla texter i tree.yml, messages.yml och concepts.yml använder ordlistans ord.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
