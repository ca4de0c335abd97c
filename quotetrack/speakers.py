"""Linking the speakers of a new article to the speakers already in the database.

Every lookup goes through an index: ``speaker_alias.key`` (names seen or given by users),
``speaker.surname_key`` (the people who share a surname). The rules:

- a name a user assigned (alias, merge, rename, split) always wins;
- a full name ("Vladimir V. Putin") joins the one known person whose given name fits, or the
  one bare-surname speaker ("Putin") when no other person has that surname;
- a bare surname ("Clinton") joins the one person with that surname; when there are several,
  the one whose full name the article itself uses; otherwise it stays a bare-surname speaker;
- organisations join by name; unnamed sources ("a senior official") never leave their article.
"""
from __future__ import annotations

from typing import NamedTuple

from sqlalchemy import Connection, select

from . import rawdb
from .models import Speaker, SpeakerAlias, utcnow
from .names import PersonName, name_key, person_name, tokens

CANDIDATES = 64


class Person(NamedTuple):
    """A named person in the database, as speaker linking compares them."""

    id: int
    name: str
    given_key: str | None
    name_locked: bool


def alias_owner(conn: Connection, key: str, user_only: bool = False) -> int | None:
    q = select(SpeakerAlias.speaker_id).where(SpeakerAlias.key == key)
    if user_only:
        q = q.where(SpeakerAlias.source == "user")
    return conn.scalar(q)


def same_surname(conn: Connection, surname: str) -> list:
    """Named people sharing a surname: rows (id, name, given_key, name_locked)."""
    return conn.execute(select(Speaker.id, Speaker.name, Speaker.given_key, Speaker.name_locked)
                        .where(Speaker.surname_key == surname, Speaker.kind == "person")
                        .order_by(Speaker.id).limit(CANDIDATES)).all()


class SpeakerLinker:
    """Resolves the speakers of one article, inside that article's write transaction."""

    def __init__(self, conn: Connection, article_id: int, article_text: str):
        self.conn = conn
        self.cur = rawdb.cursor(conn)
        self.article_id = article_id
        self.article_text = article_text
        self._folded: str | None = None
        self.cache: dict[tuple[str, str], int | None] = {}
        self.created = 0

    def link(self, name: str | None, kind: str | None, role: str | None = None) -> int | None:
        """The speaker id for a quote's speaker name; creates the speaker if it is new."""
        if not name or not name.strip():
            return None
        kind = kind or "person"
        cache_key = (kind, name)
        if cache_key not in self.cache:
            if kind == "unnamed":
                found = self._unnamed(name)
            elif kind == "person" and person_name(name) is not None:
                found = self._person(name, person_name(name))
            else:
                found = self._organisation(name, kind)
            self.cache[cache_key] = found
        found = self.cache[cache_key]
        if role and found is not None:
            self._role(found, role.strip())
        return found

    def _one(self, sql: str, params: tuple):
        row = self.cur.execute(sql, params).fetchone()
        return row[0] if row else None

    def _alias_owner(self, key: str, user_only: bool = False) -> int | None:
        if user_only:
            return self._one("SELECT speaker_id FROM speaker_alias WHERE key = ? AND source = 'user'", (key,))
        return self._one("SELECT speaker_id FROM speaker_alias WHERE key = ?", (key,))

    def _add_alias(self, speaker_id: int, alias: str, key: str) -> None:
        """Record a name of a speaker unless the name already leads somewhere."""
        if key and self._alias_owner(key) is None:
            rawdb.insert(self.cur, "speaker_alias", {"key": key, "alias": alias, "speaker_id": speaker_id,
                                                     "source": "seen"})

    def _same_surname(self, surname: str) -> list[Person]:
        return [Person(*row) for row in self.cur.execute(
            "SELECT id, name, given_key, name_locked FROM speaker WHERE surname_key = ? AND kind = 'person' "
            "ORDER BY id LIMIT ?", (surname, CANDIDATES))]

    def _create(self, name: str, key: str, kind: str, surname_key: str | None = None, given_key: str | None = None,
                article_id: int | None = None) -> int:
        self.created += 1
        return rawdb.insert(self.cur, "speaker", {
            "name": name, "key": key, "surname_key": surname_key, "given_key": given_key, "kind": kind,
            "article_id": article_id, "name_locked": False, "created_at": rawdb.stamp(utcnow())})

    def _unnamed(self, name: str) -> int:
        return self._create(name=name.strip(), key=name_key(name), kind="unnamed", article_id=self.article_id)

    def _organisation(self, name: str, kind: str) -> int | None:
        key = name_key(name)
        if not key:
            return None
        found = self._alias_owner(key)
        if found is None:
            found = self._one("SELECT id FROM speaker WHERE key = ? AND kind != 'unnamed'", (key,))
        if found is None:
            found = self._create(name=name.strip(), key=key, kind=kind)
        self._add_alias(found, name.strip(), key)
        return found

    def _person(self, name: str, pn: PersonName) -> int:
        if pn.given:
            found = self._alias_owner(pn.key) or self._full_name(name, pn)
            self._add_alias(found, name.strip(), pn.key)
            return found
        found = self._alias_owner(pn.key, user_only=True) or self._bare_surname(pn)
        if found is None:
            found = self._create(name=name.strip(), key=pn.key, surname_key=pn.surname, given_key="", kind="person")
        return found

    def _full_name(self, name: str, pn: PersonName) -> int:
        people = self._same_surname(pn.surname)
        named = [p for p in people if p.given_key]
        fits = [p for p in named if pn.compatible(p.given_key)]
        exact = [p for p in fits if p.given_key == pn.given_key]
        if len(fits) == 1 or exact:
            return (exact or fits)[0].id
        bare = [p for p in people if not p.given_key]
        if not fits and not named and len(bare) == 1:
            # The only "Putin" so far now has a first name: it becomes "Vladimir Putin".
            p = bare[0]
            if p.name_locked:
                self.cur.execute("UPDATE speaker SET given_key = ? WHERE id = ?", (pn.given_key, p.id))
            else:
                self.cur.execute("UPDATE speaker SET given_key = ?, name = ?, key = ? WHERE id = ?",
                                 (pn.given_key, name.strip(), pn.key, p.id))
            return p.id
        return self._create(name=name.strip(), key=pn.key, surname_key=pn.surname,
                            given_key=pn.given_key, kind="person")

    def _bare_surname(self, pn: PersonName) -> int | None:
        people = self._same_surname(pn.surname)
        named = [p for p in people if p.given_key and pn.compatible(p.given_key)]
        if len(named) > 1:
            named = [p for p in named if self._mentions(p.given_key + " " + pn.surname)]
        if len(named) == 1:
            return named[0].id
        bare = [p for p in people if not p.given_key]
        return bare[0].id if bare else None

    def _mentions(self, key: str) -> bool:
        """Does the article itself name this person in full (any case, accents, initials)?"""
        if self._folded is None:
            toks = [t for t in tokens(self.article_text) if len(t) > 1]
            self._folded = " " + " ".join(toks) + " "
        return f" {key} " in self._folded

    def _role(self, speaker_id: int, role: str) -> None:
        if not role:
            return
        done = self.cur.execute("UPDATE speaker_role SET count = count + 1 WHERE speaker_id = ? AND role = ?",
                                (speaker_id, role)).rowcount
        if not done:
            rawdb.insert(self.cur, "speaker_role", {"speaker_id": speaker_id, "role": role, "count": 1})


def find_speakers(conn: Connection, name: str) -> list:
    """Speakers a user may mean by ``name``: rows (id, name, kind), forgiving case, accents,
    titles and a bare surname. More than one row means the name is ambiguous."""
    cols = (Speaker.id, Speaker.name, Speaker.kind)
    key = name_key(name)
    pn = person_name(name)
    for k in dict.fromkeys(filter(None, (key, pn.key if pn else None))):
        found = alias_owner(conn, k)
        if found is not None:
            return conn.execute(select(*cols).where(Speaker.id == found)).all()
        rows = conn.execute(select(*cols).where(Speaker.key == k, Speaker.kind != "unnamed").limit(CANDIDATES)).all()
        if rows:
            return rows
    if pn is not None and not pn.given:
        ids = [p.id for p in same_surname(conn, pn.surname) if pn.compatible(p.given_key)]
        return conn.execute(select(*cols).where(Speaker.id.in_(ids)).order_by(Speaker.id)).all() if ids else []
    return []
