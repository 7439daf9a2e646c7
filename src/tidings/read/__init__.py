"""Reading news inputs into clean ``Article`` records.

``iter_articles(paths)`` reads files, directories (recursively, by extension) and ``-`` (stdin)
and yields one cleaned ``Article`` per article found, or, for each input (or JSONL line, CSV row,
WARC record) that cannot be read, an ``InputError`` naming it and the reason — then carries on.

Kinds and how they are chosen (extension first, ``.gz`` looked through; otherwise by content):

=========  =====================================  ============================================
kind       extensions                             one article per
=========  =====================================  ============================================
text       .txt .text                             file (scraped text: the cleaner trims it)
html       .html .htm .xhtml .shtml               file (main text and metadata: trafilatura)
jsonl      .jsonl .ndjson .json                   line: id, text or html, title, date, url, source
csv        .csv .tsv                              row with a ``text`` (or ``html``) column
warc       .warc .warc.gz                         HTML response record
feed       .rss .atom .rdf .xml                   RSS/Atom entry with content
=========  =====================================  ============================================

Text is decoded from UTF-8, UTF-16/32 with a BOM, UTF-16 without one, a declared HTML charset
or cp1252/latin-1, and mojibake is repaired (ftfy).  Inputs above ``max_bytes`` (default 50 MB;
per line, row or record for JSONL, CSV and WARC) are refused, not read.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from tidings.clean import clean_parts, detect_language, repair
from tidings.dates import estimate_date
from tidings.errors import InputError, TidingsError
from tidings.read.feeds import read_feed
from tidings.read.html import extract_page
from tidings.read.jsonl import read_jsonl
from tidings.read.raw import (
    Options,
    Raw,
    date_in_dateline,
    date_in_head,
    normalize_date,
    valid_day,
)
from tidings.read.source import (
    DEFAULT_MAX_BYTES,
    EXTENSIONS,
    KINDS,
    Source,
    sniff,
    stdin_source,
)  # fmt: skip
from tidings.read.table import read_csv
from tidings.read.text import read_html, read_text
from tidings.read.warc import read_warc
from tidings.records import Article, article_id

__all__ = [
    "DEFAULT_MAX_BYTES", "EXTENSIONS", "KINDS", "iter_articles", "kind_of", "read_articles",
    "read_path",
]  # fmt: skip

log = logging.getLogger(__name__)

Reader = Callable[[Source, Options], Iterator[Raw | InputError]]
READERS: dict[str, Reader] = {
    "text": read_text, "html": read_html, "jsonl": read_jsonl, "csv": read_csv,
    "warc": read_warc, "feed": read_feed,
}  # fmt: skip


def iter_articles(
    paths: Iterable[str | Path],
    *,
    date: str | None = None,
    source: str | None = None,
    clean: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | InputError]:
    """Read every path and yield Articles, or an InputError for each input that failed.

    ``date`` (``YYYY-MM-DD``) and ``source`` fill in articles that have none.  ``clean=False``
    keeps the text as read (unicode repaired, no furniture removed).  Streaming: articles are
    yielded as they are read.
    """
    options = _options(date=date, source=source, clean=clean, max_bytes=max_bytes)
    for path in paths:
        yield from _read_one(str(path), options)


def read_articles(
    paths: Iterable[str | Path] | str | Path,
    *,
    on_error: Callable[[InputError], object] | list[InputError] | None = None,
    date: str | None = None,
    source: str | None = None,
    clean: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article]:
    """Read files, folders or ``-`` into Articles, ready for ``Pipeline.code``::

        errors = []
        articles = tidings.read_articles(["news/", "feed.rss"], on_error=errors)
        for result in pipeline.code(articles): ...

    Only Articles are yielded.  Each input (or JSONL line, CSV row, WARC record) that cannot be
    read goes to ``on_error``: a function called with the ``InputError``, or a list it is
    appended to; with None it is logged as a warning.  The other options are those of
    ``iter_articles``.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    for item in iter_articles(paths, date=date, source=source, clean=clean, max_bytes=max_bytes):
        if not isinstance(item, InputError):
            yield item
        elif isinstance(on_error, list):
            on_error.append(item)
        elif on_error is not None:
            on_error(item)
        else:
            log.warning("%s", item)


def read_path(
    path: str | Path,
    *,
    date: str | None = None,
    source: str | None = None,
    clean: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | InputError]:
    """``iter_articles`` for one path (a file, a directory or ``-``)."""
    return iter_articles([path], date=date, source=source, clean=clean, max_bytes=max_bytes)


def kind_of(path: str | Path) -> str | None:
    """The kind a file's extension names (``a.jsonl.gz`` -> ``jsonl``), or None."""
    return EXTENSIONS.get(Source(str(path), Path(path)).stem_suffix())


def _options(*, date: str | None, source: str | None, clean: bool, max_bytes: int) -> Options:
    if date is not None and not valid_day(date):
        raise TidingsError(f"date {date!r} is not a day in the form YYYY-MM-DD")
    if max_bytes <= 0:
        raise TidingsError(f"max_bytes must be positive, got {max_bytes}")
    return Options(date=date, source=source, clean=clean, max_bytes=max_bytes)


def _read_one(name: str, options: Options) -> Iterator[Article | InputError]:
    if name == "-":
        try:
            src = stdin_source(options.max_bytes)
        except InputError as err:
            yield err
            return
        yield from _read_source(src, options, kind=None)
        return
    path = Path(name)
    if path.is_dir():
        yield from _read_directory(path, options)
    elif not path.exists() and not path.is_symlink():
        yield InputError("no such file or directory", input=name)
    else:
        yield from _read_source(Source(name, path), options, kind=kind_of(path))


def _read_directory(root: Path, options: Options) -> Iterator[Article | InputError]:
    found = 0
    for directory, subdirs, files in os.walk(root, onerror=None):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(directory, name)
            kind = kind_of(path)
            if name.startswith(".") or kind is None:
                log.debug("skipping %s: not a known input extension", path)
                continue
            found += 1
            yield from _read_source(Source(str(path), path), options, kind=kind)
    if not found:
        known = " ".join(sorted(EXTENSIONS))
        yield InputError(
            f"directory has no input files (extensions read: {known})", input=str(root)
        )


def _read_source(
    src: Source, options: Options, *, kind: str | None
) -> Iterator[Article | InputError]:
    """Run the reader for ``src`` and finish each article; errors are yielded, never raised."""
    try:
        if kind is None or (kind == "feed" and src.stem_suffix() == ".xml"):
            kind = sniff(src.head(), src)
        log.debug("reading %s as %s", src.name, kind)
        for item in READERS[kind](src, options):
            yield item if isinstance(item, InputError) else _finish(item, src, options)
    except InputError as err:
        yield err
    except TidingsError as err:
        yield InputError(str(err), input=src.name)


def _finish(raw: Raw, src: Source, options: Options) -> Article | InputError:
    """A reader's ``Raw`` to a clean Article: extract HTML, clean, fill in metadata, id, language."""
    where = f"{src.name}: {raw.where}" if raw.where else src.name
    title, date, site, url, trim = raw.title, raw.date, raw.source, raw.url, raw.trim
    text = raw.text
    if raw.html is not None:
        page = extract_page(raw.html, url=raw.url)
        if page is None:
            return InputError("no article text found in the HTML", input=where)
        text, trim = page.text, False  # trafilatura already cut the page to the article
        title, date, site, url = (
            title or page.title,
            date or page.date,
            site or page.site,
            url or page.url,
        )
        text = _without_heading(text, title)
    if text is None or not text.strip():
        return InputError("empty text", input=where)
    if options.clean:
        parts = clean_parts(text, trim=trim)
        text, title = parts.text, title or parts.title
        date = date or (date_in_head(parts.head) if trim else None)
    else:
        text = repair(text)
    if not text.strip():
        reason = "no article text after removing page furniture" if options.clean else "empty text"
        return InputError(reason, input=where)
    source = site or options.source
    article = Article(
        id=raw.id or article_id(source=source, url=url, text=text),
        text=text,
        title=title.strip() if title else None,
        date=normalize_date(date) or date_in_dateline(text) or options.date,
        source=source,
        url=url,
    )
    estimate = estimate_date(text) if article.date is None else None
    return replace(
        article,
        language=detect_language(text),
        estimated_date=estimate.date if estimate is not None else None,
    )


def _without_heading(text: str, title: str | None) -> str:
    """Drop the page's headline when the extracted text repeats it as its first paragraph."""
    first, _, rest = text.partition("\n\n")
    if title and rest and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return text
