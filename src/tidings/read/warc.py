"""WARC and WARC.gz archives: every HTML response record is one page (warcio), streamed."""

from __future__ import annotations

import contextlib
import io
import logging
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from tidings.errors import InputError
from tidings.read.raw import Options, Raw
from tidings.read.source import Source, decode

log = logging.getLogger(__name__)


def read_warc(source: Source, options: Options) -> Iterator[Raw | InputError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with source.open(raw=True) as raw_stream:
        head = (_Gunzip(raw_stream) if source.gzipped else raw_stream).read(64)
    if not head.strip():
        raise source.error("empty file")
    if not head.startswith(b"WARC/"):
        raise source.error("not a WARC file (it does not start with a WARC/1.x record header)")
    pages = 0
    pending: Raw | None = None
    # Gunzipped here rather than by warcio: warcio reads a truncated gzip member without
    # complaint; _Gunzip returns what it could decompress and remembers the damage.
    with source.open(raw=True) as raw_stream:
        stream = _Gunzip(raw_stream) if source.gzipped else raw_stream
        records = iter(ArchiveIterator(stream))
        number = 0
        while True:
            try:
                # warcio writes its warnings (bad Content-Length) to stderr; the library must not.
                with contextlib.redirect_stderr(io.StringIO()) as warnings:
                    record = next(records, None)
                    if record is not None:
                        number += 1
                        raw = _page(record, number, source, options)
                if warnings.getvalue():
                    log.debug("%s: warcio: %s", source.name, warnings.getvalue().strip())
                if record is None:
                    break
            except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as err:
                reason = str(err).splitlines()[0] if str(err) else type(err).__name__
                if pending is not None:  # complete: the damage is in a later record
                    pages += 1
                    yield pending
                yield source.error(
                    f"truncated or corrupt WARC after {pages} pages, at record {number + 1} ({reason})"
                )
                return
            if isinstance(raw, InputError):
                yield raw
            elif raw is not None:
                # A page is handed on once the next record starts: the last one may be cut short.
                if pending is not None:
                    pages += 1
                    yield pending
                pending = raw
    if isinstance(stream, _Gunzip) and stream.truncated:
        yield source.error(
            f"truncated gzip file after {pages} pages (compressed stream ended early)"
        )
        return
    if pending is not None:
        pages += 1
        yield pending
    if pages == 0:
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


class _Gunzip(io.RawIOBase):
    """Multi-member gunzip that yields every byte it can and flags a truncated last member."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._z = zlib.decompressobj(zlib.MAX_WBITS | 16)
        self._buffer = b""
        self.truncated = False

    def readable(self) -> bool:
        return True

    def readinto(self, target) -> int:  # type: ignore[no-untyped-def]
        while not self._buffer:
            chunk = self._z.unused_data or self._raw.read(65536)
            if not chunk:
                self.truncated = not self._z.eof and self._started
                return 0
            if self._z.eof:  # next gzip member
                self._z = zlib.decompressobj(zlib.MAX_WBITS | 16)
            self._started = True
            self._buffer = self._z.decompress(chunk)
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size

    _started = False
