"""Ingestion: read inputs, code the articles, store them — idempotent, resumable, in parallel.

>>> from tidings.store.ingest import ingest
>>> report = ingest(["examples/"], "tidings.duckdb", workers=2)

* Idempotent: an article whose id is already stored is skipped (checked once at start and
  again inside each write transaction), so re-running on the same inputs adds nothing.
* Resumable: each batch (articles, events, quotes, actors, log rows) is one transaction; a run
  killed at any moment, even by SIGKILL, leaves whole batches only, and the next run codes
  what is missing.
* Parallel: ``workers > 1`` codes chunks of articles in a process pool, one Pipeline per
  worker process, loaded once; the parent reads, hands out chunks and writes (DuckDB has one
  writer per file).
* Failures (unreadable inputs, articles the coder chokes on) are logged in ``ingest_log`` and
  returned; the good inputs are stored regardless.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError
from tidings.records import Article, Result
from tidings.store import DEFAULT_DB, open_store
from tidings.store.write import AddStats, BatchWriter, Coded, Failed
from tidings.tally import Tally

logger = logging.getLogger(__name__)

CHUNK = 8  # articles per worker task: big enough for nlp.pipe batching, small for smooth progress


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did.

    ``coded``/``found``: articles coded and events found in them (progress, before writing);
    ``stored``/``events``/``quotes``/``duplicates``: what was written; ``skipped``: articles
    already stored; ``failed``: every input or article that failed.  ``seconds``: wall time;
    ``write_s``: time the writer thread spent writing (it overlaps with coding).  ``tally``:
    what was coded, for summaries (skipped by language, undated, estimated dates).
    """

    stored: int = 0
    skipped: int = 0
    duplicates: int = 0
    events: int = 0
    quotes: int = 0
    coded: int = 0
    found: int = 0
    failed: list[Failed] = field(default_factory=list)
    seconds: float = 0.0
    write_s: float = 0.0
    versions: dict[str, str] = field(default_factory=dict)
    tally: Tally = field(default_factory=Tally)

    @property
    def rate(self) -> float:
        """Articles coded per second of wall time."""
        return self.coded / self.seconds if self.seconds > 0 else 0.0

    def add(self, stats: AddStats) -> None:
        self.stored += stats.stored
        self.skipped += stats.skipped
        self.duplicates += stats.duplicates
        self.events += stats.events
        self.quotes += stats.quotes


Progress = Callable[[IngestReport], None]


def _label(article: Article) -> str:
    return article.url or article.id


# -- coding, in this process or in workers ------------------------------------------------------
def _code_chunk(pipeline: Any, chunk: Sequence[tuple[Article, float]]) -> list[Coded | Failed]:
    """Code a chunk with ``nlp.pipe``; if it fails, code one by one so only the culprit fails."""
    start = time.perf_counter()
    try:
        results: list[Result] = list(pipeline.code([a for a, _ in chunk]))
    except Exception:  # the coder is not ours to trust with one bad article spoiling the chunk
        logger.debug("chunk failed; coding its %d articles one by one", len(chunk), exc_info=True)
    else:
        each = (time.perf_counter() - start) / max(len(chunk), 1)
        return [
            Coded(r, input=_label(a), read_s=read_s, code_s=each)
            for r, (a, read_s) in zip(results, chunk, strict=True)
        ]
    out: list[Coded | Failed] = []
    for article, read_s in chunk:
        t0 = time.perf_counter()
        try:
            result = pipeline.code_article(article)
        except Exception as err:
            logger.warning("%s: coding failed: %s", _label(article), err, exc_info=True)
            out.append(
                Failed(_label(article), f"coding failed: {type(err).__name__}: {err}", article.id)
            )
        else:
            out.append(
                Coded(result, input=_label(article), read_s=read_s, code_s=time.perf_counter() - t0)
            )
    return out


# The pipeline of a worker process, built once by the pool initializer (per-process state is
# how multiprocessing hands a loaded resource to many tasks).
_WORKER_PIPELINE: Any = None
_WORKER_ERROR: BaseException | None = None


def _init_worker(model: str | None, actor_files: tuple[str, ...]) -> None:
    global _WORKER_PIPELINE, _WORKER_ERROR
    from tidings.pipeline import Pipeline

    try:
        _WORKER_PIPELINE = Pipeline(model=model, actor_files=actor_files)
    except Exception as err:  # an initializer that raises makes the pool respawn it forever
        _WORKER_ERROR = err


def _worker_pipeline() -> Any:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    return _WORKER_PIPELINE


def _worker_code(chunk: list[tuple[Article, float]]) -> list[Coded | Failed]:
    return _code_chunk(_worker_pipeline(), chunk)


def _worker_versions() -> dict[str, str]:
    return dict(_worker_pipeline().versions)


# -- reading ------------------------------------------------------------------------------------
def _read(
    paths: Sequence[str | Path], *, date: str | None, source: str | None
) -> Iterator[tuple[Article | Failed, float]]:
    from tidings.read import iter_articles

    items = iter(iter_articles([str(p) for p in paths], date=date, source=source))
    while True:
        t0 = time.perf_counter()
        try:
            item = next(items)
        except StopIteration:
            return
        except TidingsError as err:  # readers yield their errors, but be safe with raised ones
            yield Failed(err.input, str(err)), 0.0
            continue
        elapsed = time.perf_counter() - t0
        if isinstance(item, TidingsError):
            yield Failed(item.input, str(item)), elapsed
        else:
            yield item, elapsed


def _chunks(items: Iterable[tuple[Article | Failed, float]], known: set[str], report: IngestReport,
            failures: list[Failed]) -> Iterator[list[tuple[Article, float]]]:  # fmt: skip
    """Articles to code, in chunks; stored ids are skipped, failures set aside for the log."""
    chunk: list[tuple[Article, float]] = []
    for item, read_s in items:
        if isinstance(item, Failed):
            failures.append(item)
            continue
        if item.id in known:
            report.skipped += 1
            continue
        known.add(item.id)  # the same id twice in one run is stored once
        chunk.append((item, read_s))
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _coded_in_process(
    chunks: Iterable[list[tuple[Article, float]]],
    *,
    model: str | None,
    actors: tuple[str, ...],
    report: IngestReport,
) -> Iterator[list[Coded | Failed]]:
    pipeline = None
    for chunk in chunks:
        if pipeline is None:
            from tidings.pipeline import Pipeline

            pipeline = Pipeline(model=model, actor_files=actors)
            report.versions = dict(pipeline.versions)
        yield _code_chunk(pipeline, chunk)


def _coded_in_pool(
    chunks: Iterable[list[tuple[Article, float]]],
    *,
    workers: int,
    model: str | None,
    actors: tuple[str, ...],
    report: IngestReport,
) -> Iterator[list[Coded | Failed]]:
    """Keep at most 2 chunks per worker in flight (bounded memory), results in input order."""
    chunks = iter(chunks)
    first = next(chunks, None)
    if first is None:
        return
    # spawn, not fork: the parent has DuckDB (and its threads) loaded; forking that is unsafe.
    # concurrent.futures rather than multiprocessing.Pool: a worker that dies (out of memory,
    # a crash in a C extension) breaks the pool with an error instead of hanging the run.
    ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        workers, mp_context=ctx, initializer=_init_worker, initargs=(model, actors)
    )
    try:
        report.versions = pool.submit(_worker_versions).result()
        pending: deque[Future[list[Coded | Failed]]] = deque()
        for chunk in itertools.chain([first], chunks):
            pending.append(pool.submit(_worker_code, chunk))
            if len(pending) >= workers * 2:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool as err:
        raise TidingsError(
            "a worker process died (out of memory?); what was stored is kept: run the same "
            "command again to finish, perhaps with fewer --workers"
        ) from err
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# -- the run ------------------------------------------------------------------------------------
def ingest(
    paths: Sequence[str | Path],
    db: str | Path = DEFAULT_DB,
    *,
    workers: int = 1,
    batch_size: int = 64,
    date: str | None = None,
    source: str | None = None,
    actor_files: Sequence[str | Path] = (),
    model: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read ``paths``, code every article not yet stored and store it in ``db``.

    ``batch_size``: articles per write transaction (the most a kill can lose).  ``date``,
    ``source``: defaults for articles that carry none.  ``actor_files``: extra actor
    dictionaries.  ``progress`` is called with the running report after each coded chunk.
    """
    if workers < 1:
        raise TidingsError(f"--workers must be at least 1, not {workers}")
    if batch_size < 1:
        raise TidingsError(f"--batch-size must be at least 1, not {batch_size}")
    started = time.perf_counter()
    store = open_store(db, create=True)
    known = store.article_ids()
    report = IngestReport()
    failures: list[Failed] = []
    actors = tuple(str(p) for p in actor_files)
    chunks = _chunks(_read(paths, date=date, source=source), known, report, failures)
    run_id = uuid.uuid4().hex[:12]
    # The pipeline (or the pool) is loaded only when there is something to code, so a re-run
    # over stored inputs takes seconds.
    if workers == 1:
        coded = _coded_in_process(chunks, model=model, actors=actors, report=report)
    else:
        coded = _coded_in_pool(chunks, workers=workers, model=model, actors=actors, report=report)
    _run(coded, store.path, run_id, report, failures, batch_size, progress, started)
    report.seconds = time.perf_counter() - started
    return report


class _BackgroundWriter:
    """Writes batches in a thread, one at a time and in order, while the next batch is coded.

    DuckDB releases the GIL while it executes, so writing overlaps with coding; errors surface
    at the next ``submit`` or at ``wait``.
    """

    def __init__(self, path: Path, run_id: str, report: IngestReport) -> None:
        self.writer = BatchWriter(path, run_id=run_id)
        self.report = report
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tidings-writer")
        self.pending: Future[tuple[AddStats, float]] | None = None

    def _write(self, batch: list[Coded | Failed]) -> tuple[AddStats, float]:
        start = time.perf_counter()
        stats = self.writer.add(batch)
        # One line per transaction under --debug: what a killed run has safely stored.
        logger.debug("committed a batch: %d articles stored", stats.stored)
        return stats, time.perf_counter() - start

    def submit(self, batch: list[Coded | Failed]) -> None:
        self.wait()
        self.writer.versions = self.report.versions  # known once the pipeline has loaded
        self.pending = self.pool.submit(self._write, batch)

    def wait(self) -> None:
        if self.pending is not None:
            stats, seconds = self.pending.result()
            self.pending = None
            self.report.add(stats)
            self.report.write_s += seconds


def _run(coded: Iterable[list[Coded | Failed]], path: Path, run_id: str, report: IngestReport,
         failures: list[Failed], batch_size: int, progress: Progress | None, started: float) -> None:  # fmt: skip
    writer = _BackgroundWriter(path, run_id, report)
    batch: list[Coded | Failed] = []

    def flush() -> None:
        items = batch + failures
        report.failed.extend(failures)
        failures.clear()
        batch.clear()
        if items:
            writer.submit(items)

    try:
        for items in coded:
            for item in items:
                if isinstance(item, Failed):
                    failures.append(item)
                else:
                    report.coded += 1
                    report.found += len(item.result.events)
                    report.tally.add(item.result)
                    batch.append(item)
            if len(batch) >= batch_size:
                flush()
            if progress is not None:
                report.seconds = time.perf_counter() - started
                progress(report)
        flush()
        writer.wait()
    finally:
        # On an error or Ctrl-C the batch being written still commits (or rolls back) whole.
        writer.pool.shutdown(wait=True)
