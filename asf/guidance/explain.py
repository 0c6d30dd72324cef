"""Turns a walk into what people read: citations, the result message, a summary,
and the machine-readable payload other systems store or render."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from asf import settings
from asf.guidance import page, sections
from asf.guidance.engine import Walk
from asf.guidance.model import (
    VERDICT_NAMES,
    VERDICT_SENTENCES,
    Citation,
    GuidanceIndex,
    Question,
    Statement,
    Tree,
    quoted,
    sentence_case,
)


def cite_text(index: GuidanceIndex, cite: Citation) -> str:
    """A citation as a reader finds it in the guidance, e.g.
    'Vägledningen, ”Vad ska samordningsförbund undvika att göra?”, punkt 2'."""
    if cite.law is not None:
        law = index.laws[cite.law]
        return f"{law.name}, som vägledningen {'hänvisar till' if law.named_in_guidance else 'bygger på'}"
    assert cite.section is not None
    section = index.sections[cite.section]
    place = f"punkt {cite.point}" if cite.point is not None else f"stycke {cite.paragraph}"
    if cite.section == "inledning":
        return f"{index.short_name}, inledningen, {place}"
    return f"{index.short_name}, {quoted(section.heading)}, {place}"


def cites_text(index: GuidanceIndex, cites: tuple[Citation, ...]) -> str:
    return "; ".join(cite_text(index, cite) for cite in cites)


def help_text(tree: Tree, question: Question) -> str:
    """The answer to "varför frågar du det?" for a question."""
    return f"{question.help}\n({cites_text(tree.index, question.cites)})"


def question_text(tree: Tree, walk: Walk, question: Question) -> str:
    return walk.fill(question.text)


def button_label(walk: Walk, label: str) -> str:
    return walk.fill(label) if "{svar:" in label else label


def summary_text(tree: Tree, walk: Walk) -> str:
    """The answers on the path so far, one line each."""
    if not walk.steps:
        return "Du har inte svarat på några frågor i den här bedömningen ännu."
    lines = ["Dina svar hittills:"]
    for number, step in enumerate(walk.steps, start=1):
        lines.append(f"{number}. {sentence_case(step.question.short)}: {walk.fill(step.option.label)}")
    return "\n".join(lines)


def result_text(tree: Tree, walk: Walk) -> str:
    """The result message, from the same payload the web card and the memo are built from."""
    return chat_text(result_payload(tree, walk))


def is_link(url: object) -> bool:
    """An address a chat message or a document can link to: absolute http(s) only (a relative
    address means nothing outside the intranet page)."""
    return isinstance(url, str) and re.fullmatch(r"https?://[^\s()<>|\[\]]+", url) is not None


def plain_cite(cite: Mapping[str, Any]) -> str:
    return str(cite["text"])


def markdown_cite(cite: Mapping[str, Any]) -> str:
    """A citation as a Markdown link to its place on the guidance page, or its text when it has no usable link."""
    text = str(cite["text"])
    url = cite.get("url")
    if not is_link(url):
        return text
    label = text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
    return f"[{label}]({url})"


def chat_text(result: Mapping[str, Any], cite: Callable[[Mapping[str, Any]], str] = plain_cite) -> str:
    """A result payload as the chat says it: its sections in order (asf/guidance/sections.py).

    `cite` writes each citation (`markdown_cite` for channels that show Markdown links)."""
    blocks: list[str] = []
    for part in sections.parts(result):
        if not part.section.in_chat:
            continue
        form, items = part.section.form, part.items
        if form == "headline":
            # "Stöd till ett visst företag: Förbundet bör inte finansiera insatsen."
            blocks.append(f"{items[0]['text']}: {part.heading}")
        elif form == "paragraph":
            blocks.extend(f"{part.heading}: {item['text']}" for item in items)
        else:
            lines = [f"{part.heading}:"]
            for number, item in enumerate(items, start=1):
                mark = f"{number}." if form == "numbered" else "-"
                cites = f" ({'; '.join(cite(c) for c in item['cites'])})" if "cites" in item else ""
                reading = f" {item['reading_note']}" if item.get("reading_note") else ""
                lines.append(f"{mark} {item['text']}{cites}{reading}")
            blocks.append("\n".join(lines))
    blocks.append(sections.NOTE)
    return "\n\n".join(blocks)


def all_cites(walk: Walk) -> tuple[Citation, ...]:
    """Every place the result rests on: the path's and the outcome's, without repeats."""
    found: list[Citation] = [cite for step in walk.steps for cite in step.cites]
    outcome = walk.outcome
    if outcome is not None:
        found += outcome.cites
        found += [cite for s in (*outcome.reasons, *outcome.conditions) for cite in walk.cites_of(s)]
    return tuple(dict.fromkeys(found))


def result_payload(tree: Tree, walk: Walk, guidance_url: str | None = None) -> dict[str, Any]:
    """The integration contract: a JSON-ready description of the result (docs/integration.md).

    `guidance_url` is the guidance page's address (default: asf.settings.guidance_url()); each
    citation links to its place there."""
    outcome = walk.outcome
    if outcome is None:
        raise ValueError("result_payload needs a finished walk")
    index = tree.index
    base = settings.guidance_url() if guidance_url is None else guidance_url

    def cited(cite: Citation) -> dict[str, Any]:
        return cite_payload(index, cite, base)

    def statements(items: tuple[Statement, ...]) -> list[dict[str, Any]]:
        return [
            {
                "text": walk.fill(s.text),
                "reading": s.reading,
                "cites": [cited(c) for c in walk.cites_of(s)],
            }
            for s in items
        ]

    payload: dict[str, Any] = {
        "type": "assessment_result",
        "id": result_id(walk.used, tree.version),
        "verdict": outcome.verdict,
        "verdict_text": VERDICT_NAMES[outcome.verdict],
        "verdict_sentence": VERDICT_SENTENCES[outcome.verdict],
        "outcome_id": outcome.id,
        "title": walk.fill(outcome.title),
        "reasons": statements(outcome.reasons),
        "conditions": statements(outcome.conditions),
        "route": walk.fill(outcome.route) if outcome.route else None,
        "alternative": walk.fill(outcome.alternative) if outcome.alternative else None,
        "next_steps": [walk.fill(step) for step in outcome.next_steps],
        "answers": dict(walk.used),
        "path": [
            {
                "question_id": step.question.id,
                "question": walk.fill(step.question.text),
                "answer_id": step.option.id,
                "answer": walk.fill(step.option.label),
                "cites": [cited(c) for c in step.cites],
            }
            for step in walk.steps
        ],
        "cites": [cited(c) for c in all_cites(walk)],
        "tree_version": tree.version,
    }
    payload["sections"] = sections.payload_sections(payload)
    payload["note"] = sections.NOTE
    return payload


def with_parts_left_out(
    payload: dict[str, Any], conditions: list[dict[str, Any]], verdict_sentence: str
) -> dict[str, Any]:
    """A result whose description also names parts that would be "bör inte finansieras" on their own
    (a coordinator who "ska även bistå nystartade sociala företag med affärsplaner", trial 18, t18-10):
    the result holds only without them, so each is a condition, and "kan finansiera" becomes "kan
    finansiera på villkor". A result that already says no or not covered is left as it is.

    `conditions` are statements as the payload carries them ({"text", "reading", "cites"});
    `verdict_sentence` says in the headline that the result does not cover all that was described (trial 36:
    "på villkor" alone was read as an approval of the grant beside the purchase)."""
    if not conditions or payload["verdict"] not in ("financeable", "conditional"):
        return payload
    changed: dict[str, Any] = {
        **payload,
        "verdict": "conditional",
        "verdict_text": VERDICT_NAMES["conditional"],
        "verdict_sentence": verdict_sentence,
        "conditions": [*payload["conditions"], *conditions],
    }
    known = {cite["key"] for cite in payload["cites"]}
    extra = [cite for condition in conditions for cite in condition["cites"] if cite["key"] not in known]
    changed["cites"] = [*payload["cites"], *{cite["key"]: cite for cite in extra}.values()]
    changed["sections"] = sections.payload_sections(changed)
    return changed


def outcome_cites(tree: Tree, outcome_id: str, guidance_url: str | None = None) -> list[dict[str, Any]]:
    """An outcome's own citations as the payload carries them."""
    base = settings.guidance_url() if guidance_url is None else guidance_url
    return [cite_payload(tree.index, cite, base) for cite in tree.outcomes[outcome_id].cites]


def result_id(answers: Mapping[str, str], tree_version: str) -> str:
    """A result's stable id: the same answers in the same tree version give the same id,
    also when the result is shown again; the memo names its result by it."""
    key = json.dumps({"answers": dict(sorted(answers.items())), "tree_version": tree_version}, ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def cite_payload(index: GuidanceIndex, cite: Citation, guidance_url: str) -> dict[str, Any]:
    """A citation for the payload: its key, where a reader finds it, its exact text (`quote`, None
    for a law paragraph whose wording the index does not hold) and its place on the guidance page."""
    return {
        "key": cite.key,
        "text": cite_text(index, cite),
        "quote": page.quote(index, cite),
        "url": f"{guidance_url.split('#')[0]}#{cite.anchor}",
    }
