"""Bar charts for the report, as inline SVG (matplotlib, no display needed).

Text stays text in the SVG (`svg.fonttype: none`), so the charts are small, sharp and
searchable; every chart has its table beside it in the report for those who cannot see it.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # before pyplot: no display on a server

import matplotlib.pyplot as plt

from asf.statistics.figures import Table

BLUE = "#1f5f99"  # the page's link colour family; dark enough for 4.5:1 against white
GREEN, RED, GREY = "#1e7a34", "#b3261e", "#8a8a8a"
STYLE = {
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "asf",  # the same figures give the same SVG
}


def _svg(figure: plt.Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
    plt.close(figure)
    text = buffer.getvalue()
    # Inline in HTML: no XML prolog or DOCTYPE; its natural size, but never wider than the page.
    text = text[text.index("<svg") :]
    return text.replace("<svg ", '<svg style="max-width:100%;height:auto" ', 1)


def _short(label: str, width: int = 48) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def bars(
    table: Table,
    columns: tuple[str, ...],
    colours: tuple[str, ...] = (BLUE, GREEN),
    horizontal: bool = True,
    stacked: bool = False,
    percent: bool = False,
) -> str | None:
    """The table's `columns` as bars, one group per row; None when there is nothing to draw."""
    rows = [(label, [values[table.columns.index(c)] for c in columns]) for label, values in table.rows]
    if not any(v for _, values in rows for v in values):
        return None
    # A list of categories shows only those with something; an ordered scale (vertical) keeps its empty steps.
    rows = [(label, [v or 0 for v in values]) for label, values in rows if not horizontal or any(values)]
    if not rows:
        return None
    with plt.rc_context(STYLE):
        # Never wider than the page (60rem, about 10 inches): a year of weeks gets thinner bars instead.
        size = (7.5, 0.8 + 0.42 * len(rows)) if horizontal else (min(10.0, max(5.0, 0.55 * len(rows) + 2)), 3.2)
        crowded = not horizontal and len(rows) > 16  # no number over each bar, and every few labels only
        figure, axes = plt.subplots(figsize=size)
        labels = [_short(label) for label, _ in rows]
        positions = list(range(len(rows)))
        width = 0.8 if stacked or len(columns) == 1 else 0.8 / len(columns)
        base = [0.0] * len(rows)
        for number, column in enumerate(columns):
            values = [float(vals[number] or 0) for _, vals in rows]
            offset = 0.0 if stacked or len(columns) == 1 else (number - (len(columns) - 1) / 2) * width
            spots = [p + offset for p in positions]
            colour = colours[number % len(colours)]
            if horizontal:
                drawn = axes.barh(
                    spots, values, height=width, left=base if stacked else None, color=colour, label=column
                )
            else:
                drawn = axes.bar(
                    spots, values, width=width, bottom=base if stacked else None, color=colour, label=column
                )
            if not stacked and not crowded:
                axes.bar_label(drawn, labels=[_number(v, percent) for v in values], padding=2, fontsize=8)
            if stacked:
                base = [b + v for b, v in zip(base, values, strict=True)]
        if horizontal:
            axes.set_yticks(positions, labels)
            axes.invert_yaxis()
            axes.set_xlabel("Andel (%)" if percent else "Antal")
            axes.margins(x=0.12)
            if percent:
                axes.set_xlim(0, 112)  # the whole scale, with room for the last label
                axes.set_xticks(range(0, 101, 20))
        else:
            step = -(-len(rows) // 16) if crowded else 1  # at most 16 labels
            # Slanted when side by side they would run into each other (about 9 characters fit under a bar).
            slanted = len(rows) > 6 or max(len(label) for label in labels) > 9
            axes.set_xticks(
                positions[::step],
                labels[::step],
                rotation=30 if slanted else 0,
                ha="right" if slanted else "center",
                rotation_mode="anchor",
            )
            axes.set_ylabel("Andel (%)" if percent else "Antal")
            axes.margins(y=0.15)
        if not percent:
            axes.xaxis.get_major_locator().set_params(
                integer=True
            ) if horizontal else axes.yaxis.get_major_locator().set_params(integer=True)
        if len(columns) > 1:
            # Above the bars, never over them.
            axes.legend(frameon=False, loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(columns))
        return _svg(figure)


def _number(value: float, percent: bool) -> str:
    if percent:
        return f"{value:.1f} %".replace(".", ",")
    return f"{value:.0f}"
