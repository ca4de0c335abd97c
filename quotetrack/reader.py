"""Reading plain-text articles: decoding, the optional header, and the publication date.

A header is a block between two ``---`` lines at the top of the file::

    ---
    # Title
    Author Name
    Outlet, Place
    2/4/2007
    ---

Without a header the first non-empty line is the title, cut to a headline's length when it is
a whole paragraph (every record repeats the title). The text is kept exactly as decoded
(no newline translation), because every offset quotetrack reports indexes into it.
"""
from __future__ import annotations

import codecs
import re
import warnings
from datetime import date, datetime
from pathlib import Path

from .errors import ReadError, printable_path
from .records import Article

DATE_ORDERS = ("auto", "mdy", "dmy", "ymd")
MAX_BYTES = 200 * 1024 * 1024
MAX_TITLE = 200  # characters: a first line longer than this is a paragraph, not a headline

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# C0 controls other than tab, newline, form feed and carriage return: a text file has none.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode(data: bytes, path="<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """Bytes -> (text, encoding name). UTF-8 first, then a byte-order mark, then detection.

    Raises ReadError for empty, binary or undecodable input rather than guessing wildly.
    """
    if not data.strip():
        raise ReadError(path, "empty file" if not data else "file has only whitespace")
    text = enc = None
    if encoding:
        try:
            text, enc = data.decode(encoding), encoding
        except (UnicodeError, LookupError) as exc:  # punycode raises a bare UnicodeError
            raise ReadError(path, f"cannot decode as {encoding}: {exc.reason if hasattr(exc, 'reason') else exc}")
    for bom, name in _BOMS if text is None else ():
        if data.startswith(bom):
            try:
                text, enc = data.decode(name), name
            except UnicodeDecodeError:
                raise ReadError(path, f"invalid {name} text after its byte-order mark")
            break
    if text is None:
        if b"\x00" in data:
            raise ReadError(path, "binary file (NUL bytes), not text")
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            if _damaged_utf8(data):
                raise ReadError(path, f"invalid UTF-8 at byte {exc.start} of a file that is otherwise UTF-8 "
                                      "(repair the file there, or give --encoding)")
            text, enc = _detect(data, path)
    if _BINARY.search(text):
        raise ReadError(path, "binary file (control characters), not text")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise ReadError(path, "file has only whitespace")
    return text, enc


def _damaged_utf8(data: bytes) -> bool:
    """Does undecodable ``data`` hold more well-formed UTF-8 letters than broken sequences?

    Such a file is UTF-8 with a few damaged bytes; any single-byte encoding would turn every
    one of its accented letters into two wrong ones.
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    return sum(1 for ch in text if ch > "\x7f") - broken > broken


def _detect(data: bytes, path) -> tuple[str, str]:
    """Decode non-UTF-8 bytes with charset-normalizer, or refuse them clearly."""
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:1_000_000])
    best = matches.best()
    if best is None or best.encoding in ("utf_8",):
        raise ReadError(path, "not valid UTF-8 and no other text encoding fits "
                              "(try --encoding latin-1 or --encoding cp1252)")
    enc = best.encoding
    # Short Western European texts fit several code pages equally well (French "très" is
    # "trčs" in cp1250); on a tie the most common legacy encoding of news text wins.
    for m in matches:
        if m.encoding == "cp1252" and m.chaos <= best.chaos + 0.01 and m.coherence >= best.coherence - 0.01:
            enc = "cp1252"
    if enc != "cp1252":
        try:
            if data.decode("cp1252") == data.decode(enc):
                enc = "cp1252"  # the same text either way: name the usual encoding
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode(enc), enc
    except (UnicodeDecodeError, LookupError):
        raise ReadError(path, f"not valid UTF-8, and not valid {enc} either (try --encoding)")


_HEADER = re.compile(r"\A\s*^---[ \t]*\r?\n(?P<body>.*?)^---[ \t]*(?:\r?\n|\Z)", re.M | re.S)


def half_character(text: str) -> str | None:
    """The first lone UTF-16 surrogate in ``text``, escaped ("\\ud800"), or None. JSON can
    escape half of a surrogate pair, which is no character at all: nothing can parse or
    store it."""
    bad = _LONE_SURROGATE.search(text)
    return ascii(bad.group())[1:-1] if bad else None


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def first_line_title(line: str) -> str:
    """A first line as a title: whole when it is headline length, else its whole words up to
    MAX_TITLE characters and an ellipsis."""
    if len(line) <= MAX_TITLE:
        return line
    words = line[:MAX_TITLE + 1].rsplit(None, 1)
    cut = words[0] if len(words) > 1 else line[:MAX_TITLE]
    return cut.rstrip(" ,;:-–—") + "…"


def parse_header(text: str) -> tuple[dict, int]:
    """-> (raw header values, offset where the body starts).

    Raw values: title, author, outlet_line, date_raw (whatever lines were present).
    """
    m = _HEADER.match(text)
    if not m:
        first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        return {"title": first_line_title(first)}, 0
    lines = [ln.strip() for ln in m.group("body").splitlines() if ln.strip()]
    raw: dict = {}
    rest = []
    for ln in lines:
        if ln.startswith("#") and "title" not in raw:
            raw["title"] = ln.lstrip("#").strip()  # header_title finds its place
        else:
            rest.append(ln)
    for ln in rest:
        if "date_raw" not in raw and _looks_like_date(ln):
            raw["date_raw"] = ln
        elif "author" not in raw:
            raw["author"] = ln
        elif "outlet_line" not in raw:
            raw["outlet_line"] = ln
        elif "date_raw" not in raw:
            raw["date_raw"] = ln  # the date line, even when it cannot be read as a date
    return raw, m.end()


def header_title(text: str) -> tuple[int, int] | None:
    """Where the title's words stand in a ``---`` header: on its first line opening with
    "#", as ``parse_header`` reads it; None without a header or with no words there."""
    m = _HEADER.match(text)
    if not m:
        return None
    for line in re.finditer(r"[^\n]*", m.group("body")):
        stripped = line.group().strip()
        if stripped.startswith("#"):
            words = stripped.lstrip("#").strip()
            if not words:
                return None
            start = m.start("body") + line.start() + line.group().index(words, line.group().index("#"))
            return start, start + len(words)
    return None


_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_NUMERIC = re.compile(r"^\s*(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})\s*$")
_MONTH_NAME = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_BODY_DATE = re.compile(r"\b" + _MONTH_NAME + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?", re.I)


def _looks_like_date(line: str) -> bool:
    return bool(_NUMERIC.match(line) or re.search(r"\b\d{4}\b", line) and re.search(_MONTH_NAME, line, re.I))


def body_dates(body: str, year: int) -> list[date]:
    """Dates the body mentions by month name ("March 27", "April 1, 2007"), in ``year`` unless given."""
    out = []
    for m in _BODY_DATE.finditer(body):
        month = _MONTHS[m.group(1).lower().rstrip(".")[:3] if m.group(1).lower()[:4] != "sept" else "sep"]
        try:
            out.append(date(int(m.group(3) or year), month, int(m.group(2))))
        except ValueError:
            continue
    return out


def parse_date(raw: str | None, order: str = "auto", body: str = "") -> str | None:
    """Raw date string -> ISO date, or None when it cannot be read.

    Numeric dates such as ``2/4/2007`` are ambiguous. With ``order="auto"`` both readings
    (month first, day first) are tried, and the article body decides: an article is published
    on or after the events it reports, so a reading that falls before a date the body mentions
    by name ("March 27", "April 1") is dropped; of the readings left, the earliest is taken.
    When the body decides nothing, month first (the US convention) wins. A date that starts
    with a four-digit year is always year/month/day; ``order="ymd"`` also reads ``07/4/2`` so,
    and leaves a date whose year comes last (``2/4/2007``) to the automatic rule. A date that
    lacks its day, month or year ("April 2007") is not read.
    """
    if not raw:
        return None
    if order not in DATE_ORDERS:
        raise ValueError(f"date order must be one of {', '.join(DATE_ORDERS)}")
    m = _NUMERIC.match(raw)
    if m:
        a, b, c = (int(x) for x in m.groups())
        if len(m.group(1)) == 4 or order == "ymd" and len(m.group(3)) <= 2:
            year = a if a >= 100 or len(m.group(1)) == 4 else a + (2000 if a < 50 else 1900)  # "0001" is no "01"
            readings = {"ymd": (year, b, c)}
            order = "ymd"
        else:
            year = c + (2000 if c < 50 else 1900) if c < 100 and len(m.group(3)) <= 2 else c
            readings = {"mdy": (year, a, b), "dmy": (year, b, a)}
        valid = {}
        for name, (y, mo, d) in readings.items():
            try:
                valid[name] = date(y, mo, d)
            except ValueError:
                pass
        if not valid:
            return None
        if order in valid:
            return valid[order].isoformat()
        if order != "auto" and order != "ymd":
            return None
        if len(valid) == 1:
            return next(iter(valid.values())).isoformat()
        mentioned = body_dates(body, valid["mdy"].year)
        latest = max(mentioned) if mentioned else None
        candidates = sorted(d for d in valid.values() if latest is None or d >= latest)
        if latest is not None and candidates:
            return candidates[0].isoformat()
        return valid["mdy"].isoformat()
    from dateutil import parser as dateparser

    # Parsed against two different defaults: a date that lacks its day, month or year
    # ("April 2007") comes out differently and is not read, rather than completed with today.
    try:
        with warnings.catch_warnings():  # "10:00 EST": only the day is kept, the zone does not matter
            warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
            a, b = (dateparser.parse(raw, default=d, dayfirst=(order == "dmy"), fuzzy=True).date()
                    for d in (datetime(2001, 1, 1), datetime(2002, 2, 2)))
    except (ValueError, OverflowError, TypeError):
        return None
    return a.isoformat() if a == b else None


def article_from_text(text: str, path: str | None = None, *, date_order: str = "auto",
                      outlet: str | None = None, encoding: str = "utf-8") -> Article:
    """Build an Article from decoded text with an optional header."""
    text = text.removeprefix("\ufeff")  # a byte order mark read as text is no part of the title
    raw, body_start = parse_header(text)
    title = raw.get("title")
    if title and body_start:
        title = title.rstrip(".").strip() or title
    outlet_line = raw.get("outlet_line")
    hdr_outlet = place = None
    if outlet_line:
        hdr_outlet, _, place = (p.strip() for p in outlet_line.partition(","))
    body = text[body_start:]
    return Article(
        text=text, path=path, title=title, author=raw.get("author"),
        outlet=outlet or hdr_outlet or None, place=place or None,
        date=parse_date(raw.get("date_raw"), date_order, body), date_raw=raw.get("date_raw"),
        body_start=body_start, encoding=encoding, format="text")


def read_article(path, *, date_order: str = "auto", outlet: str | None = None,
                 encoding: str | None = None) -> Article:
    """Read a plain-text article file. Raises ReadError naming the file and the problem."""
    p = Path(path)
    try:
        if p.is_dir():
            raise ReadError(path, "is a directory, not a file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(path, f"file too large ({size // 2**20} MiB; the limit is {MAX_BYTES // 2**20} MiB)")
        with p.open("rb") as fh:  # a device or pipe has no size to check first: read no more than the limit
            data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ReadError(path, f"file too large (over the limit of {MAX_BYTES // 2**20} MiB)")
    except ReadError:
        raise
    except FileNotFoundError:
        raise ReadError(path, "no such file")
    except PermissionError:
        raise ReadError(path, "permission denied")
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc))
    text, enc = decode(data, path, encoding)
    return article_from_text(text, printable_path(path), date_order=date_order, outlet=outlet, encoding=enc)
