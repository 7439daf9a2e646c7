"""Keep the docs true: run the README's examples and paste every command's --help.

    python scripts/docs.py           # rewrite README outputs and docs/cli.md from real runs
    python scripts/docs.py --check   # fail (exit 1, with a diff) where either has drifted

README blocks fenced as ``console`` are sessions: each ``$ command`` line runs in bash, in one
temporary folder shared by the whole README (in order), and the lines up to the next ``$`` are
its standard output.  A ``$ cat FILE`` whose FILE does not exist yet creates FILE with the
lines shown, so the README's example files are defined where the reader sees them.  The
folder holds ``examples/``, the sample articles that ship with tidings.  Blocks fenced as
``pycon`` are doctests, run in the same folder after the sessions.  Other blocks (``sh``,
``python``) are illustrations and are not run.

``docs/cli.md`` is every ``tidings`` command's ``--help``, as an 80-column terminal shows it.
"""

from __future__ import annotations

import argparse
import difflib
import doctest
import os
import re
import shutil
import subprocess
import sys
import tempfile
from contextlib import chdir
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
CLI_DOC = ROOT / "docs" / "cli.md"
FENCE = re.compile(r"^```console\n(.*?)^```\n", re.S | re.M)
ENV = {"COLUMNS": "100", "TIDINGS_PROGRESS_SECONDS": "3600", "NO_COLOR": "1", "TERM": "dumb"}


def run_sessions(text: str, folder: Path) -> str:
    """README ``text`` with every console block's outputs replaced by what the commands print."""
    env = dict(os.environ, **ENV)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"

    def session(match: re.Match[str]) -> str:
        out: list[str] = []
        for command, shown in _commands(match.group(1)):
            cat = re.fullmatch(r"cat (\S+)", command)
            if cat and not (folder / cat.group(1)).exists():
                (folder / cat.group(1)).write_text("".join(shown), encoding="utf-8")
            result = subprocess.run(
                ["bash", "-o", "pipefail", "-c", command], cwd=folder, env=env, text=True,
                capture_output=True, timeout=600,
            )  # fmt: skip
            if result.returncode != 0:
                raise SystemExit(f"README command failed: $ {command}\n{result.stderr}")
            printed = "\n".join(line.rstrip() for line in result.stdout.splitlines())
            out.append(f"$ {command}\n" + (printed + "\n" if printed else ""))
        return "```console\n" + "".join(out) + "```\n"

    return FENCE.sub(session, text)


def _commands(block: str) -> list[tuple[str, list[str]]]:
    found: list[tuple[str, list[str]]] = []
    for line in block.splitlines(keepends=True):
        if line.startswith("$ "):
            found.append((line[2:].rstrip("\n"), []))
        elif found:
            found[-1][1].append(line)
    return found


def run_doctests(folder: Path) -> int:
    """Run the README's ``pycon`` blocks as doctests in ``folder``; return the failures."""
    with chdir(folder):
        result = doctest.testfile(
            str(README), module_relative=False, verbose=False,
            optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        )  # fmt: skip
    return result.failed


def cli_reference() -> str:
    from click.testing import CliRunner

    from tidings.cli import COMMANDS, main

    parts = [
        "# Command reference\n\n",
        "Every `tidings` command's `--help`, pasted by `scripts/docs.py` (`make docs`); the\n",
        "test suite fails when this page and the commands disagree.\n",
    ]
    for name in ["", *COMMANDS]:
        args = [name, "--help"] if name else ["--help"]
        result = CliRunner().invoke(main, args, terminal_width=80, prog_name="tidings")
        title = f"tidings {name}".strip()
        parts.append(f"\n## {title}\n\n```\n{result.output.rstrip()}\n```\n")
    return "".join(parts)


def _diff(name: str, old: str, new: str) -> str:
    return "".join(
        difflib.unified_diff(old.splitlines(True), new.splitlines(True), name, f"{name} (now)")
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail where the docs drifted")
    args = parser.parse_args()
    readme = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="tidings-readme-") as tmp:
        folder = Path(tmp)
        shutil.copytree(resources.files("tidings").joinpath("examples"), folder / "examples")
        fresh = run_sessions(readme, folder)
        failed = run_doctests(folder)
    reference = cli_reference()
    drift = []
    if fresh != readme:
        drift.append(_diff("README.md", readme, fresh))
    old_reference = CLI_DOC.read_text(encoding="utf-8") if CLI_DOC.exists() else ""
    if reference != old_reference:
        drift.append(_diff("docs/cli.md", old_reference, reference))
    if args.check:
        if drift or failed:
            print("".join(drift), file=sys.stderr)
            print("the docs have drifted: run `make docs` and check the result", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    CLI_DOC.parent.mkdir(exist_ok=True)
    CLI_DOC.write_text(reference, encoding="utf-8")
    if failed:
        print(f"{failed} README doctest(s) failed: fix them by hand", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
