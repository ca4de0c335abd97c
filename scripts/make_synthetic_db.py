#!/usr/bin/env python3
"""Build a large quote database of synthetic news, the same from the same seed.

    python scripts/make_synthetic_db.py OUT.db [--quotes 1000000] [--speakers 50000]
        [--articles 200000] [--outlets 300] [--seed 7] [--force]

The database is created by quotetrack itself (``database.create_db_engine`` and
``migrate``), so its tables, indexes, FTS5 index and triggers are the real ones; rows are
then written with SQLAlchemy Core bulk inserts into the real tables. Foreign-key checks
are switched off on the loading connection only, so that groups can be written after their
quotes with their final counts.

What it holds, to look like an archive of news:

- speakers: people (a given name and a made-up surname; some surnames are shared, so a
  bare surname can be ambiguous) and some organisations, quoted with a Zipf-like skew (the
  most quoted speaker has about 5% of all quotes);
- outlets: the agencies and papers of quotetrack's gazetteer with their aliases, then
  made-up papers and broadcasters; articles per outlet are skewed the same way; about one
  quote in ten is relayed from an agency;
- articles: a dated title and one paragraph per quote ("“...,” Name said."), with quote,
  mention, cue and sentence offsets that index the stored text exactly;
- counters: speakers' and outlets' counts, ``speaker_year`` and ``speaker_outlet``, counted
  at the end by the migration's own SQL (``database.COUNT_SQL``; the load runs without the
  triggers that keep them on ingest, which are then put back);
- quote groups: about one quote in four repeats an earlier one (same wording, a fragment,
  or one word changed), with wordings, word-pair shingles and first reports as ingest
  keeps them.

Words are drawn with a Zipf-like skew from a vocabulary of real news words and made-up
ones, so full-text queries range from very common to rare words.

Next to OUT.db a manifest OUT.db.json records the parameters, the counts and names to
query (the most quoted speakers, the biggest outlets, sample quotes) for the benchmark.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from quotetrack import database, grouping, models
from quotetrack.database import create_db_engine, migrate
from quotetrack.lexicon import gazetteer
from quotetrack.names import name_key, person_name
from quotetrack.outlets import outlet_key

GENERATOR_VERSION = 3  # 2: claims (kind "indirect") join no group and are counted apart; 3: counters (m003)
COUNTERS = {"speaker": ("quote_count", "claim_count", "article_count"),
            "outlet": ("article_count", "quote_count", "relayed_count", "credited_count")}
CHUNK_ARTICLES = 10_000
FIRST_DAY = date(2000, 1, 1)
DAYS = 25 * 365
INGESTED_AT = "2025-01-01 00:00:00.000000"  # as SQLAlchemy stores a DateTime

NEWS_WORDS = """government president minister election security economy sanctions policy
war peace talks agreement country people state nation border oil gas pipeline energy price
market crisis reform law court vote parliament party opposition military troops attack
conflict region support decision future interest trade tax budget deal plan proposal
relations cooperation partner ally threat nuclear weapons missile defense diplomacy summit
meeting visit statement report investigation corruption freedom rights democracy protest
campaign candidate voters poll majority coalition leader official spokesman agency treaty
embargo tariff inflation growth jobs workers health vaccine hospital school children family
climate emissions water drought flood refugees migration visa citizens police crime justice
judge ruling appeal constitution referendum independence sovereignty territory occupation
ceasefire negotiations blackmail pressure commercial contract supply export import debt
bank currency investment company industry technology internet media press journalists
truth lies history responsibility mistake wound heal respect dignity trust honest""".split()
FUNCTION_WORDS = """the of and to a in that is it we will not for this be with have are on
they our as but by at what all was there would has from their do which an people can more
been they who said should must our us very also no these those were its about into than
now only over so up out if just because any very much""".split()
SYLLABLES = ("ka lo mi ter san vor el ba ru den pa ko li zan mar tis ho gen da rel bo ve na "
             "sta ri lan fu ne dro ca pi tam su nor be gi sol ar ed om in ul").split()
GIVEN = """James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David
Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa
Anthony Betty Mark Margaret Donald Sandra Steven Ashley Paul Kimberly Andrew Emily Joshua
Donna Kenneth Michelle Kevin Dorothy Brian Carol George Amanda Vladimir Sergei Olga Ilham
Mehriban Angela Emmanuel Xi Narendra Recep Hillary Bill Barack Boris Nicolas Jacinda
Justin Fumio Luiz Cyril Volodymyr Ursula Pedro Giorgia Olaf Rishi Keir Ali Fatima
Hassan Aisha Omar Leila Ahmed Yusuf Chen Wei Ming Hiroshi Yuki Kenji Ana Jose Maria
Carlos Lucia Juan Sofia""".split()
ROLES = """president minister spokesman senator governor mayor ambassador analyst professor
chairman director official lawmaker diplomat general adviser economist""".split()
ORG_WORDS = "Ministry Institute Council Committee Union Foundation Agency Commission Bank Party".split()
PAPER_WORDS = ("Times Post Herald Gazette Tribune Daily Chronicle Observer Courier Journal "
               "Sentinel Express").split()
STATION_WORDS = "Radio TV Television Broadcasting News".split()


def _pseudo_words(rng: random.Random, n: int, taken: set[str]) -> list[str]:
    out = []
    while len(out) < n:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4))))
        if w not in taken:
            taken.add(w)
            out.append(w)
    return out


def vocabulary(rng: random.Random, size: int) -> list[str]:
    """Words by rank: function words first, news words spread among the first thousands."""
    taken = set(FUNCTION_WORDS) | set(NEWS_WORDS)
    made = _pseudo_words(rng, size - len(taken), taken)
    vocab = list(dict.fromkeys(FUNCTION_WORDS))
    news = list(NEWS_WORDS)
    rng.shuffle(news)
    step = max(1, len(made) // (len(news) * 4))
    for i, w in enumerate(made):
        vocab.append(w)
        if news and i % step == 0:
            vocab.append(news.pop())
    return vocab + news


def zipf_weights(n: int, s: float) -> np.ndarray:
    w = 1.0 / np.arange(1, n + 1) ** s
    return w / w.sum()


def _people(rng: random.Random, n: int) -> list[dict]:
    """Speakers: about nine in ten people (some sharing a surname), the rest organisations."""
    surnames = [w.capitalize() for w in _pseudo_words(rng, int(n * 0.75), set())]
    out, keys = [], set()
    while len(out) < n:
        if rng.random() < 0.9:
            name = f"{rng.choice(GIVEN)} {rng.choice(surnames)}"
            pn = person_name(name)
            key = pn.key
            row = {"name": name, "key": key, "surname_key": pn.surname, "given_key": pn.given_key,
                   "kind": "person"}
        else:
            name = f"{rng.choice(surnames)} {rng.choice(ORG_WORDS)}"
            key = name_key(name)
            row = {"name": name, "key": key, "surname_key": None, "given_key": None, "kind": "organisation"}
        if key in keys:
            continue
        keys.add(key)
        out.append(row)
    return out


def _outlets(rng: random.Random, n: int) -> tuple[list[dict], list[dict], list[int]]:
    """Outlet rows, alias rows and the ids of the agencies (the outlets quotes are relayed from)."""
    rows, aliases, agencies, keys = [], [], [], set()
    seen = {}
    for o in gazetteer().by_key.values():
        seen.setdefault(o.name, o)
    for o in seen.values():
        if len(rows) >= n // 3:
            break
        k = outlet_key(o.name)
        if not k or k in keys:
            continue
        oid = len(rows) + 1
        rows.append({"id": oid, "name": o.name, "key": k, "kind": o.kind})
        keys.add(k)
        if o.kind == "agency":
            agencies.append(oid)
        names = {o.name} | {a for a, x in gazetteer().by_alias.items() if x is o}
        for alias in sorted(names):
            ak = outlet_key(alias)
            if ak and ak not in {a["key"] for a in aliases}:
                aliases.append({"key": ak, "alias": alias, "outlet_id": oid, "source": "known"})
    alias_keys = {a["key"] for a in aliases}
    made = _pseudo_words(rng, n, set())
    i = 0
    while len(rows) < n:
        w = made[i].capitalize()
        i += 1
        if rng.random() < 0.75:
            name, kind = f"The {w} {rng.choice(PAPER_WORDS)}", "newspaper"
        else:
            name, kind = f"{w} {rng.choice(STATION_WORDS)}", "broadcaster"
        k = outlet_key(name)
        if k in keys or k in alias_keys:
            continue
        oid = len(rows) + 1
        rows.append({"id": oid, "name": name, "key": k, "kind": kind})
        keys.add(k)
        aliases.append({"key": k, "alias": name, "outlet_id": oid, "source": "seen"})
        alias_keys.add(k)
    return rows, aliases, agencies or [1]


class Groups:
    """Quote groups, wordings and shingles as ingest would leave them, built in memory."""

    def __init__(self):
        self.texts: list[str] = []  # group index -> its first wording's text
        self.speaker: list[int] = []
        self.first: list[tuple[str, int]] = []  # (date, quote id) of the first report
        self.quotes: list[int] = []
        self.articles: list[int] = []
        self.wordings: list[int] = []
        self.last_article: list[int] = []
        self.wording_ids: dict[tuple[int, int], int] = {}  # (group, norm hash) -> wording id
        self.new_wordings: list[dict] = []
        self.new_shingles: list[dict] = []
        self.shingles: dict[int, set[int]] = {}

    def add(self, gid: int | None, text: str, speaker: int, relation: str) -> tuple[int, int]:
        """Place a quote's text in group ``gid`` (a new group when None) -> (group id, wording id)."""
        if gid is None:
            gid = len(self.texts) + 1
            self.texts.append(text)
            self.speaker.append(speaker)
            self.first.append(("\uffff", 0))
            self.quotes.append(0)
            self.articles.append(0)
            self.wordings.append(0)
            self.last_article.append(0)
            relation = "original"
        ws = words(text)
        h = grouping.norm_hash(ws)
        wid = self.wording_ids.get((gid, h))
        if wid is None:
            wid = len(self.wording_ids) + 1
            self.wording_ids[(gid, h)] = wid
            self.wordings[gid - 1] += 1
            self.new_wordings.append({"id": wid, "group_id": gid, "text": text, "norm": " ".join(ws),
                                      "norm_hash": h, "relation": relation, "word_count": len(ws)})
            have = self.shingles.setdefault(gid, set())
            for s in sorted(grouping.shingles(ws) - have):
                have.add(s)
                self.new_shingles.append({"hash": s, "group_id": gid})
        return gid, wid

    def count(self, gid: int, quote_id: int, article_id: int, day: str) -> None:
        i = gid - 1
        self.quotes[i] += 1
        if self.last_article[i] != article_id:
            self.last_article[i] = article_id
            self.articles[i] += 1
        if (day, quote_id) < self.first[i]:
            self.first[i] = (day, quote_id)

    def rows(self) -> list[dict]:
        return [{"id": i + 1, "text": t, "quote_count": self.quotes[i], "article_count": self.articles[i],
                 "wording_count": self.wordings[i], "first_quote_id": self.first[i][1],
                 "first_date": self.first[i][0]} for i, t in enumerate(self.texts)]


def words(text: str) -> list[str]:
    """``grouping.words``, quicker for the generator's own texts (ASCII letters and spaces)."""
    if text.isascii() and text.replace(" ", "").isalpha():
        return text.lower().split()
    return grouping.words(text)


def _inserter(table):
    """A DB-API executemany over ``table``'s own INSERT statement, rows given as dicts."""
    cols = [c.name for c in table.columns]
    sql = f"INSERT INTO {table.name} ({', '.join(chr(34) + c + chr(34) for c in cols)}) VALUES ({', '.join('?' * len(cols))})"

    zero = {c: 0 for c in COUNTERS.get(table.name, ())}  # counted at the end (database.COUNT_SQL)

    def insert(cursor, rows: list[dict]) -> None:
        cursor.executemany(sql, [tuple(r.get(c, zero.get(c)) for c in cols) for r in rows])
    return insert


def _variant(rng: random.Random, text: str, vocab: list[str]) -> tuple[str, str]:
    """A repeated quote's wording: the same, a fragment, or one word changed."""
    ws = text.split()
    r = rng.random()
    if r < 0.6 or len(ws) < 6:
        return text, "original"
    if r < 0.85:
        n = rng.randint(4, len(ws) - 1)
        s = rng.randint(0, len(ws) - n)
        return " ".join(ws[s:s + n]), "partial"
    i = rng.randrange(len(ws))
    ws[i] = vocab[rng.randrange(50, 2000)]
    return " ".join(ws), "variant"


def _sentence(words: np.ndarray, vocab: list[str]) -> str:
    text = " ".join(vocab[i] for i in words)
    return text[0].upper() + text[1:]


def generate(path: str | os.PathLike, *, quotes: int = 1_000_000, speakers: int = 50_000,
             articles: int = 200_000, outlets: int = 300, seed: int = 7, progress=None) -> dict:
    """Write the database at ``path`` (which must not exist) -> its manifest."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    started = time.perf_counter()
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    say = progress or (lambda msg: None)

    vocab = vocabulary(rng, 30_000)
    word_p = zipf_weights(len(vocab), 1.05)
    people = _people(rng, speakers)
    speaker_p = zipf_weights(speakers, 0.9)
    speaker_order = nrng.permutation(speakers)  # popularity rank -> speaker index
    outlet_rows, outlet_aliases, agencies = _outlets(rng, outlets)
    outlet_p = zipf_weights(len(outlet_rows), 1.0)
    per_article = nrng.multinomial(quotes - articles, np.full(articles, 1.0 / articles)) + 1 \
        if quotes >= articles else (np.arange(articles) < quotes).astype(int)

    engine = create_db_engine(str(path))
    migrate(engine)
    engine.dispose()
    tables = {m.__tablename__: _inserter(m.__table__) for m in models.TABLES}
    groups = Groups()
    quote_id = 0
    db = sqlite3.connect(str(path), isolation_level=None)
    db.execute("PRAGMA journal_mode = OFF")  # a failed run is thrown away, never resumed
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -400000")
    cur = db.cursor()
    for trigger in database.COUNTER_TRIGGERS:  # counted once at the end instead, by database.COUNT_SQL
        cur.execute(f"DROP TRIGGER {trigger}")
    cur.execute("BEGIN")
    tables["outlet"](cur, outlet_rows)
    tables["outlet_alias"](cur, outlet_aliases)
    tables["speaker"](cur, [dict(p, id=i + 1, name_locked=0, created_at=INGESTED_AT) for i, p in enumerate(people)])
    tables["speaker_alias"](cur, [{"key": p["key"], "alias": p["name"], "speaker_id": i + 1, "source": "seen"}
                                  for i, p in enumerate(people)])
    roles = {}
    for i in range(speakers):
        for role in rng.sample(ROLES, rng.randint(1, 2)):
            roles[(i + 1, role)] = rng.randint(1, 40)
    tables["speaker_role"](cur, [{"speaker_id": s, "role": r, "count": c} for (s, r), c in roles.items()])
    cur.execute("COMMIT")

    for chunk_start in range(0, articles, CHUNK_ARTICLES):
        n_art = min(CHUNK_ARTICLES, articles - chunk_start)
        counts = per_article[chunk_start:chunk_start + n_art]
        n_q = int(counts.sum())
        lengths = nrng.integers(6, 26, size=n_q)
        word_ids = nrng.choice(len(vocab), size=int(lengths.sum()), p=word_p)
        who = speaker_order[nrng.choice(speakers, size=n_q, p=speaker_p)] + 1
        art_outlets = nrng.choice(len(outlet_rows), size=n_art, p=outlet_p) + 1
        days = nrng.integers(0, DAYS, size=n_art)
        art_rows, quote_rows = [], []
        w_at, q_at = 0, 0
        for a in range(n_art):
            article_id = chunk_start + a + 1
            day = (FIRST_DAY + timedelta(days=int(days[a]))).isoformat()
            outlet_id = int(art_outlets[a])
            title = f"Report {article_id}: {_sentence(word_ids[w_at:w_at + 5], vocab)}"
            parts = [title, ""]
            pos = len(title) + 2
            claims = 0
            for k in range(int(counts[a])):
                n_words = int(lengths[q_at])
                speaker_id = int(who[q_at])
                reuse = groups.texts and rng.random() < 0.25
                if reuse:
                    gid = rng.randint(1, len(groups.texts))
                    text, relation = _variant(rng, groups.texts[gid - 1], vocab)
                    speaker_id = groups.speaker[gid - 1]
                else:
                    gid, relation = None, "original"
                    text = _sentence(word_ids[w_at:w_at + n_words], vocab)
                w_at += n_words
                q_at += 1
                r = rng.random()
                kind = "direct" if r < 0.85 else "mixed" if r < 0.95 else "indirect"
                claims += kind == "indirect"
                # claims join no quote group, as in quotetrack's store
                gid, wid = groups.add(gid, text, speaker_id, relation) if kind != "indirect" else (None, None)
                speaker = people[speaker_id - 1]["name"]
                para = f"“{text},” {speaker} said."
                start = pos + 1
                end = start + len(text)
                m_start = end + 3
                m_end = m_start + len(speaker)
                relayed = rng.random() < 0.1
                quote_id += 1
                if gid is not None:
                    groups.count(gid, quote_id, article_id, day)
                quote_rows.append({
                    "id": quote_id, "article_id": article_id, "position": k, "text": text,
                    "start": start, "end": end,
                    "kind": kind,
                    "date": day, "speaker_id": speaker_id, "speaker_name": speaker,
                    "speaker_kind": people[speaker_id - 1]["kind"], "speaker_role": None,
                    "mention_text": speaker, "mention_start": m_start, "mention_end": m_end,
                    "cue_text": "said", "cue_start": m_end + 1, "cue_end": m_end + 5,
                    "outlet_id": outlet_id,
                    "relay_outlet_id": agencies[rng.randrange(len(agencies))] if relayed else None,
                    "relayed": int(relayed), "confidence": 0.9, "sieve": "trailing", "flags": "[]",
                    "sentence_text": para, "sentence_start": pos, "sentence_end": pos + len(para),
                    "group_id": gid, "wording_id": wid})
                parts += [para, ""]
                pos += len(para) + 2
            text = "\n".join(parts)
            art_rows.append({
                "id": article_id, "content_hash": hashlib.sha256(text.strip().encode()).hexdigest(),
                "path": f"synthetic/{article_id:06d}.txt", "url": None, "title": title,
                "author": people[int(who[q_at - 1]) - 1]["name"] if counts[a] else None,
                "outlet_id": outlet_id, "place": None, "date": day, "date_raw": day, "text": text,
                "body_start": len(title) + 2, "encoding": "utf-8", "format": "text",
                "quote_count": int(counts[a]) - claims, "claim_count": claims, "ingested_at": INGESTED_AT})
        cur.execute("BEGIN")
        tables["article"](cur, art_rows)
        tables["quote"](cur, quote_rows)
        tables["wording"](cur, groups.new_wordings)
        tables["group_shingle"](cur, groups.new_shingles)
        cur.execute("COMMIT")
        groups.new_wordings, groups.new_shingles = [], []
        say(f"{chunk_start + n_art:,} articles, {quote_id:,} quotes, {time.perf_counter() - started:.0f} s")
    groups.shingles.clear()
    cur.execute("BEGIN")
    tables["quote_group"](cur, groups.rows())
    for sql in database.COUNT_SQL + database.COUNTER_SQL:
        cur.execute(sql)
    cur.execute("COMMIT")
    problems = cur.execute("PRAGMA foreign_key_check").fetchmany(1)
    if problems:
        raise RuntimeError(f"generated rows break a foreign key: {problems[0]}")
    db.execute("PRAGMA journal_mode = WAL")
    db.close()

    top_speakers = [people[int(i)]["name"] for i in speaker_order[:5]]
    top_outlets = [outlet_rows[i]["name"] for i in range(5)]
    repeated = [i for i in range(len(groups.texts)) if groups.quotes[i] > 2][:20]
    manifest = {
        "generator_version": GENERATOR_VERSION, "seed": seed,
        "params": {"quotes": quotes, "speakers": speakers, "articles": articles, "outlets": len(outlet_rows)},
        "counts": {"quotes": quote_id, "speakers": speakers, "articles": articles, "outlets": len(outlet_rows),
                   "groups": len(groups.texts), "wordings": len(groups.wording_ids)},
        "top_speakers": top_speakers,
        "speakers_sample": [people[int(i)]["name"] for i in speaker_order[rng.sample(range(speakers), 20)]],
        "top_outlets": top_outlets,
        "outlets_sample": [outlet_rows[i]["name"] for i in rng.sample(range(len(outlet_rows)), 10)],
        "repeated_quotes": [groups.texts[i] for i in repeated],
        "seconds": round(time.perf_counter() - started, 1),
        "bytes": path.stat().st_size,
    }
    Path(str(path) + ".json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def manifest_of(path: str | os.PathLike) -> dict | None:
    """The manifest written beside a generated database, or None."""
    side = Path(str(path) + ".json")
    if not (side.is_file() and Path(path).is_file()):
        return None
    try:
        return json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def ensure(path: str | os.PathLike, progress=None, **params) -> dict:
    """The manifest of a database at ``path`` generated with ``params``, generating it if needed."""
    want = {"quotes": 1_000_000, "speakers": 50_000, "articles": 200_000, "outlets": 300, "seed": 7, **params}
    m = manifest_of(path)
    if m and m.get("generator_version") == GENERATOR_VERSION and m.get("seed") == want["seed"] and all(
            m["params"].get(k) == want[k] for k in ("quotes", "speakers", "articles")):
        return m
    for p in (Path(path), Path(str(path) + ".json"), Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        p.unlink(missing_ok=True)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return generate(path, progress=progress, **want)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="the database file to write")
    ap.add_argument("--quotes", type=int, default=1_000_000)
    ap.add_argument("--speakers", type=int, default=50_000)
    ap.add_argument("--articles", type=int, default=200_000)
    ap.add_argument("--outlets", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--force", action="store_true", help="replace OUT.db if it exists")
    args = ap.parse_args(argv)
    # the manifest samples 20 speakers and 10 outlets, and every article gets a quote
    for name, least in (("speakers", 20), ("outlets", 10), ("articles", 1), ("quotes", args.articles)):
        if getattr(args, name) < least:
            ap.error(f"--{name} must be at least {least}" + (" (--articles)" if name == "quotes" else ""))
    if Path(args.out).is_dir():
        ap.error(f"{args.out} is a folder; give the database file to write")
    if Path(args.out).exists() and not args.force:
        print(f"{args.out} exists; use --force to replace it", file=sys.stderr)
        return 2
    for p in (Path(args.out), Path(args.out + ".json"), Path(args.out + "-wal"), Path(args.out + "-shm")):
        p.unlink(missing_ok=True)
    try:
        m = generate(args.out, quotes=args.quotes, speakers=args.speakers, articles=args.articles,
                     outlets=args.outlets, seed=args.seed, progress=lambda msg: print(msg, file=sys.stderr))
    except BaseException:  # no half-made database to trip the next run ("exists; use --force")
        for p in (Path(args.out), Path(args.out + ".json"), Path(args.out + "-wal"), Path(args.out + "-shm")):
            p.unlink(missing_ok=True)
        raise
    print(json.dumps({k: m[k] for k in ("counts", "seconds", "bytes")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
