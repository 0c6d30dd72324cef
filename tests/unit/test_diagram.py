"""Tests for the SVG drawing of the decision tree (asf/guidance/diagram.py)."""

from __future__ import annotations

import dataclasses
import itertools
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from asf import yamltext
from asf.guidance.diagram import main, render_svg
from asf.guidance.loader import load_tree
from asf.guidance.model import GuidanceIndex, Option, Outcome, Question, Source, Tree

ROOT = Path(__file__).resolve().parents[2]
TREE_PATH = ROOT / "content" / "tree.yml"
SVG = "{http://www.w3.org/2000/svg}"
TITLE = "Beslutsträdet för finansiering av insatser kopplade till sociala företag"

# Written out here, not read from asf/guidance/colours.py, so a wrong colour there
# fails; tests/unit/test_colours.py checks that the web card uses the same ones.
FILLS = {
    "financeable": ("#d7f0d2", "#1e7a34"),
    "conditional": ("#fde3c4", "#b35c00"),
    "not_financeable": ("#f9d6d5", "#b3261e"),
    "out_of_scope": ("#e6e6e6", "#555555"),
}


# The expectations are read from tree.yml itself; the drawing is made from the
# engine's tree model (asf/guidance/loader.py), as `make diagram` makes it.
@pytest.fixture(scope="module")
def tree() -> dict[str, Any]:
    data: dict[str, Any] = yamltext.load(TREE_PATH.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def svg() -> str:
    return render_svg(load_tree(TREE_PATH))


@pytest.fixture(scope="module")
def root(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def by_id(root: ET.Element) -> dict[str, ET.Element]:
    return {el.attrib["id"]: el for el in root.iter() if "id" in el.attrib}


def text_of(element: ET.Element) -> str:
    """The visible text of a node or edge: its <text> lines joined by spaces."""
    text = element.find(f"{SVG}text")
    assert text is not None
    return " ".join(span.text or "" for span in text)


def box(rect: ET.Element) -> tuple[float, float, float, float]:
    x, y = float(rect.attrib["x"]), float(rect.attrib["y"])
    return x, y, x + float(rect.attrib["width"]), y + float(rect.attrib["height"])


def arrows(tree: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(edge id, question, option id, target) for every option's `next` and every `next_if` route."""
    found = []
    for qid, question in tree["questions"].items():
        for opt in question["options"]:
            found.append((f"edge-{qid}-{opt['id']}", qid, opt["id"], opt["next"]))
            for k, route in enumerate(opt.get("next_if", []), start=1):
                found.append((f"edge-{qid}-{opt['id']}-om-{k}", qid, opt["id"], route["next"]))
    return found


def edge_ids(tree: dict[str, Any]) -> set[str]:
    return {edge_id for edge_id, *_ in arrows(tree)}


def end_points(path: ET.Element) -> tuple[tuple[float, float], tuple[float, float]]:
    numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path.attrib["d"])]
    return (numbers[0], numbers[1]), (numbers[-2], numbers[-1])


def test_real_tree_is_a_well_formed_accessible_svg(root: ET.Element) -> None:
    assert root.tag == f"{SVG}svg"
    assert root.attrib["role"] == "img"
    assert root.attrib["aria-label"] == TITLE
    assert root.findtext(f"{SVG}title") == TITLE
    assert float(root.attrib["width"]) > 0 and float(root.attrib["height"]) > 0


def test_every_question_and_outcome_has_a_node(tree: dict[str, Any], root: ET.Element) -> None:
    expected = {f"node-{n}" for n in [*tree["questions"], *tree["outcomes"]]}
    found = {i for i in by_id(root) if i.startswith("node-")}
    assert found == expected


def test_every_option_has_an_edge_with_an_arrow(tree: dict[str, Any], root: ET.Element) -> None:
    elements = by_id(root)
    found = {i for i in elements if i.startswith("edge-")}
    assert found == edge_ids(tree)
    for edge_id in found:
        path = elements[edge_id].find(f"{SVG}path")
        assert path is not None, edge_id
        assert path.attrib["marker-end"] == "url(#arrow)"
    assert "arrow" in elements


def test_edges_run_from_their_question_down_to_their_target(tree: dict[str, Any], root: ET.Element) -> None:
    elements = by_id(root)
    assert any(edge_id.endswith("-om-1") for edge_id, *_ in arrows(tree))  # the real tree has next_if routes
    for edge_id, qid, _, target_id in arrows(tree):
        source = elements[f"node-{qid}"].find(f"{SVG}rect")
        target = elements[f"node-{target_id}"].find(f"{SVG}rect")
        path = elements[edge_id].find(f"{SVG}path")
        assert source is not None and target is not None and path is not None
        sx0, _, sx1, sy1 = box(source)
        tx0, ty0, tx1, _ = box(target)
        (x0, y0), (x1, y1) = end_points(path)
        assert sx0 <= x0 <= sx1 and y0 == pytest.approx(sy1, abs=0.2), edge_id
        assert tx0 <= x1 <= tx1 and y1 == pytest.approx(ty0, abs=0.2), edge_id
        assert y1 > y0
        # A route that applies only after an earlier answer is dashed; `next` is solid.
        assert ("stroke-dasharray" in path.attrib) == ("-om-" in edge_id), edge_id


def test_every_outcome_has_an_incoming_edge(tree: dict[str, Any], root: ET.Element) -> None:
    elements = by_id(root)
    ends = [
        end_points(path)[1]
        for el in elements.values()
        if "edge" in el.attrib.get("class", "").split()
        for path in el.findall(f"{SVG}path")
    ]
    for oid in tree["outcomes"]:
        rect = elements[f"node-{oid}"].find(f"{SVG}rect")
        assert rect is not None
        x0, y0, x1, _ = box(rect)
        assert any(x0 <= x <= x1 and y == pytest.approx(y0, abs=0.2) for x, y in ends), f"nothing leads to {oid}"
    # The outcome only a next_if route leads to, and the route the drawing used to miss.
    assert "edge-pengavag-via_part-om-1" in elements and "edge-mottagare-egen_verksamhet-om-1" in elements


def test_outcome_nodes_are_filled_by_verdict(tree: dict[str, Any], root: ET.Element) -> None:
    elements = by_id(root)
    verdicts = {outcome["verdict"] for outcome in tree["outcomes"].values()}
    assert verdicts == set(FILLS)  # the real tree uses all four
    for oid, outcome in tree["outcomes"].items():
        rect = elements[f"node-{oid}"].find(f"{SVG}rect")
        assert rect is not None
        fill, stroke = FILLS[outcome["verdict"]]
        assert (rect.attrib["fill"], rect.attrib["stroke"]) == (fill, stroke), oid
        assert outcome["title"].split()[0] in text_of(elements[f"node-{oid}"])


def test_legend_shows_the_four_verdicts(root: ET.Element) -> None:
    legend = by_id(root)["legend"]
    fills = {rect.attrib["fill"] for rect in legend.iter(f"{SVG}rect")}
    assert fills == {fill for fill, _ in FILLS.values()}
    names = {text.text for text in legend.iter(f"{SVG}text")}
    assert {
        "Kan finansieras",
        "Kan finansieras på villkor",
        "Bör inte finansieras",
        "Täcks inte av vägledningen",
    } <= names


def test_boxes_do_not_overlap(root: ET.Element) -> None:
    elements = by_id(root)
    boxes = {
        i: box(rect)
        for i, el in elements.items()
        if i.startswith(("node-", "edge-"))
        for rect in el.findall(f"{SVG}rect")
    }
    assert len(boxes) > 50
    for (a, (ax0, ay0, ax1, ay1)), (b, (bx0, by0, bx1, by1)) in itertools.combinations(boxes.items(), 2):
        apart = ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0
        assert apart, f"{a} overlaps {b}"


def test_labels_are_shown_in_full_and_placeholders_replaced(tree: dict[str, Any], root: ET.Element) -> None:
    elements = by_id(root)
    for edge_id, qid, option_id, _ in arrows(tree):
        label = next(o["label"] for o in tree["questions"][qid]["options"] if o["id"] == option_id)
        shown = text_of(elements[edge_id])
        assert "{" not in shown
        if "{" not in label:
            assert shown.startswith(" ".join(label.split())), edge_id
        assert elements[edge_id].findtext(f"{SVG}title") == shown
    assert text_of(elements["edge-pengavag-direkt"]) == "Direkt från förbundet till företaget"
    assert text_of(elements["edge-pengavag-via_part"]) == "Via parten (i övriga fall)"
    assert text_of(elements["edge-pengavag-via_part-om-1"]) == (
        "Via parten, om svaret på var handledaren är anställd: ”Hos det sociala företaget”"
    )
    long = (
        "En annan insats för kunskap eller samverkan, t.ex. en kartläggning, "
        "en utvärdering eller ett nätverksmöte för parterna"
    )
    assert text_of(elements["edge-strukturell_typ-annan_kunskap"]) == long


def test_no_text_is_cut(root: ET.Element) -> None:
    texts = [span.text or "" for span in root.iter(f"{SVG}tspan")]
    assert len(texts) > 100
    assert not [t for t in texts if "…" in t or "..." in t]


def test_the_description_points_to_the_tree_as_text(root: ET.Element) -> None:
    desc = root.find(f"{SVG}desc")
    assert desc is not None and root.attrib["aria-describedby"] == desc.attrib["id"]
    assert "beslutstrad.md" in (desc.text or "")
    assert (ROOT / "docs" / "beslutstrad.md").is_file()


def as_model(raw: dict[str, Any]) -> Tree:
    """A small tree written as tree.yml would have it, as the model, without the validator
    (so a broken one reaches the drawing)."""
    questions = {
        qid: Question(
            id=qid,
            text=q["text"],
            help="",
            short=qid,
            cites=(),
            options=tuple(Option(id=o["id"], label=o["label"], next=o["next"]) for o in q["options"]),
        )
        for qid, q in raw["questions"].items()
    }
    outcomes = {
        oid: Outcome(id=oid, verdict=o["verdict"], title=o["title"], reasons=(), cites=())
        for oid, o in raw["outcomes"].items()
    }
    nowhere = Source(title="", publisher="", address="", address_is="publisher_site")
    index = GuidanceIndex(short_name="", title="", sections={}, laws={}, source=nowhere, law_source=nowhere)
    return Tree(version="1", start=raw["start"], questions=questions, outcomes=outcomes, index=index, coverage=())


def tiny_tree(label: str) -> dict[str, Any]:
    return {
        "start": "q",
        "questions": {
            "q": {
                "text": 'Är "A" & B < C?',
                "options": [
                    {"id": "x", "label": label, "next": "ok"},
                    {"id": "y", "label": "Via {svar:q}", "next": "no"},
                ],
            }
        },
        "outcomes": {
            "ok": {"verdict": "financeable", "title": "Bra & <fint>"},
            "no": {"verdict": "out_of_scope", "title": "Nej"},
        },
    }


def test_special_characters_are_escaped() -> None:
    svg = render_svg(as_model(tiny_tree("<script>&")))
    assert "<script>" not in svg
    assert "&lt;script&gt;&amp;" in svg
    elements = by_id(ET.fromstring(svg.encode("utf-8")))
    assert text_of(elements["edge-q-x"]) == "<script>&"
    assert elements["edge-q-x"].findtext(f"{SVG}title") == "<script>&"
    assert text_of(elements["edge-q-y"]) == "Via parten"
    assert text_of(elements["node-q"]) == 'Är "A" & B < C?'
    assert "Bra & <fint>" in text_of(elements["node-ok"])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t["questions"]["q"]["options"][0].update(next="nowhere"), "nowhere"),
        (lambda t: t["outcomes"]["ok"].update(verdict="maybe"), "maybe"),
        (lambda t: t["questions"]["q"]["options"][0].update(next="q"), "cycle"),
    ],
)
def test_broken_trees_are_refused(change: Any, message: str) -> None:
    broken = tiny_tree("x")
    change(broken)
    with pytest.raises(ValueError, match=message):
        render_svg(as_model(broken))


def test_output_is_deterministic(svg: str, tmp_path: Path) -> None:
    assert render_svg(load_tree(TREE_PATH)) == svg
    # Other hash seeds change set and str-hash order, which must not leak into
    # the drawing; this also runs the command line with its default tree.
    for seed in ("0", "12345"):
        out = tmp_path / f"tree-{seed}.svg"
        subprocess.run(
            [sys.executable, "-m", "asf.guidance.diagram", str(out)],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        assert out.read_bytes() == svg.encode("utf-8")


def test_the_drawing_follows_the_engines_tree_model() -> None:
    loaded = load_tree(TREE_PATH)
    renamed = {oid: dataclasses.replace(o, title=f"Ny rubrik {oid}") for oid, o in loaded.outcomes.items()}
    elements = by_id(ET.fromstring(render_svg(dataclasses.replace(loaded, outcomes=renamed)).encode("utf-8")))
    for oid in loaded.outcomes:
        assert f"Ny rubrik {oid}" in text_of(elements[f"node-{oid}"])


def test_the_command_line_refuses_a_tree_the_loader_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "tree.yml"
    broken.write_text(TREE_PATH.read_text(encoding="utf-8").replace("next: ", "next: saknas_", 1), encoding="utf-8")
    out = tmp_path / "tree.svg"
    assert main([str(out), str(broken)]) == 1
    error = capsys.readouterr().err
    assert "Beslutsträdet har 1 fel" in error and "'saknas_malgrupp'" in error
    assert not out.exists()
