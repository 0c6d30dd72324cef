"""Render the guidance decision tree as a standalone SVG picture.

The drawing is layered top to bottom: a node's layer is its longest distance
from ``start``. Every answer option gets its own label slot in a row below its
question, and edges that skip rows pass through invisible waypoints, so labels
never overlap and no line runs through a box. Labels are wrapped, never cut.

An option with `next_if` routes gets one dashed edge per route, labelled with
the earlier answer that makes it apply, besides its solid `next` edge ("i
övriga fall"). The colours of the four verdicts come from
asf/guidance/colours.py, which the web card uses too. The whole tree as text,
the long description of the picture, is docs/beslutstrad.md
(asf/guidance/treetext.py); the SVG's <desc> points to it.

It draws the same `Tree` the engine walks (asf/guidance/model.py, built by
asf/guidance/loader.py), so the picture cannot disagree with the assistant.

Usage::

    python -m asf.guidance.diagram OUT.svg [TREE.yml]
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from xml.sax.saxutils import escape

from asf import settings
from asf.guidance import model
from asf.guidance.colours import VERDICT_COLOURS
from asf.guidance.model import VERDICT_NAMES, Outcome, Question, Tree, sentence_case

__all__ = ["DEFAULT_TREE", "LONG_DESCRIPTION", "TITLE", "VERDICTS", "VerdictStyle", "main", "render_svg"]

DEFAULT_TREE = settings.content_dir() / "tree.yml"
TITLE = "Beslutsträdet för finansiering av insatser kopplade till sociala företag"
LONG_DESCRIPTION = "beslutstrad.md"  # beside the SVG in docs/: the whole tree as text


class VerdictStyle(NamedTuple):
    name: str
    fill: str
    stroke: str


VERDICTS: dict[str, VerdictStyle] = {
    verdict: VerdictStyle(sentence_case(VERDICT_NAMES[verdict]), *VERDICT_COLOURS[verdict])
    for verdict in model.VERDICTS
}

TEXT_COLOUR = "#1a1a1a"
EDGE_COLOUR = "#555555"
QUESTION_FILL = "#eef3fa"
QUESTION_STROKE = "#2f5d8a"

FONT_SIZE = 12
LINE_HEIGHT = 15
ASCENT = 11  # baseline offset of a 12px line inside its 15px line box
# Glyph widths (px) for estimating text width; measured on DejaVu Sans, one
# of the widest common sans-serif fonts, so boxes also fit narrower ones.
CHAR_WIDTH = 7.4
NARROW_CHAR = 4.2
WIDE_CHAR = 11.0
UPPER_CHAR = 8.6
BOLD_FACTOR = 1.15
NODE_WRAP = 28
LABEL_WRAP = 22
NODE_PAD_X = 10
NODE_PAD_Y = 8
LABEL_PAD_X = 4
LABEL_PAD_Y = 3
WAYPOINT_WIDTH = 8
H_GAP = 20
MIN_V_GAP = 28
MAX_V_GAP = 100
MARGIN = 20
LEGEND_SWATCH = 14

_PLACEHOLDER = re.compile(r"\{svar:[^{}]*\}")


@dataclass
class _Box:
    """Something that takes space in a layer: a node, an edge label or a waypoint."""

    kind: str  # "question", "outcome", "label" or "waypoint"
    rank: int
    width: float
    height: float
    lines: tuple[str, ...] = ()
    preds: list[int] = field(default_factory=list)
    succs: list[int] = field(default_factory=list)
    x: float = 0.0  # centre
    y: float = 0.0  # centre


@dataclass(frozen=True)
class _Edge:
    id: str  # "edge-question-option", and "-om-1", "-om-2" ... for its `next_if` routes
    label: str
    chain: tuple[int, ...]  # box indices from source node to target node
    dashed: bool = False


@dataclass(frozen=True)
class _Arrow:
    """One line from a question: an option's `next`, or one of its `next_if` routes."""

    question: str
    option: str
    route: int  # 0 for `next`, k for the k-th `next_if` rule
    label: str
    target: str


def _arrows(questions: Mapping[str, Question]) -> list[_Arrow]:
    arrows = []
    for question in questions.values():
        for opt in question.options:
            label = _clean(opt.label)
            for k, route in enumerate(opt.routes, start=1):
                when = "; ".join(
                    f"{questions[qid].short if qid in questions else qid}: "
                    + " eller ".join(_option_label(questions, qid, oid) for oid in options)
                    for qid, options in route.answered.items()
                )
                arrows.append(_Arrow(question.id, opt.id, k, f"{label}, om svaret på {when}", route.next))
            rest = f"{label} (i övriga fall)" if opt.routes else label
            arrows.append(_Arrow(question.id, opt.id, 0, rest, opt.next))
    return arrows


def _option_label(questions: Mapping[str, Question], question_id: str, option_id: str) -> str:
    option = questions[question_id].option(option_id) if question_id in questions else None
    return f"”{_clean(option.label)}”" if option is not None else option_id


# --- Reading the tree -------------------------------------------------------


def _check(tree: Tree) -> None:
    """Refuse a tree that cannot be drawn (the loader's validation already
    refuses these; a `Tree` built by hand has not been through it)."""
    questions, outcomes = tree.questions, tree.outcomes
    for outcome in outcomes.values():
        if outcome.verdict not in VERDICTS:
            raise ValueError(f"outcome {outcome.id}: unknown verdict {outcome.verdict!r}")
    if both := questions.keys() & outcomes.keys():
        raise ValueError(f"ids used for both a question and an outcome: {sorted(both)}")
    if tree.start not in questions and tree.start not in outcomes:
        raise ValueError(f"start {tree.start!r} is not a question or an outcome")
    for question in questions.values():
        for opt in question.options:
            for target in (opt.next, *(route.next for route in opt.routes)):
                if target not in questions and target not in outcomes:
                    raise ValueError(f"{question.id}.{opt.id}: unknown next {target!r}")


def _targets(questions: Mapping[str, Question], node: str) -> list[str]:
    """Where a node's lines go: every option's `next` and its `next_if` routes."""
    if node not in questions:
        return []
    return [t for opt in questions[node].options for t in (*(r.next for r in opt.routes), opt.next)]


def _layers(questions: Mapping[str, Question], nodes: Sequence[str]) -> dict[str, int]:
    """Longest distance from a root (a node nothing points to, normally ``start``)."""
    indegree = dict.fromkeys(nodes, 0)
    for node in nodes:
        for target in _targets(questions, node):
            indegree[target] += 1
    roots = [n for n in nodes if indegree[n] == 0]
    layer = dict.fromkeys(roots, 0)
    queue = list(roots)
    done = 0
    while done < len(queue):
        node = queue[done]
        done += 1
        for target in _targets(questions, node):
            layer[target] = max(layer.get(target, 0), layer[node] + 1)
            indegree[target] -= 1
            if indegree[target] == 0:
                queue.append(target)
    if done < len(nodes):
        stuck = sorted(n for n in nodes if indegree[n] > 0)
        raise ValueError(f"the tree has a cycle through {stuck}")
    return layer


def _breadth_first(start: str, questions: Mapping[str, Question], nodes: Sequence[str]) -> list[str]:
    seen = {start}
    order = [start]
    for node in order:
        for target in _targets(questions, node):
            if target not in seen:
                seen.add(target)
                order.append(target)
    # Nodes unreachable from start are still drawn, after the others.
    return order + [n for n in nodes if n not in seen]


# --- Text -------------------------------------------------------------------


def _clean(text: str) -> str:
    return " ".join(_PLACEHOLDER.sub("parten", text).split())


def _wrap(text: str, width: int) -> tuple[str, ...]:
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return tuple(lines) or ("",)


_NARROW = frozenset(" !'(),-./:;Ifijlrt|")
_WIDE = frozenset("MWmw")


def _line_width(line: str, bold: bool = False) -> float:
    """Rough width in px, generous enough for wide fonts such as DejaVu Sans."""
    width = sum(
        NARROW_CHAR if c in _NARROW else WIDE_CHAR if c in _WIDE else UPPER_CHAR if c.isupper() else CHAR_WIDTH
        for c in line
    )
    return width * (BOLD_FACTOR if bold else 1.0)


def _text_width(lines: Sequence[str], bold_first: bool = False) -> float:
    return max(
        (_line_width(line, bold_first and i == 0) for i, line in enumerate(lines)),
        default=0.0,
    )


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _num(value: float) -> str:
    return f"{value:.1f}"


# --- Layout -----------------------------------------------------------------


def _build(
    start: str, questions: Mapping[str, Question], outcomes: Mapping[str, Outcome]
) -> tuple[list[_Box], dict[str, int], list[_Edge]]:
    nodes = _breadth_first(start, questions, [*questions, *outcomes])
    layer = _layers(questions, nodes)
    boxes: list[_Box] = []
    index: dict[str, int] = {}
    for node in nodes:
        rank = 2 * layer[node]
        if node in questions:
            lines = _wrap(_clean(questions[node].text), NODE_WRAP)
            box = _Box("question", rank, _text_width(lines), 0.0, lines)
        else:
            outcome = outcomes[node]
            lines = (
                VERDICTS[outcome.verdict].name,
                *_wrap(_clean(outcome.title), NODE_WRAP),
            )
            box = _Box("outcome", rank, _text_width(lines, bold_first=True), 0.0, lines)
        box.width = max(box.width, 80.0) + 2 * NODE_PAD_X
        box.height = len(lines) * LINE_HEIGHT + 2 * NODE_PAD_Y
        index[node] = len(boxes)
        boxes.append(box)

    edges: list[_Edge] = []
    arrows = sorted(_arrows(questions), key=lambda a: index[a.question])
    for arrow in arrows:
        node, label = arrow.question, arrow.label
        lines = _wrap(label, LABEL_WRAP)
        chain = [index[node]]
        # The label sits in the odd rank right below its question; longer
        # edges continue through one waypoint per rank they cross.
        for rank in range(boxes[index[node]].rank + 1, boxes[index[arrow.target]].rank):
            if rank == boxes[index[node]].rank + 1:
                box = _Box(
                    "label",
                    rank,
                    _text_width(lines) + 2 * LABEL_PAD_X,
                    len(lines) * LINE_HEIGHT + 2 * LABEL_PAD_Y,
                    lines,
                )
            else:
                box = _Box("waypoint", rank, WAYPOINT_WIDTH, 0.0)
            chain.append(len(boxes))
            boxes.append(box)
        chain.append(index[arrow.target])
        for a, b in itertools.pairwise(chain):
            boxes[a].succs.append(b)
            boxes[b].preds.append(a)
        suffix = f"-om-{arrow.route}" if arrow.route else ""
        edges.append(_Edge(f"edge-{node}-{arrow.option}{suffix}", label, tuple(chain), dashed=bool(arrow.route)))
    return boxes, index, edges


def _crossings(ranks: Sequence[Sequence[int]], boxes: Sequence[_Box]) -> int:
    total = 0
    for upper, lower in itertools.pairwise(ranks):
        pos = {b: i for i, b in enumerate(lower)}
        pairs = [(i, pos[s]) for i, b in enumerate(upper) for s in boxes[b].succs]
        total += sum(1 for k, (a1, b1) in enumerate(pairs) for a2, b2 in pairs[k + 1 :] if (a1 - a2) * (b1 - b2) < 0)
    return total


def _order(boxes: Sequence[_Box]) -> list[list[int]]:
    """Order each rank by the barycentre of its neighbours, keeping the best sweep."""
    ranks: list[list[int]] = [[] for _ in range(max(b.rank for b in boxes) + 1)]
    for i, box in enumerate(boxes):
        ranks[box.rank].append(i)

    def sweep(down: bool) -> None:
        steps = range(1, len(ranks)) if down else range(len(ranks) - 2, -1, -1)
        for r in steps:
            ref = {b: i for i, b in enumerate(ranks[r - 1 if down else r + 1])}
            keyed = []
            for own, b in enumerate(ranks[r]):
                near = boxes[b].preds if down else boxes[b].succs
                centre = sum(ref[n] for n in near) / len(near) if near else float(own)
                keyed.append((centre, own, b))
            # Ties keep the current order, at first the breadth-first YAML order.
            ranks[r] = [b for _, _, b in sorted(keyed)]

    sweep(down=True)
    best, best_crossings = [list(r) for r in ranks], _crossings(ranks, boxes)
    for i in range(6):
        sweep(down=i % 2 == 1)
        crossings = _crossings(ranks, boxes)
        if crossings < best_crossings:
            best, best_crossings = [list(r) for r in ranks], crossings
    return best


def _place_row(row: Sequence[int], boxes: list[_Box], desired: Sequence[float]) -> None:
    """Put a rank's boxes as close to ``desired`` as their order and widths allow.

    With ``offset`` the least distance from the first box, the constraint
    x[i+1] - x[i] >= gap becomes a monotone sequence, so least squares is an
    isotonic regression (pool adjacent violators).
    """
    offsets = [0.0]
    for a, b in itertools.pairwise(row):
        offsets.append(offsets[-1] + (boxes[a].width + boxes[b].width) / 2 + H_GAP)
    blocks: list[tuple[float, int]] = []
    for target in (d - o for d, o in zip(desired, offsets, strict=True)):
        total, count = target, 1
        while blocks and blocks[-1][0] / blocks[-1][1] > total / count:
            prev_total, prev_count = blocks.pop()
            total, count = total + prev_total, count + prev_count
        blocks.append((total, count))
    values = [total / count for total, count in blocks for _ in range(count)]
    for b, value, offset in zip(row, values, offsets, strict=True):
        boxes[b].x = value + offset


def _position(ranks: Sequence[Sequence[int]], boxes: list[_Box]) -> None:
    """Pull every box towards the mean of its neighbours above and below."""

    def mean_x(near: Sequence[int]) -> float:
        return sum(boxes[n].x for n in near) / len(near)

    def desired(b: int) -> float:
        sides = [mean_x(near) for near in (boxes[b].preds, boxes[b].succs) if near]
        return sum(sides) / len(sides) if sides else boxes[b].x

    for row in ranks:
        _place_row(row, boxes, [0.0] * len(row))
    for _ in range(12):
        for row in ranks:
            _place_row(row, boxes, [desired(b) for b in row])


def _ports(boxes: Sequence[_Box]) -> dict[tuple[int, int], tuple[float, float]]:
    """x where each edge leaves its upper box and enters its lower box."""
    out: dict[int, list[int]] = {}
    ports: dict[tuple[int, int], tuple[float, float]] = {}
    for a, box in enumerate(boxes):
        out[a] = sorted(box.succs, key=lambda s: (boxes[s].x, s))
    incoming = {b: sorted(box.preds, key=lambda p: (boxes[p].x, p)) for b, box in enumerate(boxes)}

    def spread(box: _Box, k: int, n: int) -> float:
        if box.kind in ("label", "waypoint"):
            return box.x
        return box.x - box.width / 2 + box.width * (k + 1) / (n + 1)

    for a, succs in out.items():
        for k, b in enumerate(succs):
            preds = incoming[b]
            ports[(a, b)] = (
                spread(boxes[a], k, len(succs)),
                spread(boxes[b], preds.index(a), len(preds)),
            )
    return ports


# --- Drawing ----------------------------------------------------------------


def _text(lines: Sequence[str], x: float, top: float, bold_first: bool = False) -> str:
    spans = []
    for i, line in enumerate(lines):
        weight = ' font-weight="bold"' if bold_first and i == 0 else ""
        y = top + i * LINE_HEIGHT + ASCENT
        spans.append(f'<tspan x="{_num(x)}" y="{_num(y)}"{weight}>{escape(line)}</tspan>')
    return f'<text text-anchor="middle" fill="{TEXT_COLOUR}">{"".join(spans)}</text>'


def _legend(top: float) -> tuple[list[str], float]:
    parts = ['<g id="legend">']
    x = float(MARGIN)
    heading = "Utfall:"
    parts.append(
        f'<text x="{_num(x)}" y="{_num(top + ASCENT)}" fill="{TEXT_COLOUR}" font-weight="bold">{escape(heading)}</text>'
    )
    x += _line_width(heading, bold=True) + 10
    for verdict, style in VERDICTS.items():
        parts.append(
            f'<rect class="legend-{_attr(verdict)}" x="{_num(x)}" '
            f'y="{_num(top + (LINE_HEIGHT - LEGEND_SWATCH) / 2)}" '
            f'width="{LEGEND_SWATCH}" height="{LEGEND_SWATCH}" '
            f'fill="{style.fill}" stroke="{style.stroke}" stroke-width="1.5"/>'
        )
        x += LEGEND_SWATCH + 6
        parts.append(f'<text x="{_num(x)}" y="{_num(top + ASCENT)}" fill="{TEXT_COLOUR}">{escape(style.name)}</text>')
        x += _line_width(style.name) + 20
    parts.append("</g>")
    return parts, x - 20 + MARGIN


def _node(node_id: str, box: _Box, verdict: str | None) -> str:
    left, top = box.x - box.width / 2, box.y - box.height / 2
    geometry = f'x="{_num(left)}" y="{_num(top)}" width="{_num(box.width)}" height="{_num(box.height)}"'
    if verdict is None:
        kind = "question"
        paint = f'rx="8" fill="{QUESTION_FILL}" stroke="{QUESTION_STROKE}" stroke-width="1.5"'
    else:
        style = VERDICTS[verdict]
        kind = f"outcome {verdict}"
        paint = f'fill="{style.fill}" stroke="{style.stroke}" stroke-width="2"'
    shape = f"<rect {geometry} {paint}/>"
    text = _text(box.lines, box.x, top + NODE_PAD_Y, bold_first=verdict is not None)
    return f'<g id="node-{_attr(node_id)}" class="{kind}">{shape}{text}</g>'


def _edge(
    edge: _Edge,
    boxes: Sequence[_Box],
    ports: Mapping[tuple[int, int], tuple[float, float]],
    band: Sequence[tuple[float, float]],
) -> str:
    chain = edge.chain
    first, last = boxes[chain[0]], boxes[chain[-1]]
    x, _ = ports[(chain[0], chain[1])]
    y = first.y + first.height / 2
    path = [f"M {_num(x)} {_num(y)}"]
    # Curves only in the gaps between ranks; inside a rank the line is vertical
    # and stays in its own column, so it cannot cut through another box.
    if y < band[first.rank][1]:
        path.append(f"L {_num(x)} {_num(band[first.rank][1])}")
    for a, b in itertools.pairwise(chain):
        x0, x1 = ports[(a, b)]
        y0, y1 = band[boxes[a].rank][1], band[boxes[b].rank][0]
        mid = (y0 + y1) / 2
        path.append(f"C {_num(x0)} {_num(mid)} {_num(x1)} {_num(mid)} {_num(x1)} {_num(y1)}")
        end = band[boxes[b].rank][1] if b != chain[-1] else last.y - last.height / 2
        if end > y1:
            path.append(f"L {_num(x1)} {_num(end)}")
    dash = ' stroke-dasharray="6 4"' if edge.dashed else ""
    parts = [
        f'<g id="{_attr(edge.id)}" class="edge{" route" if edge.dashed else ""}">',
        f"<title>{escape(edge.label)}</title>",
        (
            f'<path d="{" ".join(path)}" fill="none" stroke="{EDGE_COLOUR}" '
            f'stroke-width="1.2"{dash} marker-end="url(#arrow)"/>'
        ),
    ]
    label = boxes[chain[1]]
    left, top = label.x - label.width / 2, label.y - label.height / 2
    parts.append(
        f'<rect x="{_num(left)}" y="{_num(top)}" width="{_num(label.width)}" '
        f'height="{_num(label.height)}" rx="3" fill="#ffffff"/>'
    )
    parts.append(_text(label.lines, label.x, top + LABEL_PAD_Y))
    parts.append("</g>")
    return "".join(parts)


def _description(tree: Tree) -> str:
    counts = Counter(outcome.verdict for outcome in tree.outcomes.values())
    verdicts = ", ".join(f"{counts[v]} {VERDICTS[v].name.lower()}" for v in model.VERDICTS if counts[v])
    return (
        f"Beslutsträdet version {tree.version}: {len(tree.questions)} frågor och "
        f"{len(tree.outcomes)} bedömningar ({verdicts}). Frågorna står i blå rutor, "
        "svarsalternativen på pilarna och bedömningarna i rutor färgade efter utfall. "
        "En streckad pil gäller bara när ett tidigare svar på vägen stämmer. Hela trädet som text, "
        f"med hjälptexter och alla svarsalternativ: {LONG_DESCRIPTION} i samma mapp som bilden."
    )


def render_svg(tree: Tree) -> str:
    """Return a standalone SVG document drawing ``tree`` (see asf/guidance/loader.py)."""
    _check(tree)
    questions, outcomes = tree.questions, tree.outcomes
    boxes, index, edges = _build(tree.start, questions, outcomes)
    ranks = _order(boxes)
    _position(ranks, boxes)

    legend_top = float(MARGIN)
    legend, legend_right = _legend(legend_top)

    left = min(b.x - b.width / 2 for b in boxes)
    for box in boxes:
        box.x += MARGIN - left
    width = max(max(b.x + b.width / 2 for b in boxes) + MARGIN, legend_right)

    # Gaps grow with how far edges travel sideways, so fans stay readable.
    band: list[tuple[float, float]] = []
    y = legend_top + LINE_HEIGHT + 2 * MARGIN
    for r, row in enumerate(ranks):
        height = max((boxes[b].height for b in row), default=0.0)
        band.append((y, y + height))
        for b in row:
            boxes[b].y = y + height / 2
        drift = max(
            (abs(boxes[b].x - boxes[s].x) for b in row for s in boxes[b].succs),
            default=0.0,
        )
        y += height + (min(MAX_V_GAP, MIN_V_GAP + drift / 12) if r + 1 < len(ranks) else 0)
    height = y + MARGIN
    ports = _ports(boxes)

    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(width)}" '
            f'height="{_num(height)}" viewBox="0 0 {_num(width)} {_num(height)}" '
            f'role="img" aria-label="{_attr(TITLE)}" aria-describedby="desc" '
            f'font-family="sans-serif" font-size="{FONT_SIZE}">'
        ),
        f"<title>{escape(TITLE)}</title>",
        f'<desc id="desc">{escape(_description(tree))}</desc>',
        (
            "<defs>"
            '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
            'markerHeight="8" markerUnits="userSpaceOnUse" orient="auto">'
            f'<path d="M 0 0 L 10 5 L 0 10 z" fill="{EDGE_COLOUR}"/></marker>'
            "</defs>"
        ),
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        *legend,
        '<g id="edges">',
        *(_edge(edge, boxes, ports, band) for edge in edges),
        "</g>",
        '<g id="nodes">',
        *(_node(node, boxes[i], outcomes[node].verdict if node in outcomes else None) for node, i in index.items()),
        "</g>",
        "</svg>",
    ]
    return "\n".join(parts) + "\n"


# --- Command line -------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m asf.guidance.diagram",
        description="Draw the decision tree as an SVG picture.",
    )
    parser.add_argument("out", type=Path, help="where to write the SVG")
    parser.add_argument(
        "tree",
        type=Path,
        nargs="?",
        default=DEFAULT_TREE,
        help="tree YAML (default: %(default)s)",
    )
    args = parser.parse_args(argv)
    out: Path = args.out
    tree_path: Path = args.tree

    # Only the command line reads files (PyYAML and jsonschema); render_svg needs the model alone.
    from asf.guidance.loader import TreeError, load_tree

    try:
        tree = load_tree(tree_path)
    except TreeError as error:
        print(error, file=sys.stderr)
        return 1
    out.write_text(render_svg(tree), encoding="utf-8", newline="\n")
    # The long description the SVG's <desc> points to, beside it.
    from asf.guidance.document import markdown
    from asf.guidance.treetext import tree_blocks

    out.with_name(LONG_DESCRIPTION).write_text(markdown(tree_blocks(tree)), encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
