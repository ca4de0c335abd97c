"""Speaker corrections by users: merge, rename, alias, split.

Each correction is recorded as user aliases (``speaker_alias.source = "user"``) and, for a
rename, a locked name. Speaker linking consults user aliases before anything else, so the
next ingest sends the corrected names to the corrected speaker.
"""
from __future__ import annotations

from sqlalchemy import Connection, delete, func, select, update

from .errors import QuotetrackError
from .models import Quote, Speaker, SpeakerAlias, SpeakerRole
from .names import name_key, person_name
from .speakers import alias_owner, find_speakers


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _moved(rows: int, claims: int) -> str:
    """What a correction moved: quotes (direct, mixed) and claims (indirect) counted apart."""
    return f"{_count(rows - claims, 'quote')}, {_count(claims, 'claim')} moved"


def speaker_key(name: str, kind: str = "person") -> str:
    """The alias key of a name for a speaker of ``kind`` (titles and initials dropped for people)."""
    pn = person_name(name) if kind == "person" else None
    return pn.key if pn else name_key(name)


def one_speaker(conn: Connection, name: str):
    """The single speaker ``name`` means: row (id, name, kind); an error names the candidates."""
    rows = find_speakers(conn, name)
    if not rows:
        raise QuotetrackError(f"no speaker named {name!r}")
    if len(rows) > 1:
        listed = "; ".join(r.name for r in rows[:10])
        raise QuotetrackError(f"{name!r} may mean several speakers ({listed}); give the full name")
    return rows[0]


def _claim(conn: Connection, speaker_id: int, alias: str, key: str) -> None:
    """Make ``key`` a user alias of the speaker, taking it over from whoever held it."""
    if not key:
        return
    if alias_owner(conn, key) is None:
        conn.execute(SpeakerAlias.__table__.insert().values(key=key, alias=alias, speaker_id=speaker_id, source="user"))
    else:
        conn.execute(update(SpeakerAlias).where(SpeakerAlias.key == key)
                     .values(speaker_id=speaker_id, source="user"))


def _free(conn: Connection, key: str, speaker_id: int) -> None:
    owner = alias_owner(conn, key)
    if owner is not None and owner != speaker_id:
        other = conn.scalar(select(Speaker.name).where(Speaker.id == owner))
        raise QuotetrackError(f"that name already belongs to the speaker {other!r}; merge the two instead")


def _name_values(name: str, kind: str) -> dict:
    pn = person_name(name) if kind == "person" else None
    if pn is None:
        return {"name": name.strip(), "key": name_key(name)}
    return {"name": name.strip(), "key": pn.key, "surname_key": pn.surname, "given_key": pn.given_key}


def _name_key(name: str, kind: str) -> str:
    """The key of a name the user gives; a name with nothing to match on ("", "?!") is refused."""
    key = speaker_key(name, kind)
    if not key:
        raise QuotetrackError(f"{name!r} has no letters to match on")
    return key


def rename(conn: Connection, old: str, new: str) -> str:
    """Give a speaker a new canonical name that later ingests keep; the old name still leads here."""
    sp = one_speaker(conn, old)
    new_key = _name_key(new, sp.kind)
    _free(conn, new_key, sp.id)
    old_name = sp.name
    conn.execute(update(Speaker).where(Speaker.id == sp.id).values(**_name_values(new, sp.kind), name_locked=True))
    _claim(conn, sp.id, old_name, speaker_key(old_name, sp.kind))
    _claim(conn, sp.id, new.strip(), new_key)
    return f"renamed {old_name!r} to {new.strip()!r}"


def add_alias(conn: Connection, name: str, alias: str) -> str:
    """Let ``alias`` mean the speaker ``name`` from now on."""
    sp = one_speaker(conn, name)
    key = _name_key(alias, sp.kind)
    _free(conn, key, sp.id)
    _claim(conn, sp.id, alias.strip(), key)
    return f"{alias.strip()!r} now means {sp.name!r}"


def merge(conn: Connection, names: list[str], into: str) -> str:
    """Make several speakers one: their quotes, names and roles go to ``into``.

    ``into`` may be one of ``names`` or another speaker; a new name renames the first one.
    """
    sources = {r.id: r for r in (one_speaker(conn, n) for n in names)}
    _name_key(into, next(iter(sources.values())).kind)
    targets = find_speakers(conn, into)
    if len(targets) > 1:
        raise QuotetrackError(f"{into!r} may mean several speakers ({'; '.join(r.name for r in targets[:10])})")
    if targets:
        target = targets[0]
    else:
        target = next(iter(sources.values()))
        conn.execute(update(Speaker).where(Speaker.id == target.id)
                     .values(**_name_values(into, target.kind), name_locked=True))
    moved = claims = 0
    for sp in sources.values():
        if sp.id == target.id:
            continue
        claims += conn.scalar(select(func.count()).select_from(Quote)
                              .where(Quote.speaker_id == sp.id, Quote.kind == "indirect"))
        moved += conn.execute(update(Quote).where(Quote.speaker_id == sp.id).values(speaker_id=target.id)).rowcount
        conn.execute(update(SpeakerAlias).where(SpeakerAlias.speaker_id == sp.id)
                     .values(speaker_id=target.id, source="user"))
        for role, count in conn.execute(select(SpeakerRole.role, SpeakerRole.count).where(SpeakerRole.speaker_id == sp.id)).all():
            done = conn.execute(update(SpeakerRole).where(SpeakerRole.speaker_id == target.id, SpeakerRole.role == role)
                                .values(count=SpeakerRole.count + count)).rowcount
            if not done:
                conn.execute(SpeakerRole.__table__.insert().values(speaker_id=target.id, role=role, count=count))
        conn.execute(delete(SpeakerRole).where(SpeakerRole.speaker_id == sp.id))
        conn.execute(delete(Speaker).where(Speaker.id == sp.id))
        _claim(conn, target.id, sp.name, speaker_key(sp.name, sp.kind))
    _claim(conn, target.id, into.strip(), speaker_key(into, target.kind))
    name = conn.scalar(select(Speaker.name).where(Speaker.id == target.id))
    others = len([s for s in sources if s != target.id])
    return f"merged {_count(others, 'speaker')} into {name!r} ({_moved(moved, claims)})"


def split(conn: Connection, name: str, aliases: list[str]) -> str:
    """Move the quotes a speaker got under ``aliases`` to a speaker of their own, named by the first."""
    sp = one_speaker(conn, name)
    keys = {_name_key(a, sp.kind) for a in aliases}
    own = conn.scalar(select(Speaker.key).where(Speaker.id == sp.id))
    if own in keys:
        raise QuotetrackError(f"{aliases[0]!r} is {sp.name!r}'s own name; rename the speaker first")
    new_values = _name_values(aliases[0], sp.kind)
    new_id = conn.execute(Speaker.__table__.insert().values(**new_values, kind=sp.kind, name_locked=True)).inserted_primary_key[0]
    rows = conn.execute(select(Quote.id, Quote.kind, Quote.speaker_name, Quote.mention_text)
                        .where(Quote.speaker_id == sp.id)).all()
    picked = [r for r in rows if any(speaker_key(n, sp.kind) in keys for n in (r.speaker_name, r.mention_text) if n)]
    ids = [r.id for r in picked]
    if ids:
        conn.execute(update(Quote).where(Quote.id.in_(ids)).values(speaker_id=new_id))
    for speaker_id in (sp.id, new_id):  # the roles go with the quotes that gave them
        recount_roles(conn, speaker_id)
    for alias in aliases:
        _claim(conn, new_id, alias.strip(), speaker_key(alias, sp.kind))
    return f"split {aliases[0].strip()!r} off {sp.name!r} ({_moved(len(ids), sum(r.kind == 'indirect' for r in picked))})"


def recount_roles(conn: Connection, speaker_id: int) -> None:
    """A speaker's roles, counted again from their quotes (one count per quote that gave it)."""
    conn.execute(delete(SpeakerRole).where(SpeakerRole.speaker_id == speaker_id))
    for role, count in conn.execute(select(Quote.speaker_role, func.count()).where(
            Quote.speaker_id == speaker_id, Quote.speaker_role.is_not(None)).group_by(Quote.speaker_role)).all():
        conn.execute(SpeakerRole.__table__.insert().values(speaker_id=speaker_id, role=role, count=count))
