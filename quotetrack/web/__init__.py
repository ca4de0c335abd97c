"""The web interface: a quotetrack database in Datasette, with pages of its own.

Datasette is an optional dependency (``pip install 'quotetrack[web]'``); nothing here imports
it until a server is built, so ``import quotetrack.web`` always works.
"""
from .metadata import DB_NAME, datasette_metadata

__all__ = ["DB_NAME", "datasette_metadata"]
