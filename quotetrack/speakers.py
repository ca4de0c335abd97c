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

from sqlalchemy import Connection, select, update

from .models import Speaker, SpeakerAlias, SpeakerRole
from .names import PersonName, name_key, person_name, tokens

CANDIDATES = 64


def alias_owner(conn: Connection, key: str, user_only: bool = False) -> int | None:
    q = select(SpeakerAlias.speaker_id).where(SpeakerAlias.key == key)
    if user_only:
        q = q.where(SpeakerAlias.source == "user")
    return conn.scalar(q)


def add_alias(conn: Connection, speaker_id: int, alias: str, key: str, source: str = "seen") -> None:
    """Record a name of a speaker unless the name already leads somewhere."""
    if key and alias_owner(conn, key) is None:
        conn.execute(SpeakerAlias.__table__.insert().values(key=key, alias=alias, speaker_id=speaker_id, source=source))


def same_surname(conn: Connection, surname: str) -> list:
    """Named people sharing a surname: rows (id, name, given_key, name_locked)."""
    return conn.execute(select(Speaker.id, Speaker.name, Speaker.given_key, Speaker.name_locked)
                        .where(Speaker.surname_key == surname, Speaker.kind == "person")
                        .order_by(Speaker.id).limit(CANDIDATES)).all()


class SpeakerLinker:
    """Resolves the speakers of one article, inside that article's write transaction."""

    def __init__(self, conn: Connection, article_id: int, article_text: str):
        self.conn = conn
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

    def _create(self, **values) -> int:
        self.created += 1
        return self.conn.execute(Speaker.__table__.insert().values(**values)).inserted_primary_key[0]

    def _unnamed(self, name: str) -> int:
        return self._create(name=name.strip(), key=name_key(name), kind="unnamed", article_id=self.article_id)

    def _organisation(self, name: str, kind: str) -> int | None:
        key = name_key(name)
        if not key:
            return None
        found = alias_owner(self.conn, key)
        if found is None:
            found = self.conn.scalar(select(Speaker.id).where(Speaker.key == key, Speaker.kind != "unnamed"))
        if found is None:
            found = self._create(name=name.strip(), key=key, kind=kind)
        add_alias(self.conn, found, name.strip(), key)
        return found

    def _person(self, name: str, pn: PersonName) -> int:
        if pn.given:
            found = alias_owner(self.conn, pn.key) or self._full_name(name, pn)
            add_alias(self.conn, found, name.strip(), pn.key)
            return found
        found = alias_owner(self.conn, pn.key, user_only=True) or self._bare_surname(pn)
        if found is None:
            found = self._create(name=name.strip(), key=pn.key, surname_key=pn.surname, given_key="", kind="person")
        return found

    def _full_name(self, name: str, pn: PersonName) -> int:
        people = same_surname(self.conn, pn.surname)
        named = [p for p in people if p.given_key]
        fits = [p for p in named if pn.compatible(p.given_key)]
        exact = [p for p in fits if p.given_key == pn.given_key]
        if len(fits) == 1 or exact:
            return (exact or fits)[0].id
        bare = [p for p in people if not p.given_key]
        if not fits and not named and len(bare) == 1:
            # The only "Putin" so far now has a first name: it becomes "Vladimir Putin".
            p = bare[0]
            values = {"given_key": pn.given_key}
            if not p.name_locked:
                values.update(name=name.strip(), key=pn.key)
            self.conn.execute(update(Speaker).where(Speaker.id == p.id).values(**values))
            return p.id
        return self._create(name=name.strip(), key=pn.key, surname_key=pn.surname,
                            given_key=pn.given_key, kind="person")

    def _bare_surname(self, pn: PersonName) -> int | None:
        people = same_surname(self.conn, pn.surname)
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
        done = self.conn.execute(update(SpeakerRole).where(SpeakerRole.speaker_id == speaker_id,
                                                           SpeakerRole.role == role)
                                 .values(count=SpeakerRole.count + 1)).rowcount
        if not done:
            self.conn.execute(SpeakerRole.__table__.insert().values(speaker_id=speaker_id, role=role, count=1))


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
