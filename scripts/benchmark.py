#!/usr/bin/env python3
"""Speed at scale: ingest against a bare spaCy parse, queries on a million quotes, memory.

    python scripts/benchmark.py CORPUS_DIR [--workers N] [--repeat K] [--limit N] [--json]
        [--only ingest|queries|store|memory ...] [--big-db PATH] [--scale F]
        [--memory-articles 1000,10000] [--batch-sizes 4,16,64]

Sections (all of them unless --only):

ingest   On CORPUS_DIR/text/*.txt (the first --limit files in name order), in one run, the
         same texts, model and number of processes: (1) spaCy's full pipeline
         (``spacy.load`` defaults) with ``nlp.pipe(n_process=N)`` at the best of
         --batch-sizes, chosen on a sample first; (2) ``quotetrack ingest`` of the same files
         into a fresh database, the real CLI in a subprocess, end to end. For each: words/s
         and the peak memory of the whole process tree. Repeated K times, alternating, and
         reported as medians; the ratio is ingest words/s over the baseline's pipe words/s
         (the baseline's import and model load not counted, the ingest's counted). When the
         corpus has PolNeAR annotations, the quotes of the first ingest's database are
         scored with scripts/polnear.py: direct-quote F1 and speaker accuracy.
queries  On a synthetic database (scripts/make_synthetic_db.py: 1,000,000 quotes, 50,000
         speakers, 200,000 articles, times --scale; generated once and kept at --big-db),
         in-process median and p95 latency of the library calls behind ``search --speaker``,
         ``search TEXT``, ``outlet``, ``check`` and ``speaker``; exporting 100,000 quotes as
         CSV and as formatted citations; the shell time to the first row of
         ``quotetrack search``; and which heavy modules each query command imports.
store    The cost of ``Store.add_article`` for real articles (quotes extracted once) into
         an empty database and into a copy of the synthetic one.
memory   Peak memory of ``quotetrack ingest`` of N and 10×N synthetic articles made from
         the corpus paragraphs that hold quotes (each with its own number, so every
         article's content hash differs).
"""
from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import benchtools  # noqa: E402
from benchtools import median, percentile, positive_float, positive_int, positive_ints  # noqa: E402

SECTIONS = ("ingest", "queries", "store", "memory")
TARGETS = {"ingest_ratio": 1.5, "query_p95_ms": 50.0, "first_row_s": 0.5, "store_cost_ratio": 1.5,
           "memory_growth": 0.20}
HEAVY_MODULES = ("spacy", "thinc", "torch", "sqlalchemy", "sqlmodel", "citeproc", "trafilatura", "rapidfuzz")
EXPORT_QUOTES = 100_000
TEXT_EXPORT_BUDGET_S = 30.0
MEMORY_PARAGRAPHS = 1  # per synthetic article: short articles keep the 10,000-article ingest within minutes
QUOTETRACK = [sys.executable, "-m", "quotetrack"]


def machine() -> dict:
    cpu = ""
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), "")
    except OSError:
        pass
    try:
        with open("/proc/meminfo") as fh:
            mem_gb = round(int(fh.readline().split()[1]) / 1024 ** 2, 1)
    except (OSError, ValueError, IndexError):
        mem_gb = None
    import spacy

    return {"cpus": os.cpu_count(), "cpu": cpu, "memory_gb": mem_gb, "python": platform.python_version(),
            "spacy": spacy.__version__, "sqlite": __import__("sqlite3").sqlite_version, "commit": _commit()}


def _commit() -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(HERE.parent), "describe", "--always", "--dirty", "--abbrev=10"],
                             capture_output=True, text=True, timeout=10)
        return out.stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


# ---------------------------------------------------------------- ingest against spaCy
def spacy_run(list_file: str, workers: int, batch: int) -> dict:
    r = benchtools.run_measured([sys.executable, str(HERE / "spacy_baseline.py"), list_file,
                                 "--workers", str(workers), "--batch-size", str(batch)])
    if r.returncode != 0:
        raise RuntimeError(f"spaCy baseline failed: {r.stderr.strip()[-2000:]}")
    out = json.loads(r.stdout)
    return {"batch_size": batch, "words": out["words"], "pipe_seconds": out["pipe_seconds"],
            "process_seconds": r.seconds, "words_per_s": round(out["words"] / out["pipe_seconds"]),
            "process_words_per_s": round(out["words"] / r.seconds),
            "peak_tree_rss_mb": r.peak_tree_rss_mb, "peak_tree_pss_mb": r.peak_tree_pss_mb,
            "peak_process_rss_mb": r.peak_process_rss_mb, "processes": r.processes}


def ingest_run(paths: list[Path], db: Path, workers: int, words: int) -> dict:
    r = benchtools.run_measured([*QUOTETRACK, "ingest", *map(str, paths), "--db", str(db),
                                 "--workers", str(workers)])
    if r.returncode != 0:
        raise RuntimeError(f"quotetrack ingest failed ({r.returncode}): {r.stderr.strip()[-2000:]}")
    return {"seconds": r.seconds, "words_per_s": round(words / r.seconds), "summary": r.stderr.strip().splitlines()[-1],
            "peak_tree_rss_mb": r.peak_tree_rss_mb, "peak_tree_pss_mb": r.peak_tree_pss_mb,
            "peak_process_rss_mb": r.peak_process_rss_mb, "processes": r.processes}


def quotes_from_db(db: Path) -> list[dict]:
    """The stored quotes as prediction rows for scripts/polnear.py (the extractor's names)."""
    import sqlite3

    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = []
    for r in conn.execute("""SELECT a.path, q.text, q.start, q."end", q.kind, q.speaker_name, q.mention_text,
                                    q.mention_start, q.mention_end, q.sieve, q.confidence
                             FROM quote q JOIN article a ON a.id = q.article_id ORDER BY a.path, q.position"""):
        mention = ({"text": r["mention_text"], "start": r["mention_start"], "end": r["mention_end"]}
                   if r["mention_start"] is not None else None)
        rows.append({"file": os.path.basename(r["path"]), "text": r["text"], "start": r["start"], "end": r["end"],
                     "kind": r["kind"], "speaker": r["speaker_name"], "speaker_mention": mention,
                     "sieve": r["sieve"], "confidence": r["confidence"]})
    conn.close()
    return rows


def accuracy(corpus: Path, names: list[str], db: Path) -> dict | None:
    if not (corpus / "attributions").is_dir():
        return None
    import polnear

    docs = [d for d in polnear.load_corpus(corpus) if d.name in set(names)]
    s = polnear.score_quotes(docs, quotes_from_db(db)).figures
    return {"files": len(docs), "gold_quotes": s["gold_quotes"], "predictions": s["predictions"],
            "quotes_f1@0.3": s["quotes@0.3"]["f1"], "quotes_f1@0.8": s["quotes@0.8"]["f1"],
            "speaker_accuracy": s["speaker@0.3"]["accuracy"], "end_to_end_f1": s["end_to_end@0.3"]["f1"]}


def bench_ingest(args, work: Path) -> dict:
    paths = sorted((args.corpus / "text").glob("*.txt"))[:args.limit or None]
    if not paths:
        raise SystemExit(f"{args.corpus}/text: no .txt files")
    words = _words(paths)
    list_file = work / "texts.lst"
    list_file.write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")
    sample = paths[:: max(1, len(paths) // 120)][:120]
    sample_file = work / "sample.lst"
    sample_file.write_text("".join(f"{p}\n" for p in sample), encoding="utf-8")
    say(f"ingest: {len(paths)} texts, {words:,} words; choosing spaCy's batch size on {len(sample)} texts")
    trials = [spacy_run(str(sample_file), args.workers, b) for b in args.batch_sizes]
    best = max(trials, key=lambda t: t["words_per_s"])["batch_size"]
    runs = []
    for k in range(args.repeat):
        base = spacy_run(str(list_file), args.workers, best)
        say(f"  run {k + 1}: spaCy full pipeline {base['words_per_s']:,} words/s")
        db = work / f"ingest-{k}.db"
        ing = ingest_run(paths, db, args.workers, words)
        say(f"  run {k + 1}: quotetrack ingest {ing['words_per_s']:,} words/s ({ing['summary']})")
        runs.append({"baseline": base, "ingest": ing, "ratio": round(ing["words_per_s"] / base["words_per_s"], 3),
                     "ratio_process": round(ing["words_per_s"] / base["process_words_per_s"], 3)})
    acc = accuracy(args.corpus, [p.name for p in paths], work / "ingest-0.db")
    med = lambda f: round(median([f(r) for r in runs]), 3)  # noqa: E731  (an even count averages two)
    return {
        "texts": len(paths), "words": words, "workers": args.workers,
        "batch_trials": [{k: t[k] for k in ("batch_size", "words_per_s", "peak_tree_pss_mb")} for t in trials],
        "best_batch_size": best,
        "baseline_words_per_s": med(lambda r: r["baseline"]["words_per_s"]),
        "baseline_process_words_per_s": med(lambda r: r["baseline"]["process_words_per_s"]),
        "ingest_words_per_s": med(lambda r: r["ingest"]["words_per_s"]),
        "ratio": med(lambda r: r["ratio"]), "ratio_process": med(lambda r: r["ratio_process"]),
        "baseline_peak_tree_pss_mb": med(lambda r: r["baseline"]["peak_tree_pss_mb"]),
        "baseline_peak_tree_rss_mb": med(lambda r: r["baseline"]["peak_tree_rss_mb"]),
        "baseline_peak_process_rss_mb": med(lambda r: r["baseline"]["peak_process_rss_mb"]),
        "ingest_peak_tree_pss_mb": med(lambda r: r["ingest"]["peak_tree_pss_mb"]),
        "ingest_peak_tree_rss_mb": med(lambda r: r["ingest"]["peak_tree_rss_mb"]),
        "ingest_peak_process_rss_mb": med(lambda r: r["ingest"]["peak_process_rss_mb"]),
        "accuracy": acc, "runs": runs}


# ---------------------------------------------------------------- queries at scale
def big_db(args) -> tuple[Path, dict]:
    import make_synthetic_db as gen

    params = {k: max(1, round(v * args.scale)) for k, v in
              (("quotes", 1_000_000), ("speakers", 50_000), ("articles", 200_000))}
    path = Path(args.big_db or Path(tempfile.gettempdir()) / "quotetrack-bench" /
                f"synthetic-{params['quotes']}-{args.seed}.db")
    t0 = time.perf_counter()
    manifest = gen.ensure(path, seed=args.seed, progress=lambda m: say("  generating: " + m), **params)
    say(f"synthetic database {path}: {manifest['counts']} ({time.perf_counter() - t0:.0f} s)")
    return path, manifest


def _timed(fn, calls: list) -> dict:
    """Median and p95 of ``fn(arg)`` over the calls, in ms; errors counted apart."""
    times, errors = [], {}
    for arg in calls:
        t0 = time.perf_counter()
        try:
            fn(arg)
        except Exception as exc:  # an ambiguous or unknown name is an answer too
            errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
        times.append((time.perf_counter() - t0) * 1000)
    out = {"calls": len(times), "median_ms": round(median(times), 2), "p95_ms": round(percentile(times, 95), 2),
           "max_ms": round(max(times), 2)}
    if errors:
        out["errors"] = errors
    worst = max(range(len(times)), key=times.__getitem__)
    out["slowest_call"] = str(calls[worst])[:80]
    return out


def query_arguments(db: Path, manifest: dict, seed: int) -> dict[str, list]:
    """What each query is asked: the most quoted and sampled names, words of every frequency."""
    import sqlite3

    rng = random.Random(seed)
    conn = sqlite3.connect(db)
    n_quotes = conn.execute("SELECT MAX(id) FROM quote").fetchone()[0]
    sample = [conn.execute("SELECT text FROM quote WHERE id = ?", (rng.randint(1, n_quotes),)).fetchone()[0]
              for _ in range(30)]
    conn.close()
    speakers = manifest["top_speakers"] + manifest["speakers_sample"]
    fts = ["government", "sanctions", "nuclear OR missile", '"peace talks"', "sanc*", "gov*"]
    for text in sample[:20]:
        ws = text.lower().split()
        long = [w for w in ws if len(w) > 6] or ws
        fts.append(rng.choice(long))
        i = rng.randrange(max(1, len(ws) - 1))
        fts.append('"' + " ".join(ws[i:i + 2]) + '"')
    checks = []
    for text in manifest["repeated_quotes"][:10] + sample[20:30]:
        ws = text.split()
        checks.append(text)
        if len(ws) > 8:
            checks.append(" ".join(ws[2:8]))
            changed = list(ws)
            changed[len(ws) // 2] = "something"
            checks.append(" ".join(changed))
    outlets = manifest["top_outlets"] + manifest["outlets_sample"] + ["AP", "Reuters", "TASS"]
    return {"speakers": [s.lower() for s in speakers], "fts": fts, "checks": checks, "outlets": outlets}


def export_since(db: Path, n: int) -> str | None:
    """The date from which the newest ``n`` quotes were reported."""
    import sqlite3

    conn = sqlite3.connect(db)
    row = conn.execute("SELECT date FROM quote ORDER BY date DESC LIMIT 1 OFFSET ?", (n - 1,)).fetchone()
    conn.close()
    return row[0] if row else None


def _budget(items, seconds: float):
    end = time.perf_counter() + seconds
    for item in items:
        yield item
        if time.perf_counter() > end:
            return


def bench_exports(qdb, since: str | None) -> dict:
    from quotetrack.citations import citations, export
    from quotetrack.query import Filters

    out = {}
    f = Filters(since=since)
    for fmt, budget in (("csv", 600.0), ("text", TEXT_EXPORT_BUDGET_S)):
        buf = io.StringIO(newline="")
        t0 = time.perf_counter()
        n = export(_budget(citations(qdb, f), budget), fmt, buf, "apa")
        s = time.perf_counter() - t0
        out[fmt] = {"quotes": n, "seconds": round(s, 2), "quotes_per_s": round(n / s) if s else None,
                    "bytes": len(buf.getvalue().encode())}
        if n < EXPORT_QUOTES and s >= budget:
            out[fmt]["stopped_after_s"] = budget
            out[fmt]["seconds_for_100k_estimated"] = round(s * EXPORT_QUOTES / n, 1)
    return out


def first_row(db: Path, argv: list[str], repeat: int = 5) -> dict:
    """Seconds from starting ``quotetrack ARGV --db DB`` to its first line on stdout."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        proc = subprocess.Popen([*QUOTETRACK, *argv, "--db", str(db)], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        line = proc.stdout.readline()
        times.append(time.perf_counter() - t0)
        proc.stdout.close()
        proc.kill()
        proc.wait()
        if not line:
            return {"error": f"no output from quotetrack {' '.join(argv)}"}
    return {"command": "quotetrack " + " ".join(argv) + " --db BIG.db | head -1",
            "median_s": round(median(times), 3), "max_s": round(max(times), 3)}


IMPORT_PROBE = """
import sys, json, contextlib, io
from quotetrack.cli import main
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    try:
        main(sys.argv[1:], standalone_mode=False)
    except SystemExit:
        pass
print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & set(%r))))
"""


def heavy_imports(db: Path, argv: list[str]) -> list[str] | str:
    """The heavy libraries ``quotetrack ARGV`` imports (spaCy must not be one of them)."""
    out = subprocess.run([sys.executable, "-c", IMPORT_PROBE % (HEAVY_MODULES,), *argv, "--db", str(db)],
                         capture_output=True, text=True, timeout=300)
    try:
        return json.loads(out.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return f"probe failed: {out.stderr.strip()[-300:]}"


def bench_queries(args, work: Path) -> dict:
    from quotetrack.check import check
    from quotetrack.query import Filters, open_quotes

    db, manifest = big_db(args)
    calls = query_arguments(db, manifest, args.seed)
    results: dict = {"database": manifest["counts"], "database_mb": round(db.stat().st_size / 2 ** 20)}
    with open_quotes(str(db)) as qdb:
        list(qdb.search(Filters(text="government"), limit=50))  # open and warm the connection
        lat = {
            "search --speaker": _timed(lambda n: list(qdb.search(Filters(speaker=n), limit=50)), calls["speakers"]),
            "search TEXT": _timed(lambda t: list(qdb.search(Filters(text=t), limit=50)), calls["fts"]),
            "outlet NAME": _timed(lambda n: qdb.outlet(n, limit=20), calls["outlets"]),
            "check QUOTE": _timed(lambda t: check(qdb, t), calls["checks"]),
            "speaker NAME": _timed(lambda n: qdb.speaker(n, limit=20), calls["speakers"]),
        }
        results["latency"] = lat
        say("queries: " + ", ".join(f"{k} p95 {v['p95_ms']} ms" for k, v in lat.items()))
        since = export_since(db, min(EXPORT_QUOTES, manifest["counts"]["quotes"]))
        try:
            results["export"] = bench_exports(qdb, since)
        except (ImportError, AttributeError) as exc:
            results["export"] = {"error": f"export not available: {exc}"}
        say(f"export: {results['export']}")
    top = manifest["top_speakers"][0]
    word = max(calls["fts"][6].split(), key=len).strip('"')
    results["first_row"] = first_row(db, ["search", word])
    results["first_row_speaker"] = first_row(db, ["search", "--speaker", top])
    results["imports"] = {name: heavy_imports(db, argv) for name, argv in (
        ("search", ["search", "government"]), ("speaker", ["speaker", top]),
        ("outlet", ["outlet", manifest["top_outlets"][0]]), ("check", ["check", manifest["repeated_quotes"][0]]))}
    say(f"shell: {results['first_row']}; {results['first_row_speaker']}; imports {results['imports']}")
    return results


# ---------------------------------------------------------------- store cost per article
def bench_store(args, work: Path) -> dict:
    from quotetrack.extract import Extractor
    from quotetrack.reader import read_article
    from quotetrack.store import open_db

    db, manifest = big_db(args)
    paths = sorted((args.corpus / "text").glob("*.txt"))[:args.store_articles]
    articles = [read_article(p) for p in paths]
    extracted = list(Extractor().extract_many(articles, workers=1))
    copy = work / "big-copy.db"
    t0 = time.perf_counter()
    shutil.copyfile(db, copy)
    say(f"store: copied the synthetic database in {time.perf_counter() - t0:.1f} s")
    out = {"articles": len(extracted), "quotes": sum(len(q) for _, q in extracted)}
    for label, path in (("empty", work / "empty.db"), ("big", copy)):
        with open_db(str(path)) as store:
            times = []
            for article, quotes in extracted:
                t0 = time.perf_counter()
                store.add_article(article, quotes)
                times.append((time.perf_counter() - t0) * 1000)
        out[label] = {"median_ms": round(median(times), 2), "p95_ms": round(percentile(times, 95), 2),
                      "per_quote_ms": round(sum(times) / max(1, out["quotes"]), 3)}
    out["ratio"] = round(out["big"]["median_ms"] / out["empty"]["median_ms"], 2)
    say(f"store: add_article {out['empty']['median_ms']} ms empty, {out['big']['median_ms']} ms at "
        f"{manifest['counts']['quotes']:,} quotes")
    copy.unlink()
    return out


# ---------------------------------------------------------------- memory over a long ingest
_QUOTED = re.compile(r"[\"“”]")


def synthetic_articles(corpus: Path, folder: Path, n: int, seed: int) -> int:
    """Write ``n`` articles made of quote-bearing corpus paragraphs -> their words."""
    import polnear

    paras = []
    for p in sorted((corpus / "text").glob("*.txt")):
        paras += [x.strip() for x in polnear.read_text(p).split("\n\n") if _QUOTED.search(x) and 20 < len(x) < 900]
    if not paras:
        raise SystemExit(f"{corpus}: no paragraphs with quote marks to build articles from")
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(n):
        body = "\n\n".join(rng.choice(paras) for _ in range(MEMORY_PARAGRAPHS))
        text = f"Dispatch number {i + 1}\n\n{body}\n\nThis is dispatch {i + 1} of the series.\n"
        words += len(text.split())
        (folder / f"{i + 1:06d}.txt").write_text(text, encoding="utf-8")
    return words


def bench_memory(args, work: Path) -> dict:
    out = {}
    for n in args.memory_articles:
        folder = work / f"articles-{n}"
        words = synthetic_articles(args.corpus, folder, n, args.seed)
        r = ingest_run([folder], work / f"memory-{n}.db", args.workers, words)
        out[str(n)] = {"articles": n, "words": words, **{k: r[k] for k in (
            "seconds", "words_per_s", "peak_tree_pss_mb", "peak_tree_rss_mb", "peak_process_rss_mb", "summary")}}
        say(f"memory: {n} articles, peak tree PSS {r['peak_tree_pss_mb']} MB, "
            f"largest process {r['peak_process_rss_mb']} MB")
        shutil.rmtree(folder)
    small, large = (out[str(n)] for n in (min(args.memory_articles), max(args.memory_articles)))
    out["growth_pss"] = round(large["peak_tree_pss_mb"] / small["peak_tree_pss_mb"] - 1, 3)
    out["growth_process_rss"] = round(large["peak_process_rss_mb"] / small["peak_process_rss_mb"] - 1, 3)
    return out


# ---------------------------------------------------------------- report
def verdicts(res: dict) -> dict[str, dict]:
    v = {}
    if "ingest" in res:
        v["ingest ≥ 1.5× spaCy"] = {"figure": res["ingest"]["ratio"], "met": res["ingest"]["ratio"] >= 1.5}
    if "queries" in res:
        for name, lat in res["queries"]["latency"].items():
            v[f"{name} p95 < 50 ms"] = {"figure": lat["p95_ms"], "met": lat["p95_ms"] < TARGETS["query_p95_ms"]}
        for key in ("first_row", "first_row_speaker"):
            fr = res["queries"][key]
            if "median_s" in fr:
                v[f"{fr['command']} < 0.5 s"] = {"figure": fr["median_s"],
                                                 "met": fr["median_s"] < TARGETS["first_row_s"]}
        imports = res["queries"]["imports"]
        v["query commands without spaCy"] = {"figure": imports,
                                             "met": all(isinstance(m, list) and "spacy" not in m
                                                        for m in imports.values())}
    if "store" in res:
        v["ingest cost flat (big/empty)"] = {"figure": res["store"]["ratio"],
                                             "met": res["store"]["ratio"] <= TARGETS["store_cost_ratio"]}
    if "memory" in res:
        v["memory flat (≤ +20%)"] = {"figure": res["memory"]["growth_pss"],
                                    "met": res["memory"]["growth_pss"] <= TARGETS["memory_growth"]}
    return v


def report(res: dict) -> str:
    m = res["machine"]
    lines = [f"machine: {m['cpus']} CPUs, {m['cpu']}, {m['memory_gb']} GB; Python {m['python']}, spaCy {m['spacy']}, "
             f"SQLite {m['sqlite']}; commit {m['commit']}"]
    if "ingest" in res:
        g = res["ingest"]
        lines += [f"\ningest: {g['texts']} texts, {g['words']:,} words, {g['workers']} processes, "
                  f"median of {len(g['runs'])} runs",
                  f"  spaCy full pipeline (batch {g['best_batch_size']}): {g['baseline_words_per_s']:,} words/s "
                  f"({g['baseline_process_words_per_s']:,} with import and model load); peak tree PSS "
                  f"{g['baseline_peak_tree_pss_mb']} MB, largest process {g['baseline_peak_process_rss_mb']} MB",
                  f"  quotetrack ingest, end to end: {g['ingest_words_per_s']:,} words/s; peak tree PSS "
                  f"{g['ingest_peak_tree_pss_mb']} MB, largest process {g['ingest_peak_process_rss_mb']} MB",
                  f"  ratio {g['ratio']}× (against the baseline with its start-up: {g['ratio_process']}×)",
                  "  batch trials: " + ", ".join(f"{t['batch_size']}: {t['words_per_s']:,} w/s"
                                                for t in g["batch_trials"])]
        if g["accuracy"]:
            a = g["accuracy"]
            lines.append(f"  accuracy of this run: direct-quote F1@0.3 {a['quotes_f1@0.3']}, F1@0.8 "
                         f"{a['quotes_f1@0.8']}, speaker accuracy {a['speaker_accuracy']}, end-to-end F1 "
                         f"{a['end_to_end_f1']} ({a['gold_quotes']} gold, {a['predictions']} predicted)")
    if "queries" in res:
        q = res["queries"]
        lines.append(f"\nqueries on {q['database']['quotes']:,} quotes ({q['database_mb']} MB), in-process:")
        for name, lat in q["latency"].items():
            extra = f", errors {lat['errors']}" if lat.get("errors") else ""
            lines.append(f"  {name:18} median {lat['median_ms']:8.2f} ms   p95 {lat['p95_ms']:8.2f} ms   "
                         f"max {lat['max_ms']:8.2f} ms ({lat['calls']} calls{extra}; slowest: {lat['slowest_call']})")
        for fmt, e in q["export"].items():
            lines.append(f"  export {fmt}: {e}")
        lines.append(f"  shell: {q['first_row']}; {q['first_row_speaker']}")
        lines.append(f"  heavy imports: {q['imports']}")
    if "store" in res:
        s = res["store"]
        lines.append(f"\nstore.add_article ({s['articles']} articles, {s['quotes']} quotes): empty "
                     f"{s['empty']['median_ms']} ms median / {s['empty']['p95_ms']} p95; big "
                     f"{s['big']['median_ms']} / {s['big']['p95_ms']}; ratio {s['ratio']}")
    if "memory" in res:
        mem = res["memory"]
        for k, r in mem.items():
            if isinstance(r, dict):
                lines.append(f"\nmemory, {r['articles']} articles ({r['words']:,} words, {r['seconds']} s): peak tree "
                             f"PSS {r['peak_tree_pss_mb']} MB, RSS {r['peak_tree_rss_mb']} MB, largest process "
                             f"{r['peak_process_rss_mb']} MB")
        lines.append(f"  growth: PSS {mem['growth_pss']:+.1%}, largest process {mem['growth_process_rss']:+.1%}")
    lines.append("\ntargets:")
    for name, v in res["verdicts"].items():
        lines.append(f"  {'met   ' if v['met'] else 'MISSED'} {name}: {v['figure']}")
    return "\n".join(lines)


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 2)[2])
    ap.add_argument("corpus", type=Path, help="a folder with text/*.txt (and PolNeAR attributions/, optional)")
    ap.add_argument("--workers", type=positive_int, default=os.cpu_count() or 1)
    ap.add_argument("--repeat", type=positive_int, default=3)
    ap.add_argument("--limit", type=positive_int, default=None, help="only the first N texts (ingest section)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--only", action="append", choices=SECTIONS, help="run only this section (repeatable)")
    ap.add_argument("--batch-sizes", type=positive_ints, default=[4, 16, 64])
    ap.add_argument("--big-db", default=None, help="where the synthetic database is kept (generated when missing)")
    ap.add_argument("--scale", type=positive_float, default=1.0, help="size of the synthetic database (1 = a million quotes)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--store-articles", type=positive_int, default=30)
    ap.add_argument("--memory-articles", type=positive_ints, default=[1000, 10000])
    ap.add_argument("--work-dir", type=Path, default=None, help="keep the databases here (default: a temporary folder)")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        ap.error(f"{args.corpus}: no such folder")
    if args.work_dir is not None and args.work_dir.exists() and not args.work_dir.is_dir():
        ap.error(f"--work-dir {args.work_dir}: not a folder")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    sections = args.only or list(SECTIONS)
    started = time.perf_counter()
    res: dict = {"machine": machine()}
    with tempfile.TemporaryDirectory(prefix="quotetrack-bench-") as tmp:
        work = args.work_dir or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        for name, fn in (("ingest", bench_ingest), ("queries", bench_queries), ("store", bench_store),
                         ("memory", bench_memory)):
            if name in sections:
                t0 = time.perf_counter()
                res[name] = fn(args, work)
                res[name]["section_seconds"] = round(time.perf_counter() - t0, 1)
    res["verdicts"] = verdicts(res)
    res["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(res, indent=1, ensure_ascii=False) if args.json else report(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
