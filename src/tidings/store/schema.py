"""Opening a store file safely: checking it is ours, migrating older schemas, sharing the lock.

DuckDB (2.0) lets one process open a file read-write *or* any number of processes open it
read-only, never both at once: a second process gets ``IOException: Could not set lock on
file … Conflicting lock is held``.  So every tidings connection is short-lived — the ingester
opens the file for one batch (one transaction) and closes it, readers open it read-only for one
query — and both retry while another process holds a conflicting lock.

The schema lives in ``data/NNNN_name.sql`` migration files, applied in order, each in one
transaction; ``tidings_meta.schema_version`` says which ones a file has.  A newer tidings opens
an older file by applying the missing migrations; an older tidings refuses a newer file.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import duckdb

from tidings.errors import StoreError

logger = logging.getLogger(__name__)

# DuckDB's main header: an 8-byte checksum, then the magic bytes.
_MAGIC = b"DUCK"
_MAGIC_AT = 8
_LOCK_WORDS = ("Could not set lock", "Conflicting lock")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        """Split on semicolons that end a line (the format of the migration files)."""
        out, current = [], []
        for line in self.sql.splitlines():
            stripped = line.strip()
            if stripped.startswith("--") or not stripped:
                continue
            current.append(line)
            if stripped.endswith(";"):
                out.append("\n".join(current))
                current = []
        if current:
            out.append("\n".join(current))
        return out


def migrations() -> list[Migration]:
    """The packaged migrations, in version order (validated: numbered 1, 2, 3… without gaps)."""
    found = []
    for entry in resources.files("tidings.store").joinpath("data").iterdir():
        if not entry.name.endswith(".sql"):
            continue
        number, _, rest = entry.name.partition("_")
        if not number.isdigit():
            raise StoreError("migration file name must start with a number", input=entry.name)
        found.append(Migration(int(number), rest.removesuffix(".sql"), entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    for expected, m in enumerate(found, start=1):
        if m.version != expected:
            raise StoreError(f"migrations skip from {expected - 1} to {m.version}", input=m.name)
    return found


SCHEMA_VERSION = len(migrations())


def _is_lock_error(err: BaseException) -> bool:
    return isinstance(err, duckdb.IOException) and any(w in str(err) for w in _LOCK_WORDS)


def connect(path: Path, *, read_only: bool, timeout: float = 60.0) -> duckdb.DuckDBPyConnection:
    """Open ``path``, retrying while another process holds a conflicting lock."""
    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as err:
            if not _is_lock_error(err):
                raise StoreError(
                    f"cannot open the database: {_first_line(err)}", input=str(path)
                ) from err
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"the database stayed busy for {timeout:.0f} s (another process is writing "
                    "to it); try again when it has finished",
                    input=str(path),
                ) from err
        # Jitter so that a writer and several readers polling together do not stay in step.
        time.sleep(delay * (0.5 + random.random()))
        delay = min(delay * 2, 0.5)


@contextmanager
def connection(
    path: Path, *, read_only: bool, timeout: float = 60.0
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived connection, closed (and the file lock released) on exit."""
    con = connect(path, read_only=read_only, timeout=timeout)
    try:
        yield con
    finally:
        con.close()


def _first_line(err: BaseException) -> str:
    return str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__


def check_file(path: Path) -> None:
    """Refuse, without writing a byte, a file that is not a DuckDB database."""
    if path.is_dir():
        raise StoreError("is a directory, not a tidings store; give a file name", input=str(path))
    with path.open("rb") as f:
        head = f.read(_MAGIC_AT + len(_MAGIC))
    if not head:
        raise StoreError(
            "is an empty file, not a tidings store; delete it or choose another --db",
            input=str(path),
        )
    if head[_MAGIC_AT:] != _MAGIC:
        raise StoreError(
            "is not a DuckDB file (a tidings store is one); choose another --db", input=str(path)
        )


def stored_version(con: duckdb.DuckDBPyConnection, path: Path) -> int | None:
    """The file's schema version; None for an empty DuckDB file; an error for a foreign one."""
    tables = {
        row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    if not tables:
        return None
    if "tidings_meta" not in tables:
        raise StoreError(
            f"is a DuckDB database but not a tidings store (it holds {', '.join(sorted(tables)[:5])}); "
            "choose another --db",
            input=str(path),
        )
    row = con.execute("SELECT value FROM tidings_meta WHERE key = 'schema_version'").fetchone()
    if row is None or not str(row[0]).isdigit():
        raise StoreError(
            "is a tidings store without a valid schema_version; it is damaged", input=str(path)
        )
    return int(row[0])


def prepare(path: Path, *, create: bool, timeout: float = 60.0) -> int:
    """Check ``path`` and bring it to the current schema; return the version it had before.

    The file is first opened read-only, so a foreign or corrupted file is never written to.
    """
    if not path.exists():
        if not create:
            raise StoreError(
                "no such store; create it with `tidings ingest … --db FILE`", input=str(path)
            )
        with connection(path, read_only=False, timeout=timeout) as con:
            _migrate(con, path, 0)
        return 0
    check_file(path)
    with connection(path, read_only=True, timeout=timeout) as con:
        try:
            version = stored_version(con, path)
        except duckdb.Error as err:
            raise StoreError(
                f"is corrupted or unreadable: {_first_line(err)}", input=str(path)
            ) from err
    if version is not None and version > SCHEMA_VERSION:
        raise StoreError(
            f"was written by a newer tidings (schema {version}, this one knows {SCHEMA_VERSION}); "
            "upgrade tidings",
            input=str(path),
        )
    if version == SCHEMA_VERSION:
        return version
    if version is None and not create:
        raise StoreError(
            "is an empty DuckDB file, not a tidings store yet; run `tidings ingest`",
            input=str(path),
        )
    with connection(path, read_only=False, timeout=timeout) as con:
        # Re-read under the write lock: another process may have migrated it meanwhile.
        current = stored_version(con, path) or 0
        _migrate(con, path, current)
    return version or 0


def _migrate(con: duckdb.DuckDBPyConnection, path: Path, current: int) -> None:
    for m in migrations():
        if m.version <= current:
            continue
        logger.info("%s: migrating the store to schema %d (%s)", path, m.version, m.name)
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in m.statements():
                con.execute(statement)
            con.execute(
                "INSERT OR REPLACE INTO tidings_meta VALUES ('schema_version', ?)", [str(m.version)]
            )
            con.execute("COMMIT")
        except duckdb.Error as err:
            con.execute("ROLLBACK")
            raise StoreError(
                f"migration {m.version} ({m.name}) failed: {_first_line(err)}", input=str(path)
            ) from err
