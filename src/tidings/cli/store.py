"""`tidings ingest`, `events`, `dyads`, `actors`, `query`, `export` and `demo`: the store commands.

Each is a thin skin over ``tidings.store`` (``open_store``, ``Store`` methods) and
``tidings.store.ingest.ingest``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
import pandas as pd

from tidings.cli._common import (
    Reporter,
    actors_option,
    common_options,
    date_option,
    handle_errors,
    source_option,
)
from tidings.store import DEFAULT_DB, open_store
from tidings.store.export import FORMATS
from tidings.store.queries import PERIODS

OUTPUT_FORMATS = ("table", "jsonl", "csv")
TABLE_LIMIT = 50

db_option = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB, show_default=True,
    help="The store file (DuckDB).",
)  # fmt: skip
format_option = click.option(
    "--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True,
    help="Output: a readable table, JSON Lines or CSV.",
)  # fmt: skip
since_option = click.option(
    "--since", metavar="DATE", help="Only events on or after this ISO date."
)
until_option = click.option(
    "--until", metavar="DATE", help="Only events on or before this ISO date."
)
limit_option = click.option(
    "--limit", type=click.IntRange(min=0), default=None, help="At most N rows."
)


# -- output -------------------------------------------------------------------------------------
def _console() -> Any:
    from rich.console import Console

    return Console(file=sys.stdout, soft_wrap=False)


def _table(df: pd.DataFrame, *, title: str | None = None, wide: tuple[str, ...] = ()) -> Any:
    """A table that fits the terminal.  Numbers, codes and dates keep their full width; text
    columns (``wide``, and any with long values) share the rest and wrap at word ends; headers
    break at their underscores ("mean" over "goldstein").  On a terminal too narrow even for the
    fixed columns the right edge is cut (--format csv or jsonl give everything)."""
    from rich import box
    from rich.table import Table

    cells = {col: ["" if _missing(v) else str(v) for v in df[col]] for col in df.columns}
    headers = {col: "\n".join(str(col).split("_")) for col in df.columns}
    natural, flexible = {}, []
    for col in df.columns:
        head = max((len(w) for w in headers[col].split()), default=1)
        natural[col] = max([head, *(len(v) for v in cells[col])])
        numeric = pd.api.types.is_numeric_dtype(df[col])
        if col in wide or (not numeric and natural[col] > 16):
            flexible.append(col)
    # SIMPLE_HEAD without edges: a space of padding each side of a cell and one between cells
    room = _console().width - 3 * (len(df.columns) - 1)
    room -= sum(natural[c] for c in df.columns if c not in flexible)
    widths = dict(natural) | _shares(flexible, natural, wide, room)
    table = Table(
        title=title, box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_edge=False
    )
    for col in df.columns:
        numeric = pd.api.types.is_numeric_dtype(df[col])
        table.add_column(
            headers[col],
            width=widths[col],
            justify="right" if numeric else "left",
            no_wrap=col not in flexible,
            overflow="fold",
        )
    for row in zip(*(cells[c] for c in df.columns), strict=True):
        table.add_row(*row)
    return table


def _shares(
    flexible: list[str], natural: dict[str, int], wide: tuple[str, ...], room: int
) -> dict[str, int]:
    """Widths of the text columns within ``room``: each gets up to 10 characters first, then the
    rest goes by natural width (``wide`` columns weighing three times more), never past it."""
    if sum(natural[c] for c in flexible) <= room:
        return {c: natural[c] for c in flexible}
    widths = {c: min(natural[c], 10) for c in flexible}
    if sum(widths.values()) > room:  # too narrow: the right edge is cut
        return widths
    spare = room - sum(widths.values())
    weight = {c: (natural[c] - widths[c]) * (3 if c in wide else 1) for c in flexible}
    total = sum(weight.values()) or 1
    for c in flexible:
        widths[c] = min(natural[c], widths[c] + spare * weight[c] // total)
    return widths


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _day_text(value: Any) -> str:
    """A stored date as ``YYYY-MM-DD`` (DuckDB DATEs arrive as midnight timestamps)."""
    if _missing(value):
        return "undated"
    return value.strftime("%Y-%m-%d") if hasattr(value, "strftime") else str(value)[:10]


def _dates_as_text(df: pd.DataFrame) -> pd.DataFrame:
    """DuckDB DATE columns arrive as datetimes: show them as ISO dates, not midnight timestamps."""
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            values = out[col]
            midnight = values.dropna().eq(values.dropna().dt.normalize()).all()
            text = values.dt.strftime("%Y-%m-%d" if midnight else "%Y-%m-%dT%H:%M:%S")
            out[col] = text.where(values.notna(), None)
    return out


def emit(
    df: pd.DataFrame, fmt: str, *, title: str | None = None, wide: tuple[str, ...] = ()
) -> None:
    """Write a DataFrame to stdout as a table, JSON Lines or CSV."""
    out = sys.stdout
    df = _dates_as_text(df)
    if fmt == "jsonl":
        if not df.empty:
            out.write(
                df.to_json(
                    orient="records", lines=True, date_format="iso", force_ascii=False
                ).rstrip("\n")
                + "\n"
            )
    elif fmt == "csv":
        df.to_csv(out, index=False, lineterminator="\n")
    else:
        if df.empty:
            click.echo("(no rows)")
            return
        _console().print(_table(df, title=title, wide=wide))


# -- ingest -------------------------------------------------------------------------------------
def _stored_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        return int(open_store(db).query("SELECT count(*) AS n FROM articles")["n"][0])
    except Exception:  # noqa: BLE001 - only for the interrupt message; the store says the rest
        return 0


def _run_ingest(paths: tuple[str, ...], db: Path, reporter: Reporter, **options: Any) -> Any:
    from tidings.cli._progress import Progress, RunSummary
    from tidings.read.survey import survey
    from tidings.store.ingest import ingest as run

    found = survey(paths)
    before = _stored_articles(db)
    with Progress(quiet=reporter.quiet, label="ingesting", total=found.total) as progress:

        def show(report: Any) -> None:
            progress.update(report.coded + report.skipped, f"{report.found:,} events found")

        try:
            report = run(paths, db, progress=show, **options)
        except KeyboardInterrupt:
            stored = _stored_articles(db) - before
            click.echo(
                f"interrupted: {stored:,} articles of this run are stored in {db} (every batch "
                "written before the interrupt is kept). Run the same command again to resume: "
                "stored articles are skipped, the rest are coded.",
                err=True,
            )
            sys.exit(130)
    for failed in report.failed:
        message = failed.error
        if failed.input and not message.startswith(str(failed.input)):
            message = f"{failed.input}: {message}"
        reporter.error(message)
    summary = RunSummary(tally=report.tally, ignored=found.ignored, failed=len(report.failed))
    dup = f" ({report.duplicates} near-duplicates)" if report.duplicates else ""
    wrote = (
        f"stored {report.stored} articles{dup}, {report.events} events, {report.quotes} quotes; "
        f"skipped {report.skipped} already stored; {len(report.failed)} failed — "
        f"{report.seconds:.1f} s ({report.write_s:.1f} s writing), {report.rate:.1f} articles/s → {db}"
    )
    for line in summary.lines(wrote=wrote):
        reporter.note(line)
    return report


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes coding in parallel (each loads the pipeline once).")  # fmt: skip
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles per write transaction (the most an interrupted run has to redo).")  # fmt: skip
@date_option
@source_option
@actors_option
@common_options
@handle_errors
def ingest(paths: tuple[str, ...], db: Path, workers: int, batch_size: int, date: str | None,
           source: str | None, actor_files: tuple[str, ...]) -> None:  # fmt: skip
    """Read, code and store articles in a DuckDB file. Inputs are files or directories (text,
    HTML, JSONL, WARC, feeds). Articles already stored (same id) are skipped, so re-running adds
    nothing, and a run that was interrupted — even killed — is finished by running it again.
    Inputs that fail are reported at the end (exit status 1); the others are stored regardless.

    \b
    Example:
      tidings ingest examples/ --db news.duckdb --workers 2
      tidings events --db news.duckdb --type ASSAULT
    """
    reporter = Reporter()
    _run_ingest(paths, db, reporter, workers=workers, batch_size=batch_size, date=date,
                source=source, actor_files=actor_files)  # fmt: skip
    sys.exit(reporter.exit_code)


# -- queries ------------------------------------------------------------------------------------
@click.command()
@db_option
@click.option(
    "--actor", metavar="CODE_OR_NAME", help="Actor code prefix (USA, IRNGOV) or name, either side."
)
@click.option("--source-country", metavar="ISO", help="Source actor's country (ISO alpha-3).")
@click.option("--target-country", metavar="ISO", help="Target actor's country (ISO alpha-3).")
@click.option("--type", "type_", metavar="PLOVER", help="PLOVER event type (AGREE, ASSAULT…).")
@click.option("--cameo", metavar="PREFIX", help="CAMEO code prefix (19 = every fight code).")
@since_option
@until_option
@click.option(
    "--text", metavar="WORDS", help="Words that must all appear in the evidence sentence."
)
@limit_option
@format_option
@common_options
@handle_errors
def events(db: Path, actor: str | None, source_country: str | None, target_country: str | None,
           type_: str | None, cameo: str | None, since: str | None, until: str | None,
           text: str | None, limit: int | None, fmt: str) -> None:  # fmt: skip
    """List stored events with filters, oldest first. The table shows who did what to whom and
    the evidence sentence (the first 50 unless --limit says otherwise); JSON Lines and CSV give
    every column of the events table, for every matching event.

    \b
    Example:
      tidings events --actor IRN --type ACCUSE --since 2018-01-01
      tidings events --cameo 19 --format csv > fights.csv
    """
    from tidings.store.queries import EVENT_SUMMARY_COLUMNS

    store = open_store(db)
    filters = dict(actor=actor, source_country=source_country, target_country=target_country,
                   type=type_, cameo=cameo, since=since, until=until, text=text)  # fmt: skip
    if fmt == "table":
        # A table is for reading: a screenful by default, not the whole store.
        shown = TABLE_LIMIT if limit is None else limit
        df = store.events(limit=shown, columns=EVENT_SUMMARY_COLUMNS, **filters)
        _print_events(_event_table(df))
        if limit is None and len(df) == shown:
            Reporter().note(
                f"showing the first {shown} events: --limit N for more, --format jsonl for all"
            )
    else:
        emit(store.events(limit=limit, **filters), fmt)


def _actor_label(name: Any, text: Any, code: Any) -> str:
    """ "Joe Biden [USAGOV]"; the words of the article when the actor has no canonical name."""
    shown = name if not _missing(name) else text
    shown = "" if _missing(shown) else " ".join(str(shown).split())
    code = "-" if _missing(code) else str(code)
    return f"{shown} [{code}]".strip()


NARROW = 110  # below this many columns an event table leaves the evidence too little room


def _print_events(df: pd.DataFrame) -> None:
    """Events as a table on a wide terminal; on a narrow one, each event as a line of who did
    what to whom with its evidence sentence indented below it, wrapped to the terminal."""
    console = _console()
    if df.empty:
        click.echo("(no rows)")
    elif console.width >= NARROW:
        console.print(_table(df, wide=("evidence",)))
    else:
        from rich.padding import Padding
        from rich.text import Text

        for r in df.itertuples(index=False):
            console.print(Text(f"{r.date}  {r.source}  {r.event}  {r.target}  ({r.goldstein})"))
            console.print(Padding(Text(r.evidence, style="italic"), (0, 0, 0, 4)))


def _event_table(df: pd.DataFrame) -> pd.DataFrame:
    """Who did what to whom, with the evidence: the readable shape of the events table."""
    rows = [
        {
            "date": _day_text(r.date),
            "source": _actor_label(r.source_name, r.source_text, r.source_code),
            "event": f"{r.plover} {r.cameo}" + (" (negated)" if r.negated else ""),
            "target": _actor_label(r.target_name, r.target_text, r.target_code),
            "goldstein": r.goldstein,
            "evidence": " ".join(str(r.evidence_text).split()),
        }
        for r in df.itertuples(index=False)
    ]
    return pd.DataFrame(
        rows, columns=["date", "source", "event", "target", "goldstein", "evidence"]
    )


@click.command()
@db_option
@click.option(
    "--by", type=click.Choice(PERIODS), default="month", show_default=True, help="Time period."
)
@click.option("--international", is_flag=True,
              help="Only pairs of two different countries (or organisations): no USA→USA.")  # fmt: skip
@click.option(
    "--actor", metavar="CODE_OR_NAME", help="Actor code prefix (USA, IRNGOV) or name, either side."
)
@click.option("--country", metavar="ISO", help="A country on either side (ISO alpha-3: USA, GBR).")
@click.option("--type", "type_", metavar="PLOVER", help="PLOVER event type (AGREE, ASSAULT…).")
@since_option
@until_option
@limit_option
@format_option
@common_options
@handle_errors
def dyads(db: Path, by: str, international: bool, actor: str | None, country: str | None,
          type_: str | None, since: str | None, until: str | None, limit: int | None,
          fmt: str) -> None:  # fmt: skip
    """Count events per source-target country pair per day, week, month or year, with the mean
    Goldstein score and counts per quad class (q1 verbal cooperation … q4 material conflict).
    The same event reported by many articles counts once (``events``); ``reports`` counts them all.
    Events from articles without a date are counted in a last period, ``undated`` (one event per
    article: undated events of different articles are never merged); --since and --until leave
    them out. A side is a country (ISO alpha-3) or, for IGOs and NGOs, the actor code. Unknown
    types and codes are an error that lists the valid ones.

    \b
    Example:
      tidings dyads --by week --since 2022-02-01
      tidings dyads --international --type ASSAULT
      tidings dyads --country IRN --by year --format csv
    """
    df = open_store(db).dyads(by=by, since=since, until=until, limit=limit, actor=actor,
                              country=country, type=type_, international=international)  # fmt: skip
    emit(df, fmt)


@click.command()
@db_option
@since_option
@until_option
@click.option(
    "--limit", type=click.IntRange(min=0), default=20, show_default=True, help="At most N actors."
)
@format_option
@common_options
@handle_errors
def actors(db: Path, since: str | None, until: str | None, limit: int, fmt: str) -> None:
    """List the most active actors: their code, the dictionary's name for it ("United States
    government" for USAGOV, "United Nations" for IGOUNO), country, sector, events as source and
    as target, the mean Goldstein score of their events, and the words articles most often
    write for them.

    \b
    Example:
      tidings actors --since 2020-01-01 --limit 10
    """
    df = open_store(db).actors(limit=limit, since=since, until=until)
    if fmt == "table":  # the code already says the country and sector (BLRGOV)
        df = df.drop(columns=["country", "sector"])
    emit(df, fmt, wide=("written",))


@click.command()
@click.argument("sql")
@db_option
@format_option
@common_options
@handle_errors
def query(sql: str, db: Path, fmt: str) -> None:
    """Run a read-only SQL query on the store (tables articles, events, quotes, actors,
    ingest_log; view event_groups). The file is opened read-only, so writes fail.

    \b
    Example:
      tidings query "SELECT plover, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC"
    """
    emit(open_store(db).query(sql), fmt)


def _export_help() -> str:
    """The export command's help: the formats, then every way the GDELT tables differ from GDELT's
    own files (from ``tidings.store.gdelt.DIFFERENCES``, so the two cannot disagree)."""
    import textwrap

    from tidings.store.gdelt import DIFFERENCES

    # click keeps a \b paragraph as written, so the list is wrapped here, to click's 78 columns
    differences = "\n".join(
        textwrap.fill(d, width=76, initial_indent="- ", subsequent_indent="  ") for d in DIFFERENCES
    )
    return f"""Export stored events: jsonl (Event records), csv (the events table), parquet (a
    directory partitioned by month), gdelt (GDELT 2.0 Event table, tab-separated: one row per
    real-world event with its mention counts), gdelt-mentions (GDELT 2.0 Mentions table: one row
    per article sentence reporting an event) or plover (POLECAT-style JSON Lines). --no-header
    leaves out the column names (raw GDELT files have none). The GDELT tables keep GDELT's
    columns and codes (QuadClass by GDELT's CAMEO roots: 01-05 verbal cooperation, 06-08
    material cooperation, 09-13 verbal conflict, 14-20 material conflict; FractionDate as GDELT's
    files hold it; FIPS 10-4 country codes for places; KnownGroupCode from IGO, NGO and armed
    group codes) and differ from GDELT's own as follows.

    \b
    {differences.replace(chr(10), chr(10) + "    ")}

    \b
    Example:
      tidings export --format gdelt --no-header --out events.tsv
      tidings export --format gdelt-mentions --out mentions.tsv
      tidings export --format parquet --out events_parquet/
    """


@click.command(help=_export_help())
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Export format.")
@click.option("--out", type=click.Path(path_type=Path), default=None,
              help="Output file (a directory for parquet); standard output when omitted.")  # fmt: skip
@click.option("--no-header", is_flag=True,
              help="No line of column names (csv, gdelt, gdelt-mentions).")  # fmt: skip
@common_options
@handle_errors
def export(db: Path, fmt: str, out: Path | None, no_header: bool) -> None:
    reporter = Reporter()
    store = open_store(db)
    n = store.export(fmt, out if out is not None else sys.stdout, header=not no_header)
    reporter.note(f"exported {n} rows as {fmt}" + (f" to {out}" if out else ""))


# -- demo ---------------------------------------------------------------------------------------
@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default="demo.duckdb",
              show_default=True, help="The store file to fill.")  # fmt: skip
@common_options
@handle_errors
def demo(paths: tuple[str, ...], db: Path) -> None:
    """Ingest sample articles into a store and print what tidings found: articles, events by
    type, the busiest dyads and a few events with their evidence sentence. Without PATHS it
    reads the 24 sample articles that come with tidings (wire stories written for the project,
    in the package's examples folder), so it works from any directory.

    \b
    Example:
      tidings demo
      tidings demo --db mine.duckdb my_articles/
    """
    from importlib import resources

    reporter = Reporter()
    samples = str(resources.files("tidings").joinpath("examples"))
    _run_ingest(paths or (samples,), db, reporter, workers=1)
    _print_summary(open_store(db), db)
    sys.exit(reporter.exit_code)


def _clean(value: Any, default: str = "?") -> str:
    return default if _missing(value) or not str(value).strip() else " ".join(str(value).split())


def _print_summary(store: Any, db: Path) -> None:
    from rich.text import Text

    console = _console()
    s = store.summary()
    dup = f" ({s['duplicates']} republished copies)" if s["duplicates"] else ""
    console.print(
        Text("\ntidings: who did what to whom, with the sentence that says so", style="bold")
    )
    console.print(
        f"{s['articles']} articles{dup} → {s['events']} event mentions → "
        f"{s['unique_events']} distinct events · {s['quotes']} quotes · {s['actors']} actors · "
        f"{s['first_date'] or '?'} to {s['last_date'] or '?'}"
    )
    if not s["by_type"].empty:
        console.print(_table(s["by_type"], title="Events by PLOVER type"))
    if not s["top_dyads"].empty:
        console.print(_table(s["top_dyads"], title="Busiest dyads between countries"))
    examples = store.examples(limit=4)
    if not examples.empty:
        console.print(Text("A few events and the sentences behind them", style="bold"))
    for row in examples.itertuples(index=False):
        head = Text(f"{row.date}  ")
        head.append(f"{_clean(row.source)} [{row.source_code}]", style="cyan")
        head.append(f"  {row.type} ({row.cameo} {_clean(row.cameo_name, '')})  ", style="bold")
        head.append(f"{_clean(row.target)} [{row.target_code}]", style="cyan")
        console.print(head)
        sentence = Text("    “" + _clean(row.evidence_text, "") + "”", style="italic")
        if not _missing(row.trigger) and row.trigger:
            sentence.highlight_words([str(row.trigger)], style="bold yellow")
        console.print(sentence)
    console.print(
        f"\nNext: tidings events --db {db} --type ASSAULT | tidings dyads --db {db} --by month | "
        f"tidings export --db {db} --format gdelt"
    )
