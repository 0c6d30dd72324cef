"""Command line for the statistics and the conversation review (make statistik, make samtal).

    python -m asf.statistics report [--out dist/statistik] [--from 2026-01-01] [--to 2026-03-31] [--url ...]
    python -m asf.statistics review [--out dist/samtal.md] [--from ...] [--to ...] [--reason nej,avvisad]
                                    [--outcome utfall-id] [--url ...]

Without --url the store Rasa uses is read: TRACKER_URL, else the SQLite file TRACKER_DB.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

from asf import settings
from asf.guidance.loader import default_tree
from asf.statistics import figures, replay, review, store


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"”{text}” är inget datum; skriv till exempel 2026-01-31.") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m asf.statistics", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, default in (("report", "dist/statistik"), ("review", "dist/samtal.md")):
        command = commands.add_parser(name)
        command.add_argument("--out", type=Path, default=Path(default))
        command.add_argument("--from", dest="since", type=_day, help="första dagen (ÅÅÅÅ-MM-DD)")
        command.add_argument("--to", dest="until", type=_day, help="sista dagen (ÅÅÅÅ-MM-DD)")
        command.add_argument("--url", help="databasens adress (annars TRACKER_URL eller TRACKER_DB)")
        if name == "review":
            command.add_argument("--reason", help="kommaseparerat: " + ", ".join(review.REASONS))
            command.add_argument("--outcome", help="bara samtal med detta utfall (id i content/tree.yml)")
    return parser


def main(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    period = figures.Period(args.since, args.until)
    if args.since and args.until and args.since > args.until:
        parser.error("FROM ska vara samma dag som TO eller tidigare.")
    url = args.url or settings.tracker_url()
    if url.startswith("sqlite:///") and not os.path.exists(url.removeprefix("sqlite:///")):
        print(f"FEL: databasen {url.removeprefix('sqlite:///')} finns inte.", file=sys.stderr)
        return 1
    started = time.perf_counter()
    since, until = period.bounds()
    try:
        events = store.conversations(url, since, until)
        if args.command == "report":
            from asf.statistics import report  # matplotlib takes a second to import: not for the review

            counted = figures.count((replay.replay(e) for e in events), period)
            page, table = report.write(counted, args.out)
            seconds = time.perf_counter() - started
            print(
                f"Skrev {page} och {table}: {counted.conversations} samtal, "
                f"{counted.tables['oversikt'].value('Bedömningar som började', 'Värde')} bedömningar "
                f"({period.label()}), på {seconds:.1f} s."
            )
            return 0
        chosen = frozenset(args.reason.split(",")) if args.reason else frozenset(review.REASONS)
        unknown = chosen - set(review.REASONS)
        if unknown:
            parser.error(f"okänd orsak {', '.join(sorted(unknown))}; välj bland {', '.join(review.REASONS)}.")
        if args.outcome and args.outcome not in default_tree().outcomes:
            parser.error(f"utfallet {args.outcome} finns inte i beslutsträdet.")
        selection = review.Selection(period, chosen, args.outcome)
        text, found = review.render((replay.replay(e, transcript=True) for e in events), selection)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"Skrev {args.out}: {found} samtal att granska ({period.label()}).")
        return 0
    except store.StoreError as error:
        print(f"FEL: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
