"""``quotetrack extract``: quotes of article files to stdout, no database."""
from __future__ import annotations

import os
import sys

import click

from .common import EXIT_NONE, fatal_errors, model_option, resolve_format

QUOTE_COLUMNS = [("text", "quote"), ("speaker", "speaker"), ("outlet", "outlet"), ("relayed", "relayed"),
                 ("kind", "kind"), ("file", "article")]


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default=None,
              help="Output format (default: table on a terminal, jsonl otherwise).")
@model_option
@click.option("--date-order", type=click.Choice(["auto", "mdy", "dmy", "ymd"]), default="auto", show_default=True,
              help="How to read numeric dates such as 2/4/2007 (auto: the article body decides).")
@click.option("--outlet", default=None, help="Publishing outlet for articles whose header names none.")
@click.option("--include", multiple=True, metavar="GLOB",
              help="In folders, read only files matching GLOB (repeatable; default: known suffixes).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="In folders, skip files and folders matching GLOB.")
@click.option("--encoding", default=None, help="Decode files with this encoding instead of detecting it.")
@click.option("--all", "show_all", is_flag=True, help="Also show scare quotes and titles (flagged).")
@click.option("--workers", type=click.IntRange(1), default=1, show_default=True,
              help="Parsing processes (at most the number of CPUs).")
@click.option("--no-claims", is_flag=True, help="Quotes only: leave out reported speech without quote marks.")
@fatal_errors
def extract(paths, fmt, model, date_order, outlet, include, exclude, encoding, show_all, workers, no_claims):
    """Print every quote of PATH... (files, folders, globs, - for stdin) with its speaker and
    the outlet that relayed it.

    Inputs are read as `ingest` reads them: plain text, HTML pages (offsets then refer to the
    page's extracted text) and JSON/JSONL records.

    Exit status: 0 when every input was read, 1 when some could not be.
    """
    from ..extract import Extractor
    from ..errors import ExtractError, ReadError
    from ..output import write_rows
    from ..sources import iter_articles

    fmt = resolve_format(fmt)
    failed = 0

    def articles():
        nonlocal failed
        for item in iter_articles(paths, include=include, exclude=exclude, date_order=date_order, outlet=outlet,
                                  encoding=encoding):
            if isinstance(item, ReadError):
                failed += 1
                click.echo(f"quotetrack: {item}", err=True)
            else:
                yield item

    def rows():
        nonlocal failed
        extractor = Extractor(model, show_all=show_all, claims=not no_claims)
        for art, quotes in extractor.extract_many(articles(), workers=workers):
            if isinstance(quotes, ExtractError):
                failed += 1
                click.echo(f"quotetrack: {quotes}", err=True)
                continue
            for q in quotes:
                yield q.to_dict(file=art.path, article=art)

    out = rows()
    if fmt == "table":
        out = ({**r, "file": os.path.basename(r["file"] or "")} for r in out)
    write_rows(out, fmt, sys.stdout, columns=QUOTE_COLUMNS)
    if failed:
        sys.exit(EXIT_NONE)
