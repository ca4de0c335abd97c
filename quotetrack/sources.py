"""Turning what a user names on the command line into articles.

Paths may be files, folders (walked recursively, ``--include``/``--exclude`` globs), globs
or ``-`` for stdin. Formats: plain text (``reader``), HTML pages (main text and metadata by
trafilatura; the extracted text is the article text that offsets refer to), and JSON or
JSONL records with ``text`` and optional ``title``, ``author``, ``outlet``, ``date``, ``url``.

Everything is yielded lazily, in a stable order, as either an ``Article`` or a ``ReadError``
naming the file (and line) and the problem, so that one bad input never stops a run.
"""
from __future__ import annotations

import fnmatch
import glob
import json
import os
import stat
import sys
from pathlib import Path
from typing import Iterable, Iterator

from .errors import ReadError, printable_path
from .reader import article_from_text, decode, half_character, parse_date, read_article
from .records import Article

FORMATS_BY_SUFFIX = {".txt": "text", ".text": "text", ".md": "text",
                     ".html": "html", ".htm": "html", ".xhtml": "html",
                     ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}
DEFAULT_INCLUDE = tuple("*" + s for s in FORMATS_BY_SUFFIX)
RECORD_FIELDS = ("title", "author", "outlet", "date", "url")
STDIN = "-"
# Parsing takes about 30 s and 3 GB of memory per million characters of one article, all of
# which stay in memory until the article is attributed; a longer text is a dump, not an article.
MAX_ARTICLE_CHARS = 2_000_000
MAX_ERRORS_SHOWN = 10  # bad records reported one by one, per file


def _matches(rel: str, patterns: Iterable[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def walk(folder: str, include: Iterable[str] = (), exclude: Iterable[str] = ()) -> Iterator[str | ReadError]:
    """Files below ``folder`` in sorted order, hidden ones and excluded ones left out; a
    ReadError in place of anything there that is not a regular file.

    Symbolic links to folders are followed once each, so a link loop ends the walk there.
    """
    include = tuple(include) or DEFAULT_INCLUDE
    exclude = tuple(exclude)
    seen: set[str] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        rel_root = os.path.relpath(root, folder).replace(os.sep, "/")
        rel_root = "" if rel_root == "." else rel_root + "/"
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _matches(rel_root + d, exclude))
        for name in sorted(files):
            rel = rel_root + name
            if name.startswith(".") or not _matches(rel, include) or _matches(rel, exclude):
                continue
            yield _found(os.path.join(root, name))


def _found(path: str) -> str | ReadError:
    """A file found rather than named: itself if it is a regular file (or a link to one, or a
    broken link, so that reading it reports it), else a ReadError: a pipe found in a folder or
    by a pattern is not opened, as that could wait forever."""
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        regular = True
    return path if regular else ReadError(path, "not a regular file (a pipe, socket or device), skipped")


def expand(paths: Iterable[str], include: Iterable[str] = (), exclude: Iterable[str] = ()) -> Iterator[str | ReadError]:
    """Paths as the user gave them -> the files to read (``-`` kept), or errors for the missing."""
    for p in paths:
        if p == STDIN:
            yield p
        elif os.path.isdir(p):
            files = walk(p, include, exclude)
            first = next(files, None)
            if first is None:  # named by the user, so worth a word, as a pattern that matches nothing
                yield ReadError(p, "no article files in this folder (see --include)")
            else:
                yield first
                yield from files
        elif os.path.lexists(p):
            yield p
        elif glob.has_magic(p):
            matches = sorted(glob.glob(p, recursive=True))
            if not matches:
                yield ReadError(p, "no file matches this pattern")
            real = {}  # "**" follows links to folders: one path per file or folder
            for m in matches:
                real.setdefault(os.path.realpath(m), m)
            for m in sorted(real.values()):
                if os.path.isdir(m):
                    yield from walk(m, include, exclude)
                else:
                    yield _found(m)
        else:
            yield ReadError(p, "no such file or folder")


def parse_json(text: str):
    """``json.loads``, but arrays nested thousands deep, which exhaust its recursion, are bad
    JSON like any other."""
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("nested too deeply") from None


def sniff(path: str, text: str) -> str:
    """The format of a file: its suffix decides, else its first character."""
    fmt = FORMATS_BY_SUFFIX.get(Path(path).suffix.lower()) if path != STDIN else None
    if fmt:
        return fmt
    head = text.lstrip()[:1]
    if head == "<":
        return "html"
    if head == "[":
        return "json"
    if head == "{":
        first = text.lstrip().split("\n", 1)[0]
        try:
            parse_json(first)
            return "jsonl"
        except ValueError:
            return "json"
    return "text"


def read_path(path: str, *, date_order: str = "auto", outlet: str | None = None,
              encoding: str | None = None) -> Iterator[Article | ReadError]:
    """The articles in one file (several for JSON and JSONL), errors yielded in their place."""
    name = "<stdin>" if path == STDIN else printable_path(path)
    try:
        if path == STDIN:
            text, enc = decode(sys.stdin.buffer.read(), name, encoding)
            article = None
        else:
            article = read_article(path, date_order=date_order, outlet=outlet, encoding=encoding)
            text, enc = article.text, article.encoding
    except ReadError as exc:
        yield exc
        return
    fmt = sniff(path, text)
    try:
        if fmt == "html":
            yield html_article(text, name, outlet=outlet, date_order=date_order, encoding=enc)
        elif fmt == "json":
            yield from json_articles(text, name, outlet=outlet, date_order=date_order)
        elif fmt == "jsonl":
            yield from jsonl_articles(text, name, outlet=outlet, date_order=date_order)
        else:
            yield article or article_from_text(text, name, date_order=date_order, outlet=outlet, encoding=enc)
    except ReadError as exc:
        yield exc


def iter_articles(paths: Iterable[str], *, include: Iterable[str] = (), exclude: Iterable[str] = (),
                  date_order: str = "auto", outlet: str | None = None,
                  encoding: str | None = None) -> Iterator[Article | ReadError]:
    """Every article named by ``paths``, in order, with a ReadError for each input that failed."""
    for item in expand(paths, include, exclude):
        if isinstance(item, ReadError):
            yield item
            continue
        for article in read_path(item, date_order=date_order, outlet=outlet, encoding=encoding):
            if isinstance(article, Article) and len(article.text) > MAX_ARTICLE_CHARS:
                article = ReadError(article.path, f"article too long ({len(article.text):,} characters; "
                                                  f"the limit is {MAX_ARTICLE_CHARS:,}): split it into articles")
            yield article


def html_article(html: str, path: str, *, outlet: str | None = None, date_order: str = "auto",
                 encoding: str = "utf-8") -> Article:
    """The main text and metadata of a web page, by trafilatura."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken markup
        raise ReadError(path, f"cannot parse the HTML page ({type(exc).__name__})") from None
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise ReadError(path, "no article text found in the HTML page")
    date_raw = doc.date or None
    return Article(text=text, path=path, title=doc.title or None, author=doc.author or None,
                   outlet=outlet or doc.sitename or doc.hostname or None,
                   date=parse_date(date_raw, date_order, text) if date_raw else None, date_raw=date_raw,
                   url=doc.url or None, body_start=0, encoding=encoding, format="html")


def record_article(record, path: str, *, outlet: str | None = None, date_order: str = "auto") -> Article:
    """One JSON record -> Article; ReadError when it is not an object with a non-empty ``text``."""
    if not isinstance(record, dict):
        raise ReadError(path, f"a record must be a JSON object, not {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError(path, 'record has no "text"' if text is None else 'record "text" is empty or not a string')
    meta = {k: (str(record[k]).strip() or None) if record.get(k) is not None else None for k in RECORD_FIELDS}
    for field, value in [("text", text), *meta.items()]:
        if value and (bad := half_character(value)):
            raise ReadError(path, f'record "{field}" holds {bad}, half of a character')
    return Article(text=text, path=path, title=meta["title"], author=meta["author"],
                   outlet=outlet or meta["outlet"],
                   date=parse_date(meta["date"], date_order, text) if meta["date"] else None,
                   date_raw=meta["date"], url=meta["url"], format="json")


def json_articles(text: str, path: str, **kw) -> Iterator[Article | ReadError]:
    """A JSON file: one record, or an array of records (``path[i]`` names each)."""
    try:
        data = parse_json(text)
    except ValueError as exc:
        raise ReadError(path, f"invalid JSON ({exc})") from None
    if not isinstance(data, list):
        yield record_article(data, path, **kw)
        return

    def records():
        for i, record in enumerate(data):
            try:
                yield record_article(record, f"{path}[{i}]", **kw)
            except ReadError as exc:
                yield exc

    yield from _few_errors(records(), path, "records")


def jsonl_articles(text: str, path: str, **kw) -> Iterator[Article | ReadError]:
    """JSON lines: one record per line (``path:LINE`` names each); a bad line is reported, not fatal."""
    def records():
        for n, line in enumerate(text.split("\n"), 1):  # not splitlines(): U+2028 may sit inside a string
            if not line.strip():
                continue
            try:
                record = parse_json(line)
            except ValueError as exc:
                yield ReadError(path, f"line {n}: invalid JSON ({exc})")
                continue
            try:
                yield record_article(record, f"{path}:{n}", **kw)
            except ReadError as exc:
                yield ReadError(path, f"line {n}: {exc.problem}")

    yield from _few_errors(records(), path, "lines")


def _few_errors(items: Iterator[Article | ReadError], path: str, unit: str) -> Iterator[Article | ReadError]:
    """The articles, and the first MAX_ERRORS_SHOWN errors of one file; the rest counted in one
    error, so that a file of other records (a data dump in the folder) takes a few lines of
    stderr, not thousands."""
    hidden = 0
    for item in items:
        if not isinstance(item, ReadError):
            yield item
        elif (hidden := hidden + 1) <= MAX_ERRORS_SHOWN:
            yield item
    if hidden > MAX_ERRORS_SHOWN:
        yield ReadError(path, f"{hidden - MAX_ERRORS_SHOWN} more bad {unit} not shown", hidden - MAX_ERRORS_SHOWN)
