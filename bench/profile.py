"""Where the time goes: samples the Rasa server and the action server with
py-spy while batches of dialogues run, 20 at a time, for the whole recording, and prints the
functions that use most CPU.

    python -m bench.profile [MODEL]     (make profile)

The raw py-spy samples stay in results/profile/ for a closer look.
"""

from __future__ import annotations

import collections
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from bench.dialogues import run as run_dialogues
from devtools.servers import Servers, running_servers
from scripts.evaluate_nlu import current_model

ROOT = Path(__file__).resolve().parent.parent
PY_SPY = ROOT / ".venv" / "bin" / "py-spy"
RAW_DIR = ROOT / "results" / "profile"


def pid_of(pgid: int, pattern: str) -> str:
    return subprocess.run(["pgrep", "-g", str(pgid), "-f", pattern], capture_output=True, text=True).stdout.split()[0]


def summarise(raw: Path, top: int = 12) -> list[str]:
    """Share of samples per function, counting a function once per stack (inclusive time)."""
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    total = 0
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        total += count
        frames = [frame.split(" (")[0] + " (" + frame.split(" (")[-1].split("/")[-1] for frame in stack.split(";")]
        own[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count
    lines = [f"{100 * c / total:5.1f}%  {f}" for f, c in inclusive.most_common(top)]
    lines += ["  own time:"] + [f"{100 * c / total:5.1f}%  {f}" for f, c in own.most_common(top)]
    return lines


def _keep_loaded(servers: Servers, stop: threading.Event) -> None:
    """Batches of 60 dialogues, 20 at a time, until `stop` is set."""
    batch = 0
    while not stop.is_set():
        run_dialogues(servers.rasa_url, servers.rest_headers, 60, 20, f"profile-{batch}")
        batch += 1


def main(argv: list[str]) -> int:
    model = Path(argv[0]) if argv else current_model()
    with tempfile.TemporaryDirectory() as tmp, running_servers(Path(tmp), {"ASF_MODEL": str(model)}) as servers:
        pgid = servers.process.pid
        targets = {"Rasa server": pid_of(pgid, " run --model"), "action server": pid_of(pgid, "rasa run actions")}
        # Kept after the run (results/ is not committed), to look further than the top functions.
        RAW_DIR.mkdir(parents=True, exist_ok=True)
        raws = {name: RAW_DIR / f"{name.replace(' ', '_')}.txt" for name in targets}
        recorders = [
            subprocess.Popen(
                [
                    str(PY_SPY),
                    "record",
                    "--pid",
                    pid,
                    "--duration",
                    "25",
                    "--rate",
                    "200",
                    "--format",
                    "raw",
                    "--output",
                    str(raws[name]),
                    "--nonblocking",
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for name, pid in targets.items()
        ]
        # Load for as long as py-spy records: one batch of dialogues ends in a few seconds, and samples of
        # an idle server (waiting in its event loop) would otherwise be most of what is printed.
        recording = threading.Event()
        load = threading.Thread(target=_keep_loaded, args=(servers, recording))
        load.start()
        for recorder in recorders:
            recorder.wait(timeout=120)
        recording.set()
        load.join()
        for name, raw in raws.items():
            print(f"\n{name} (py-spy, share of samples, inclusive):")
            print("\n".join(summarise(raw)) if raw.exists() else "  (no samples: py-spy needs ptrace permission)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
