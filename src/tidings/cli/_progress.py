"""Progress on stderr for long runs, and the summary a run ends with.

On a terminal, ``Progress`` draws a live line: articles done, the rate and, when the size of the
input is known (``tidings.read.survey``), the total and the time left.  When stderr is not a
terminal (a log file, CI, ``nohup``) it writes one plain line every 30 seconds instead
(``TIDINGS_PROGRESS_SECONDS`` sets another interval), so a log shows that the run is alive and
how far it got.  ``-q`` turns both off.  ``RunSummary`` is what every reading command says at
the end: articles read and coded, skipped for their language, without a date, files ignored and
why, inputs that failed, and what was written.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from typing import Any

import click

from tidings.tally import Tally

DEFAULT_INTERVAL = 30.0


def _interval() -> float:
    try:
        return max(float(os.environ.get("TIDINGS_PROGRESS_SECONDS", DEFAULT_INTERVAL)), 0.0)
    except ValueError:
        return DEFAULT_INTERVAL


def count(n: int, word: str) -> str:
    """ "1 article", "1,988 articles"."""
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def duration(seconds: float) -> str:
    """ "45 s", "12 min", "2 h 05 min"."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    minutes = round(seconds / 60)
    return f"{minutes} min" if minutes < 120 else f"{minutes // 60} h {minutes % 60:02d} min"


class Progress:
    """``with Progress(label="coding", total=n) as p: … p.update(done, "12 events")``."""

    def __init__(self, *, quiet: bool, label: str, total: int | None, unit: str = "articles"):
        self.label, self.total, self.unit = label, total, unit
        self.quiet = quiet
        self.tty = sys.stderr.isatty()
        self.started = time.monotonic()
        self.interval = _interval()
        self.next_log = self.started + self.interval
        self.bar: Any = None
        self.task: Any = None

    def __enter__(self) -> Progress:
        if self.quiet or not self.tty:
            return self
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )  # fmt: skip
        from rich.progress import (
            Progress as Bar,
        )

        columns: list[Any] = [SpinnerColumn(), TextColumn(self.label)]
        if self.total:
            columns += [BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
        columns += [TextColumn("{task.description}"), TimeElapsedColumn()]
        self.bar = Bar(*columns, console=Console(stderr=True), transient=True)
        self.task = self.bar.add_task("", total=self.total or None)
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def update(self, done: int, extra: str = "") -> None:
        if self.quiet:
            return
        if self.bar is not None:
            rate = done / max(time.monotonic() - self.started, 1e-9)
            text = f"{rate:.1f} {self.unit}/s" + (f", {extra}" if extra else "")
            self.bar.update(self.task, completed=done, description=text)
            return
        now = time.monotonic()
        if now >= self.next_log:
            self.next_log = now + self.interval
            click.echo(self.line(done, now - self.started, extra), err=True)

    def line(self, done: int, elapsed: float, extra: str = "") -> str:
        """ "coding: 120 of 1,988 articles (6%), 2.1 articles/s, about 15 min left, 230 events"."""
        rate = done / elapsed if elapsed > 0 else 0.0
        parts = [f"{self.label}: {done:,}"]
        if self.total:
            parts[0] += f" of {self.total:,} {self.unit} ({100 * done // self.total}%)"
        else:
            parts[0] += f" {self.unit}"
        parts.append(f"{rate:.1f} {self.unit}/s")
        if self.total and rate > 0 and done < self.total:
            parts.append(f"about {duration((self.total - done) / rate)} left")
        parts.append(f"{duration(elapsed)} so far")
        if extra:
            parts.append(extra)
        return ", ".join(parts)


@dataclass(slots=True)
class RunSummary:
    """What a run read and wrote (a ``Tally``), which files it ignored and how many inputs
    failed: the last lines a reading command prints on stderr."""

    tally: Tally = field(default_factory=Tally)
    ignored: list[tuple[str, str]] = field(default_factory=list)
    failed: int = 0

    def lines(self, *, wrote: str | None = None) -> list[str]:
        t = self.tally
        out = [f"read {count(t.read, 'article')}; coded {t.coded:,}" + self._skipped()]
        if t.undated:
            out.append(
                f"{count(t.undated, 'article')} had no date, so their events are undated (never "
                f"grouped with another article's); {t.estimated:,} of them were coded at a year "
                "their text names, for people's roles (give dates with --date or a date field)"
            )
        if self.ignored:
            shown = "; ".join(f"{p} ({why})" for p, why in self.ignored[:5])
            more = f"; and {len(self.ignored) - 5} more" if len(self.ignored) > 5 else ""
            out.append(f"ignored {count(len(self.ignored), 'file')}: {shown}{more}")
        if self.failed:
            out.append(f"{count(self.failed, 'input')} failed (listed above)")
        out.append(
            wrote if wrote is not None else f"wrote {t.events:,} events and {t.quotes:,} quotes"
        )
        return out

    def _skipped(self) -> str:
        langs = self.tally.languages
        if not langs:
            return ""
        each = ", ".join(f"{n:,} {lang}" for lang, n in langs.most_common())
        return f"; skipped {sum(langs.values()):,} not in English ({each})"
