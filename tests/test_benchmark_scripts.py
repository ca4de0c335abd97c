"""scripts/benchmark.py and its helpers on tiny inputs: they run and report every figure.

No timing is asserted here: the figures of a shared machine say nothing in a test.
"""
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
sys.path.insert(0, str(SCRIPTS))

import benchtools  # noqa: E402
import make_synthetic_db  # noqa: E402
from quotetrack import grouping  # noqa: E402

ARTICLE = ("Talks end without a deal\n\n"
           "“We will not accept commercial blackmail,” President Ilham Aliyev said on Monday.\n\n"
           "Sergei Mironov, the speaker of the upper house, told reporters: “This is a wound that "
           "does not heal.”\n\n"
           "“The price is fair,” said Gazprom's spokesman, Sergei Kupriyanov.\n")


def brat_one(text, content, source, cue):
    """BRAT standoff for one attribution, the way PolNeAR writes it."""
    spans = [(role, text.index(s), text.index(s) + len(s)) for role, s in
             (("Content", content), ("Source", source), ("Cue", cue))]
    lines = [f"T{i}\t{role} {s} {e}\t{text[s:e]}" for i, (role, s, e) in enumerate(spans, 1)]
    cs, ce = spans[2][1:]
    lines.append(f"T4\tAttribution {cs} {ce}\t{text[cs:ce]}")
    lines.append("E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("synthetic") / "small.db"
    manifest = make_synthetic_db.generate(path, quotes=600, speakers=60, articles=150, outlets=40, seed=3)
    return path, manifest


def test_generator_writes_consistent_rows(small_db):
    path, manifest = small_db
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM quote").fetchone()[0] == 600 == manifest["counts"]["quotes"]
    assert conn.execute("SELECT COUNT(*) FROM article").fetchone()[0] == 150
    assert conn.execute("SELECT COUNT(*) FROM speaker").fetchone()[0] == 60
    # offsets index the stored text, as ingest guarantees
    assert conn.execute("""SELECT COUNT(*) FROM quote q JOIN article a ON a.id = q.article_id
                           WHERE substr(a.text, q.start + 1, q."end" - q.start) != q.text
                              OR substr(a.text, q.mention_start + 1, q.mention_end - q.mention_start)
                                 != q.mention_text""").fetchone()[0] == 0
    # the FTS index was filled by the real triggers
    word = conn.execute("SELECT text FROM quote WHERE id = 1").fetchone()[0].split()[-1]
    assert conn.execute("SELECT COUNT(*) FROM quote_fts WHERE quote_fts MATCH ?", (word,)).fetchone()[0] >= 1
    # group counts agree with the quotes
    assert conn.execute("""SELECT COUNT(*) FROM quote_group g WHERE quote_count !=
                           (SELECT COUNT(*) FROM quote q WHERE q.group_id = g.id)""").fetchone()[0] == 0
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    for (text,) in conn.execute("SELECT text FROM quote LIMIT 200"):
        assert make_synthetic_db.words(text) == grouping.words(text)
    assert json.loads(Path(str(path) + ".json").read_text())["counts"]["quotes"] == 600


def test_generator_is_deterministic(tmp_path, small_db):
    path, _ = small_db
    again = make_synthetic_db.generate(tmp_path / "again.db", quotes=600, speakers=60, articles=150, outlets=40,
                                       seed=3)
    rows = "SELECT id, text, speaker_id, article_id, group_id, date FROM quote ORDER BY id"
    assert sqlite3.connect(path).execute(rows).fetchall() == sqlite3.connect(tmp_path / "again.db").execute(rows).fetchall()
    assert again["top_speakers"] == json.loads(Path(str(path) + ".json").read_text())["top_speakers"]


def test_the_library_opens_the_generated_database(small_db):
    from quotetrack.query import Filters, open_quotes

    path, manifest = small_db
    with open_quotes(str(path)) as qdb:
        assert list(qdb.search(Filters(speaker=manifest["top_speakers"][0]), limit=5))
        assert qdb.outlet(manifest["top_outlets"][0]).articles > 0


def test_measured_run_reports_memory_of_the_tree():
    child = "import subprocess, sys; subprocess.run([sys.executable, '-c', 'x = bytearray(80 << 20); import time; time.sleep(0.8)'])"
    r = benchtools.run_measured([sys.executable, "-c", child])
    assert r.returncode == 0
    assert r.peak_process_rss_mb >= 80
    assert r.peak_tree_pss_mb >= 80
    assert r.processes >= 2


def test_percentiles():
    assert benchtools.percentile(range(1, 101), 95) == 95
    assert benchtools.median([3, 1, 2]) == 2


def test_benchmark_runs_every_section(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "text").mkdir(parents=True)
    (corpus / "text" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "text" / "b.txt").write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SCRIPTS / "benchmark.py"), str(corpus), "--json", "--workers", "1", "--repeat", "1",
         "--batch-sizes", "4", "--scale", "0.0004", "--big-db", str(tmp_path / "big.db"), "--store-articles", "2",
         "--memory-articles", "3,6", "--work-dir", str(tmp_path / "work")],
        capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONPATH": str(SCRIPTS.parent)})
    assert out.returncode == 0, out.stderr
    res = json.loads(out.stdout)
    g = res["ingest"]
    assert g["texts"] == 2 and g["words"] > 0 and g["baseline_words_per_s"] > 0 and g["ingest_words_per_s"] > 0
    assert g["accuracy"] is None  # no annotations in this corpus
    assert g["ingest_peak_tree_pss_mb"] > 0
    q = res["queries"]
    assert q["database"]["quotes"] == 400
    assert set(q["latency"]) == {"search --speaker", "search TEXT", "outlet NAME", "check QUOTE", "speaker NAME"}
    assert all(v["calls"] > 0 for v in q["latency"].values())
    assert q["export"]["csv"]["quotes"] > 0
    assert "median_s" in q["first_row"] and "median_s" in q["first_row_speaker"]
    assert all("spacy" not in mods for mods in q["imports"].values())
    assert res["store"]["articles"] == 2 and res["store"]["big"]["median_ms"] > 0
    assert res["memory"]["3"]["articles"] == 3 and "growth_pss" in res["memory"]
    assert "ingest ≥ 1.5× spaCy" in res["verdicts"]


def test_accuracy_reads_quotes_back_from_the_database(tmp_path):
    import benchmark

    corpus = tmp_path / "corpus"
    (corpus / "text").mkdir(parents=True)
    (corpus / "attributions").mkdir()
    (corpus / "text" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "attributions" / "a_x.ann").write_text(brat_one(ARTICLE, "“We will not accept commercial blackmail,”",
                                                              "President Ilham Aliyev", "said"), encoding="utf-8")
    db = tmp_path / "a.db"
    subprocess.run([sys.executable, "-m", "quotetrack", "ingest", str(corpus / "text" / "a.txt"), "--db", str(db),
                    "--workers", "1"], check=True, capture_output=True)
    rows = benchmark.quotes_from_db(db)
    assert {r["file"] for r in rows} == {"a.txt"}
    assert any(r["speaker"] and "Aliyev" in r["speaker"] for r in rows)
    acc = benchmark.accuracy(corpus, ["a.txt"], db)
    assert acc["gold_quotes"] == 1 and acc["quotes_f1@0.3"] > 0 and acc["speaker_accuracy"] == 1.0


@pytest.mark.parametrize("script, args, message", [
    ("benchmark.py", ["{corpus}", "--repeat", "0"], "argument --repeat: 0 is less than 1"),
    ("benchmark.py", ["{corpus}", "--limit", "-1"], "argument --limit: -1 is less than 1"),
    ("benchmark.py", ["{corpus}", "--batch-sizes", "4,0"], "argument --batch-sizes: 0 is less than 1"),
    ("benchmark.py", ["{corpus}", "--scale", "0"], "argument --scale: 0 is not more than 0"),
    ("benchmark.py", ["{tmp}/none"], "{tmp}/none: no such folder"),
    ("make_synthetic_db.py", ["{tmp}/q.db", "--speakers", "10"], "--speakers must be at least 20"),
    ("make_synthetic_db.py", ["{tmp}/q.db", "--quotes", "10", "--articles", "1000"],
     "--quotes must be at least 1000 (--articles)"),
    ("make_synthetic_db.py", ["{tmp}", "--force"], "{tmp} is a folder; give the database file to write"),
    ("spacy_baseline.py", ["{tmp}/list.txt"], "{tmp}/list.txt: no such file (a list of text files, one per line)"),
    ("spacy_baseline.py", ["{corpus}", "--workers", "0"], "argument --workers: 0 is less than 1"),
])
def test_scripts_refuse_values_that_would_run_nothing_or_crash(tmp_path, script, args, message):
    corpus = tmp_path / "corpus"
    (corpus / "text").mkdir(parents=True)
    fill = lambda s: s.format(corpus=corpus, tmp=tmp_path)  # noqa: E731
    p = subprocess.run([sys.executable, str(SCRIPTS / script), *map(fill, args)], capture_output=True, text=True,
                       timeout=120, env={**os.environ, "PYTHONPATH": str(SCRIPTS.parent)})
    assert p.returncode == 2 and p.stderr.splitlines()[-1] == f"{script}: error: {fill(message)}", p.stderr
    assert not (tmp_path / "q.db").exists()
