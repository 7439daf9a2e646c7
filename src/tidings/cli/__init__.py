"""The ``tidings`` command: a thin skin over the library (see ``tidings --help``).

Each sub-command lives in its own module in this package and is imported only when it runs, so
``tidings extract`` never pays for loading spaCy.
"""

from __future__ import annotations

import importlib
import importlib.util

import click

from tidings import __version__
from tidings.cli._common import common_options

# command name -> (module, function, one-line help shown by `tidings --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "extract": ("tidings.cli.extract", "extract", "Read news inputs and print clean Articles as JSON Lines."),
    "code": ("tidings.cli.code", "code", "Code articles into political events (JSON Lines or CSV)."),
    "quotes": ("tidings.cli.quotes", "quotes", "Find quotes and their speakers (JSON Lines)."),
    "eval": ("tidings.cli.eval", "eval_", "Score the coder against sentence-level gold events."),
    "ingest": ("tidings.cli.store", "ingest", "Read, code and store articles in a DuckDB file."),
    "events": ("tidings.cli.store", "events", "List stored events with filters."),
    "dyads": ("tidings.cli.store", "dyads", "Count events per source-target country pair."),
    "actors": ("tidings.cli.store", "actors", "List the most active stored actors."),
    "query": ("tidings.cli.store", "query", "Run a read-only SQL query on the store."),
    "export": ("tidings.cli.store", "export", "Export stored events (jsonl, csv, parquet, gdelt, plover)."),
    "demo": ("tidings.cli.store", "demo", "Ingest sample articles into a fresh store and summarise them."),
}  # fmt: skip


class LazyGroup(click.Group):
    """A group whose commands are imported on first use; missing modules are simply not listed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self._available(name)]

    def _available(self, name: str) -> bool:
        module = COMMANDS[name][0]
        return importlib.util.find_spec(module) is not None

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS or not self._available(name):
            return None
        module, attr, _ = COMMANDS[name]
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tidings")
@common_options
def main() -> None:
    """tidings turns news into political event data: who did what to whom, when and where,
    with the sentence behind every claim.

    \b
    Example:
      tidings extract examples/ > articles.jsonl
      tidings code examples/ --format csv > events.csv
    """
