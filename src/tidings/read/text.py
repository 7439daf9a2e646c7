"""Single-article files: plain text and HTML pages."""

from __future__ import annotations

from collections.abc import Iterator

from tidings.errors import InputError
from tidings.read.raw import Options, Raw
from tidings.read.source import Source, decode


def read_text(source: Source, options: Options) -> Iterator[Raw | InputError]:
    """A text file is one article: scraped text, junk and all (the cleaner trims it)."""
    text = decode(source.read(options.max_bytes), source)
    if not text.strip():
        raise source.error("empty file")
    yield Raw(text=text)


def read_html(source: Source, options: Options) -> Iterator[Raw | InputError]:
    """An HTML page is one article: main text and metadata are extracted when finishing."""
    html = decode(source.read(options.max_bytes), source, html=True)
    if not html.strip():
        raise source.error("empty file")
    yield Raw(html=html)
