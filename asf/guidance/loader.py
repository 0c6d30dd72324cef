"""Reads tree.yml and guidance_index.yml, validates them, and builds a `Tree`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from asf.guidance.model import (
    Citation,
    CoverageEntry,
    GuidanceIndex,
    Law,
    Option,
    Outcome,
    Place,
    Question,
    Route,
    Section,
    Source,
    Statement,
    Tree,
)
from asf.guidance.validator import DATA_DIR, Problem, validate
from asf.guidance.yamlpos import LocatedYaml, YamlSyntaxError, load_located

TREE_FILE = DATA_DIR / "tree.yml"
INDEX_FILE = DATA_DIR / "guidance_index.yml"


class TreeError(ValueError):
    """The tree files have problems; `problems` lists each with its line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"- {problem}" for problem in problems)
        super().__init__(f"Beslutsträdet har {len(problems)} fel:\n{lines}")


def _read(tree_file: Path, index_file: Path) -> tuple[LocatedYaml, LocatedYaml] | list[Problem]:
    """Both files parsed (tree, index), or the problem that stops them being read."""
    try:
        index = load_located(index_file)
        tree = load_located(tree_file)
    except YamlSyntaxError as error:
        return [Problem(str(error).split(",")[0], None, str(error))]
    except OSError as error:
        return [Problem(str(getattr(error, "filename", "")), None, f"Filen kan inte läsas: {error.strerror}.")]
    return tree, index


def check_files(tree_file: Path = TREE_FILE, index_file: Path = INDEX_FILE) -> list[Problem]:
    """Every problem in the two files, or an empty list."""
    read = _read(tree_file, index_file)
    return read if isinstance(read, list) else validate(*read)


def load_tree(tree_file: Path = TREE_FILE, index_file: Path = INDEX_FILE) -> Tree:
    """The validated tree; raises TreeError listing every problem."""
    # Each file is parsed and validated once: the same parse gives the problems and the tree.
    read = _read(tree_file, index_file)
    if isinstance(read, list):
        raise TreeError(read)
    problems = validate(*read)
    if problems:
        raise TreeError(problems)
    tree, index = read
    return _build(tree.data, index.data)


@cache
def default_tree() -> Tree:
    """The packaged tree, loaded and validated once, on first use."""
    return load_tree()


def _build(tree: dict[str, Any], index: dict[str, Any]) -> Tree:
    return Tree(
        version=str(tree["version"]),
        start=tree["start"],
        questions={qid: _question(qid, q) for qid, q in tree["questions"].items()},
        outcomes={oid: _outcome(oid, o) for oid, o in tree["outcomes"].items()},
        index=_index(index),
        coverage=tuple(
            CoverageEntry(cite=_citation(entry["cite"]), decided_by=tuple(entry["decided_by"]))
            for entry in tree["coverage"]
        ),
    )


def _citation(raw: dict[str, Any]) -> Citation:
    return Citation(
        section=raw.get("section"), point=raw.get("point"), paragraph=raw.get("paragraph"), law=raw.get("law")
    )


def _citations(raw: list[dict[str, Any]] | None) -> tuple[Citation, ...]:
    return tuple(_citation(cite) for cite in raw or [])


def _statements(raw: list[dict[str, Any]] | None) -> tuple[Statement, ...]:
    return tuple(
        Statement(
            text=s["text"],
            cites=_citations(s["cites"]),
            reading=bool(s.get("reading", False)),
            cite_answer=s.get("cite_answer"),
        )
        for s in raw or []
    )


def _routes(raw: list[dict[str, Any]] | None) -> tuple[Route, ...]:
    return tuple(
        Route(
            answered={question: tuple(options) for question, options in rule["answered"].items()},
            next=rule["next"],
        )
        for rule in raw or []
    )


def _question(question_id: str, raw: dict[str, Any]) -> Question:
    return Question(
        id=question_id,
        text=raw["text"],
        help=raw["help"],
        short=raw["short"],
        cites=_citations(raw["cites"]),
        change_keywords=tuple(raw.get("change_keywords", [])),
        options=tuple(
            Option(
                id=o["id"],
                label=o["label"],
                next=o["next"],
                keywords=tuple(o.get("keywords", [])),
                cues=tuple(o.get("cues", [])),
                means=o.get("means"),
                in_text=o.get("in_text"),
                from_description=o.get("from_description", True),
                lawful_route=o.get("lawful_route", False),
                joint_of=tuple(o.get("joint_of", ())),
                cites=_citations(o.get("cites")),
                routes=_routes(o.get("next_if")),
            )
            for o in raw["options"]
        ),
    )


def _outcome(outcome_id: str, raw: dict[str, Any]) -> Outcome:
    return Outcome(
        id=outcome_id,
        verdict=raw["verdict"],
        title=raw["title"],
        reasons=_statements(raw["reasons"]),
        conditions=_statements(raw.get("conditions")),
        route=raw.get("route"),
        alternative=raw.get("alternative"),
        next_steps=tuple(raw.get("next_steps", [])),
        cites=_citations(raw["cites"]),
    )


def _places(raw: dict[str, Any] | None) -> dict[int, Place]:
    return {int(number): Place(label=p["label"], quote=p["quote"]) for number, p in (raw or {}).items()}


def _source(raw: dict[str, Any]) -> Source:
    return Source(
        title=raw["title"],
        publisher=raw["publisher"],
        address=raw["address"],
        address_is=raw["address_is"],
        adopted=raw.get("adopted"),
    )


def _index(raw: dict[str, Any]) -> GuidanceIndex:
    sections = {
        section_id: Section(
            id=section_id,
            heading=s["heading"],
            parent=s.get("parent"),
            paragraphs=_places(s.get("paragraphs")),
            points=_places(s.get("points")),
            laws=tuple(s.get("laws", [])),
        )
        for section_id, s in raw["sections"].items()
    }
    laws = {
        key: Law(
            key=key,
            name=law["name"],
            named_in_guidance=law["named_in_guidance"],
            text=law.get("text"),
            paraphrase=bool(law.get("paraphrase", False)),
        )
        for key, law in raw["laws"].items()
    }
    document = raw["document"]
    return GuidanceIndex(
        short_name=document["short_name"],
        title=document["title"],
        sections=sections,
        laws=laws,
        source=_source(document),
        law_source=_source(raw["law"]),
    )
