"""``tidings extract``: read inputs, print clean Articles as JSON Lines."""

from __future__ import annotations

import json
import sys

import click

from tidings.cli._common import Reporter, common_options, date_option, handle_errors, source_option
from tidings.read.source import MB


@click.command(name="extract")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@date_option
@source_option
@click.option(
    "--no-clean", is_flag=True, help="Keep page furniture (only repair the text's encoding)."
)
@click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=50,
    show_default=True,
    metavar="MB",
    help="Refuse inputs (or JSONL lines, CSV rows, WARC records) larger than this.",
)
@common_options
@handle_errors
def extract(
    paths: tuple[str, ...], date: str | None, source: str | None, no_clean: bool, max_size: int
) -> None:
    """Read news inputs and print one clean Article per line as JSON: id, title, date, source,
    url, language and text (the article body without page furniture; later stages quote
    character offsets into it). PATH may be a text, HTML, JSON Lines, CSV, WARC or RSS/Atom file,
    gzipped or not, a directory (read recursively by extension), or - for stdin. An input that
    cannot be read gets one line on stderr and the rest are still read; the exit status is 1 when
    any input failed.

    \b
    Example:
      tidings extract examples/ > articles.jsonl
      tidings extract page.html --date 2023-03-01 --source "Tidings Wire"
      zcat crawl.jsonl.gz | tidings extract - -q | head
    """
    from tidings.errors import InputError
    from tidings.read import iter_articles

    reporter = Reporter()
    out = sys.stdout
    items = iter_articles(
        paths, date=date, source=source, clean=not no_clean, max_bytes=max_size * MB
    )
    for item in reporter.progress(items, label="extracting"):
        if isinstance(item, InputError):
            reporter.error(item)
            continue
        out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    out.flush()
    if reporter.exit_code:
        click.get_current_context().exit(reporter.exit_code)
