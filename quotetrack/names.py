"""Keys for names, so that case, accents, titles and initials do not split one speaker.

``name_key("President Vladimir V. Putin")`` and ``name_key("vladimir putin")`` agree, and so
do ``Əliyev`` and ``Aliyev``. A person's key keeps the given name, so "Bill Clinton" and
"Hillary Clinton" stay apart; the surname alone is kept as a second key to find the people
a bare "Clinton" may mean.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Letters that Unicode does not decompose into a base letter plus marks.
_FOLD = str.maketrans({
    "ə": "a", "Ə": "a", "ı": "i", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d",
    "ð": "d", "Ð": "d", "þ": "th", "Þ": "th", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
    "ß": "ss", "ħ": "h", "Ħ": "h",
})
_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
_NON_WORD = re.compile(r"[^\w]+")

TITLES = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister
president pres vice prime minister premier chancellor secretary general gen col colonel
lt lieutenant maj major capt captain adm admiral sgt sergeant cmdr commander
sen senator rep representative gov governor mayor ambassador amb judge justice
king queen prince princess sheikh emir sultan pope cardinal bishop rabbi imam ayatollah
chairman chairwoman chair ceo director spokesman spokeswoman spokesperson
foreign defence defense interior finance deputy acting former state
mp mep congressman congresswoman councillor councilor
""".split())
SUFFIXES = frozenset("jr sr ii iii iv phd md esq".split())
PARTICLES = frozenset("de da di del della der den van von la le al el bin ibn du dos das ter".split())


def fold(text: str) -> str:
    """Casefold and strip accents: "Əliyev" -> "aliyev", "Müller" -> "muller"."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.casefold()


def tokens(name: str) -> list[str]:
    """Folded words of a name; possessive "'s" and apostrophes dropped, hyphens split."""
    text = re.sub(r"['’]s\b", "", name.strip())
    text = _APOSTROPHES.sub("", fold(text))
    return [t for t in _NON_WORD.sub(" ", text).replace("_", " ").split() if t]


def name_key(name: str) -> str:
    """A key for any name (outlet, organisation): folded words joined by one space."""
    return " ".join(tokens(name))


@dataclass(frozen=True)
class PersonName:
    """A person's name split for matching: given names (no initials), initials, surname."""

    given: tuple[str, ...]
    initials: tuple[str, ...]  # first letters of every given name, initials included
    surname: str

    @property
    def key(self) -> str:
        return " ".join((*self.given, self.surname))

    @property
    def given_key(self) -> str:
        return " ".join(self.given)

    def compatible(self, given_key: str | None) -> bool:
        """Could ``given_key`` (another mention's given names) be the same person?

        A bare surname fits anyone; "V." fits "Vladimir"; otherwise the first given names
        must agree ("Bill" never fits "Hillary").
        """
        other = (given_key or "").split()
        if not other or not self.initials:
            return True
        if self.given:
            return self.given[0] == other[0]
        return self.initials[0] == other[0][0]


def person_name(name: str) -> PersonName | None:
    """Split a person's name; None when nothing is left after titles are dropped."""
    toks = tokens(name)
    while len(toks) > 1 and toks[0] in TITLES:
        toks = toks[1:]
    while len(toks) > 1 and toks[-1] in SUFFIXES:
        toks = toks[:-1]
    if not toks:
        return None
    i = len(toks) - 1
    while i > 1 and toks[i - 1] in PARTICLES:  # "von der Leyen", "de Gaulle"
        i -= 1
    surname = " ".join(toks[i:])
    before = toks[:i]
    given = tuple(t for t in before if len(t) > 1)
    initials = tuple(t[0] for t in before)
    return PersonName(given, initials, surname)
