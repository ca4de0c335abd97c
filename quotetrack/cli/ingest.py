"""``quotetrack ingest``: read articles, extract their quotes, store them in the database."""
from __future__ import annotations

import itertools
import os
import sys
import time

import click

from .common import EXIT_NONE, db_option, fatal_errors, model_option, show_progress


class Tally:
    """What a run did, for the progress bar and the closing summary."""

    def __init__(self):
        self.added = self.replaced = self.skipped = self.failed = self.quotes = self.claims = self.speakers = 0
        self.started = time.monotonic()

    @property
    def done(self) -> int:
        return self.added + self.replaced + self.skipped + self.failed

    def fail(self, problem, inputs: int = 1) -> None:
        """An input that could not be read or extracted: said on stderr, counted."""
        self.failed += inputs
        click.echo(str(problem), err=True)

    def progress(self) -> str:
        rate = self.done / max(time.monotonic() - self.started, 1e-9)
        return f"{self.quotes} quotes, {self.claims} claims, {rate:.1f} articles/s"

    def summary(self) -> str:
        replaced = f", {self.replaced} replaced" if self.replaced else ""
        return (f"ingest: {_count(self.added, 'article')} added{replaced}, {self.skipped} skipped, "
                f"{self.failed} failed; {_count(self.quotes, 'quote')}, {_count(self.claims, 'claim')}, "
                f"{_count(self.speakers, 'new speaker')} in {time.monotonic() - self.started:.1f} s")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _bar_length(paths, include, exclude) -> int | None:
    """Articles expected: one per file, one per line of a JSONL file; None when reading stdin."""
    from ..sources import FORMATS_BY_SUFFIX, STDIN, expand

    total = 0
    for f in expand(paths, include, exclude):
        if f == STDIN:
            return None
        if isinstance(f, str) and FORMATS_BY_SUFFIX.get(os.path.splitext(f)[1].lower()) == "jsonl":
            try:
                with open(f, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
                continue
            except OSError:
                pass
        total += 1
    return total


def _all_unreadable(paths, include, exclude) -> list | None:
    """The errors of every input when not one names something to read; else None."""
    from ..errors import ReadError
    from ..sources import expand

    problems = []
    for item in expand(paths, include, exclude):
        if not isinstance(item, ReadError):
            return None
        problems.append(item)
    return problems


class _NoBar:
    def update(self, n, current_item=None):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Parsing processes (default and most: the number of CPUs).")
@click.option("--force", is_flag=True, help="Re-extract articles already stored, replacing their quotes.")
@model_option
@click.option("--outlet", default=None, help="Publishing outlet for every article (overrides headers and pages).")
@click.option("--date-order", type=click.Choice(["auto", "mdy", "dmy", "ymd"]), default="auto", show_default=True,
              help="How to read numeric dates such as 2/4/2007 (auto: the article body decides).")
@click.option("--include", multiple=True, metavar="GLOB",
              help="In folders, read only files matching GLOB (repeatable; default: known suffixes).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="In folders, skip files and folders matching GLOB.")
@click.option("--encoding", default=None, help="Decode files with this encoding instead of detecting it.")
@click.option("--no-claims", is_flag=True, help="Quotes only: leave out reported speech without quote marks.")
@fatal_errors
def ingest(paths, db, workers, force, model, outlet, date_order, include, exclude, encoding, no_claims):
    """Store the quotes of PATH... (files, folders, globs, - for stdin) in the database.

    Plain text, HTML pages and JSON/JSONL records (``text`` plus optional ``title``,
    ``author``, ``outlet``, ``date``, ``url``) are read. An article already stored (same
    text) is skipped unless --force. Each article is committed whole, so an interrupted run
    loses nothing and running it again finishes the job. A new database is created unless
    no PATH names anything to read (a mistyped name leaves no empty database behind).

    Claims (reported speech without quote marks, kind "indirect") are stored and searched
    like quotes and counted apart from them; unlike quotes they join no quote group.

    Exit status: 0 when every input was stored, 1 when some could not be read or extracted,
    2 when the run could not go on (database or model unusable, or locked by another writer
    for longer than $QUOTETRACK_BUSY_TIMEOUT seconds, 60 by default).
    """
    from ..errors import ExtractError, ReadError
    from ..lexicon import gazetteer
    from ..sources import iter_articles
    from ..store import open_db

    gazetteer()  # a bad $QUOTETRACK_OUTLETS stops here, before a database is created
    tally = Tally()
    new = "://" not in db and not os.path.exists(os.path.expanduser(db))
    unreadable = _all_unreadable(paths, include, exclude) if new else None
    if unreadable is not None:  # a mistyped path: said, and no empty database left behind
        for problem in unreadable:
            tally.fail(problem, problem.inputs)
        click.echo(tally.summary(), err=True)
        sys.exit(EXIT_NONE)
    with open_db(db) as store:
        length = _bar_length(paths, include, exclude) if show_progress() else None
        bar = (click.progressbar(length=length, file=sys.stderr, label="ingest", item_show_func=lambda t: t,
                                 show_pos=True) if length else _NoBar())

        def todo():
            for item in iter_articles(paths, include=include, exclude=exclude, date_order=date_order,
                                      outlet=outlet, encoding=encoding):
                if isinstance(item, ReadError):
                    tally.fail(item, item.inputs)
                elif not force and store.article_id(item.text) is not None:
                    tally.skipped += 1
                else:
                    yield item
                    continue
                bar.update(item.inputs if isinstance(item, ReadError) else 1, tally.progress())

        with bar:
            pending = todo()
            first = next(pending, None)  # nothing new: no model to load
            articles = itertools.chain([first], pending) if first is not None else ()
            from ..extract import Extractor

            extractor = Extractor(model, claims=not no_claims)
            for article, quotes in extractor.extract_many(articles, workers=workers or os.cpu_count() or 1):
                if isinstance(quotes, ExtractError):
                    tally.fail(quotes)
                    bar.update(1, tally.progress())
                    continue
                result = store.add_article(article, quotes, force=force)
                if result.status == "skipped":
                    tally.skipped += 1
                else:
                    setattr(tally, result.status, getattr(tally, result.status) + 1)
                    tally.quotes += result.quotes
                    tally.claims += result.claims
                    tally.speakers += result.new_speakers
                bar.update(1, tally.progress())
    click.echo(tally.summary(), err=True)
    if tally.failed:
        sys.exit(EXIT_NONE)
