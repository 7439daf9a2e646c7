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
    from tidings.errors import InputError
    from tidings.pipeline import Pipeline
    from tidings.read import iter_articles

    reporter = Reporter()
    pipeline = Pipeline(actor_files=actor_files)

    def articles():  # noqa: ANN202  (a generator that reports failed inputs as it meets them)
        for item in iter_articles(paths, date=date):
            if isinstance(item, InputError):
                reporter.error(item)
                continue
            yield item

    out = sys.stdout
    for result in reporter.progress(pipeline.code(articles()), label="quoting"):
        for quote in result.quotes:
            out.write(json.dumps(quote.to_dict(), ensure_ascii=False) + "\n")
    out.flush()
    if reporter.exit_code:
        click.get_current_context().exit(reporter.exit_code)
