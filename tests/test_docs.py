"""Docs cannot drift: every command has a --help with an example and a README entry."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import COMMANDS, main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
AVAILABLE = main.list_commands(None)  # type: ignore[arg-type]


def test_every_planned_command_is_available():
    assert sorted(AVAILABLE) == sorted(COMMANDS)


@pytest.mark.parametrize("name", AVAILABLE)
def test_command_help_has_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output
    assert "-q, --quiet" in result.output and "--debug" in result.output


@pytest.mark.parametrize("name", AVAILABLE)
def test_readme_documents_command(name):
    assert f"tidings {name}" in README


def test_readme_starts_with_the_two_commands():
    head = README[:1500]
    assert "make demo" in head and "make test" in head


ROOT = Path(__file__).resolve().parents[1]
TIDINGS = Path(sys.executable).with_name("tidings")


def test_readme_examples_and_cli_reference_are_current():
    """The README's console sessions print what they show, its pycon blocks pass as doctests,
    and docs/cli.md is every command's --help (scripts/docs.py; `make docs` updates both)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "docs.py"), "--check"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-4000:]


def test_demo_works_from_any_directory(tmp_path):
    result = subprocess.run(
        [str(TIDINGS), "demo", "--db", "demo.duckdb"],
        cwd=tmp_path, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "24 articles" in result.stdout and (tmp_path / "demo.duckdb").exists()


def test_make_demo(tmp_path):
    if subprocess.run(["make", "-q", "setup"], cwd=ROOT).returncode != 0:
        pytest.skip("`make setup` is not up to date; `make test` runs it first")
    db = tmp_path / "demo.duckdb"
    result = subprocess.run(
        ["make", "-s", "demo", f"DEMO_DB={db}"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "24 articles" in result.stdout and db.exists()
