"""Writing rows for people (a wrapped table) and for programs (JSON, JSONL, CSV).

Every listing command goes through ``write_rows`` so the formats behave the same
everywhere. Rows are dicts; nested values are kept in JSON and JSONL and flattened
to JSON text in CSV and tables.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import sys
import tempfile
import textwrap
from contextlib import contextmanager
from typing import Iterable, Iterator, Sequence

from .errors import QuotetrackError

FORMATS = ("table", "json", "jsonl", "csv")


def default_format(stream=None) -> str:
    """A table for a person at a terminal, JSON lines for a program reading a pipe."""
    stream = stream or sys.stdout
    return "table" if hasattr(stream, "isatty") and stream.isatty() else "jsonl"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, (dict, list)):
        if isinstance(value, dict) and "text" in value:
            return str(value["text"])
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_rows(rows: Iterable[dict], fmt: str, out=None, columns: Sequence[tuple[str, str]] | None = None,
               width: int | None = None) -> int:
    """Write ``rows`` to ``out`` in ``fmt``; -> the number of rows written.

    ``columns`` is a list of (key, heading) for the table and CSV; JSON formats keep every key.
    """
    out = out or sys.stdout
    n = 0
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        return n
    if fmt == "json":
        rows = list(rows)
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return len(rows)
    rows = list(rows)
    if columns is None:
        columns = [(k, k) for k in (rows[0].keys() if rows else [])]
    if fmt == "csv":
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow([k for k, _ in columns])
        for row in rows:
            w.writerow([_cell(row.get(k)) for k, _ in columns])
        return len(rows)
    if fmt == "table":
        out.write(render_table(rows, columns, width))
        return len(rows)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def render_table(rows: list[dict], columns: Sequence[tuple[str, str]], width: int | None = None) -> str:
    """A plain-text table whose widest column wraps to fit the terminal width."""
    if not rows:
        return ""
    width = width or shutil.get_terminal_size((120, 24)).columns
    cells = [[_cell(r.get(k)) for k, _ in columns] for r in rows]
    heads = [h for _, h in columns]
    natural = [max([len(h)] + [max((len(x) for x in c[i].splitlines()), default=0) for c in cells])
               for i, h in enumerate(heads)]
    widths = list(natural)
    room = width - 2 * (len(columns) - 1)
    while sum(widths) > room:
        i = max(range(len(widths)), key=lambda j: widths[j])
        if widths[i] <= 12:
            break
        widths[i] -= 1
    lines = ["  ".join(h.ljust(w) for h, w in zip(heads, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for c in cells:
        wrapped = [textwrap.wrap(x, w) or [""] for x, w in zip(c, widths)]
        for k in range(max(len(x) for x in wrapped)):
            lines.append("  ".join((x[k] if k < len(x) else "").ljust(w)
                                   for x, w in zip(wrapped, widths)).rstrip())
    return "\n".join(lines) + "\n"


@contextmanager
def atomic_output(path: str, encoding: str = "utf-8") -> Iterator:
    """A text file that appears at ``path`` whole or not at all (written aside, then renamed).
    A device or pipe (``/dev/stdout``, a FIFO) is written to as it is: renaming a file over it
    would replace it."""
    if os.path.exists(path) and not os.path.isfile(path):
        try:
            out = open(path, "w", encoding=encoding, newline="")
        except OSError as exc:
            raise QuotetrackError(f"{path}: cannot write here ({exc.strerror or exc})") from None
        with _writing(path), out:
            yield out
        return
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix="-" + os.path.basename(path), dir=folder)
    except OSError as exc:
        problem = "no such folder" if not os.path.isdir(folder) else exc.strerror or str(exc)
        raise QuotetrackError(f"{path}: cannot write here ({problem})") from None
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's owner-only mode
    try:
        with _writing(path), os.fdopen(fd, "w", encoding=encoding, newline="") as out:
            yield out
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


@contextmanager
def _writing(path: str):
    """A full disk or a lost device, said in one line."""
    try:
        yield
    except OSError as exc:
        raise QuotetrackError(f"{path}: cannot write ({exc.strerror or exc})") from None
