"""The ``quotetrack`` command line: a thin layer over the library.

Each theme lives in its own module and only maps options to library calls. Modules import
heavy libraries (spaCy, SQLModel) inside the commands that need them, so that commands
which need no NLP start quickly.
"""
from __future__ import annotations

import click

from .. import __version__
from .edit import alias, merge, rename, split
from .export import export
from .extract import extract
from .ingest import ingest
from .query import check, outlet, outlets, search, speaker, speakers
from .serve import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quotetrack")
def main():
    """Find quotations in news articles, say who said them and which outlet carried them,
    and keep them in a SQLite database for questions across articles."""


main.add_command(extract)
main.add_command(ingest)
main.add_command(merge)
main.add_command(rename)
main.add_command(alias)
main.add_command(split)
main.add_command(serve)
main.add_command(search)
main.add_command(speakers)
main.add_command(speaker)
main.add_command(outlets)
main.add_command(outlet)
main.add_command(check)
main.add_command(export)
