"""``quotetrack serve``: browse the database in Datasette, read-only."""
from __future__ import annotations

import importlib.util

import click

from .common import Fatal, db_option, fatal_errors


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 makes the database visible to the network.")
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True, help="Port to listen on.")
@fatal_errors
def serve(db, host, port):
    """Browse the database in a web browser: search quotes, speakers, outlets, quote groups.

    The database is opened read-only; articles that an ingest adds meanwhile appear on the
    next page load. Needs the web extra: pip install 'quotetrack[web]'.

    Exit status: 2 when the database cannot be served, the address cannot be listened on
    (a port in use), or Datasette is not installed.
    """
    if importlib.util.find_spec("datasette") is None:
        raise Fatal("quotetrack serve needs Datasette: pip install 'quotetrack[web]'")
    if "://" in db:
        raise Fatal(f"{db}: quotetrack serve needs a SQLite database file, not a URL")
    from ..web.serve import run

    run(db, host=host, port=port,
        on_ready=lambda url: click.echo(f"Serving {db} read-only at {url} (Ctrl-C to stop)", err=True))
