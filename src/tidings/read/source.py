"""Opening inputs: files, gzip, stdin; size limits; decoding bytes to text; guessing the kind.

Everything here raises ``InputError`` with a one-line reason; ``tidings.read`` turns those into
yielded errors so that one bad input never stops the others.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import sys
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TypeVar

from tidings.errors import InputError

T = TypeVar("T")

MB = 1024 * 1024
DEFAULT_MAX_BYTES = 50 * MB
SNIFF_BYTES = 64 * 1024

# extension (without .gz) -> kind.  Directories are read by these extensions only.
EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
    ".warc": "warc",
    ".rss": "feed", ".atom": "feed", ".rdf": "feed", ".xml": "feed",
}  # fmt: skip
KINDS = ("text", "html", "jsonl", "csv", "warc", "feed")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)  # fmt: skip
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Source:
    """One input: a file path, or the bytes of stdin (``path`` None, ``name`` "-")."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    @property
    def gzipped(self) -> bool:
        if self.path is not None:
            return self.path.suffix.lower() == ".gz"
        return bool(self.data) and self.data[:2] == _GZIP_MAGIC  # type: ignore[index]

    def stem_suffix(self) -> str:
        """The extension that names the kind: ``a.html.gz`` -> ``.html``."""
        if self.path is None:
            return ""
        suffixes = [s.lower() for s in self.path.suffixes]
        if suffixes and suffixes[-1] == ".gz":
            suffixes = suffixes[:-1]
        return suffixes[-1] if suffixes else ""

    def error(self, reason: str) -> InputError:
        return InputError(reason, input=self.name)

    @contextmanager
    def open(self, *, raw: bool = False) -> Iterator[BinaryIO]:
        """A binary stream of the content (gunzipped unless ``raw``)."""
        try:
            if self.path is None:
                stream: BinaryIO = io.BytesIO(self.data or b"")
            else:
                stream = open(self.path, "rb")  # noqa: SIM115 - closed below
        except FileNotFoundError:
            raise self.error("no such file or directory") from None
        except PermissionError:
            raise self.error("permission denied") from None
        except OSError as err:
            raise self.error(f"cannot open ({err.strerror or err})") from None
        try:
            if self.gzipped and not raw:
                with gzip.GzipFile(fileobj=stream) as unzipped:
                    yield unzipped  # type: ignore[misc]
            else:
                yield stream
        finally:
            stream.close()

    def read(self, max_bytes: int) -> bytes:
        """The whole (gunzipped) content, refusing more than ``max_bytes``."""
        if self.path is not None and not self.gzipped:
            try:
                size = self.path.stat().st_size
            except OSError:
                size = 0  # open() below names the problem
            if size > max_bytes:
                raise self.error(too_big(size, max_bytes))
        with self.open() as stream:
            data = guarded(lambda: stream.read(max_bytes + 1), self)
        if len(data) > max_bytes:
            raise self.error(too_big(len(data), max_bytes, at_least=True))
        return data

    def head(self) -> bytes:
        """The first bytes of the (gunzipped) content, for sniffing."""
        with self.open() as stream:
            return guarded(lambda: stream.read(SNIFF_BYTES), self)


def guarded(call: Callable[[], T], source: Source) -> T:
    """``call()`` (a read) with gzip and I/O failures turned into one-line input errors."""
    try:
        return call()
    except EOFError:
        raise source.error("truncated gzip file (compressed stream ended early)") from None
    except (gzip.BadGzipFile, zlib.error) as err:
        raise source.error(f"corrupt gzip file ({err})") from None
    except IsADirectoryError:
        raise source.error("is a directory") from None
    except OSError as err:
        raise source.error(f"cannot read ({err.strerror or err})") from None


def too_big(size: int, limit: int, *, at_least: bool = False) -> str:
    more = "more than " if at_least else ""
    return f"too big ({more}{size / MB:.0f} MB; the limit is {limit / MB:.0f} MB, see --max-size)"


def stdin_source(max_bytes: int) -> Source:
    data = sys.stdin.buffer.read(max_bytes + 1)
    source = Source("-", data=data)
    if len(data) > max_bytes:
        raise source.error(too_big(len(data), max_bytes, at_least=True))
    return source


def encoding_of(head: bytes, *, html: bool = False) -> str:
    """The codec for bytes that start with ``head``: BOM, then UTF-8, a declared HTML charset,
    UTF-16 without BOM, else cp1252 (which decodes every byte via the latin-1 fallback)."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec
    if _utf8(head):
        return "utf-8"
    if html and (declared := _META_CHARSET.search(head[:4096])):
        try:
            return codecs.lookup(declared.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            pass
    if (utf16 := _utf16_without_bom(head)) is not None:
        return utf16
    return "cp1252"


def _utf8(head: bytes) -> bool:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of a Latin script has a NUL in every other byte."""
    sample = head[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode(data: bytes, source: Source, *, html: bool = False) -> str:
    """Bytes to text (see ``encoding_of``); binary content is an input error."""
    codec = encoding_of(data[:SNIFF_BYTES], html=html)
    try:
        text = _cp1252(data) if codec == "cp1252" else data.decode(codec)
    except UnicodeDecodeError:
        # Valid UTF-8 at the start, not further on: a legacy single-byte file after all.
        text = _cp1252(data) if codec == "utf-8" else data.decode(codec, errors="replace")
    if looks_binary(text):
        raise source.error(
            "binary file (not text, HTML, JSON Lines, CSV, WARC or an RSS/Atom feed)"
        )
    return text


def _latin1_fallback(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start : err.end].decode("latin-1"), err.end


# cp1252 leaves five bytes undefined; latin-1 maps them, so nothing is lost.
codecs.register_error("tidings-latin-1", _latin1_fallback)


def _cp1252(data: bytes) -> str:
    return data.decode("cp1252", errors="tidings-latin-1")


def looks_binary(text: str) -> bool:
    """NULs or many control characters in the first part: not something we can read as text."""
    sample = text[:8192]
    if not sample:
        return False
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > 0.01 * len(sample)


def sniff(head: bytes, source: Source) -> str:
    """The kind of content that starts with ``head`` (for inputs without a known extension)."""
    if not head.strip():
        raise source.error("empty file")
    if head.startswith(b"WARC/"):
        return "warc"
    text = decode(head, source, html=True).lstrip("\ufeff \t\r\n")
    lowered = text[:2048].lower()
    if re.match(r"(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:rdf)\b", lowered, re.DOTALL):
        return "feed"
    if lowered.startswith(("<!doctype html", "<html", "<head", "<body")) or re.search(
        r"<(html|body|p|div|article)\b", lowered
    ):
        return "html"
    if lowered.startswith("{"):
        return "jsonl"
    return "text"
