"""Run every benchmark with settings that finish in minutes (`make bench`).

Each script prints its inputs, its baseline from the same run and the ratio; this runner only
calls them in turn.  Benchmarks that read ../shared/data say so and are skipped when it is absent.
Pass --full to run each on its whole corpus.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "data"

# script, quick arguments, full arguments, needs ../shared/data
BENCHMARKS: list[tuple[str, list[str], list[str], bool]] = [
    ("speed.py", ["--limit", "150"], ["--limit", "600", "--repeat", "3"], True),
    ("extraction.py", ["--limit", "150"], [], True),
    ("quotes.py", ["--limit", "30"], [], True),
    ("ingest.py", ["--articles", "500"], ["--articles", "5000"], False),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="whole corpora (slow)")
    args = parser.parse_args()
    failed = 0
    for script, quick, full, needs_shared in BENCHMARKS:
        print(f"\n=== {script}", flush=True)
        if needs_shared and not SHARED.is_dir():
            print(f"skipped: {SHARED} is not present")
            continue
        cmd = [sys.executable, str(HERE / script), *(full if args.full else quick)]
        failed += subprocess.call(cmd) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
