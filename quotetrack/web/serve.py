"""Serve a quotetrack database read-only in Datasette, configured for quotes.

The file is opened with SQLite's ``mode=ro`` and every connection is ``query_only``, so the
database is never written; unlike Datasette's immutable mode, a read-only connection still
sees articles that a running ``quotetrack ingest`` commits.
"""
from __future__ import annotations

import asyncio
import socket
import sqlite3
from pathlib import Path

from ..database import MIGRATIONS
from ..errors import QuotetrackError
from .metadata import DB_NAME, datasette_metadata

TEMPLATES = Path(__file__).parent / "templates"
SETTINGS = {
    "truncate_cells_html": 300,  # article texts and sentences stay readable in tables
    "facet_time_limit_ms": 500,
    "sql_time_limit_ms": 3000,
}


def check_database(path: str | Path) -> Path:
    """The database file, after checking that it is a quotetrack database this version reads."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise QuotetrackError(f"{path}: no database there; create it with `quotetrack ingest PATH... --db {path}`")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
            applied = ({r[0] for r in conn.execute("select name from schema_migration")}
                       if "schema_migration" in tables else None)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise QuotetrackError(f"{path}: not a readable SQLite database ({exc})")
    known = [m.__name__ for m in MIGRATIONS]
    if applied is None:
        raise QuotetrackError(f"{path}: not a quotetrack database; create one with `quotetrack ingest`")
    if applied - set(known):
        raise QuotetrackError(f"{path}: written by a newer quotetrack (schema step {sorted(applied - set(known))[-1]}); "
                              "upgrade quotetrack to serve it")
    if set(known) - applied:
        raise QuotetrackError(f"{path}: written by an older quotetrack; upgrade it by ingesting into it once "
                              f"(`quotetrack ingest PATH... --db {path}`), then serve it")
    return path


def build_datasette(path: str | Path, settings: dict | None = None):
    """A Datasette instance serving the quotetrack database at ``path`` as ``/quotetrack``."""
    from datasette.app import Datasette
    from datasette.database import Database
    from datasette.plugins import pm  # before the next import: it registers Datasette's plugins

    import datasette.handle_exception as default_errors

    from . import plugin

    path = check_database(path)
    # Datasette prints every error, a 404 included, as a rich traceback with locals when rich is
    # importable (typer brings it), and fails with a 500 for a path no view matches; without it,
    # a 404 is just a 404 and a 500 a plain traceback.
    default_errors.rich = None
    if not pm.is_registered(plugin):
        pm.register(plugin, name="quotetrack")
    ds = Datasette(metadata=datasette_metadata(DB_NAME), template_dir=str(TEMPLATES),
                   settings={**SETTINGS, **(settings or {})})
    ds.remove_database("_memory")
    ds.add_database(Database(ds, path=str(path.resolve()), is_mutable=True), name=DB_NAME)
    return ds


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on ``host:port``, so that a port in use or a host that does not
    resolve is said before anything claims to be serving."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
    except (OSError, UnicodeError) as exc:
        raise QuotetrackError(f"--host {host!r}: no such address ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise QuotetrackError(f"cannot listen on {_authority(host, port)}: {exc.strerror or exc}") from None
    return sock


def _authority(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"  # an IPv6 address goes in brackets


def run(path: str | Path, host: str = "127.0.0.1", port: int = 8001, on_ready=None) -> None:
    """Serve until interrupted; ``on_ready(url)`` is called once the database is checked and
    the port is listening."""
    import uvicorn

    ds = build_datasette(path)
    asyncio.run(ds.invoke_startup())
    sock = listen(host, port)
    if on_ready:
        on_ready(f"http://{_authority(host, port)}{ds.urls.database(DB_NAME)}")
    server = uvicorn.Server(uvicorn.Config(ds.app(), log_level="warning", lifespan="on"))
    server.run(sockets=[sock])
