"""Docs cannot drift: every command has a --help with an example and a README entry."""

from __future__ import annotations

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
