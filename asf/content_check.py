"""Checks what no single file's check sees: the assistant's own texts, the concepts,
and the links between content/ and the NLU data, in plain Swedish with file and line.

python -m asf.content_check      (the last step of `make validate`: PyYAML and jsonschema only)

- content/messages.yml follows messages.schema.json; every text the code asks
  for exists, every `{placeholder}` in a text is one the code fills in at every
  place that asks for it, and no text is left unused. The code is read, not run:
  the `messages.text("group.key", name=...)` calls in asf/, actions/ and channels/.
- content/concepts.yml follows concepts.schema.json; every concept has patterns
  of label `concept` in nlp/entity_patterns.yml, and every such pattern id, and
  every `concept` value annotated in data/nlu/*.yml, has an entry in concepts.yml.
- every `party` and `activity` value the NLU can deliver (the canonical values
  in nlp/entity_patterns.yml and the annotated values in data/nlu/*.yml, after
  Rasa's synonyms) picks an answer option by itself on some question of the
  tree: `match_option(question, "", entity_values=[value])`, exactly as
  asf/dialogue.py passes those entities, finds one option.
- content/tree_changelog.yml has an entry for the tree's current version, newest
  first (asf/tree_changelog.py).
"""

from __future__ import annotations

import ast
import json
import re
import string
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from asf import settings, tree_changelog, yamltext
from asf.guidance import learned
from asf.guidance.loader import INDEX_FILE, TREE_FILE, TreeError, default_tree, load_tree
from asf.guidance.model import Tree
from asf.guidance.understanding import match_option, normalise
from asf.guidance.validator import Problem, in_file_order
from asf.guidance.yamlpos import LocatedYaml, PathKey, YamlSyntaxError, load_located

TREE_ENTITIES = ("party", "activity")  # the entities asf/dialogue.py hands to match_option
CONCEPT_ENTITY = "concept"


@dataclass(frozen=True)
class Files:
    """Where the checked files are; tests point these at broken copies."""

    content: Path
    patterns: Path
    nlu: Path
    code: tuple[Path, ...]

    @classmethod
    def default(cls) -> Files:
        return cls(
            content=settings.content_dir(),
            patterns=settings.ROOT / "nlp" / "entity_patterns.yml",
            nlu=settings.ROOT / "data" / "nlu",
            code=tuple(settings.ROOT / folder for folder in ("asf", "actions", "channels")),
        )

    @property
    def messages(self) -> Path:
        return self.content / "messages.yml"

    @property
    def concepts(self) -> Path:
        return self.content / "concepts.yml"


def shown(path: Path) -> str:
    """The path as an editor knows it: relative to the project when it is inside it."""
    try:
        return str(path.resolve().relative_to(settings.ROOT))
    except ValueError:
        return str(path)


def check_all(files: Files) -> list[Problem]:
    problems = check_messages(files.messages, files.content / "messages.schema.json", files.code)
    problems += check_concepts(files.concepts, files.content / "concepts.schema.json", files.patterns, files.nlu)
    try:
        tree = _tree(files.content)
    except TreeError:
        problems.append(
            Problem(
                shown(files.content / "tree.yml"),
                None,
                "Beslutsträdet har fel, så entiteterna kan inte jämföras med det. "
                "Kör `python -m asf.guidance validate` och rätta trädet först.",
            )
        )
    else:
        problems += check_tree_entities(tree, files.patterns, files.nlu)
        log = files.content / "tree_changelog.yml"
        problems += tree_changelog.check(tree.version, log, shown(log))
    return in_file_order(problems)


# --- Loading ------------------------------------------------------------------


def _tree(content: Path) -> Tree:
    """The tree in `content`; the packaged one is loaded once per process."""
    tree_file, index_file = content / "tree.yml", content / "guidance_index.yml"
    if (tree_file.resolve(), index_file.resolve()) == (TREE_FILE.resolve(), INDEX_FILE.resolve()):
        return default_tree()
    return load_tree(tree_file, index_file)


def _load(path: Path) -> tuple[LocatedYaml | None, list[Problem]]:
    try:
        return load_located(path), []
    except YamlSyntaxError as error:
        mark = getattr(error.__cause__, "problem_mark", None)
        message = re.sub(r"^(rad \d+|okänd rad): ", "", str(error).removeprefix(f"{path}, "))
        return None, [Problem(shown(path), mark.line + 1 if mark is not None else None, message)]
    except OSError as error:
        return None, [Problem(shown(path), None, f"Filen kan inte läsas: {error.strerror}.")]


def _schema_problems(doc: LocatedYaml, schema_file: Path) -> list[Problem]:
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    problems = []
    for error in jsonschema.Draft7Validator(schema).iter_errors(doc.data):
        path: PathKey = tuple(error.absolute_path)
        problems.append(Problem(shown(Path(doc.source)), doc.line_of(path), _explain(error, path)))
    return in_file_order(problems)


def _explain(error: jsonschema.ValidationError, path: PathKey) -> str:
    at = "/".join(str(part) for part in path) or "filens början"
    kind = error.validator
    if kind == "required":
        missing = str(error.message).split("'")[1]
        return f"'{at}' saknar fältet '{missing}'. Lägg till det."
    if kind == "additionalProperties":
        unknown = ", ".join(sorted(set(error.instance) - set(error.schema.get("properties", {}))))
        return f"'{at}' har fält som inte finns i mallen: {unknown}. Kontrollera stavningen."
    if kind == "type":
        names = {"object": "en grupp med namn och värden", "string": "en text"}
        wanted = names.get(str(error.validator_value), str(error.validator_value))
        return f"'{at}' har fel typ: det ska vara {wanted}. Står texten inom citattecken?"
    if kind == "minLength":
        return f"'{at}' är tom, men måste ha en text."
    if kind == "minProperties":
        return f"'{at}' är tom. Ta bort den eller lägg till något under den."
    if kind == "pattern":
        where = f" under '{at}'" if path else ""
        return (
            f"Namnet {error.instance!r}{where} går inte att använda. Namn får bara innehålla små "
            "bokstäver a–z, siffror och understreck, och ska börja med en bokstav."
        )
    return f"'{at}': {error.message}"


# --- messages.yml and the code that uses it -----------------------------------


@dataclass(frozen=True)
class TextUse:
    """One `messages.text(...)` call: the key (None if not a plain string) and the names it fills in."""

    key: str | None
    source: str
    line: int
    names: frozenset[str] | None  # None when the call passes **values, which cannot be read


@cache
def text_uses(code: tuple[Path, ...]) -> tuple[TextUse, ...]:
    """Every `messages.text(...)` call in the Python files under `code`, read without running them (once)."""
    uses = []
    for folder in code:
        for path in sorted(folder.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "text"
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "messages"
                ):
                    continue
                first = node.args[0] if node.args else None
                key = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
                spread = any(keyword.arg is None for keyword in node.keywords)
                names = None if spread else frozenset(str(keyword.arg) for keyword in node.keywords)
                uses.append(TextUse(key, shown(path), node.lineno, names))
    return tuple(uses)


def _placeholders(template: str) -> tuple[list[str], list[str]]:
    """The placeholder names in a text, and the faults of the ones that are not plain `{name}`."""
    names, faults = [], []
    for _, field, spec, conversion in string.Formatter().parse(template):
        if field is None:
            continue
        if not field.isidentifier() or spec or conversion:
            faults.append("{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
        else:
            names.append(field)
    return names, faults


def check_messages(messages_file: Path, schema_file: Path, code: tuple[Path, ...]) -> list[Problem]:
    doc, problems = _load(messages_file)
    if doc is None:
        return problems
    problems = _schema_problems(doc, schema_file)
    if problems:
        return problems
    source = shown(messages_file)
    uses = text_uses(code)
    by_key: dict[str, list[TextUse]] = {}
    for use in uses:
        if use.key is None or use.names is None:
            problems.append(
                Problem(
                    use.source,
                    use.line,
                    "messages.text anropas inte med ett fast namn och namngivna värden, så `make validate` "
                    'kan inte kontrollera texten. Skriv till exempel messages.text("grupp.namn", varde=...).',
                )
            )
        else:
            by_key.setdefault(use.key, []).append(use)
    texts: dict[str, str] = {}
    for group, entries in doc.data.items():
        for name, template in entries.items():
            key = f"{group}.{name}"
            texts[key] = template
            line = doc.line_of((group, name))
            try:
                names, faults = _placeholders(template)
            except ValueError:
                problems.append(
                    Problem(
                        source,
                        line,
                        f"Texten '{key}' har en klammer {{ eller }} som inte hör till en platshållare. "
                        "Skriv {{ eller }} för att få en klammer i texten.",
                    )
                )
                continue
            for fault in faults:
                problems.append(
                    Problem(
                        source,
                        line,
                        f"Texten '{key}' har platshållaren {fault}. En platshållare är bara ett namn inom "
                        "klamrar, till exempel {contact}.",
                    )
                )
            if key not in by_key:
                problems.append(
                    Problem(
                        source,
                        line,
                        f"Texten '{key}' används inte av assistenten. Är namnet felstavat? Annars kan du ta bort den.",
                    )
                )
            for use in by_key.get(key, []):
                assert use.names is not None
                for missing in dict.fromkeys(n for n in names if n not in use.names):
                    given = ", ".join(f"{{{n}}}" for n in sorted(use.names)) or "inga platshållare"
                    problems.append(
                        Problem(
                            source,
                            line,
                            f"Texten '{key}' använder {{{missing}}}, men assistenten fyller inte i den "
                            f"({use.source}, rad {use.line} ger: {given}). Rätta stavningen eller ta bort "
                            "platshållaren.",
                        )
                    )
    for key, key_uses in by_key.items():
        if key not in texts:
            group = key.split(".", 1)[0]
            for use in key_uses:
                problems.append(
                    Problem(
                        use.source,
                        use.line,
                        f"Assistenten behöver texten '{key}', men den finns inte i {source}. "
                        f"Lägg till den under gruppen '{group}' (eller rätta namnet).",
                    )
                )
    return in_file_order(problems)


# --- NLU data: entity patterns and annotated examples --------------------------


@dataclass(frozen=True)
class NluValue:
    """An entity value the NLU can deliver, and where it was found."""

    entity: str
    value: str
    source: str
    line: int | None
    written: str  # as it stands in the file
    explicit: bool = False  # the file names the value itself (`{"entity": ..., "value": ...}`)


_ANNOTATION = re.compile(r"\[(?P<text>[^\]\n]+)\](?:\((?P<short>[^)\n]+)\)|(?P<json>\{[^}\n]*\}))")


def _patterns(doc: LocatedYaml) -> tuple[dict[str, dict[str, list[str]]], list[Problem]]:
    """The patterns by label and value; problems if the file does not have that shape."""
    data = doc.data
    source = shown(Path(doc.source))
    wrong = Problem(
        source,
        None,
        "Filen ska ha en grupp per entitet (party, activity, concept), och under varje grupp ett värde "
        "med en lista av ord, till exempel `kommunen: [kommunen, kommun]`.",
    )
    if not isinstance(data, dict):
        return {}, [wrong]
    patterns: dict[str, dict[str, list[str]]] = {}
    for label, values in data.items():
        if not isinstance(values, dict) or not all(isinstance(v, list) for v in values.values()):
            return {}, [Problem(source, doc.line_of((label,)), wrong.message)]
        patterns[str(label)] = {str(value): [str(p) for p in phrases] for value, phrases in values.items()}
    return patterns, []


def _nlu_files(nlu: Path) -> list[Path]:
    return sorted(nlu.glob("*.yml"))


def _synonyms(nlu: Path) -> dict[str, str]:
    """Rasa's synonym table (EntitySynonymMapper.train): text in lower case -> value.

    First the `synonym:` blocks and the annotations that name their value, then
    every annotation; each value also maps to itself, whatever its case.
    """
    table: dict[str, str] = {}

    def add(text: str, value: str) -> None:
        if text != value:
            table[text.lower()] = value
        table.setdefault(value.lower(), value)

    files = _nlu_files(nlu)
    for path in files:
        data = yamltext.load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("nlu") or []:
            if isinstance(item, dict) and "synonym" in item:
                for line in str(item.get("examples", "")).splitlines():
                    example = line.strip().removeprefix("- ").strip()
                    if example:
                        add(example, str(item["synonym"]))
        for _, (text, _, value, _) in _annotated_lines(path):
            if value is not None:
                add(text, value)
    for path in files:
        for _, (text, _, value, _) in _annotated_lines(path):
            add(text, text if value is None else value)
    return table


def _annotated_lines(path: Path) -> Iterator[tuple[int, tuple[str, str, str | None, str]]]:
    """(line, (text, entity, explicit value or None, as written)) for every `[text](entity)` or `[text]{...}`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith("#"):
            continue
        for match in _ANNOTATION.finditer(line):
            text = match["text"]
            if match["short"] is not None:
                entity, _, value = match["short"].partition(":")
                yield number, (text, entity.strip(), value.strip() or None, match[0])
                continue
            try:
                details: Any = json.loads(match["json"])
            except json.JSONDecodeError:
                continue  # not an annotation (Rasa would refuse the file itself)
            if isinstance(details, dict) and "entity" in details:
                value = details.get("value")
                yield number, (text, str(details["entity"]), None if value is None else str(value), match[0])


def nlu_values(patterns: dict[str, dict[str, list[str]]], patterns_doc: LocatedYaml, nlu: Path) -> list[NluValue]:
    """Every entity value the NLU delivers: each pattern's canonical value, and each annotation after synonyms."""
    source = shown(Path(patterns_doc.source))
    found = [
        NluValue(label, value, source, patterns_doc.line_of((label, value)), f"{value}:")
        for label, values in patterns.items()
        for value in values
    ]
    synonyms = _synonyms(nlu)
    for path in _nlu_files(nlu):
        for number, (text, entity, value, written) in _annotated_lines(path):
            resolved = value if value is not None else synonyms.get(text.lower(), text)
            found.append(NluValue(entity, resolved, shown(path), number, written, explicit=value is not None))
    return found


def _nlu(patterns_file: Path, nlu: Path) -> tuple[list[NluValue], dict[str, dict[str, list[str]]], list[Problem]]:
    doc, problems = _load(patterns_file)
    if doc is None:
        return [], {}, problems
    patterns, problems = _patterns(doc)
    if problems:
        return [], {}, problems
    return nlu_values(patterns, doc, nlu), patterns, []


# --- concepts.yml <-> the `concept` entity -------------------------------------


def check_concepts(concepts_file: Path, schema_file: Path, patterns_file: Path, nlu: Path) -> list[Problem]:
    doc, problems = _load(concepts_file)
    if doc is None:
        return problems
    problems = _schema_problems(doc, schema_file)
    if problems:
        return problems
    values, patterns, problems = _nlu(patterns_file, nlu)
    if problems:
        return problems
    source, patterns_source = shown(concepts_file), shown(patterns_file)
    recognised = {value for value, phrases in patterns.get(CONCEPT_ENTITY, {}).items() if phrases}
    for key in doc.data:
        if key not in recognised:
            problems.append(
                Problem(
                    source,
                    doc.line_of((key,)),
                    f"Begreppet '{key}' har inga ord i {patterns_source}, så assistenten känner aldrig igen "
                    f"en fråga om det. Lägg till en rad under `{CONCEPT_ENTITY}:` där, till exempel "
                    f"`{key}: [{key}]`, och kör `make spacy`.",
                )
            )
    for item in values:
        if item.entity != CONCEPT_ENTITY or item.value in doc.data:
            continue
        if item.source == patterns_source:
            what = f"Begreppet '{item.value}' under `{CONCEPT_ENTITY}:`"
        elif item.value in patterns.get(CONCEPT_ENTITY, {}):
            continue  # reported once, at the pattern
        else:
            what = f"{item.written} ger begreppet '{item.value}', men det"
        problems.append(
            Problem(
                item.source,
                item.line,
                f"{what} saknas i {source}, så assistenten känner igen frågan men har ingen förklaring. "
                f"Lägg till '{item.value}' i {source} (med name, text och source) eller rätta namnet.",
            )
        )
    return in_file_order(problems)


# --- party and activity values <-> the tree's answer options --------------------


def _why_unusable(tree: Tree, value: str) -> str:
    """What stops `value` from choosing an option: named by no option, or by several in each question."""
    wanted = normalise(value)
    several = []
    for question in tree.questions.values():
        named = [o.id for o in question.options if o.id == value or wanted in map(normalise, o.keywords)]
        if len(named) > 1:
            several.append(f"frågan '{question.id}': {', '.join(named)}")
    if several:
        return (
            f"passar flera svarsalternativ i samma fråga ({'; '.join(several)}), så assistenten kan inte välja. "
            "Låt ordet stå som nyckelord (keywords) på bara ett av dem i content/tree.yml"
        )
    return (
        "är varken id eller nyckelord (keywords) för något svarsalternativ i content/tree.yml, så assistenten "
        "kan inte använda det som svar. Lägg till det som nyckelord på rätt svarsalternativ"
    )


def check_tree_entities(tree: Tree, patterns_file: Path, nlu: Path) -> list[Problem]:
    values, _, problems = _nlu(patterns_file, nlu)
    if problems:
        return problems
    patterns_source = shown(patterns_file)
    checked = [item for item in values if item.entity in TREE_ENTITIES]
    unusable = {
        value
        for value in {item.value for item in checked}
        if all(
            match_option(question, "", entity_values=[value], models=learned.WORDS_ONLY) is None
            for question in tree.questions.values()
        )
    }
    # A pattern's value is reported once, at the pattern; the examples that map to it follow its fix.
    from_patterns = {item.value for item in checked if item.source == patterns_source}
    for item in checked:
        if item.value not in unusable:
            continue
        reason = _why_unusable(tree, item.value)
        if item.source == patterns_source:
            examples = sum(1 for other in checked if other.value == item.value and other.source != patterns_source)
            also = f" ({examples} exempel i NLU-data ger också det värdet.)" if examples else ""
            message = f"Värdet '{item.value}' under `{item.entity}:` {reason}, eller byt namn på värdet.{also}"
        elif item.value in from_patterns:
            continue
        else:
            message = f"{item.written} ger värdet '{item.value}', som {reason}."
            if not item.explicit:
                message += (
                    f" Eller lägg till ordet under rätt värde i {patterns_source} och kör `make spacy`, "
                    "så att det översätts dit."
                )
        problems.append(Problem(item.source, item.line, message))
    return in_file_order(problems)


# --- Command line ---------------------------------------------------------------


def main(argv: list[str]) -> int:
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    files = Files.default()
    problems = check_all(files)
    if problems:
        print(f"Texterna, begreppen och entiteterna har {len(problems)} fel:")
        for problem in problems:
            print(f"- {problem}")
        return 1
    messages = yamltext.load(files.messages.read_text(encoding="utf-8"))
    concepts = yamltext.load(files.concepts.read_text(encoding="utf-8"))
    print(
        f"Texterna och länkarna är giltiga: {sum(len(group) for group in messages.values())} texter, "
        f"{len(concepts)} begrepp, varje värde för {' och '.join(TREE_ENTITIES)} i NLU-data passar trädet, "
        "och ändringsloggen har trädets version."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
