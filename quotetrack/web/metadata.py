"""Datasette metadata for a quotetrack database: labels, facets, search and canned queries.

Column labels, their tooltips and the columns shown by default are read by the plugin's
table template; the rest is Datasette's own metadata format (label columns, facets,
full-text search, canned queries).
"""
from __future__ import annotations

DB_NAME = "quotetrack"

LABELS: dict[str, dict[str, str]] = {
    "quote": {
        "id": "#", "article_id": "Article", "position": "Position in article", "text": "Quote",
        "start": "Starts at", "end": "Ends at", "kind": "Kind", "date": "Date",
        "speaker_id": "Speaker", "speaker_name": "Speaker as extracted",
        "speaker_kind": "Speaker kind", "speaker_role": "Role", "mention_text": "Speaker as named",
        "mention_start": "Name starts at", "mention_end": "Name ends at", "cue_text": "Cue",
        "cue_start": "Cue starts at", "cue_end": "Cue ends at", "outlet_id": "Outlet",
        "relay_outlet_id": "Relayed from", "relayed": "Relayed", "confidence": "Confidence",
        "sieve": "Attribution rule", "flags": "Flags", "sentence_text": "Sentence",
        "sentence_start": "Sentence starts at", "sentence_end": "Sentence ends at",
        "group_id": "Quote group", "wording_id": "Wording",
    },
    "article": {
        "id": "#", "content_hash": "Content hash", "path": "File", "url": "URL",
        "title": "Title", "author": "Author", "outlet_id": "Outlet", "place": "Place",
        "date": "Date", "date_raw": "Date as written", "text": "Text",
        "body_start": "Body starts at", "encoding": "Encoding", "format": "Format",
        "quote_count": "Quotes", "claim_count": "Claims", "ingested_at": "Ingested",
    },
    "speaker": {
        "id": "#", "name": "Name", "key": "Match key", "surname_key": "Surname key",
        "given_key": "Given-name key", "kind": "Kind", "article_id": "Article (unnamed sources)",
        "name_locked": "Name fixed by a user", "created_at": "First seen",
    },
    "speaker_alias": {"key": "Match key", "alias": "Alias", "speaker_id": "Speaker", "source": "Source"},
    "speaker_role": {"speaker_id": "Speaker", "role": "Role", "count": "Times seen"},
    "outlet": {"id": "#", "name": "Name", "key": "Match key", "kind": "Kind"},
    "outlet_alias": {"key": "Match key", "alias": "Alias", "outlet_id": "Outlet", "source": "Source"},
    "quote_group": {
        "id": "#", "text": "Fullest wording", "quote_count": "Quotes",
        "article_count": "Articles", "wording_count": "Wordings", "first_quote_id": "First report",
        "first_date": "First reported",
    },
    "wording": {
        "id": "#", "group_id": "Quote group", "text": "Wording", "norm": "Normalised",
        "norm_hash": "Hash", "relation": "Relation to the first report", "word_count": "Words",
    },
}

# Columns a table page shows unless the user picks columns (``_col``) or asks for all.
MAIN_COLUMNS: dict[str, tuple[str, ...]] = {
    "quote": ("id", "text", "speaker_id", "speaker_role", "kind", "date", "outlet_id",
              "relay_outlet_id", "article_id", "group_id"),
    "article": ("id", "title", "outlet_id", "date", "author", "url", "path", "quote_count", "claim_count"),
    "speaker": ("id", "name", "kind", "article_id"),
    "wording": ("id", "group_id", "text", "relation", "word_count"),
}

# Shown as the column headings' tooltips.
DESCRIPTIONS: dict[str, dict[str, str]] = {
    "quote": {
        "text": "The quoted words, as the article prints them; for a claim, what it says was said.",
        "kind": "direct: a whole quoted sentence; mixed: quoted words inside the reporter's sentence; "
                "indirect: a claim, reported speech without quote marks (in no quote group).",
        "date": "The article's date (ISO 8601).",
        "speaker_id": "Who said it, after linking names across articles.",
        "outlet_id": "The outlet that published the article.",
        "relay_outlet_id": "The outlet the article credits with the quote (\"..., Itar-Tass reported\").",
        "group_id": "The same quote in every article that carried it.",
        "confidence": "How sure the attribution is, 0 to 1.",
    },
    "article": {
        "text": "The full text as read; quote offsets index it.",
        "path": "The file (and record number) it was read from.",
    },
}

# Result columns holding {"label": ..., "<page>": id} objects become links (see plugin.render_cell);
# no speaker (an unattributed quote) or no group (a claim) leaves the cell empty.
LINK_COLUMNS = ("Speaker", "Quote", "Article", "Carried by", "Quote group", "As carried")
_SPEAKER = "case when s.id is not null then json_object('label', s.name, 'speaker', s.id) end"
_ARTICLE = "json_object('label', coalesce(a.title, a.path, 'article ' || a.id), 'article', a.id)"
_QUOTE = "json_object('label', q.text, 'article', q.article_id, 'quote', q.id)"
_GROUP = ("case when g.id is not null then json_object('label', g.article_count || (case g.article_count "
          "when 1 then ' article' else ' articles' end) || ', ' || g.wording_count || (case g.wording_count "
          "when 1 then ' wording' else ' wordings' end), 'group', g.id) end")
_JOINS = """
from quote q
join article a on a.id = q.article_id
left join speaker s on s.id = q.speaker_id
left join outlet o on o.id = q.outlet_id
left join outlet r on r.id = q.relay_outlet_id
left join quote_group g on g.id = q.group_id"""

SPEAKER_QUOTES = f"""
select q.date as "Date", {_SPEAKER} as "Speaker", {_QUOTE} as "Quote", q.kind as "Kind",
  o.name as "Outlet", r.name as "Relayed from", {_ARTICLE} as "Article", {_GROUP} as "Carried by"
{_JOINS}
where q.speaker_id in (
  select id from speaker where qt_speaker_fits(:speaker, key, surname_key, given_key)
  union select speaker_id from speaker_alias where key = qt_name_key(:speaker))
order by q.date desc, a.id, q.position
"""

OUTLET_QUOTES = f"""
with target as (
  select id from outlet where key = qt_outlet_key(:outlet)
  union select outlet_id from outlet_alias where key = qt_outlet_key(:outlet))
select q.date as "Date",
  case when q.outlet_id not in (select id from target) then 'credited by ' || o.name
       when q.relay_outlet_id is not null then 'relayed from ' || r.name
       else 'own report' end as "How",
  {_QUOTE} as "Quote", {_SPEAKER} as "Speaker", o.name as "Published by", {_ARTICLE} as "Article",
  {_GROUP} as "Carried by"
{_JOINS}
where q.outlet_id in (select id from target) or q.relay_outlet_id in (select id from target)
order by q.date desc, a.id, q.position
"""

WHO_CARRIED = f"""
with hit as (
  select distinct q.group_id
  from (select rowid from quote_fts where :quote <> '' and quote_fts match qt_fts_any(:quote)
        order by rank limit {{candidates}}) f
  join quote q on q.id = f.rowid
  where qt_overlap(:quote, q.text) >= {{min_overlap}})
select json_object('label', g.text, 'group', g.id) as "Quote group", q.date as "Date",
  o.name as "Outlet", r.name as "Relayed from", {_SPEAKER} as "Speaker", w.relation as "Wording",
  {_QUOTE} as "As carried", {_ARTICLE} as "Article",
  case when q.id = g.first_quote_id then 'first report' else '' end as "First"
{_JOINS}
left join wording w on w.id = q.wording_id
where q.group_id in (select group_id from hit)
order by g.first_date, g.id, q.date, q.id
"""

SPEAKERS = """
select json_object('label', s.name, 'speaker', s.id) as "Speaker", s.kind as "Kind",
  count(q.id) as "Quotes", count(distinct q.article_id) as "Articles",
  count(distinct q.outlet_id) as "Outlets", min(q.date) as "First quoted", max(q.date) as "Last quoted"
from speaker s join quote q on q.speaker_id = s.id
group by s.id
order by count(q.id) desc, s.name
"""


def canned_queries() -> dict[str, dict]:
    from .sqlfunctions import CANDIDATES, MIN_OVERLAP

    return {
        "speaker_quotes": {
            "title": "A speaker's quotes",
            "description": "Every quote of a speaker, newest first. Names match forgivingly: "
                           "case, accents, titles, aliases, or the surname alone (\"putin\", \"Aliyev\").",
            "sql": SPEAKER_QUOTES.strip(),
            "hide_sql": True,
        },
        "outlet_quotes": {
            "title": "What an outlet reported or relayed",
            "description": "Quotes an outlet published itself, quotes it relayed from another outlet, "
                           "and quotes other outlets credited to it. Aliases work (\"TASS\", \"AP\").",
            "sql": OUTLET_QUOTES.strip(),
            "hide_sql": True,
        },
        "who_carried": {
            "title": "Who carried a quote, and with which wordings",
            "description": "Paste a quote, or part of it, even slightly differently worded: every "
                           "article and outlet that carried it, the first report and each wording.",
            "sql": WHO_CARRIED.format(candidates=CANDIDATES, min_overlap=MIN_OVERLAP).strip(),
            "hide_sql": True,
        },
        "speakers": {
            "title": "Who is quoted",
            "description": "Speakers by number of quotes, with the articles and outlets that quoted them.",
            "sql": SPEAKERS.strip(),
            "hide_sql": True,
        },
    }


def datasette_metadata(db_name: str = DB_NAME) -> dict:
    """The Datasette metadata for a quotetrack database served as ``db_name``."""
    return {
        "title": "quotetrack",
        "description": "Quotes found in news articles: who said them, which outlets carried them, "
                       "and how the wording changed on the way.",
        "databases": {
            db_name: {
                "tables": {
                    "quote": {
                        "title": "Quotes",
                        "label_column": "text",
                        "fts_table": "quote_fts",
                        "fts_pk": "id",
                        "sort_desc": "date",
                        "facets": ["speaker_id", "outlet_id", "relay_outlet_id", "kind", {"date": "date"}],
                    },
                    "article": {
                        "title": "Articles",
                        "label_column": "title",
                        "sort_desc": "date",
                        "facets": ["outlet_id", "format"],
                    },
                    "speaker": {"title": "Speakers", "label_column": "name", "sort": "name",
                                "facets": ["kind"]},
                    "outlet": {"title": "Outlets", "label_column": "name", "sort": "name",
                               "facets": ["kind"]},
                    "quote_group": {"title": "Quote groups", "label_column": "text",
                                    "sort_desc": "article_count"},
                    "wording": {"title": "Wordings", "label_column": "text", "facets": ["relation"]},
                    "speaker_alias": {"title": "Speaker aliases", "facets": ["source"]},
                    "outlet_alias": {"title": "Outlet aliases", "facets": ["source"]},
                    "speaker_role": {"title": "Speaker roles"},
                    "group_shingle": {"hidden": True},
                    "schema_migration": {"hidden": True},
                },
                "queries": canned_queries(),
            }
        },
    }
