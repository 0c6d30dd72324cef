"""Writes the intranet page's files, as scripts/web_server.py serves them, into a folder for a
static web server (the page's container image: nginx). index.html keeps its placeholder for the
Rasa server's address, which nginx fills in with the page's own address.

    python -m scripts.export_page dist/page
"""

from __future__ import annotations

import sys
from pathlib import Path

from scripts.web_server import FILES, GENERATED, generated


def export(folder: Path) -> list[Path]:
    written = []
    for url_path, (source, _) in FILES.items():
        target = folder / url_path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
        written.append(target)
    for url_path in GENERATED:
        target = folder / url_path.lstrip("/")
        target.write_bytes(generated(url_path))
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("Användning: python -m scripts.export_page MAPP", file=sys.stderr)
        return 2
    for path in export(Path(args[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
