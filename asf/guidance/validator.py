"""Checks the tree and the guidance index, and says what is wrong in plain Swedish.

Every problem names the file and line so an editor who is not a programmer can
find and fix it. The checks: YAML syntax, the JSON Schemas, references between
nodes (`next` and `next_if`), reachability, cycles, citations against the guidance
index, `{svar:...}` placeholders and `cite_answer`, and coverage of every place in
the guidance.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema

from asf import settings
from asf.guidance.model import ANSWER_PLACEHOLDER, Citation
from asf.guidance.yamlpos import LocatedYaml, PathKey

DATA_DIR = settings.content_dir()
TREE_SCHEMA = DATA_DIR / "tree.schema.json"
INDEX_SCHEMA = DATA_DIR / "guidance_index.schema.json"


@dataclass(frozen=True)
class Problem:
    source: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.source}, rad {self.line}" if self.line else self.source
        return f"{where}: {self.message}"


def in_file_order(problems: Iterable[Problem]) -> list[Problem]:
    """Problems by file and line (those without a line last), each once."""
    return sorted(set(problems), key=lambda p: (p.source, p.line is None, p.line or 0, p.message))


@cache
def _schema(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def validate(tree: LocatedYaml, index: LocatedYaml) -> list[Problem]:
    """All problems in the two files; an empty list means the tree can be used."""
    problems = _schema_problems(index, INDEX_SCHEMA)
    if problems:
        return problems  # the tree's citations cannot be checked against a broken index
    problems = _schema_problems(tree, TREE_SCHEMA)
    if problems:
        return problems
    return in_file_order(_TreeChecks(tree, index).run())


# --- Schema --------------------------------------------------------------


def _schema_problems(doc: LocatedYaml, schema_path: Path) -> list[Problem]:
    validator = jsonschema.Draft7Validator(_schema(schema_path))
    problems = []
    for error in validator.iter_errors(doc.data):
        path: PathKey = tuple(error.absolute_path)
        problems.append(Problem(doc.source, doc.line_of(path), _explain_schema_error(error, path)))
    return in_file_order(problems)


def _where(path: PathKey) -> str:
    return "/".join(str(part) for part in path) or "filens början"


def _explain_schema_error(error: jsonschema.ValidationError, path: PathKey) -> str:
    at = _where(path)
    kind = error.validator
    if kind == "required":
        missing = str(error.message).split("'")[1] if "'" in error.message else error.message
        hints = {
            "cites": " Varje fråga och bedömning måste hänvisa till vägledningen.",
            "conditions": " En bedömning med utfallet conditional måste ange villkor.",
        }
        return f"'{at}' saknar fältet '{missing}'.{hints.get(missing, '')}"
    if kind == "additionalProperties":
        unknown = ", ".join(sorted(set(error.instance) - set(error.schema.get("properties", {}))))
        return f"'{at}' har fält som inte finns i mallen: {unknown}. Kontrollera stavningen."
    if kind == "enum":
        allowed = ", ".join(str(value) for value in error.validator_value)
        return f"'{at}' har värdet {error.instance!r}, men det måste vara ett av: {allowed}."
    if kind == "type":
        return f"'{at}' har fel typ: det ska vara {_type_name(error.validator_value)}."
    if kind in ("minItems", "minProperties"):
        if path and path[-1] == "cites":
            return f"'{at}' är tom. Varje fråga och bedömning måste hänvisa till vägledningen."
        if path and path[-1] == "conditions":
            return f"'{at}' är tom. En bedömning med utfallet conditional måste ange minst ett villkor."
        return f"'{at}' måste ha minst {error.validator_value} rader."
    if kind == "minLength":
        return f"'{at}' är tom, men måste ha en text."
    if kind == "pattern":
        return (
            f"'{at}' har värdet {error.instance!r}. Id:n får bara innehålla små bokstäver a–z, "
            "siffror och understreck, och ska börja med en bokstav."
        )
    if kind == "oneOf":
        return (
            f"'{at}' är ingen giltig källhänvisning. Skriv till exempel "
            '{section: undvik, point: 2}, {section: inledning, paragraph: 3} eller {law: "7 §"}.'
        )
    if kind == "minimum":
        return f"'{at}' måste vara minst {error.validator_value}."
    return f"'{at}': {error.message}"


def _type_name(name: Any) -> str:
    names = {"object": "en samling fält", "array": "en lista", "string": "en text", "integer": "ett heltal"}
    return names.get(str(name), str(name))


# --- Semantic checks ------------------------------------------------------


class _TreeChecks:
    def __init__(self, tree: LocatedYaml, index: LocatedYaml) -> None:
        self.doc = tree
        self.index_source = index.source
        self.index_lines = index
        self.questions: dict[str, Any] = tree.data["questions"]
        self.outcomes: dict[str, Any] = tree.data["outcomes"]
        self.sections: dict[str, Any] = index.data["sections"]
        self.laws: dict[str, Any] = index.data["laws"]
        self.rule_paragraphs: list[dict[str, Any]] = index.data["rule_paragraphs"]

    def problem(self, path: PathKey, message: str) -> Problem:
        return Problem(self.doc.source, self.doc.line_of(path), message)

    def run(self) -> Iterator[Problem]:
        yield from self._duplicate_ids()
        yield from self._dangling_references()
        yield from self._routes()
        yield from self._unreachable_nodes()
        yield from self._cycles()
        yield from self._citations()
        yield from self._placeholders()
        yield from self._answer_citations()
        yield from self._coverage()

    def _edges(self, question_id: str) -> Iterator[tuple[int, dict[str, Any]]]:
        yield from enumerate(self.questions[question_id]["options"])

    @staticmethod
    def _targets(option: dict[str, Any]) -> list[str]:
        """Every node an option can lead to: its `next` and the `next` of each `next_if` rule."""
        return [option["next"], *(rule["next"] for rule in option.get("next_if", []))]

    def _children(self, node_id: str) -> list[str]:
        if node_id not in self.questions:
            return []
        return [
            target for _, option in self._edges(node_id) for target in self._targets(option) if self._exists(target)
        ]

    def _descendants(self, node_id: str) -> set[str]:
        seen: set[str] = set()
        stack = self._children(node_id)
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(self._children(node))
        return seen

    def _exists(self, node_id: str) -> bool:
        return node_id in self.questions or node_id in self.outcomes

    def _duplicate_ids(self) -> Iterator[Problem]:
        for node_id in sorted(set(self.questions) & set(self.outcomes)):
            yield self.problem(
                ("outcomes", node_id), f"'{node_id}' finns både som fråga och som bedömning. Ge dem olika id."
            )
        for question_id in self.questions:
            seen: set[str] = set()
            for position, option in self._edges(question_id):
                if option["id"] in seen:
                    yield self.problem(
                        ("questions", question_id, "options", position, "id"),
                        f"Frågan '{question_id}' har två svarsalternativ med id '{option['id']}'.",
                    )
                seen.add(option["id"])

    def _dangling_references(self) -> Iterator[Problem]:
        start = self.doc.data["start"]
        if start not in self.questions:
            yield self.problem(("start",), f"Startfrågan '{start}' finns inte bland frågorna.")
        for question_id in self.questions:
            for position, option in self._edges(question_id):
                base: PathKey = ("questions", question_id, "options", position)
                places = [((*base, "next"), option["next"])] + [
                    ((*base, "next_if", n, "next"), rule["next"]) for n, rule in enumerate(option.get("next_if", []))
                ]
                for path, target in places:
                    if not self._exists(target):
                        yield self.problem(
                            path,
                            f"Svarsalternativet '{option['id']}' i frågan '{question_id}' leder till "
                            f"'{target}', som varken är en fråga eller en bedömning.",
                        )

    def _routes(self) -> Iterator[Problem]:
        """A `next_if` rule may only name answers that can come earlier on the path."""
        for question_id in self.questions:
            for position, option in self._edges(question_id):
                for number, rule in enumerate(option.get("next_if", [])):
                    path: PathKey = ("questions", question_id, "options", position, "next_if", number, "answered")
                    for earlier, options in rule["answered"].items():
                        question = self.questions.get(earlier)
                        if question is None:
                            yield self.problem(path, f"Regeln i 'next_if' nämner frågan '{earlier}', som inte finns.")
                            continue
                        known = {o["id"] for o in question["options"]}
                        for unknown in [o for o in options if o not in known]:
                            yield self.problem(
                                path, f"Frågan '{earlier}' har inget svarsalternativ '{unknown}' (i 'next_if')."
                            )
                        if question_id not in self._descendants(earlier):
                            yield self.problem(
                                path,
                                f"Regeln i 'next_if' gäller svaret på '{earlier}', men den frågan kommer aldrig "
                                f"före '{question_id}', så regeln kan inte gälla.",
                            )

    def reachable(self) -> set[str]:
        start = self.doc.data["start"]
        seen: set[str] = set()
        stack = [start] if self._exists(start) else []
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(self._children(node))
        return seen

    def _unreachable_nodes(self) -> Iterator[Problem]:
        seen = self.reachable()
        for kind, nodes in (("questions", self.questions), ("outcomes", self.outcomes)):
            for node_id in nodes:
                if node_id not in seen:
                    what = "Frågan" if kind == "questions" else "Bedömningen"
                    message = f"{what} '{node_id}' nås inte från startfrågan. Inget svarsalternativ leder dit."
                    yield self.problem((kind, node_id), message)

    def _cycles(self) -> Iterator[Problem]:
        # Depth-first search; a node met again while still on the stack closes a loop.
        on_stack: list[str] = []
        done: set[str] = set()
        reported: set[frozenset[str]] = set()
        problems: list[Problem] = []

        def visit(node: str) -> None:
            on_stack.append(node)
            for child in self._children(node):
                if child in on_stack:
                    loop = [*on_stack[on_stack.index(child) :], child]
                    if frozenset(loop) not in reported:
                        reported.add(frozenset(loop))
                        problems.append(
                            self.problem(
                                ("questions", node),
                                "Frågorna bildar en slinga: "
                                + " → ".join(loop)
                                + ". En bedömning måste alltid nås efter ett begränsat antal frågor.",
                            )
                        )
                elif child not in done:
                    visit(child)
            on_stack.pop()
            done.add(node)

        for question_id in self.questions:
            if question_id not in done:
                visit(question_id)
        yield from problems

    def _all_citations(self) -> Iterator[tuple[PathKey, dict[str, Any]]]:
        for question_id, question in self.questions.items():
            base: PathKey = ("questions", question_id)
            yield from _numbered((*base, "cites"), question["cites"])
            for position, option in enumerate(question["options"]):
                yield from _numbered((*base, "options", position, "cites"), option.get("cites", []))
        for outcome_id, outcome in self.outcomes.items():
            base = ("outcomes", outcome_id)
            yield from _numbered((*base, "cites"), outcome["cites"])
            for field in ("reasons", "conditions"):
                for position, statement in enumerate(outcome.get(field, [])):
                    yield from _numbered((*base, field, position, "cites"), statement["cites"])
        for position, entry in enumerate(self.doc.data["coverage"]):
            yield ("coverage", position, "cite"), entry["cite"]

    def _citations(self) -> Iterator[Problem]:
        for path, cite in self._all_citations():
            message = self.citation_error(cite)
            if message:
                yield self.problem(path, message)

    def citation_error(self, cite: dict[str, Any]) -> str | None:
        if "law" in cite:
            law = cite["law"]
            if law not in self.laws:
                return f"Hänvisningen till lagrummet '{law}' finns inte i registret över vägledningen."
            named = any(law in section.get("laws", []) for section in self.sections.values())
            if self.laws[law]["named_in_guidance"] and not named:
                return f"Vägledningen hänvisar inte till '{law}' i något avsnitt."
            return None
        section_id = cite["section"]
        section = self.sections.get(section_id)
        if section is None:
            known = ", ".join(sorted(self.sections))
            return f"Avsnittet '{section_id}' finns inte i vägledningen. Kända avsnitt: {known}."
        kind, number = ("points", cite["point"]) if "point" in cite else ("paragraphs", cite["paragraph"])
        places = {int(key) for key in section.get(kind, {})}
        if number not in places:
            noun = "punkt" if kind == "points" else "stycke"
            count = len(places)
            return (
                f'Avsnittet "{section["heading"]}" har ingen {noun} {number} '
                f"(det har {count} {'punkter' if noun == 'punkt' else 'stycken'})."
            )
        return None

    def _placeholders(self) -> Iterator[Problem]:
        for path, text, node_id in self._texts():
            for referenced in ANSWER_PLACEHOLDER.findall(text):
                if referenced not in self.questions:
                    yield self.problem(path, f"Texten hänvisar till svaret på '{referenced}', som inte är en fråga.")
                elif referenced == node_id or not self._always_passes(referenced, node_id):
                    yield self.problem(
                        path,
                        f"Texten använder svaret på '{referenced}', men alla vägar till '{node_id}' "
                        f"går inte genom den frågan, så svaret kan saknas.",
                    )

    def _answer_citations(self) -> Iterator[Problem]:
        """`cite_answer` needs a question on every path to the outcome whose options there all cite something."""
        for outcome_id, outcome in self.outcomes.items():
            for field in ("reasons", "conditions"):
                for position, statement in enumerate(outcome.get(field, [])):
                    question_id = statement.get("cite_answer")
                    if question_id is None:
                        continue
                    path: PathKey = ("outcomes", outcome_id, field, position, "cite_answer")
                    question = self.questions.get(question_id)
                    if question is None:
                        yield self.problem(path, f"'cite_answer' nämner frågan '{question_id}', som inte finns.")
                        continue
                    if not self._always_passes(question_id, outcome_id):
                        yield self.problem(
                            path,
                            f"'cite_answer' använder svaret på '{question_id}', men alla vägar till "
                            f"'{outcome_id}' går inte genom den frågan, så svaret kan saknas.",
                        )
                        continue
                    for option in question["options"]:
                        leads_there = any(
                            target == outcome_id or outcome_id in self._descendants(target)
                            for target in self._targets(option)
                        )
                        if leads_there and not option.get("cites"):
                            yield self.problem(
                                path,
                                f"Svarsalternativet '{option['id']}' i frågan '{question_id}' leder till "
                                f"'{outcome_id}' men hänvisar inte till någon plats, så 'cite_answer' får "
                                "ingen källa att visa.",
                            )

    def _texts(self) -> Iterator[tuple[PathKey, str, str]]:
        for question_id, question in self.questions.items():
            yield ("questions", question_id, "text"), question["text"], question_id
            yield ("questions", question_id, "help"), question["help"], question_id
            for position, option in enumerate(question["options"]):
                yield ("questions", question_id, "options", position, "label"), option["label"], question_id
        for outcome_id, outcome in self.outcomes.items():
            base: PathKey = ("outcomes", outcome_id)
            for field in ("title", "route", "alternative"):
                if field in outcome:
                    yield (*base, field), outcome[field], outcome_id
            for field in ("reasons", "conditions"):
                for position, statement in enumerate(outcome.get(field, [])):
                    yield (*base, field, position, "text"), statement["text"], outcome_id
            for position, step in enumerate(outcome.get("next_steps", [])):
                yield (*base, "next_steps", position), step, outcome_id

    def _always_passes(self, question_id: str, node_id: str) -> bool:
        """True if every path from the start to `node_id` answers `question_id` first."""
        start = self.doc.data["start"]
        if start == question_id:
            return True
        seen: set[str] = set()
        stack = [start]
        while stack:
            node = stack.pop()
            if node == node_id:
                return False  # reached the node without passing the question
            if node in seen or node == question_id:
                continue
            seen.add(node)
            stack.extend(self._children(node))
        return True

    def _coverage(self) -> Iterator[Problem]:
        entries = self.doc.data["coverage"]
        covered = {_cite_key(entry["cite"]) for entry in entries}
        for position, rule in enumerate(self.rule_paragraphs):
            message = self.citation_error(rule)
            if message:
                yield Problem(self.index_source, self.index_lines.line_of(("rule_paragraphs", position)), message)
        for place, label in _places(self.sections, self.laws, self.rule_paragraphs):
            if _cite_key(place) not in covered:
                yield self.problem(
                    ("coverage",),
                    f"Täckning saknas: {label} avgör inget svar i trädet. "
                    "Lägg till en rad under 'coverage' med de svar eller bedömningar som bygger på den.",
                )
        reachable = self.reachable()
        for position, entry in enumerate(entries):
            wanted = _cite_key(entry["cite"])
            for ref_position, ref in enumerate(entry["decided_by"]):
                path: PathKey = ("coverage", position, "decided_by", ref_position)
                message = self._coverage_ref_error(ref, wanted, reachable)
                if message:
                    yield self.problem(path, message)

    def _coverage_ref_error(self, ref: str, wanted: str, reachable: set[str]) -> str | None:
        node_id, _, option_id = ref.partition(".")
        if option_id:
            question = self.questions.get(node_id)
            option = next((o for o in question["options"] if o["id"] == option_id), None) if question else None
            if option is None:
                return f"'{ref}' finns inte: det ska vara fråga.svarsalternativ eller en bedömning."
            cited = option.get("cites", [])
        else:
            outcome = self.outcomes.get(node_id)
            if outcome is None:
                return f"'{ref}' finns inte bland bedömningarna."
            cited = [
                *outcome["cites"],
                *(c for field in ("reasons", "conditions") for s in outcome.get(field, []) for c in s["cites"]),
            ]
        if wanted not in {_cite_key(c) for c in cited}:
            return f"'{ref}' hänvisar inte själv till platsen som raden gäller, så den avgör inte svaret där."
        if node_id not in reachable:
            return f"'{ref}' nås inte från startfrågan."
        return None


def _numbered(path: PathKey, cites: Iterable[dict[str, Any]]) -> Iterator[tuple[PathKey, dict[str, Any]]]:
    for position, cite in enumerate(cites):
        yield (*path, position), cite


def _cite_key(cite: dict[str, Any]) -> str:
    """The same key as Citation.key, for a citation still in its raw YAML form."""
    return Citation(**cite).key


def _places(
    sections: dict[str, Any], laws: dict[str, Any], rule_paragraphs: list[dict[str, Any]]
) -> Iterator[tuple[dict[str, Any], str]]:
    """The places in the guidance that must decide some answer: every list item,
    every law paragraph it names, and the paragraphs the index marks as rules."""
    for section_id, section in sections.items():
        for number in section.get("points", {}):
            yield ({"section": section_id, "point": int(number)}, f'"{section["heading"]}", punkt {number}')
    for law, entry in laws.items():
        which = "som vägledningen hänvisar till" if entry["named_in_guidance"] else "som vägledningen bygger på"
        yield {"law": law}, f"{law} (lagrummet {which})"
    for rule in rule_paragraphs:
        section = sections.get(rule["section"], {"heading": rule["section"]})
        yield rule, f'"{section["heading"]}", stycke {rule["paragraph"]}'
