"""The people (and organisations) an article mentions, for naming and resolving speakers.

Names are read from the tagger's proper-noun runs, not from a named-entity recogniser:
a run is split into a role ("Azerbaijani President", "Secretary of State") and a name
("Ilham Aliyev") at its last title word. Each person is known by all the names the article
gives them; the canonical name is the fullest one, less any words a headline or role put
before a full name. A bare surname joins the person the article means by it (the most
recently mentioned person with that surname), so "Bill Clinton" and "Hillary Clinton" stay
apart. Pronouns are resolved to the nearest earlier mention of a
person whose gender (from the first name or a title) does not contradict the pronoun,
preferring grammatical subjects.
"""
from __future__ import annotations

import re
from bisect import bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import gazetteer, titles

PROPER = {"NNP", "NNPS"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
MALE_TITLES = {"mr", "mr.", "sir", "lord", "king", "prince", "father", "brother", "congressman",
               "spokesman", "chairman", "councilman", "businessman"}
FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess", "sister",
                 "congresswoman", "spokeswoman", "chairwoman", "councilwoman", "businesswoman", "first lady"}
# what a title is "of": "Secretary of State", "Speaker of the House", "Under Secretary for Management"
TITLE_OBJECTS = {"state", "house", "year", "management", "affairs", "elections", "defense", "justice", "treasury",
                 "staff", "commerce", "labor", "energy", "education", "interior", "agriculture", "transportation",
                 "homeland", "security", "health", "veterans", "representatives", "police", "intelligence"}
ORG_WORDS = {"party", "committee", "campaign", "department", "ministry", "agency", "office", "council",
             "commission", "house", "kremlin", "foundation", "institute", "university", "association",
             "union", "inc", "inc.", "corp", "corp.", "co", "co.", "group", "bank", "court", "senate",
             "congress", "administration", "network", "company", "corporation", "coalition",
             "organization", "organisation", "board", "bureau", "service", "center", "centre",
             "pentagon", "government", "police", "army", "navy", "fund", "pac", "fbi", "cia", "nsa",
             "gop", "dnc", "rnc", "un", "nato", "eu", "times", "post", "news", "press", "journal",
             "parliament", "assembly", "cabinet", "embassy", "state", "states", "club", "team", "convention",
             "republicans", "democrats",  # "Senate Republicans", "Iowa Democrats"
             # bodies outside politics: "Northwind Airlines", "Crestview Properties", "Network Rail"
             "authority", "airlines", "airline", "airways", "properties", "workers", "holdings", "partners",
             "industries", "technologies", "society", "hospital", "college", "academy", "federation",
             "alliance", "railways", "railroad", "rail", "motors", "pharmaceuticals", "llc", "ltd", "plc",
             "museum", "caucus", "tribunal", "laboratories"}
NOT_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
             "saturday", "sunday", "god", "jr.", "jr", "sr.", "sr", "ii", "iii",
             "jan.", "feb.", "aug.", "sept.", "sep.", "oct.", "nov.", "dec."}  # "Oct. 3 called", a date
# a word of a date or time: "spoke on Monday", "the campaign on Monday"
WHEN = re.compile(r"(?i)(mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|"
                  r"august|september|october|november|december|\d+|today|tonight|yesterday|tomorrow|morning|"
                  r"evening|night|afternoon|week|month|year|weekend")
NAME_PARTICLES = {"de", "del", "della", "der", "den", "di", "da", "du", "van", "von", "la", "le", "bin", "ibn",
                  "al", "el", "dos", "das", "ter"}
TITLE_ABBREVIATIONS = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
                       "lt": "lieutenant", "sec": "secretary", "pres": "president", "atty": "attorney",
                       "supt": "superintendent", "cmdr": "commander", "adm": "admiral", "col": "colonel",
                       "sgt": "sergeant", "amb": "ambassador", "prof": "professor", "dr": "doctor"}
ROLE_QUALIFIERS = {"vice", "deputy", "assistant", "lieutenant", "former", "ex", "acting", "associate", "under",
                   "first"}
# titles that take a department: "Secretary of State John Kerry", "Chief of Staff Denis McDonough"
TITLES_OF = {"secretary", "undersecretary", "chief", "minister", "director", "supervisor", "commissioner"}
ASKING = {"asked", "asks", "ask", "asking", "questioned", "pressed", "interviewed", "quizzed"}
PARTY_WORDS = {"republican", "democrat", "democratic", "gop", "libertarian", "independent", "green"}
SENTENCE_OPENERS = {"though", "although", "but", "and", "while", "when", "if", "as", "after", "before",
                    "because", "since", "yet", "so", "still", "meanwhile", "despite", "first",
                    "follow", "subscribe", "contact", "watch"}  # and a sign-off's imperative


def opens_sentence(tok) -> bool:
    """Is ``tok`` the first word of its sentence (quote marks and brackets before it aside)?"""
    return tok.is_sent_start or all(t.is_punct for t in tok.doc[tok.sent.start:tok.i])


def is_when(tok) -> bool:
    """"spoke on Monday", "the campaign on Monday": a date or time, neither what was spoken
    about nor part of who spoke."""
    return bool(WHEN.fullmatch(tok.text))


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}
PLURAL_PRONOUNS = {"they", "them", "their", "we", "us", "our"}
THING_PRONOUNS = {"it", "its", "itself"}
ONE_OFF_REACH = 300  # characters after which a namesake named less often no longer claims a bare surname
MAX_PRONOUN_HOPS = 8  # a "he" followed back to an earlier "he" at most this often


@lru_cache(maxsize=1)
def _gender_detector():
    import gender_guesser.detector as gd

    return gd.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def first_name_gender(word: str, sure: bool = False) -> str | None:
    """"m" or "f" for a first name used mostly for one gender (``sure``: only for one), by its
    use in the USA first ("Bernie" is mostly male there, mostly female in Europe), then
    elsewhere."""
    g = _gender_detector().get_gender(word, "usa")
    if g in ("unknown", "andy"):  # no figures for the USA: "andy" here means unknown
        g = _gender_detector().get_gender(word)
    if sure and g.startswith("mostly_"):
        return None
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(g)


@lru_cache(maxsize=65536)
def is_given_name(word: str) -> bool:
    """Is the word a first name anywhere, of either gender ("Lou", "Xi", "Ban"), not only a
    surname or a word ("Trump", "Peabody")?"""
    return _gender_detector().get_gender(word) != "unknown"


def _surely_not(person: Person, gender: str) -> bool:
    """Is the person known to be of the other gender: by a title, or by a first name given to
    one gender only ("Bill", not "Lindsey" or "Lee")?"""
    if person.gender in (None, gender):
        return False
    return any(_gender_of([], role) == person.gender for role in person.roles) or \
        any(len(n) >= 2 and first_name_gender(n[0], sure=True) == person.gender for n in person.names)


def fold(s: str) -> str:
    """Lower case without accents or possessive: comparison form of a name token."""
    import unicodedata

    s = unicodedata.normalize("NFKD", s.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"['’]s$", "", s)


@dataclass
class Person:
    names: list[tuple[str, ...]] = field(default_factory=list)  # every name form, as tokens
    roles: list[str] = field(default_factory=list)
    appositions: list[str] = field(default_factory=list)  # "Helen Marsh, the prime minister," -> "prime minister"
    gender: str | None = None
    kind: str = "person"  # person | organisation
    seen_at: list[int] = field(default_factory=list)  # where the article names them, in order
    spoke: bool = False  # named as the speaker of a quote
    acted: bool = False  # the subject of a clause somewhere in the article

    @property
    def canonical(self) -> str:
        """The fullest name, leaving out words that only sit before another full name that
        opens with a first name ("Rival Hillary Clinton", "State John F. Kerry" beside
        "Hillary Clinton", "John F. Kerry"): a role or a headline put them there. A double
        surname ("Julie A. Diaz Martinez") opens with no first name and stays whole."""
        full = [n for n in self.names if len(n) >= 2 and first_name_gender(n[0])]
        names = [n for n in self.names if not any(len(f) < len(n) and n[-len(f):] == f for f in full)]
        best = max(names, key=lambda n: (len(n), sum(map(len, n))))
        return " ".join(best)

    @property
    def surname(self) -> str:
        return fold(self.names[0][-1])

    def given(self) -> set[str]:
        return {fold(w) for n in self.names for w in n[:-1] if w[0].isupper() and not w.endswith(".")}


@dataclass
class Mention:
    """A person or organisation mention at a place in the text."""

    start: int
    end: int
    person: Person
    subject: bool = False
    speaker: bool = False
    quoted: bool = False  # inside a quotation: the quote's speaker talking about someone
    introduced: bool = False  # first named here, in full, with a role after it ("Henry Crespo, president of ...")
    main: bool = False  # the subject of its sentence's main verb
    asked: bool = False  # the one a question is put to ("Conroy asked Sanders whether ...")


def split_role(words: list[str]) -> tuple[list[str], list[str]]:
    """["Azerbaijani", "President", "Ilham", "Aliyev"] -> (role words, name words); a party
    before a person's full name is a role too ("Republican Donald Trump")."""
    t = titles()
    last = -1
    for i, w in enumerate(words):
        if i and i == len(words) - 1 and (_initial(words[i - 1]) or first_name_gender(words[i - 1])):
            break  # a title word after a first name is a surname: "Peter T. King", "Rob Bishop"
        if w.lower() in t or w.lower().rstrip(".") in t or len(w) > 4 and w.lower()[:-1] in t and w.endswith("s"):
            last = i  # "Senators Rubio and Cruz" too
        elif i >= 2 and words[i - 1] == "of" and last == i - 2 and words[i - 2].lower() in TITLES_OF:
            last = i  # "Secretary of State John Kerry", "Chief of Staff Denis McDonough"
    while len(words) - last > 3 and words[last + 1].lower() in TITLE_OBJECTS \
            and first_name_gender(words[last + 2], sure=True):
        last += 1  # "(Speaker of the) House Newt Gingrich", "(Person of the) Year Barack Obama"
    while len(words) - last > 3 and words[last + 1].lower() in PARTY_WORDS and (
            first_name_gender(words[last + 2])
            or words[last + 1].lower() in ("democrat", "republican") and fold(words[-1]) not in ORG_WORDS):
        last += 1  # "Democrat Zephyr Teachout", not "Republican National Committee"
    if last < 0:
        last = _body_before_name(words)
    if last < 0 and len(words) == 3 and _what_someone_does(words[0]) and first_name_gender(words[1]):
        last = 0  # "Shopper Maria Lopez", "Quarterback Jordan Fox": a word of what they do, before a full name
    return words[: last + 1], words[last + 1:]


def _what_someone_does(word: str) -> bool:
    """Is the word a noun for someone by what they do ("Shopper", "Vendor", "Quarterback"),
    and no given name ("Trayvon", "Carolina")?"""
    low = word.lower()
    return word.isalpha() and not is_given_name(word) and (
        low.endswith(("er", "or", "ist", "ent", "ant", "ess")) and len(low) > 4 or low in _DOERS)


_DOERS = {"quarterback", "coach", "nurse", "pilot", "chef", "cook", "clerk", "guard", "celebrity", "celebrities",
          "parent", "parents", "veteran", "rapper", "comedian", "musician", "physician", "technician", "electrician"}


def _body_before_name(words: list[str]) -> int:
    """Where the words naming a body or a party end, when a full name follows them ("House
    Republican Thomas Massie", "Senate Intelligence Ranking Democrat Dianne Feinstein"); -1 if
    they do not."""
    for i in range(1, len(words) - 1):
        if first_name_gender(words[i], sure=True) and len(words) - i <= 3:
            before = [w.lower() for w in words[:i]]
            if not any(first_name_gender(w) or _initial(w) for w in words[:i]) \
                    and any(w in PARTY_WORDS or w.rstrip("s") in PARTY_WORDS or w in ORG_WORDS | TITLE_OBJECTS
                            for w in before):
                return i - 1
            return -1
    return -1


def _org_name(name: list[str]) -> bool:
    """"Department of Homeland Security", "Securities and Exchange Commission"; not "Secretary
    of State John Kerry"."""
    return any(w in ORG_JOINS and fold(name[k - 1]) in ORG_HEADS
               or w in ("and", "&") and fold(name[-1]) in ORG_WORDS | {"services"} for k, w in enumerate(name) if k)


def _acronym(name: list[str]) -> bool:
    """"IMF", "NAACP": a body's initials, not a person."""
    return len(name) == 1 and 2 <= len(name[0]) <= 6 and name[0].isalpha() and name[0].isupper()


HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "mister", "madam", "madame"}


def without_honorifics(role: str | None) -> str | None:
    """The office in a title: "Mr." or "Mrs." before a name tell a gender, not a role."""
    words = [w for w in (role or "").split() if w.lower() not in HONORIFICS]
    return " ".join(words) or None


def _apposition(run) -> str | None:
    """The role a name's apposition gives ("Helen Marsh, the prime minister," -> "prime
    minister"), for a later "the prime minister said"."""
    head = next((c for c in run[-1].children if c.dep_ == "appos" and c.i > run[-1].i
                 and c.tag_ in ("NN", "NNS") and c.lower_ in titles()), None)
    if head is None:
        return None
    end = head.right_edge.i + 1
    if end < len(head.doc) and head.doc[end].text not in (",", ".", ";", ")", "—", "--"):
        return None  # "hosts Mika Brzezinski, the Democratic candidate stated": the parser's apposition
    # the noun and the words that qualify it, not an owner: "the prime minister's spokeswoman"
    # is a spokeswoman
    return " ".join([t.text for t in head.lefts if t.dep_ in ("compound", "amod", "nmod")] + [head.text])


def _initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


class People:
    """Registry of the people one article mentions, in text order."""

    def __init__(self, quoted: list[tuple[int, int]] = (), body_start: int = 0):
        self.quoted = sorted(quoted)
        self.body_start = body_start  # names in a header before it (title, byline) are no one's mention
        self.persons: list[Person] = []
        self.mentions: list[Mention] = []
        self.starts: list[int] = []  # the mentions' starts, kept in step, for bisection
        self._by_surname: dict[str, list[Person]] = {}
        self.he_she: list[tuple[int, str]] = []  # (place, pronoun) of every "he"/"she" subject

    # ------------------------------------------------------------------ registering
    def observe(self, doc, offset: int, text: str):
        """Register every proper-noun run of a parsed text (``text`` from ``offset`` on) as a
        mention, in order. ``text`` is the article's, where a headline keeps the capitals the
        parser was not given."""
        outlets = gazetteer()
        headlines = [(sent.start, sent.end) for sent in doc.sents if _title_cased(sent, text, offset)]
        described = [t for t in doc if t.dep_ in SUBJECT_DEPS and t.is_lower and t.lower_ in titles()
                     and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)][::-1]
        for run in proper_runs(doc, self.known_person):
            while described and described[-1].i < run[0].i:
                self._seen_described(described.pop(), offset)
            if any(s <= run[0].i < e for s, e in headlines):
                continue  # "Black Lawmakers Rip Donald Trump As A ...": no telling names from words
            words = run_words(run)
            start, end = offset + run[0].idx, offset + run[-1].idx + len(run[-1].text)
            if start < self.body_start or outlets.lookup(" ".join(words)) or _is_modifier(run):
                continue
            role, name = self.split_name(role_prefix(run) + words, start)
            name = [w for w in name if fold(w) not in NOT_NAMES]
            if not name:
                continue
            person = self.register(name, " ".join(role) if role else None, start)
            if person is None:
                continue
            subject = any(t.dep_ in SUBJECT_DEPS or t.dep_ == "appos" and t.head.dep_ in SUBJECT_DEPS for t in run)
            person.acted = person.acted or subject
            apposed = _apposition(run)
            if apposed and apposed not in person.appositions:
                person.appositions.append(apposed)
            introduced = len(person.seen_at) == 1 and len(name) >= 2 and not subject and \
                any(c.dep_ == "appos" and c.i > run[-1].i for c in run[-1].children)
            main = any(t.dep_ in SUBJECT_DEPS and t.head.dep_ == "ROOT" for t in run)
            asked = run[-1].dep_ == "dobj" and run[-1].head.lower_ in ASKING
            self.mentions.append(Mention(start, end, person, subject, quoted=self._in_quote(start),
                                         introduced=introduced, main=main, asked=asked))
            self.starts.append(start)
        for tok in doc:
            if tok.dep_ in SUBJECT_DEPS and tok.lower_ in ("he", "she") and not self._in_quote(offset + tok.idx):
                self.he_she.append((offset + tok.idx, tok.lower_))

    def _seen_described(self, tok, offset: int):
        """A subject described by its role ("The former president said ...") is a mention of
        whom the role fits: a later bare "Clinton" is still him, not his wife named since."""
        pos = offset + tok.idx
        person = None if self._in_quote(pos) else self.by_role([t.text for t in tok.subtree if t.i <= tok.i], pos)
        if person is not None:
            insort(person.seen_at, pos)

    def known_person(self, words: list[str]) -> bool:
        """Is this surname a person's the article has named with a first name ("Donald Trump")?"""
        return any(p.kind == "person" and any(len(n) >= 2 and first_name_gender(n[0]) for n in p.names)
                   for p in self._by_surname.get(fold(words[-1]), []))

    def split_name(self, words: list[str], pos: int) -> tuple[list[str], list[str]]:
        """``split_role``, but a lone title word that is a known person's surname names them
        ("Peter T. King ... King said"); an organisation's name is all name ("Brennan Center for
        Justice", "Justice Department")."""
        if _org_name(words):
            return [], words
        role, name = split_role(words)
        if len(name) == 1 and fold(name[0]) in ORG_WORDS and role and role[-1][:1].isupper():
            return [], words  # "Justice Department" is no "Department" with the role "Justice"
        if not name and role and role[-1][:1].isupper():
            known = self.find(role[-1:], pos)
            if known is not None and any(len(n) >= 2 and n[-1] == role[-1] for n in known.names):
                return role[:-1], role[-1:]
        return role, name

    def _in_quote(self, pos: int) -> bool:
        i = bisect_right(self.quoted, (pos, float("inf"))) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def register(self, name: list[str], role: str | None, pos: int, kind: str | None = None) -> Person | None:
        """Find or create the person called ``name`` (tokens), remembering the role."""
        name = [w for w in name if w not in {"'s", "’s"}]
        if not name or not any(w[:1].isupper() for w in name):
            return None
        team = fold(name[0]) == "team" and len(name) > 1  # "Team Trump": a campaign, not a Trump
        if kind is None:
            kind = "organisation" if fold(name[-1]) in ORG_WORDS or _acronym(name) or team or _org_name(name) \
                else "person"
        if team or _org_name(name):  # "Business Council of British Columbia" is not a Columbia
            person = next((p for p in self.persons if tuple(name) in p.names), None)
        else:
            person = self.find(name, pos, _gender_of([], role))
        if person is None:
            person = Person(kind=kind)
            self.persons.append(person)
            self._by_surname.setdefault(fold(name[-1]), []).append(person)
        key = tuple(name)
        if key not in person.names:
            person.names.append(key)
        if role and role not in person.roles:
            person.roles.append(role)  # "Mrs." too: it tells the gender the pronouns are matched to
        if person.gender is None and kind == "person":
            person.gender = _gender_of(name, role)
        insort(person.seen_at, pos)
        return person

    def find(self, name: list[str], pos: int, title_gender: str | None = None) -> Person | None:
        """The known person a name refers to at ``pos``: same surname, no conflicting first
        name and no other gender than a title gives ("Mrs. Clinton" is not Bill Clinton); of
        several, the one named last before ``pos``, unless that was long ago and another is
        named more often, or was only mentioned and another is the one the article calls by
        the bare surname; else the first named after it."""
        cands = self._by_surname.get(fold(name[-1]), [])
        if not cands and len(name) == 1 and is_given_name(name[0]):
            # "Donald asked Freddy ...", "Mr. Lou said", "Ban said": a given name (or a family
            # name put first) that is no one's surname here, but opens one person's full name
            firsts = [p for p in self.persons if p.kind == "person"
                      and any(len(n) >= 2 and fold(n[0]) == fold(name[0]) for n in p.names)]
            return firsts[0] if len(firsts) == 1 else None
        given = {fold(w) for w in name[:-1] if w[:1].isupper() and not w.endswith(".")}
        fits = [p for p in cands if (not given or not p.given() or given & p.given())
                and not (title_gender and _surely_not(p, title_gender))]
        if given and len(name) > 1 and (gender := first_name_gender(name[0])):
            fits = [p for p in fits if p.gender in (None, gender) or p.given()]  # not "Mr. Obama" for Michelle
        if not fits:
            return None
        before = [(p.seen_at[i - 1], i, p) for p in fits if (i := bisect_right(p.seen_at, pos))]
        if before:
            last, times, person = max(before, key=lambda b: b[0])
            _, most, usual = max(before, key=lambda b: b[1])
            if not given and most > times and pos - last > ONE_OFF_REACH:
                # "her husband, Frank Fiorina" named far back: a bare "Fiorina" is still the
                # one the article keeps naming
                return usual
            bare = (fold(name[-1]),)
            owners = [p for _, _, p in before if any(tuple(fold(w) for w in n) == bare for n in p.names)]
            if not given and len(owners) == 1 and not (person.spoke or person.acted) \
                    and bare not in {tuple(fold(w) for w in n) for n in person.names}:
                # "Cruz said ... a photo of his wife, Heidi Cruz ... Cruz said": the bare surname
                # stays with the one the article calls by it, over a namesake only mentioned
                return owners[0]
            return person
        return min(fits, key=lambda p: p.seen_at[0] if p.seen_at else float("inf"))

    # ------------------------------------------------------------------ resolving
    def antecedent(self, pronoun: str, pos: int, sentences: list[tuple[int, int]]) -> Person | None:
        """The person a pronoun at ``pos`` refers to: the nearest earlier compatible mention,
        preferring, sentence by sentence going back, a speaker, then one just introduced, then
        one a question was put to, then a subject, then the first."""
        p = pronoun.lower()
        found, earlier = self._nearest(p, pos, sentences, self._compatible)
        if found is None:
            return self._nearest(p, pos, sentences, self._full_name)[0]
        for _ in range(MAX_PRONOUN_HOPS):
            if earlier is None:
                break
            # "he said, ... loyalists to Joe Biden. ... he said": the sentence's own "he" is
            # who goes on talking, not a name said after it; follow that "he" back instead
            p, pos = earlier[1], earlier[0]
            person, earlier = self._nearest(p, pos, sentences, self._compatible)
            if person is None and found.gender is None:
                # nor is a name whose gender is known given up for a guess
                person = self._nearest(p, pos, sentences, self._full_name)[0]
            found = person or found
        return found

    def _nearest(self, p: str, pos: int, sentences, compatible) -> tuple[Person | None, tuple[int, str] | None]:
        """The best ``compatible`` mention for pronoun ``p`` at ``pos`` in the nearest sentence
        that has one; and, when that mention is neither speaker nor subject, the same pronoun
        as a subject before it in its sentence, if any."""
        gender = PRONOUN_GENDER.get(p)
        collective = p in PLURAL_PRONOUNS or p in THING_PRONOUNS  # "they/it said": a body, not one person
        first_sentence = max(0, bisect_right(sentences, (pos, float("inf"))) - 8)
        window = sentences[first_sentence:bisect_right(sentences, (pos, float("inf")))]
        for s_start, s_end in reversed(window):
            lo, hi = bisect_right(self.starts, s_start - 1), bisect_right(self.starts, min(s_end, pos) - 1)
            cands = [m for m in self.mentions[lo:hi] if m.end <= pos and not m.quoted
                     and compatible(m.person, gender, collective)]
            if cands:
                if gender:  # a name whose gender is known to match beats one of unknown gender
                    cands = [m for m in cands if m.person.gender == gender] or cands
                # "..., which concerns Henry Crespo, president of ...": one just introduced with
                # a role is who goes on to speak, unless the sentence's main subject could be
                introduced = None if any(m.main for m in cands) else \
                    next((m for m in reversed(cands) if m.introduced), None)
                # "Scott Conroy asked Sanders whether ...": the answer is the one asked
                asked = next((m for m in cands if m.asked), None)
                best = (next((m for m in reversed(cands) if m.speaker), None) or introduced or asked
                        or next((m for m in cands if m.subject), None) or cands[0])
                earlier = None if best.speaker or best.subject or not gender else \
                    self._same_pronoun_before(gender, s_start, best.start)
                return best.person, earlier
        return None, None

    def _same_pronoun_before(self, gender: str, start: int, end: int) -> tuple[int, str] | None:
        """The first "he" (or "she") subject in [start, end)."""
        i = bisect_right(self.he_she, (start, ""))
        while i < len(self.he_she) and self.he_she[i][0] < end:
            if PRONOUN_GENDER[self.he_she[i][1]] == gender:
                return self.he_she[i]
            i += 1
        return None

    @staticmethod
    def _full_name(person: Person, gender: str | None, collective: bool) -> bool:
        """The fallback when no name fits: a person named in full whose first name the gender
        lexicon does not know ("Rakeyia Scott ... she says")."""
        return not collective and person.kind == "person" and person.gender is None \
            and any(len(n) >= 2 for n in person.names) and (person.acted or person.spoke)

    @staticmethod
    def _compatible(person: Person, gender: str | None, collective: bool) -> bool:
        if collective:
            return person.kind == "organisation"
        if person.kind != "person":
            return False
        if person.gender is None:
            # a name of unknown gender ("Baku", "Lake Erie") is a weak antecedent unless the
            # article gives it a role or has it speak
            return person.spoke or bool(person.roles)
        return gender is None or person.gender == gender

    def last_organisation(self, since: int, pos: int, ending: str | None = None) -> Person | None:
        """The organisation named last in [since, pos), outside quotation marks ("Northwind
        Airlines reported a record profit. "...," the company said"); with ``ending``, the
        last whose name ends in that word ("The Republican National Committee attacked ... the
        committee said")."""
        for k in range(bisect_right(self.starts, pos - 1) - 1, -1, -1):
            m = self.mentions[k]
            if m.start < since:
                return None
            if m.person.kind == "organisation" and not m.quoted and \
                    (ending is None or fold(m.person.canonical.split()[-1]) == ending):
                return m.person
        return None

    def by_role(self, role_words: list[str], pos: int) -> Person | None:
        """The person last mentioned before ``pos`` with a role containing these words ("the
        senator"); a "vice president" or "former president" is not "the president", nor a
        Democratic nominee "the Republican nominee"."""
        want = {w.lower() for w in role_words if w.lower() in titles()}
        if not want:
            return None
        said = {w.lower() for w in role_words}

        party = said & PARTY_WORDS
        places = _named_modifiers(role_words)

        def fits(role: str) -> bool:
            words = {w.lower().rstrip(".") for w in role.split()}
            words |= {TITLE_ABBREVIATIONS[w] for w in words if w in TITLE_ABBREVIATIONS}
            other_party = party and words & PARTY_WORDS and not party & words  # "the Republican nominee"
            role_places = _named_modifiers(role.split())
            other_place = places and role_places and not places & role_places  # "the Florida senator"
            return want <= words and not (words & ROLE_QUALIFIERS) - said and not other_party and not other_place

        for k in range(bisect_right(self.starts, pos - 1) - 1, -1, -1):
            person = self.mentions[k].person
            if any(fits(r) for r in person.roles + person.appositions):
                return person
        return None

    def note_speaker(self, person: Person, start: int, end: int):
        """A speaker named at this place: the strongest antecedent for a later pronoun."""
        person.spoke = True
        i = bisect_right(self.starts, start)
        for m in self.mentions[max(0, i - 3):i]:
            if m.person is person and m.start <= start < m.end + 1:
                m.speaker = True
                return
        self.mentions.insert(i, Mention(start, end, person, True, True))
        self.starts.insert(i, start)


def tag_known_surnames(docs) -> None:
    """Tag as proper nouns the capitalised words the tagger took for common nouns ("Trump
    said ..." at a sentence start) or for modals ("Will wrote") when the article names a
    person with that surname in full elsewhere ("Donald Trump", "George Will"), so the person
    is seen wherever the surname stands."""
    surnames = set()
    for doc in docs:
        for tok in doc:  # "George Will": a first name makes the modal a surname
            if tok.tag_ == "MD" and tok.i > 0 and tok.text[:1].isupper() and doc[tok.i - 1].tag_ in PROPER \
                    and first_name_gender(doc[tok.i - 1].text) \
                    and (tok.i + 1 == len(doc) or doc[tok.i + 1].tag_ not in ("VB", "RB")):  # not "Hillary Will Win"
                tok.tag_ = "NNP"
        for run in proper_runs(doc):
            _, name = split_role(role_prefix(run) + run_words(run))
            name = [w for w in name if fold(w) not in NOT_NAMES and w[:1].isupper()]
            if len(name) >= 2 and fold(name[-1]) not in ORG_WORDS and first_name_gender(name[0]):
                surnames.add(fold(name[-1]))
    if not surnames:
        return
    for doc in docs:
        for tok in doc:
            modal = tok.tag_ == "MD" and tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ in ("VBD", "VBZ", "VBN")
            if (tok.tag_ in ("NN", "NNS", "JJ", "VB", "VBP", "VBZ") or modal) and tok.text[:1].isupper() \
                    and tok.text[1:].islower() and fold(tok.text) in surnames:
                tok.tag_ = "NNP"  # "George Will ... Will wrote": no modal comes before a past tense


def _named_modifiers(words) -> set[str]:
    """The capitalised words of a role that are not titles: its state, country or party
    ("Vermont" in "the Vermont senator", "Iowa Sen.")."""
    plain = {"the", "a", "an", "this", "that"} | titles() | set(TITLE_ABBREVIATIONS)
    return {w.lower() for w in words if w[:1].isupper() and w.lower().rstrip(".") not in plain}


def _title_cased(sent, text: str, offset: int) -> bool:
    """A headline in title case, where every word is capitalised (in ``text``, which holds
    the sentence at ``offset`` + its start)."""
    firsts = [text[offset + t.idx] for t in sent if t.text[:1].isalpha()]
    if len(sent) < 4 or not text[offset + sent[0].idx].isupper():
        return False
    if _in_prose(text, offset + sent.start_char, offset + sent.start_char + len(sent.text.rstrip())):
        return False  # "Sen. Tim Cole, R-Texas, disagreed. He said ...": a sentence of the body
    return len(firsts) >= 4 and sum(c.isupper() for c in firsts) >= 0.8 * len(firsts)


def _in_prose(text: str, start: int, end: int) -> bool:
    """Is the sentence at [start, end) one of several full sentences on its line? A headline
    stands alone, or runs on without a full stop."""
    before = text[text.rfind("\n", 0, start) + 1:start].strip()
    after = text[end:(text.find("\n", end) + 1 or len(text) + 1) - 1].strip()
    ends = text[start:end].rstrip().rstrip("\"'”’)").endswith(".")
    return ends and any(c.isalpha() for c in after) or before.rstrip("\"'”’)").endswith(".") and \
        any(c.isalpha() for c in before)


def _is_modifier(run) -> bool:
    """A proper noun that only modifies a common noun: "Azerbaijani television", "the Trump
    campaign". It names no one a pronoun could refer to."""
    last = run[-1]
    return last.dep_ in ("compound", "amod", "nmod") and last.head.tag_ in ("NN", "NNS") and last.head.i > last.i


def _gender_of(name: list[str], role: str | None) -> str | None:
    words = {w.lower() for w in (role or "").split()}
    if words & MALE_TITLES:
        return "m"
    if words & FEMALE_TITLES:
        return "f"
    if len(name) > 1:
        return first_name_gender(name[0])
    return None


def role_prefix(run) -> list[str]:
    """Title words just before a proper-noun run that the tagger did not tag as proper
    ("Russian leader Vladimir Putin", "former Sen. Jim Webb")."""
    doc = run[0].doc
    out, i = [], run[0].i - 1
    t = titles()
    while i >= 0 and len(out) < 4:
        w = doc[i]
        before_title = i + 1 < len(doc) and doc[i + 1].text.lower() in t
        if w.text.lower() in t or w.tag_ == "JJ" and (out or before_title):
            out.insert(0, w.text)
            i -= 1
        elif w.text == "of" and not out and i > 0 and doc[i - 1].text.lower() in TITLES_OF:
            out.insert(0, w.text)  # "Secretary of" before "State John Kerry"
            i -= 1
        else:
            break
    return out if any(w.lower() in t for w in out) else []


def run_words(run) -> list[str]:
    """The words of a proper-noun run, hyphenated names kept whole ("Holtz-Eakin",
    "Ki-moon"), which the tokenizer splits."""
    words = []
    for i, tok in enumerate(run):
        glued = i > 0 and run[i - 1].whitespace_ == "" and "-" in (tok.text, run[i - 1].text)
        if glued and words:
            words[-1] += tok.text
        else:
            words.append(tok.text)
    return words


def _lowercase_name_part(tok, run) -> bool:
    """A lowercase word inside a name: a particle before a capitalised name ("Bill de
    Blasio", "Ludwig van Beethoven") or the part after a hyphen ("Ban Ki-moon")."""
    doc = tok.doc
    if run and run[-1].text == "-" and run[-1].whitespace_ == "":
        return True
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return bool(run) and tok.text in NAME_PARTICLES and nxt is not None and nxt.tag_ in PROPER \
        and nxt.text[:1].isupper()


def outlet_prefix(run, known=lambda words: False) -> int:
    """How many leading tokens of a name run an outlet's name takes up when a person's name
    follows it with no comma ("the editorial board of the Washington Post Trump said", "Fox
    News Sean Hannity"), not the rest of a name ("Fox News Poll", "CNN Worldwide"); else 0.
    A person's name opens with a first name, or is one ``known`` already."""
    text = "".join(t.text_with_ws for t in run)  # not doc.text: that joins the whole document anew
    first = next(gazetteer().find(text), None)
    ends = [t.idx - run[0].idx + len(t.text) for t in run[:-1]]
    if first is None or first[0] != 0 or first[1] not in ends:
        return 0
    k = ends.index(first[1]) + 1
    rest = run_words(run[k:])
    return k if rest and (first_name_gender(rest[0]) or known(rest)) else 0


def proper_runs(doc, known=lambda words: False):
    """Maximal runs of proper nouns (with initials, hyphens and "Jr.") in a parsed text, an
    outlet's name apart from a person's name right after it, an organisation's name whole
    across its "of" and "and" ("Department of Homeland Security"). A generator: ``known``
    learns of the names before each run as they are registered."""
    runs = list(_runs(doc))
    named = [org_run(run) for run in runs]
    covered = -1
    for n, run in enumerate(runs):
        if run[-1].i <= covered:
            continue  # already part of an organisation's name
        if n + 1 < len(runs) and named[n + 1][0].i <= run[0].i:
            continue  # "Securities", of "Securities and Exchange Commission"
        k = outlet_prefix(run, known)
        if k:
            yield run[:k]
            yield run[k:]
            continue
        covered = named[n][-1].i
        yield named[n]


# words that head an organisation's name continued by "of" or "for" ("Department of Homeland
# Security", "Center for American Progress", "University of Chicago"), and those "on" continues
# ("Commission on Presidential Debates")
ORG_HEADS = {"department", "departments", "bureau", "office", "university", "council", "institute", "center",
             "centre", "association", "ministry", "commission", "committee", "foundation", "house", "board",
             "agency", "union", "federation", "league", "school", "college", "court", "bank", "academy",
             "coalition", "alliance", "society", "chamber", "conference", "fund", "service"}
ON_HEADS = {"committee", "commission", "council", "conference"}
ORG_JOINS = {"of", "for", "on"}
PARTIES = {"democrats", "republicans", "democratic", "republican", "gop"}


def org_run(run) -> list:
    """``run`` with the rest of the organisation's name it is part of: "Department" + "of
    Homeland Security", "Exchange Commission" + "Securities and" before it, "Department of
    Health" + "and Human Services". What is joined is a short run of names with no first
    name, date or body of its own in it, on the same line."""
    doc = run[0].doc
    run = list(run)
    i = run[0].i
    if len(run) >= 2 and fold(run[-1].text) in ORG_WORDS | {"services"} and i >= 2 \
            and doc[i - 1].lower_ in ("and", "&"):
        left = _name_run_before(doc, i - 1)
        if left and not any(fold(t.text) in ORG_WORDS | PARTIES for t in left):
            run = [*left, doc[i - 1], *run]  # "Securities and Exchange Commission"
    for _ in range(2):
        j = run[-1].i
        if j + 2 >= len(doc):
            break
        join, head = doc[j + 1].lower_, run[-1].lower_
        if not (join in ("of", "for") and head in ORG_HEADS or join == "on" and head in ON_HEADS
                or join == "and" and any(t.lower_ in ORG_JOINS for t in run)):
            break
        tail = _name_run_after(doc, j + 2)
        if not tail or join == "and" and (len(tail) > 2 or tail[-1].text.isupper()):
            break  # "the Department of Justice and FBI": two bodies
        run = [*run, doc[j + 1], *tail]
    return run


def _name_word(tok) -> bool:
    """A capitalised proper noun that is no first name, title, day or month."""
    return tok.tag_ in PROPER and tok.text[:1].isupper() and first_name_gender(tok.text) is None \
        and fold(tok.text) not in NOT_NAMES and tok.lower_ not in titles()


def _name_run_after(doc, k) -> list:
    """The run of at most three name words from ``k`` on, its hyphenated parts kept, if it
    ends there."""
    if doc[k - 1].whitespace_ != " ":
        return []
    m, words = k, 0
    while m < len(doc) and _name_word(doc[m]) and words < 4:
        words += 1
        m += 1
        while m + 1 < len(doc) and doc[m].text == "-" and doc[m - 1].whitespace_ == doc[m].whitespace_ == "" \
                and _name_word(doc[m + 1]):
            m += 2  # "American-Islamic"
        if m < len(doc) and doc[m - 1].whitespace_ != " ":
            break
    if words == 0 or words > 3 or m < len(doc) and doc[m].tag_ in PROPER and doc[m - 1].whitespace_ == " ":
        return []
    return list(doc[k:m])


def _name_run_before(doc, k) -> list:
    """The run of at most three name words ending before ``k``, if it starts there."""
    m = k
    while m > 0 and k - m < 3 and _name_word(doc[m - 1]) and doc[m - 1].whitespace_ == " ":
        m -= 1
    return [] if m == k or m > 0 and doc[m - 1].tag_ in PROPER else list(doc[m:k])


def _runs(doc):
    run = []
    for tok in doc:
        ok = tok.tag_ in PROPER and any(c.isalnum() for c in tok.text) \
            or (run and tok.text in {"-", "."} and tok.whitespace_ == "")
        if ok and tok.text[:1].isalpha() and not tok.text[:1].isupper() and tok.tag_ in PROPER:
            ok = _lowercase_name_part(tok, run)  # otherwise lowercase "proper nouns" are tagging noise
        if ok and tok.text.lower() in SENTENCE_OPENERS and opens_sentence(tok):
            ok = False  # "Though Trump lost ...": the tagger's capital-letter guess, not a name
        if ok and run and (run[-1].whitespace_ not in ("", " ") or "\n" in run[-1].whitespace_):
            yield run
            run = []
        if ok:
            run.append(tok)
        else:
            if run:
                while run and run[-1].text in {"-", "."}:
                    run.pop()
                if run:
                    yield run
            run = []
    if run:
        yield run
