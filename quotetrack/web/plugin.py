"""The Datasette plugin behind ``quotetrack serve``.

- Connections to the served database are read-only (``PRAGMA query_only``) and know the
  ``qt_*`` SQL functions of ``sqlfunctions``.
- Pages of its own: ``/-/quotetrack/article/ID``, ``/-/quotetrack/group/ID`` and
  ``/-/quotetrack/speaker/ID``.
- Table cells link there: a quote's text to its place in the article, a speaker to the
  speaker page, a quote group to the group page; canned-query cells holding
  ``{"label": ..., "speaker"|"article"|"group": id}`` become such links.
- Table pages show readable column labels and, unless asked for all, the main columns only.

It is registered by ``serve.build_datasette`` only, so other Datasette instances in the
same environment are left alone.
"""
from __future__ import annotations

import json

from datasette import Response, hookimpl
from datasette.utils.asgi import NotFound
from markupsafe import Markup

from . import pages
from .metadata import DB_NAME, DESCRIPTIONS, LABELS, LINK_COLUMNS, MAIN_COLUMNS
from .sqlfunctions import register

PREFIX = "/-/quotetrack"
SHOW_ALL = "_all_columns"


def page_url(datasette, page: str, ident, anchor: str | None = None) -> str:
    url = datasette.urls.path(f"{PREFIX}/{page}/{int(ident)}")
    return url + (f"#{anchor}" if anchor else "")


@hookimpl
def prepare_connection(conn, database, datasette):
    if database == DB_NAME:
        conn.execute("PRAGMA query_only = 1")
        register(conn)


def _link(href: str, label) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, label)


def _json_link(datasette, value) -> Markup | None:
    """A link from a canned query's ``{"label": ..., "<page>": id}`` cell; None for anything
    else, which Datasette then shows as escaped text."""
    if not isinstance(value, str) or not value.startswith('{"label":'):
        return None
    try:
        data = json.loads(value)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    label = "" if data.get("label") is None else str(data["label"])
    ids = {page: data[page] for page in ("quote", "article", "speaker", "group")
           if isinstance(data.get(page), int) and not isinstance(data[page], bool)}
    if "quote" in ids and "article" in ids:
        return _link(page_url(datasette, "article", ids["article"], f"q{ids['quote']}"), label)
    for page in ("speaker", "group", "article"):
        if page in ids:
            return _link(page_url(datasette, page, ids[page]), label)
    return None


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if database != DB_NAME:
        return None
    if table is None:  # a canned query: only its link columns hold link objects, never a stored name
        return _json_link(datasette, value) if column in LINK_COLUMNS else None
    label = value.get("label") if isinstance(value, dict) else None
    ident = value.get("value") if isinstance(value, dict) else None
    if table in ("quote", "article", "speaker") and column in ("speaker_id", "article_id", "group_id") and ident is not None:
        page = {"speaker_id": "speaker", "article_id": "article", "group_id": "group"}[column]
        return _link(page_url(datasette, page, ident), label or ident)
    if value is None or "id" not in row.keys():
        return None
    if table == "quote" and column == "text" and "article_id" in row.keys():
        article = row["article_id"]
        article = article.get("value") if isinstance(article, dict) else article
        return _link(page_url(datasette, "article", article, f"q{row['id']}"), value)
    if table == "article" and column == "title":
        return _link(page_url(datasette, "article", row["id"]), value)
    if (table, column) in (("speaker", "name"), ("quote_group", "text")):
        return _link(page_url(datasette, "speaker" if table == "speaker" else "group", row["id"]), value)
    return None


@hookimpl
def extra_template_vars(template, database, table, columns, view_name, request, datasette):
    def label(table_name, column):
        return LABELS.get(table_name or "", {}).get(column, column)

    hidden: set[str] = set()
    if (database == DB_NAME and view_name == "table" and table in MAIN_COLUMNS and request is not None
            and not request.args.get("_col") and not request.args.get("_nocol")
            and not request.args.get(SHOW_ALL) and columns):
        hidden = set(columns) - set(MAIN_COLUMNS[table])
    def describe(table_name, column):
        return DESCRIPTIONS.get(table_name or "", {}).get(column, column)

    return {"qt_label": label, "qt_describe": describe, "qt_hidden": hidden, "qt_show_all": SHOW_ALL}


def _page(name: str, loader):
    async def view(request, datasette):
        raw = request.url_vars["id"]
        if not (raw.isascii() and raw.isdigit() and 0 < int(raw) < 2**63):  # "-1", "abc", "١", past SQLite
            raise NotFound(f"no {name} {raw}")
        try:
            context = await loader(datasette.get_database(DB_NAME), int(raw))
        except pages.Missing as exc:
            raise NotFound(str(exc))
        context.update(database=DB_NAME, page_url=lambda page, ident, anchor=None: page_url(datasette, page, ident, anchor))
        return Response.html(await datasette.render_template(
            f"quotetrack_{name}.html", context, request=request, view_name=f"quotetrack_{name}"))
    return view


@hookimpl
def register_routes(datasette):
    return [
        (rf"^{PREFIX}/article/(?P<id>[^/]+)$", _page("article", pages.article_context)),
        (rf"^{PREFIX}/group/(?P<id>[^/]+)$", _page("group", pages.group_context)),
        (rf"^{PREFIX}/speaker/(?P<id>[^/]+)$", _page("speaker", pages.speaker_context)),
    ]



@hookimpl
def menu_links(datasette, actor, request):
    return [
        {"href": datasette.urls.table(DB_NAME, "quote"), "label": "Search quotes"},
        {"href": datasette.urls.query(DB_NAME, "speakers"), "label": "Who is quoted"},
        {"href": datasette.urls.query(DB_NAME, "who_carried"), "label": "Who carried a quote"},
        {"href": datasette.urls.query(DB_NAME, "outlet_quotes"), "label": "What an outlet reported"},
    ]
