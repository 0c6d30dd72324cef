"""The guidance as an accessible HTML page: every paragraph and point the tree cites,
with its exact text and an anchor per place, so each citation can be checked in one click.

Built only from the guidance index (content/guidance_index.yml); the intranet server
serves it as /vagledning.html (scripts/web_server.py) and the result payload's
citations link to its anchors (`Citation.anchor`, asf.settings.guidance_url).
"""

from __future__ import annotations

from html import escape

from asf.guidance.model import Citation, GuidanceIndex, Section, Source

ADDRESS_IS = {
    "document": "dokumentet",
    "publisher_site": "utgivarens webbplats; dokumentets egen adress har vi inte",
}


def citations(index: GuidanceIndex) -> list[Citation]:
    """Every place of the index, in the order the page shows it."""
    found: list[Citation] = []
    for section in index.sections.values():
        found += [Citation(section=section.id, paragraph=number) for number in section.paragraphs]
        found += [Citation(section=section.id, point=number) for number in section.points]
    found += [Citation(law=key) for key in index.laws]
    return found


def quote(index: GuidanceIndex, cite: Citation) -> str | None:
    """The exact text of a cited place, or None for a law paragraph whose wording the index does not hold."""
    if cite.law is not None:
        return None  # the index has no checked copy of the law's text (see `paraphrase`)
    assert cite.section is not None
    section = index.sections[cite.section]
    places = section.points if cite.point is not None else section.paragraphs
    return places[cite.point if cite.point is not None else cite.paragraph or 0].quote


def _e(text: str) -> str:
    return escape(text, quote=True)


def _source(source: Source, what: str) -> str:
    adopted = f", {_e(source.adopted)}" if source.adopted else ""
    return (
        f'<p class="source">{what}: <cite>{_e(source.title)}</cite>, {_e(source.publisher)}{adopted}. '
        f'Adress: <a href="{_e(source.address)}">{_e(source.address)}</a> '
        f"({ADDRESS_IS.get(source.address_is, '')}).</p>"
    )


def _section(section: Section, level: int) -> list[str]:
    lines = []
    if level:
        lines.append(f"<h{level}>{_e(section.heading)}</h{level}>")
    numbers = sorted(section.paragraphs)
    # The guidance's order: the first paragraph leads into the list, the others follow it.
    first, rest = numbers[:1], numbers[1:]

    def paragraph(number: int) -> str:
        cite = Citation(section=section.id, paragraph=number)
        return (
            f'<p id="{cite.anchor}"><span class="place">Stycke {number}:</span> '
            f"{_e(section.paragraphs[number].quote)}</p>"
        )

    lines += [paragraph(number) for number in first]
    if section.points:
        lines.append("<ol>")
        for number in sorted(section.points):
            cite = Citation(section=section.id, point=number)
            lines.append(
                f'<li id="{cite.anchor}"><span class="place">Punkt {number}:</span> '
                f"{_e(section.points[number].quote)}</li>"
            )
        lines.append("</ol>")
    lines += [paragraph(number) for number in rest]
    return lines


def html(index: GuidanceIndex, home: str = "./") -> str:
    """The page: lang="sv", one h1, a heading per section, an `id` per paragraph, point and law paragraph."""
    body: list[str] = [
        f"<h1>{_e(index.title)}</h1>",
        _source(index.source, "Källa"),
        "<p>Texterna under rubrikerna är citerade ordagrant ur vägledningen, med samma stycken och punkter "
        "som assistentens hänvisningar (”stycke 2”, ”punkt 3”). Rubrikerna fram till avsnittet om lagen "
        "är vägledningens egna.</p>",
    ]
    parent: str | None = None
    for section in index.sections.values():
        if section.heading == index.title:  # the introduction, under the document's own title
            body += _section(section, 0)
            continue
        if section.parent and section.parent != parent:
            body.append(f"<h2>{_e(section.parent)}</h2>")
        parent = section.parent
        body += _section(section, 3 if section.parent else 2)
    body += [
        "<h2>Lagen som vägledningen bygger på</h2>",
        _source(index.law_source, "Källa"),
    ]
    for key, law in index.laws.items():
        cite = Citation(law=key)
        body.append(f'<section id="{cite.anchor}" aria-labelledby="{cite.anchor}-rubrik">')
        body.append(f'<h3 id="{cite.anchor}-rubrik">{_e(law.name)}</h3>')
        named_in = [
            f'<a href="#{Citation(section=s.id, paragraph=1).anchor}">”{_e(s.heading)}”, stycke 1</a>'
            for s in index.sections.values()
            if key in s.laws
        ]
        if law.named_in_guidance:
            where = f" i {', '.join(named_in)}" if named_in else ""
            body.append(f"<p>Vägledningen hänvisar till paragrafen{where}. Vi återger inte lagens text här.</p>")
        if law.text and law.paraphrase:
            body.append(f"<p>Vår sammanfattning, inte lagens ordalydelse: {_e(law.text)}</p>")
        elif law.text:
            body.append(f"<blockquote><p>{_e(law.text)}</p></blockquote>")
        body.append("<p>Läs lagens aktuella text hos utgivaren (adressen ovan).</p>")
        body.append("</section>")
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="sv">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(index.short_name)}: {_e(index.title)}</title>",
            '<link rel="icon" href="data:,">',
            '<link rel="stylesheet" href="page.css">',
            "</head>",
            "<body>",
            f'<nav><a href="{_e(home)}">Till assistenten</a></nav>',
            "<main>",
            *body,
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )
