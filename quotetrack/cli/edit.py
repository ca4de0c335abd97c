"""Speaker corrections: ``merge``, ``rename``, ``alias``, ``split``.

Every correction is kept in the database and obeyed by later ingests.
"""
from __future__ import annotations

import click

from .common import db_option, fatal_errors


def _store(db):
    from ..store import open_db

    return open_db(db)


@click.command()
@click.argument("names", nargs=-1, required=True, metavar="NAME...")
@click.option("--into", required=True, metavar="NAME", help="The speaker they become (one of them, another, or a new name).")
@db_option
@fatal_errors
def merge(names, into, db):
    """Make the speakers NAME... one speaker, INTO: their quotes, claims, names and roles move there."""
    with _store(db) as store:
        click.echo(store.merge_speakers(names, into))


@click.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@db_option
@fatal_errors
def rename(old, new, db):
    """Call the speaker OLD by the name NEW from now on (OLD still finds them)."""
    with _store(db) as store:
        click.echo(store.rename_speaker(old, new))


@click.command()
@click.argument("name", metavar="NAME")
@click.argument("alias", metavar="ALIAS")
@db_option
@fatal_errors
def alias(name, alias, db):
    """Let ALIAS mean the speaker NAME, in stored quotes' lookups and in later ingests."""
    with _store(db) as store:
        click.echo(store.add_speaker_alias(name, alias))


@click.command()
@click.argument("name", metavar="NAME")
@click.argument("aliases", nargs=-1, required=True, metavar="ALIAS...")
@db_option
@fatal_errors
def split(name, aliases, db):
    """Move the quotes and claims NAME got under ALIAS... to a new speaker named by the first ALIAS."""
    with _store(db) as store:
        click.echo(store.split_speaker(name, aliases))
