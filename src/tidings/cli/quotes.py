"""``tidings quotes``: find quotes and their speakers, print them as JSON Lines."""

from __future__ import annotations

import json
import sys

import click

from tidings.cli._common import Reporter, actors_option, common_options, date_option, handle_errors


@click.command(name="quotes")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@date_option
@actors_option
@common_options
@handle_errors
def quotes(paths: tuple[str, ...], date: str | None, actor_files: tuple[str, ...]) -> None:
    """Find quotes and who said them, and print one quote per line as JSON: article_id, speaker
    (text as written, name, code, country, sector; null when unknown), text (the quoted words),
    kind (direct: a passage in quote marks; partial: a few quoted words inside a sentence;
    indirect: reported speech such as "X said that ..." or "according to X"), start and end
    (character offsets of the quoted words in the article text, as `tidings extract` prints it)
    and cue (the words that mark the speech: said, told, quoted ... as saying, according to).
    A quote interrupted by its attribution ('"We are ready," he said. "We will not wait."') is
    one quote: its text joins the pieces with " … " and start/end span them all.
    PATH is anything `tidings extract` reads. An input that cannot be read gets one line on
    stderr and the rest are still read; the exit status is 1 when any input failed.

    \b
    Example:
      tidings quotes examples/ > quotes.jsonl
      tidings quotes story.txt --actors my_people.tsv -q | jq .speaker.name
    """
    from tidings.cli._progress import Progress, RunSummary
    from tidings.errors import InputError
    from tidings.pipeline import Pipeline
    from tidings.read import iter_articles
    from tidings.read.survey import survey

    reporter = Reporter()
    pipeline = Pipeline(actor_files=actor_files)

    def articles():  # noqa: ANN202  (a generator that reports failed inputs as it meets them)
        for item in iter_articles(paths, date=date):
            if isinstance(item, InputError):
                reporter.error(item)
                continue
            yield item

    out = sys.stdout
    found = survey(paths)
    summary = RunSummary(ignored=found.ignored)
    tally = summary.tally
    with Progress(quiet=reporter.quiet, label="quoting", total=found.total) as progress:
        try:
            for result in pipeline.code(articles()):
                tally.add(result)
                for quote in result.quotes:
                    out.write(json.dumps(quote.to_dict(), ensure_ascii=False) + "\n")
                progress.update(tally.read, f"{tally.quotes:,} quotes")
        except KeyboardInterrupt:
            out.flush()
            click.echo(
                f"interrupted after {tally.read:,} articles; their {tally.quotes:,} quotes are on "
                "stdout. A re-run starts again (`tidings ingest` resumes where it stopped)",
                err=True,
            )
            sys.exit(130)
    out.flush()
    summary.failed = reporter.failures
    for line in summary.lines(wrote=f"wrote {tally.quotes:,} quotes"):
        reporter.note(line)
    if reporter.exit_code:
        click.get_current_context().exit(reporter.exit_code)
