"""The statistics as one self-contained HTML file (charts inline as SVG) and a CSV of the same figures.

The HTML has no external file, script or font: it can be mailed or put on the intranet as it
is. Free text in it is only what figures.Texts holds (masked), escaped.
"""

from __future__ import annotations

import csv
import html
import io
from datetime import datetime
from pathlib import Path

from asf.statistics import charts
from asf.statistics.figures import ZONE, Figures, Table, Value

CSV_COLUMNS = ("avsnitt", "rad", "mått", "värde")
MAX_TEXTS = 25  # masked messages shown per question; the rest are counted

# (heading, text, tables) in the report's order; each table as (key, chart columns, horizontal, stacked,
# percent). No chart columns: a table only.
SECTIONS: tuple[tuple[str, str, tuple[tuple[str, tuple[str, ...], bool, bool, bool], ...]], ...] = (
    (
        "Bedömningar över tid",
        "En bedömning räknas i den vecka och månad då den började. ”Med resultat” är de som nådde ett resultat.",
        (
            ("per_vecka", ("Började", "Med resultat"), False, False, False),
            ("per_manad", ("Började", "Med resultat"), False, False, False),
        ),
    ),
    (
        "Resultat",
        "Vilka resultat bedömningarna fick: de fyra bedömningarna och utfallen i beslutsträdet.",
        (("per_bedomning", ("Antal",), True, False, False), ("per_utfall", ("Antal",), True, False, False)),
    ),
    (
        "Kanaler",
        "Var bedömningarna gjordes: intranätet, Teams, Slack eller andra system via REST.",
        (("per_kanal", ("Började", "Med resultat"), True, False, False),),
    ),
    (
        "Var bedömningar slutar utan resultat",
        "Den sista frågan som ställdes innan samtalet tog slut, eller innan användaren började om.",
        (("avbrutna", ("Antal",), True, False, False),),
    ),
    (
        "Hur lång tid en bedömning tar",
        "Räknat från meddelandet som startade bedömningen till resultatet.",
        (
            ("langd", (), True, False, False),
            ("langd_meddelanden", ("Bedömningar",), False, False, False),
            ("langd_minuter", ("Bedömningar",), False, False, False),
        ),
    ),
    (
        "Det assistenten inte förstod",
        "Skrivna svar på en fråga som assistenten inte kunde tolka (också de där den frågade ”Menar du …?”), "
        "och meddelanden utanför frågorna som den inte förstod. Meddelandena visas med personuppgifter borttagna.",
        (("forstod_inte", ("Andel (%)",), True, False, True),),
    ),
    (
        "Hade användaren nytta av bedömningen?",
        "Svaren på frågan efter varje resultat, per utfall. Kommentarerna visas med personuppgifter borttagna.",
        (("nytta", ("Ja", "Nej"), True, True, False),),
    ),
    (
        "Övningsläget",
        "Hur det går i övningsläget: poängen per omgång och vilka fall som oftast bedöms fel. "
        "Fallen överst är de skillnader som personalen oftast missar.",
        (("ovning_poang", ("Omgångar",), False, False, False), ("ovning_fall", ("Andel fel (%)",), True, False, True)),
    ),
)


def number(value: Value) -> str:
    """A value as Swedish text: decimal comma, "–" for not applicable."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def write_csv(figures: Figures, path: Path) -> None:
    """One row per number: section, row, measure, value (semicolons, decimal comma, UTF-8 with BOM for Excel)."""
    path.write_text(csv_text(figures), encoding="utf-8-sig")


LONG_TABLE = 15  # rows; a longer table (a year of weeks) is folded under its chart


def _table_html(table: Table) -> str:
    if not table.rows:
        return '<p class="tom">Inga uppgifter under perioden.</p>'
    if len(table.rows) > LONG_TABLE:
        return f"<details><summary>Visa tabellen ({len(table.rows)} rader)</summary>{_rows_html(table)}</details>"
    return _rows_html(table)


def _rows_html(table: Table) -> str:
    head = "".join(f'<th scope="col">{html.escape(c)}</th>' for c in ("", *table.columns))
    body = "".join(
        f'<tr><th scope="row">{html.escape(label)}</th>' + "".join(f"<td>{number(v)}</td>" for v in values) + "</tr>"
        for label, values in table.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _figure_html(table: Table, columns: tuple[str, ...], horizontal: bool, stacked: bool, percent: bool) -> str:
    colours = (charts.GREEN, charts.RED) if stacked else (charts.BLUE, charts.GREEN)
    chart = charts.bars(table, columns, colours, horizontal, stacked, percent) if columns else None
    picture = f'<div class="diagram" role="img" aria-label="{html.escape(table.title)}">{chart}</div>' if chart else ""
    return f'<section id="{table.key}"><h3>{html.escape(table.title)}</h3>{picture}{_table_html(table)}</section>'


def _misread_html(figures: Figures) -> str:
    if not figures.texts.misread:
        return ""
    parts = ["<h3>Meddelanden som assistenten inte förstod</h3>"]
    for question in sorted(figures.texts.misread):
        said = figures.texts.misread[question].most_common()
        items = "".join(
            f"<li>{html.escape(text)}" + (f" <span class='antal'>({n} gånger)</span>" if n > 1 else "") + "</li>"
            for text, n in said[:MAX_TEXTS]
        )
        rest = sum(n for _, n in said[MAX_TEXTS:])
        more = f"<p class='tom'>Och {rest} meddelanden till.</p>" if rest else ""
        summary = f"{html.escape(question)} ({sum(n for _, n in said)})"
        parts.append(f"<details open><summary>{summary}</summary><ul>{items}</ul>{more}</details>")
    return "".join(parts)


def _comments_html(figures: Figures) -> str:
    if not figures.texts.comments:
        return "<h3>Kommentarer</h3><p class='tom'>Inga kommentarer under perioden.</p>"
    rows = "".join(
        f"<tr><td>{html.escape(outcome)}</td><td>{html.escape(answer)}</td><td>{html.escape(comment)}</td></tr>"
        for outcome, answer, comment in figures.texts.comments
    )
    head = '<tr><th scope="col">Utfall</th><th scope="col">Nytta</th><th scope="col">Kommentar</th></tr>'
    return f"<h3>Kommentarer</h3><table class='text'><thead>{head}</thead><tbody>{rows}</tbody></table>"


STYLE = """
body{font-family:"DejaVu Sans",Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
  color:#1a1a1a;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}
h2{font-size:1.3rem;margin-top:2.5rem;border-bottom:2px solid #1f5f99;padding-bottom:.2rem}
h3{font-size:1.05rem;margin-top:1.6rem}.meta{color:#444;margin-top:0}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.92rem}
th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left}
td{text-align:right;font-variant-numeric:tabular-nums}table.text td{text-align:left}thead th{background:#eef3f8}
.nyckeltal td{font-weight:bold}.diagram{margin:.5rem 0}.tom,.antal{color:#555}
details{margin:.3rem 0}summary{cursor:pointer}
"""


def render(figures: Figures, created: datetime | None = None) -> str:
    created = created or datetime.now(ZONE)
    overview = figures.tables["oversikt"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="sv"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Statistik för ASF-assistenten, {html.escape(figures.period.label())}</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Statistik för ASF-assistenten</h1>",
        f"<p class='meta'>Period: {html.escape(figures.period.label())}. "
        f"Skapad {created.strftime('%Y-%m-%d %H:%M')}.</p>",
        "<p>Rapporten bygger på de samtal som finns sparade. Den innehåller inga avsändare och ingen fritext "
        "utom kommentarer och meddelanden som assistenten inte förstod, och i dem är personnummer, "
        "telefonnummer och e-postadresser borttagna. Samtal som har rensats bort (make purge) finns inte med.</p>",
        "<h2>Nyckeltal</h2>",
        _table_html(overview).replace("<table>", "<table class='nyckeltal'>", 1),
    ]
    for heading, intro, tables in SECTIONS:
        parts.append(f"<h2>{html.escape(heading)}</h2><p>{html.escape(intro)}</p>")
        for key, columns, horizontal, stacked, percent in tables:
            parts.append(_figure_html(figures.tables[key], columns, horizontal, stacked, percent))
        if heading.startswith("Det assistenten"):
            parts.append(_misread_html(figures))
        if heading.startswith("Hade användaren"):
            parts.append(_comments_html(figures))
    parts.append("</body></html>")
    return "\n".join(parts)


def write(figures: Figures, folder: Path, created: datetime | None = None) -> tuple[Path, Path]:
    """statistik.html and statistik.csv in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    page, table = folder / "statistik.html", folder / "statistik.csv"
    page.write_text(render(figures, created), encoding="utf-8")
    write_csv(figures, table)
    return page, table


def csv_text(figures: Figures) -> str:
    """The CSV as text (for tests and the command's summary)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    for table in figures.tables.values():
        for label, values in table.rows:
            for column, value in zip(table.columns, values, strict=True):
                writer.writerow((table.title, label, column, "" if value is None else number(value)))
    return buffer.getvalue()
