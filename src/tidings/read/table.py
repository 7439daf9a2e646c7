"""CSV and TSV files with a ``text`` column (optional ``id``, ``title``, ``date``, ``url``,
``source``, or ``html`` instead of ``text``), streamed row by row.  The date column may also be
called ``published``, ``pubdate``, ``timestamp`` … (``raw.DATE_FIELDS``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from tidings.errors import InputError
from tidings.read.raw import Options, Raw, date_field
from tidings.read.source import Source, decode, encoding_of, guarded

_FIELDS = ("id", "title", "url", "source")


def read_csv(source: Source, options: Options) -> Iterator[Raw | InputError]:
    head = source.head()
    if not head.strip():
        raise source.error("empty file")
    decode(head, source)  # binary content fails here
    delimiter = "\t" if source.stem_suffix() == ".tsv" else ","
    csv.field_size_limit(max(options.max_bytes, 1024))
    with source.open() as stream:
        lines = io.TextIOWrapper(stream, encoding=encoding_of(head), errors="replace", newline="")
        rows = csv.DictReader(lines, delimiter=delimiter)
        header = guarded(lambda: rows.fieldnames, source)
        columns = {name.strip().lower(): name for name in header or []}
        if "text" not in columns and "html" not in columns:
            raise source.error(f"no 'text' column (columns: {', '.join(header or []) or 'none'})")
        yield from _rows(rows, columns, source)


def _rows(
    rows: csv.DictReader, columns: dict[str, str], source: Source
) -> Iterator[Raw | InputError]:
    body = "text" if "text" in columns else "html"
    when = date_field(columns.values())
    while True:
        try:
            row = guarded(lambda: next(rows, None), source)
        except csv.Error as err:
            yield source.error(
                f"line {rows.line_num}: unreadable CSV ({err}); rest of the file skipped"
            )
            return
        if row is None:
            return
        where = f"line {rows.line_num}"
        value = row.get(columns[body])
        if not value or not value.strip():
            yield source.error(f"{where}: empty '{body}'")
            continue
        meta = {
            name: (row.get(columns[name]) or None) if name in columns else None for name in _FIELDS
        }
        meta["date"] = (row.get(when) or None) if when is not None else None
        if body == "text":
            yield Raw(text=value, where=where, **meta)
        else:
            yield Raw(html=value, where=where, **meta)
