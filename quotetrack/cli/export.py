"""``quotetrack export``: the quotes that ``search``'s filters select, as a citation list."""
from __future__ import annotations

import sys

import click

from ..citations import FORMATS
from .common import EXIT_NONE, db_option, fatal_errors, filter_options


@click.command(epilog="""\b
Exit status: 0 when citations were written, 1 when no quote matched
(an -o FILE is then not created), 2 for usage or database errors.""")
@click.argument("text", required=False)
@filter_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
              help="Citation format; text is formatted by citeproc-py in --style.")
@click.option("--style", default="apa", show_default=True, metavar="NAME",
              help="CSL style for --format text: apa, chicago, mla, harvard or any installed CSL style name.")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to FILE (atomically: whole or not at all) instead of standard output.")
@db_option
@fatal_errors
def export(text, speaker, outlet, relayed_by, since, until, kinds, fmt, style, output, db):
    """Export quotes as citations, ordered by speaker, date, article and offset.

    TEXT and the filters work as in ``quotetrack search``. Every citation has the
    quote, speaker and role, article title, author, outlet, date, URL or path, the
    outlet it was relayed from and its offsets. CSV written to a file starts with
    a UTF-8 byte-order mark so that spreadsheets read accents right.
    """
    from ..citations import citations, export as write, style_path
    from ..output import atomic_output
    from ..query import Filters, open_quotes

    if fmt == "text":
        style_path(style)  # an unknown style fails before any work
    f = Filters(text=text, speaker=speaker, outlet=outlet, relayed_by=relayed_by, since=since, until=until,
                kinds=tuple(kinds))
    with open_quotes(db) as qdb:
        cites = citations(qdb, f)
        first = next(cites, None)
        if first is None:
            click.echo("no quotes match; nothing exported", err=True)
            raise SystemExit(EXIT_NONE)
        rest = _chain(first, cites)
        if output:
            with atomic_output(output, encoding="utf-8-sig" if fmt == "csv" else "utf-8") as out:
                n = write(rest, fmt, out, style, spreadsheet=True)
            click.echo(f"export: {n} citations written to {output}", err=True)
        else:
            write(rest, fmt, sys.stdout, style)


def _chain(first, rest):
    yield first
    yield from rest
