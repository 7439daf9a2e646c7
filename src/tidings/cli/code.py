"""``tidings code``: read inputs, code them into events, print JSON Lines or CSV."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

import click

from tidings.cli._common import (
    Reporter,
    actors_option,
    common_options,
    date_option,
    handle_errors,
    model_option,
    source_option,
)
from tidings.errors import InputError
from tidings.records import Event

CSV_COLUMNS = (
    "article_id", "sentence", "date",
    "source_text", "source_code", "source_country", "source_sector", "source_name",
    "target_text", "target_code", "target_country", "target_sector", "target_name",
    "cameo", "cameo_name", "plover", "plover_mode", "goldstein", "quad_class", "negated",
    "modality", "speaker_text", "speaker_code", "location_name", "location_country",
    "location_lat", "location_lon", "evidence_text", "evidence_start", "evidence_end",
    "evidence_trigger", "rule", "confidence",
)  # fmt: skip


def flatten(event: Event) -> dict[str, Any]:
    """One CSV row: nested actors, location and evidence become prefixed columns."""
    data = event.to_dict()
    row: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            for sub, v in value.items():
                row[f"{key}_{sub}"] = v
        elif value is None and key in ("target", "speaker", "location"):
            continue
        else:
            row[key] = value
    return {col: row.get(col) for col in CSV_COLUMNS}


@click.command(name="code")
@click.argument("paths", nargs=-1, required=True)
@date_option
@source_option
@actors_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="Output format: one event per line.")  # fmt: skip
@model_option
@common_options
@handle_errors
def code(paths: tuple[str, ...], date: str | None, source: str | None, actor_files: tuple[str, ...],
         fmt: str, model: str | None) -> None:  # fmt: skip
    """Code news articles into political events: who did what to whom, when, with the sentence
    behind each event. PATHS are files, folders or - for stdin (text, HTML, JSONL, WARC, feeds);
    JSONL records keep their "id" as the events' article_id. Prints one event per line on
    stdout; inputs that cannot be read are reported on stderr and the exit status is 1.

    \b
    Example:
      tidings code article.txt --date 2023-03-21
      tidings code articles.jsonl --actors my_people.tsv --format csv > events.csv
    """
    from tidings.cli._progress import Progress, RunSummary
    from tidings.pipeline import Pipeline
    from tidings.read import iter_articles
    from tidings.read.survey import survey

    reporter = Reporter()
    pipeline = Pipeline(model=model, actor_files=actor_files)
    out = sys.stdout
    writer = None
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()

    def articles():  # type: ignore[no-untyped-def]
        for item in iter_articles(paths, date=date, source=source):
            if isinstance(item, InputError):
                reporter.error(item)
            else:
                yield item

    found = survey(paths)
    summary = RunSummary(ignored=found.ignored)
    tally = summary.tally
    with Progress(quiet=reporter.quiet, label="coding", total=found.total) as progress:
        try:
            for result in pipeline.code(articles()):
                tally.add(result)
                for event in result.events:
                    if writer is not None:
                        writer.writerow(flatten(event))
                    else:
                        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                progress.update(tally.read, f"{tally.events:,} events")
        except KeyboardInterrupt:
            out.flush()
            click.echo(
                f"interrupted after {tally.read:,} articles; their {tally.events:,} events are on "
                "stdout. `tidings code` keeps nothing, so a re-run starts again: `tidings ingest` "
                "stores as it goes and a re-run resumes where it stopped",
                err=True,
            )
            sys.exit(130)
    summary.failed = reporter.failures
    for line in summary.lines(wrote=f"wrote {tally.events:,} events"):
        reporter.note(line)
    if reporter.exit_code:
        sys.exit(reporter.exit_code)
