"""RSS and Atom feed files: each entry with content is one article (feedparser)."""

from __future__ import annotations

import time
from collections.abc import Iterator

from tidings.errors import InputError
from tidings.read.html import fragment_text
from tidings.read.raw import Options, Raw
from tidings.read.source import Source


def read_feed(source: Source, options: Options) -> Iterator[Raw | InputError]:
    import feedparser

    data = source.read(options.max_bytes)
    if not data.strip():
        raise source.error("empty file")
    feed = feedparser.parse(data)
    if not feed.entries:
        if feed.get("bozo") and not feed.get("feed"):
            reason = str(feed.get("bozo_exception", "")).splitlines()[0][:120]
            raise source.error(f"not a valid RSS/Atom feed ({reason or 'unreadable'})")
        raise source.error("feed has no entries")
    site = feed.feed.get("title") or None
    found = 0
    for number, entry in enumerate(feed.entries, start=1):
        text = fragment_text(_content(entry))
        if not text.strip():
            continue
        found += 1
        yield Raw(
            text=text, id=entry.get("id") or None, title=entry.get("title") or None,
            date=_date(entry), url=entry.get("link") or None, source=site,
            where=f"entry {number}", trim=False,
        )  # fmt: skip
    if not found:
        raise source.error(
            f"feed has no entries with content ({len(feed.entries)} entries, titles only)"
        )


def _content(entry) -> str:  # type: ignore[no-untyped-def]
    """The fullest body an entry has: ``content`` (Atom, RSS content:encoded), else the summary."""
    contents = [c.get("value", "") for c in entry.get("content", []) or []]
    best = max(contents, key=len, default="")
    summary = entry.get("summary", "") or ""
    return best if len(best) >= len(summary) else summary


def _date(entry) -> str | None:  # type: ignore[no-untyped-def]
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
