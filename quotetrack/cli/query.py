"""The query commands: search, speakers, speaker, outlets, outlet, check.

They read the database with the ``sqlite3`` module only (see ``quotetrack.query``), so they
start without importing spaCy or SQLAlchemy.
"""
from __future__ import annotations

import json
import sys
from dataclasses import asdict

import click

from .common import EXIT_NONE, db_option, fatal_errors, filter_options, format_option, resolve_format

EPILOG = """\b
Exit status: 0 when something was found, 1 when nothing was (or no
speaker or outlet goes by that name), 2 for usage or database errors
(an unparsable full-text query, an ambiguous name: its candidates are
listed)."""


def _any_count(ctx, param, value):
    """A limit past SQLite's largest integer is "all", not an overflow."""
    return value if value is None else min(value, 2**63 - 1)


QUOTE_TABLE = [("quote", "quote"), ("speaker", "speaker"), ("outlet", "outlet"), ("relayed_by", "relayed by"),
               ("date", "date"), ("article", "article")]


def _open(db):
    from ..query import open_quotes

    return open_quotes(db)


def _write(rows, fmt, columns) -> int:
    from ..output import write_rows

    return write_rows(rows, fmt, sys.stdout, columns)


def _profile(fmt: str, record, header: list[tuple[str, object]], rows: list[dict], columns) -> int:
    """A profile: one JSON object, or a header and a table, or (jsonl, csv) its rows only."""
    out = sys.stdout
    if fmt == "json":
        out.write(json.dumps(asdict(record), ensure_ascii=False, indent=2) + "\n")
        return 1
    if fmt == "table":
        for label, value in header:
            if value not in (None, "", []):
                click.echo(f"{label + ':':<14}{value}")
        click.echo()
    _write(rows, fmt, columns)
    return 1


def _tally(items: list[dict]) -> str:
    return ", ".join(f"{d['outlet']} ({d['quotes']})" for d in items)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _quotes_and_claims(d: dict) -> str:
    """ "3 quotes, 1 claim" from a dict with "quotes" and "claims"."""
    return f"{_plural(d['quotes'], 'quote')}, {_plural(d['claims'], 'claim')}"


def _dates(first, last) -> str:
    """"2007-03-27 to 2007-04-02", one date, or "no dates" when no article gave one."""
    if first is None:
        return "no dates"
    return str(first) if first == last else f"{first} to {last}"


def profile_command(func):
    """A command about one NAME: its latest quotes (--limit), a format, the database."""
    for decorator in reversed((
            click.command(epilog=EPILOG), click.argument("name"),
            click.option("--limit", type=click.IntRange(1), callback=_any_count, default=20, show_default=True,
                         help="Latest quotes to show."),
            format_option(), db_option, fatal_errors)):
        func = decorator(func)
    return func


@click.command(epilog=EPILOG)
@click.argument("text", required=False)
@filter_options
@click.option("--limit", type=click.IntRange(1), callback=_any_count, default=50, show_default=True,
              help="Newest quotes to show.")
@format_option()
@db_option
@fatal_errors
def search(text, speaker, outlet, relayed_by, since, until, kinds, limit, fmt, db):
    """Quotes matching TEXT and the filters, newest first.

    TEXT is a full-text query: words (all must occur), "a phrase", prefix*,
    OR, NOT, NEAR(a b). Names are forgiving: case, accents, a surname alone
    or an alias ("putin", "Aliyev", "TASS").
    """
    from ..query import Filters

    with _open(db) as qdb:
        rows = qdb.search(Filters(text=text, speaker=speaker, outlet=outlet, relayed_by=relayed_by,
                                  since=since, until=until, kinds=tuple(kinds)), limit=limit)
        if not _write(rows, resolve_format(fmt), QUOTE_TABLE):
            click.echo("no quotes found", err=True)
            raise SystemExit(EXIT_NONE)


@click.command(epilog=EPILOG)
@click.option("--top", type=click.IntRange(1), callback=_any_count, default=None, help="Only the N most quoted.")
@format_option()
@db_option
@fatal_errors
def speakers(top, fmt, db):
    """Who is quoted, how often, with their commonest role and first and last date.

    "quotes" counts direct and mixed quotations, "claims" what a speaker was reported to
    have said without quote marks; the most quoted come first.
    """
    with _open(db) as qdb:
        rows = qdb.speakers(top)
    if not _write(rows, resolve_format(fmt), [("speaker", "speaker"), ("quotes", "quotes"), ("claims", "claims"),
                                              ("role", "role"), ("first", "first"), ("last", "last")]):
        click.echo("no speakers found", err=True)
        raise SystemExit(EXIT_NONE)


@profile_command
def speaker(name, limit, fmt, db):
    """A speaker's profile: aliases, roles, quote and claim counts by year, outlets, latest
    quotes and claims.

    Quotes are direct and mixed quotations; claims are what they were reported to have
    said without quote marks (kind indirect). --format json gives the whole profile as one
    object; jsonl and csv give the quotes and claims.
    """
    with _open(db) as qdb:
        p = qdb.speaker(name, limit)
    counts = {"quotes": p.quotes, "claims": p.claims}
    _profile(resolve_format(fmt), p, [
        ("speaker", p.name), ("aliases", ", ".join(p.aliases)),
        ("roles", ", ".join(f"{r['role']} ({r['count']})" for r in p.roles)),
        ("quoted", f"{_quotes_and_claims(counts)} in {_plural(p.articles, 'article')}, {_dates(p.first, p.last)}"),
        ("by year", ", ".join(f"{y['year']}: {_quotes_and_claims(y)}" for y in p.by_year)),
        ("outlets", ", ".join(f"{d['outlet']} ({_quotes_and_claims(d)})" for d in p.outlets)),
        ("relayed by", ", ".join(f"{d['outlet']} ({_quotes_and_claims(d)})" for d in p.relayed_by))],
        p.recent, QUOTE_TABLE)


@click.command(epilog=EPILOG)
@format_option()
@db_option
@fatal_errors
def outlets(fmt, db):
    """Outlets with their articles and quotes: own, relayed from others, credited by others."""
    with _open(db) as qdb:
        rows = qdb.outlets()
    if not _write(rows, resolve_format(fmt), [("outlet", "outlet"), ("kind", "kind"), ("articles", "articles"),
                                              ("own", "own"), ("relayed", "relayed"), ("credited", "credited")]):
        click.echo("no outlets found", err=True)
        raise SystemExit(EXIT_NONE)


@profile_command
def outlet(name, limit, fmt, db):
    """What an outlet reported: quotes it published first-hand ("own"), quotes it
    relayed from another outlet ("relayed"), and quotes other outlets credited to it
    ("credited").

    --format json gives the whole profile as one object; jsonl and csv give the quotes.
    """
    with _open(db) as qdb:
        p = qdb.outlet(name, limit)
    _profile(resolve_format(fmt), p, [
        ("outlet", f"{p.name} ({p.kind})" if p.kind else p.name), ("aliases", ", ".join(p.aliases)),
        ("articles", p.articles), ("own", p.own), ("relayed", p.relayed), ("credited", p.credited)],
        p.recent, [("as", "as")] + QUOTE_TABLE)
    if not (p.own or p.relayed or p.credited):
        raise SystemExit(EXIT_NONE)


@click.command(epilog="""\b
Exit status: 0 when the quote was found (with --outlet: when that outlet
carried it), 1 when it was not, 2 for usage or database errors.""")
@click.argument("text")
@click.option("--outlet", metavar="NAME", help="Answer yes or no: did this outlet carry the quote?")
@format_option()
@db_option
@fatal_errors
def check(text, outlet, fmt, db):
    """Did anyone report this quote? Who said it, the first report, every article and
    outlet that carried it, and its wordings. A fragment or a slightly different
    wording is enough.

    --format json gives the whole answer as one object; jsonl and csv give the
    carrying quotes (with --outlet, that outlet's).
    """
    from ..check import check as find

    fmt = resolve_format(fmt)
    with _open(db) as qdb:
        r = find(qdb, text, outlet)
    rows = r.evidence if outlet else r.carriers
    if fmt == "table" and outlet:
        click.echo(f"{'yes' if r.carried else 'no'}: {r.outlet} "
                   f"{'carried' if r.carried else 'did not carry'} {'this quote' if r.found else 'any such quote'}")
    if not r.found:
        if fmt == "json":
            _profile(fmt, r, [], [], QUOTE_TABLE)
        elif not outlet:
            click.echo("no one reported this quote", err=True)
        raise SystemExit(EXIT_NONE)
    first = r.first or {}
    _profile(fmt, r, [
        ("quote", f"\u201c{r.text}\u201d"), ("said by", ", ".join(r.speakers)),
        ("first report", " \u2014 ".join(str(x) for x in (first.get("date"), first.get("outlet"),
                                                         first.get("article")) if x)
         # the quote line is the fullest wording: say what the first report printed when it was less
         + (f", as \u201c{first['quote']}\u201d" if first.get("quote") and first["quote"].strip() != r.text.strip()
            else "")),
        ("carried by", f"{r.quotes} quote{'s' * (r.quotes != 1)} in {r.articles} article"
                       f"{'s' * (r.articles != 1)}: {_tally(r.outlets)}"),
        ("relayed from", _tally(r.relays)),
        ("wordings", "\n".join(f"{'':<14}{w['relation']}: \u201c{w['text']}\u201d ({', '.join(w['outlets'])})"
                               for w in r.wordings).lstrip()),
        ("also matches", "; ".join(f"\u201c{o['text']}\u201d" for o in r.others))],
        rows, QUOTE_TABLE)
    if outlet and not r.carried:
        raise SystemExit(EXIT_NONE)
