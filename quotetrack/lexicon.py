"""Word lists shipped as package data: reporting cues, news outlets, titles.

Loaded once per process. Users add outlets of their own with ``QUOTETRACK_OUTLETS`` (a path
to a file in the format of ``data/outlets.tsv``) or ``Gazetteer.load(extra=...)``.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .errors import QuotetrackError


def _data_lines(name: str):
    text = resources.files("quotetrack").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


def regular_forms(lemma: str) -> set[str]:
    """-s, -ed and -ing forms of a regular English verb."""
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    return {lemma, third, past, ing}


@dataclass(frozen=True)
class Cues:
    """Reporting cue forms mapped to their lemma, by class (speech, belief, noun)."""

    verbs: dict  # form -> lemma, speech verbs
    beliefs: dict  # form -> lemma, verbs of reported thought
    nouns: frozenset

    def speech_lemma(self, form: str) -> str | None:
        return self.verbs.get(form.lower())

    def any_lemma(self, form: str) -> str | None:
        f = form.lower()
        return self.verbs.get(f) or self.beliefs.get(f)


@lru_cache(maxsize=1)
def cues() -> Cues:
    verbs, beliefs, nouns = {}, {}, set()
    for line in _data_lines("cues.tsv"):
        lemma, cls, *rest = line.split("\t")
        if cls == "noun":
            nouns.add(lemma)
            continue
        forms = set(rest[0].split()) | {lemma} if rest and rest[0].strip() else regular_forms(lemma)
        target = verbs if cls == "speech" else beliefs
        for f in forms:
            target.setdefault(f, lemma)
    return Cues(verbs, beliefs, frozenset(nouns))


@lru_cache(maxsize=1)
def titles() -> frozenset:
    return frozenset(w for line in _data_lines("titles.txt") for w in line.lower().split())


@dataclass(frozen=True)
class Outlet:
    name: str
    kind: str


class Gazetteer:
    """News organisations and their aliases, matched case-sensitively on word boundaries."""

    def __init__(self, rows):
        self.by_alias: dict[str, Outlet] = {}
        self.by_key: dict[str, Outlet] = {}
        self.programmes: set[str] = set()  # keys of aliases that name a programme, not its network
        for name, kind, aliases in rows:
            outlet = self.by_key.get(key(name)) or Outlet(name, kind)
            self.by_key.setdefault(key(name), outlet)
            for alias in dict.fromkeys((name, *aliases)):  # in file order: stable across runs
                if alias:
                    self.by_alias.setdefault(alias, outlet)
                    self.by_key.setdefault(key(alias), outlet)
                    if kind == "programme" and alias != name:
                        self.programmes.add(key(alias))
        names = sorted(self.by_alias, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w.-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")

    @classmethod
    def load(cls, extra: str | None = None) -> "Gazetteer":
        rows = [_outlet_row(line) for line in _data_lines("outlets.tsv")]
        extra = extra or os.environ.get("QUOTETRACK_OUTLETS")
        if extra:
            try:
                with open(extra, encoding="utf-8") as fh:
                    rows += [_outlet_row(ln.rstrip("\n")) for ln in fh if ln.strip() and not ln.startswith("#")]
            except (OSError, ValueError) as exc:
                raise QuotetrackError(f"{extra}: cannot read the outlet list of $QUOTETRACK_OUTLETS ({exc})") from None
        return cls(rows)

    def find(self, text: str, start: int = 0, end: int | None = None):
        """Outlet mentions in text[start:end]: yields (start, end, Outlet)."""
        for m in self.pattern.finditer(text, start, len(text) if end is None else end):
            yield m.start(), m.end(), self.by_alias[m.group()]

    def lookup(self, name: str) -> Outlet | None:
        """The outlet a name refers to, forgiving case, "the" and punctuation."""
        return self.by_alias.get(name) or self.by_key.get(key(name))

    def is_programme(self, name: str) -> bool:
        """Does the name stand for a programme ("Hannity", "Morning Joe") rather than an outlet?"""
        return key(name) in self.programmes


def _outlet_row(line: str):
    parts = line.split("\t")
    if len(parts) < 2:
        raise ValueError(f"expected NAME<TAB>KIND<TAB>ALIASES, got {line!r}")
    aliases = parts[2].split("|") if len(parts) > 2 else []
    return parts[0].strip(), parts[1].strip(), [a.strip() for a in aliases]


def key(name: str) -> str:
    """Comparable form of an outlet name: lower case, no leading "the", no punctuation."""
    w = re.findall(r"[^\W_]+", name.lower())
    if w[:1] == ["the"]:
        w = w[1:]
    return " ".join(w)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer.load()
