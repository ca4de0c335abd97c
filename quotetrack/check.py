"""Did anyone report this quote? Finding a quote group from a fragment or a changed wording.

The full-text index proposes candidates, never a scan: first the words as one phrase (a
fragment or an exact wording), else any of their word pairs (a word changed, dropped or
added). rapidfuzz then scores the few candidates against the words given, and the best
group above ``MIN_SCORE`` is the answer, with its first report, carriers and wordings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .names import fold
from .query import Named, QuoteDB, QueryError

MIN_SCORE = 85  # rapidfuzz 0-100: below this a candidate is a different quote
CANDIDATES = 200  # quotes the index may propose
CARRIERS = 200  # carrying quotes listed (counts always cover all of them)
_TOKEN = re.compile(r"[^\W_]+")  # how FTS5's unicode61 tokenizer splits words
OLDEST_FIRST = "q.date IS NULL, q.date, q.id"


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(fold(text))


def score(query: list[str], candidate: list[str]) -> tuple[float, float]:
    """How well the words given match a stored quote: (as a fragment of it, as a whole).

    The first decides whether it matches; the second ranks equal matches, so that the quote
    "commercial blackmail" wins over a claim that merely contains it.
    """
    from rapidfuzz import fuzz

    a, b = " ".join(query), " ".join(candidate)
    whole = fuzz.ratio(a, b)
    return (max(whole, fuzz.partial_ratio(a, b)) if len(a) <= len(b) else whole), whole


@dataclass
class CheckResult:
    """The answer of ``check``: the group found (if any) and, for an outlet, whether it carried it."""

    query: str
    found: bool = False
    group_id: int | None = None
    score: float | None = None
    text: str | None = None
    speakers: list[str] = field(default_factory=list)
    first: dict | None = None  # the first report's quote row
    quotes: int = 0
    articles: int = 0
    outlets: list[dict] = field(default_factory=list)  # {"outlet", "quotes"}: articles' outlets
    relays: list[dict] = field(default_factory=list)  # {"outlet", "quotes"}: outlets credited
    wordings: list[dict] = field(default_factory=list)  # {"text", "relation", "quotes", "outlets"}
    carriers: list[dict] = field(default_factory=list)  # quote rows, first report first
    others: list[dict] = field(default_factory=list)  # {"group_id", "text", "score"}: other matches
    outlet: str | None = None  # with check(..., outlet=): the outlet asked about
    carried: bool | None = None  # ... and the answer
    evidence: list[dict] = field(default_factory=list)  # its quote rows in the group


def candidates(qdb: QuoteDB, words: list[str]) -> list[dict]:
    """Stored quotes that may be the one meant: the phrase first, else any word pair."""
    queries = ['"' + " ".join(words) + '"']
    if len(words) > 2:
        queries.append(" OR ".join(dict.fromkeys(f'"{a} {b}"' for a, b in zip(words, words[1:]))))
    for fts in queries:
        rows = list(qdb.rows("SELECT q.id, q.text, q.group_id FROM quote q WHERE q.group_id IS NOT NULL AND q.id IN "
                             f"(SELECT rowid FROM quote_fts WHERE quote_fts MATCH ? LIMIT {CANDIDATES})", (fts,), fts=fts))
        if rows:
            return rows
    return []


def check(qdb: QuoteDB, text: str, outlet: str | None = None) -> CheckResult:
    """Find the quote group ``text`` belongs to; with ``outlet``, say whether that outlet carried it."""
    words = tokens(text)
    if not words:
        raise QueryError("check: the quote has no words to look for")
    where: Named | None = qdb.resolve_outlet(outlet) if outlet else None
    result = CheckResult(query=text, outlet=where.name if where else None, carried=False if where else None)
    best: dict[int, tuple[tuple[float, float], str]] = {}
    for row in candidates(qdb, words):
        s = score(words, tokens(row["text"]))
        if s[0] >= MIN_SCORE and s > best.get(row["group_id"], ((0.0, 0.0), ""))[0]:
            best[row["group_id"]] = (s, row["text"])
    if not best:
        return result
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0][0], -kv[1][0][1], kv[0]))
    gid, ((s, _), _) = ranked[0]
    result.others = [{"group_id": g, "text": t, "score": round(v[0], 1)} for g, (v, t) in ranked[1:]]
    _describe(qdb, gid, result)
    result.score = round(s, 1)
    if where:
        result.evidence = list(qdb.quotes("q.group_id = ? AND (q.outlet_id = ? OR q.relay_outlet_id = ?)",
                                          (gid, where.id, where.id), None, order=OLDEST_FIRST))
        result.carried = bool(result.evidence)
    return result



def _describe(qdb: QuoteDB, gid: int, r: CheckResult) -> None:
    g = qdb.one("SELECT text, quote_count, article_count, first_quote_id FROM quote_group WHERE id = ?", (gid,))
    r.found, r.group_id, r.text, r.quotes, r.articles = True, gid, g["text"], g["quote_count"], g["article_count"]
    r.first = next(qdb.quotes("q.id = ?", (g["first_quote_id"],), 1), None)
    r.carriers = list(qdb.quotes("q.group_id = ?", (gid,), CARRIERS, order=OLDEST_FIRST))
    r.speakers = [x["name"] for x in qdb.rows(
        "SELECT DISTINCT COALESCE(s.name, q.speaker_name) AS name FROM quote q LEFT JOIN speaker s "
        "ON s.id = q.speaker_id WHERE q.group_id = ? AND COALESCE(s.name, q.speaker_name) IS NOT NULL "
        "ORDER BY name", (gid,))]
    tally = ("SELECT o.name AS outlet, COUNT(*) AS quotes FROM quote q JOIN outlet o ON o.id = q.{col} "
             "WHERE q.group_id = ? GROUP BY o.id ORDER BY MIN(q.date IS NULL), MIN(q.date), o.name")
    r.outlets = list(qdb.rows(tally.format(col="outlet_id"), (gid,)))
    r.relays = list(qdb.rows(tally.format(col="relay_outlet_id"), (gid,)))
    r.wordings = []
    for w in qdb.rows("""SELECT w.id, w.text, w.relation, COUNT(q.id) AS quotes FROM wording w
                         LEFT JOIN quote q ON q.wording_id = w.id WHERE w.group_id = ?
                         GROUP BY w.id ORDER BY MIN(q.date IS NULL), MIN(q.date), w.id""", (gid,)):
        outlets = [x["name"] for x in qdb.rows(
            "SELECT DISTINCT o.name FROM quote q JOIN outlet o ON o.id = q.outlet_id WHERE q.wording_id = ? "
            "ORDER BY o.name", (w["id"],))]
        r.wordings.append({"text": w["text"], "relation": w["relation"], "quotes": w["quotes"], "outlets": outlets})
