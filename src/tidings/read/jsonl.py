"""JSON Lines: one article per line (``id``, ``text`` or ``html``, ``title``, ``date``, ``url``,
``source``), streamed line by line.  The date may also be called ``published``, ``pubdate``,
``timestamp`` … (``raw.DATE_FIELDS``).  A ``.json`` file holding one such object or an array of them
is read too (whole, within the size limit)."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

from tidings.errors import InputError
from tidings.read.raw import Options, Raw, date_field
from tidings.read.source import Source, decode, encoding_of, guarded, looks_binary

_FIELDS = ("id", "title", "url", "source")


def read_jsonl(source: Source, options: Options) -> Iterator[Raw | InputError]:
    head = source.head()
    if not head.strip():
        raise source.error("empty file")
    decode(head, source)  # binary content fails here, with the input named
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[") or source.stem_suffix() == ".json":
        yield from _read_document(source, options)
        return
    with source.open() as stream:
        lines = io.TextIOWrapper(stream, encoding=encoding_of(head), errors="replace", newline=None)
        yield from _read_lines(lines, source, options)


def _read_lines(
    lines: io.TextIOBase, source: Source, options: Options
) -> Iterator[Raw | InputError]:
    number = 0
    while True:
        line = guarded(lambda: lines.readline(options.max_bytes + 1), source)
        if not line:
            return
        number += 1
        if len(line) > options.max_bytes and not line.endswith("\n"):
            _skip_rest(lines, source, options.max_bytes)
            yield source.error(
                f"line {number}: longer than the limit of {options.max_bytes // 2**20} MB"
            )
            continue
        if not line.strip():
            continue
        try:
            yield _record(json.loads(line), f"line {number}")
        except json.JSONDecodeError as err:
            yield source.error(f"line {number}: invalid JSON ({err.msg} at column {err.pos + 1})")
        except ValueError as err:
            yield source.error(f"line {number}: {err}")


def _skip_rest(lines: io.TextIOBase, source: Source, chunk: int) -> None:
    while True:
        part = guarded(lambda: lines.readline(chunk), source)
        if not part or part.endswith("\n"):
            return


def _read_document(source: Source, options: Options) -> Iterator[Raw | InputError]:
    """A whole JSON document: an array of articles or one article object (a ``.json`` file that
    turns out to hold one object per line is read as JSON Lines)."""
    text = decode(source.read(options.max_bytes), source)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":  # several objects: JSON Lines after all
            yield from _read_lines(io.StringIO(text), source, options)
            return
        raise source.error(
            f"invalid JSON ({err.msg} at line {err.lineno}, column {err.colno})"
        ) from None
    items = document if isinstance(document, list) else [document]
    for number, item in enumerate(items, start=1):
        where = f"item {number}" if isinstance(document, list) else None
        try:
            yield _record(item, where)
        except ValueError as err:
            yield source.error(f"{where}: {err}" if where else str(err))


def _record(item: Any, where: str | None) -> Raw:
    """A JSON object to a ``Raw`` article; ValueError says what is wrong with it."""
    if not isinstance(item, dict):
        raise ValueError(f"expected a JSON object, got {type(item).__name__}")
    text, html = item.get("text"), item.get("html")
    if text is None and html is None:
        raise ValueError("no 'text' or 'html' field")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            raise ValueError(f"'{name}' is {type(value).__name__}, not a string")
    if looks_binary(text or html or ""):
        raise ValueError("text holds binary data")
    meta = {name: _string(item.get(name)) for name in _FIELDS}
    when = date_field(item)
    meta["date"] = _string(item[when]) if when is not None else None
    if text is not None:
        return Raw(text=text, where=where, **meta)
    return Raw(html=html, where=where, **meta)


def _string(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)
