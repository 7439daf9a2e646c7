"""WARC and WARC.gz archives: every HTML response record is one page (warcio), streamed."""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator

from tidings.errors import InputError
from tidings.read.raw import Options, Raw
from tidings.read.source import Source, decode

log = logging.getLogger(__name__)


def read_warc(source: Source, options: Options) -> Iterator[Raw | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    pages = 0
    # warcio gunzips record by record itself, so it gets the raw stream.
    with source.open(raw=True) as stream:
        records = iter(ArchiveIterator(stream))
        number = 0
        while True:
            try:
                record = next(records, None)
                if record is None:
                    break
                number += 1
                raw = _page(record, number, source, options)
            except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as err:
                reason = str(err).splitlines()[0] if str(err) else type(err).__name__
                yield source.error(f"truncated or corrupt WARC after {pages} pages, at record {number + 1} ({reason})")
                return
            if isinstance(raw, InputError):
                yield raw
            elif raw is not None:
                pages += 1
                yield raw
    if pages == 0 and number >= 0:
        raise source.error("no HTML response records in this WARC")


def _page(record, number: int, source: Source, options: Options) -> Raw | InputError | None:  # type: ignore[no-untyped-def]
    """An HTML response record as a page; None for other records (requests, images, metadata)."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    status = record.http_headers.get_statuscode() or ""
    if "html" not in content_type or not status.startswith("2"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    payload = record.content_stream().read(options.max_bytes + 1)
    if len(payload) > options.max_bytes:
        return source.error(f"record {number} ({url}): page larger than the limit")
    try:
        html = decode(payload, source, html=True)
    except InputError:
        log.debug("%s record %d (%s): binary payload skipped", source.name, number, url)
        return None
    return Raw(html=html, url=url, where=f"record {number} ({url})")
