#!/usr/bin/env python3
"""Evaluate quotetrack on a corpus in PolNeAR's layout: direct quotes, speakers, claims, speed.

    python scripts/evaluate.py CORPUS_DIR [--split-name NAME] [--json] [--by-publisher]
        [--workers N] [--model M] [--predictions FILE.jsonl] [--save-predictions FILE.jsonl]
        [--errors N] [--bootstrap N]

CORPUS_DIR holds text/NAME.txt and attributions/NAME_ANNOTATOR.ann (BRAT standoff; the
first annotator file in sorted order is the gold); metadata.tsv one level up gives each
file's publisher. The extractor runs over every text (or --predictions supplies its JSONL
output instead) and the figures are printed: quote precision/recall/F1 at overlap 0.3 and
0.8, speaker accuracy and "canonical name right" (by rule, by the sieve that named the
speaker and by the kind of gold source), end-to-end F1, the same for every annotated claim,
and words per second of the extraction. The conventions are in the docstring of polnear.py.
--bootstrap N adds a 90% interval to the main figures, from N resamples of the articles.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import polnear  # noqa: E402

MAIN_FIGURES = ("files", "gold_quotes", "quotes_f1@0.3", "quotes_f1@0.8", "speaker_accuracy",
                "canonical_name", "end_to_end_f1", "gold_claims", "claims_f1@0.3", "claims_f1@0.8",
                "claims_source_accuracy")


# ---------------------------------------------------------------- running the extractor
def run_extractor(docs, corpus_dir, *, model=None, workers=1):
    """Extract from every text -> (JSONL rows, speed figures). Only the extraction loop is
    timed; loading the model is reported apart."""
    from quotetrack.extract import Extractor
    from quotetrack.reader import read_article

    t0 = time.perf_counter()
    ex = Extractor(model=model)
    if workers == 1:
        getattr(ex, "nlp", None)  # load the model now, so that only extraction is timed
    load = time.perf_counter() - t0
    articles = [read_article(Path(corpus_dir) / "text" / d.name) for d in docs]
    rows = []
    t0 = time.perf_counter()
    for d, (article, quotes) in zip(docs, ex.extract_many(articles, workers=workers, batch_size=16)):
        if isinstance(quotes, Exception):
            print(f"evaluate: {quotes}", file=sys.stderr)  # scored as if nothing was found
            continue
        rows.extend(q.to_dict(file=d.name, article=article) for q in quotes)
    seconds = time.perf_counter() - t0
    n_words = sum(len(a.text.split()) for a in articles)
    speed = {"words": n_words, "seconds": round(seconds, 2), "words_per_second": round(n_words / seconds) if seconds else None,
             "model_load_seconds": round(load, 2), "workers": workers, "model": model}
    return rows, speed


def git_commit() -> str | None:
    """The quotetrack checkout's commit (with -dirty when it has uncommitted changes)."""
    try:
        import quotetrack
        repo = os.path.dirname(os.path.dirname(os.path.abspath(quotetrack.__file__)))
        out = subprocess.run(["git", "-C", repo, "describe", "--always", "--dirty", "--abbrev=10"],
                             capture_output=True, text=True, timeout=10)
    except (ImportError, OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None


# ---------------------------------------------------------------- figures
def main_figures(q: dict, c: dict) -> dict:
    """The headline figures from the quote and claim figures."""
    return dict(zip(MAIN_FIGURES, (
        q["files"], q["gold_quotes"], q["quotes@0.3"]["f1"], q["quotes@0.8"]["f1"], q["speaker@0.3"]["accuracy"],
        q["speaker@0.3"]["accuracy_canonical_name"], q["end_to_end@0.3"]["f1"], c["gold_claims"],
        c["claims@0.3"]["f1"], c["claims@0.8"]["f1"], c["speaker@0.3"]["accuracy"])))


def evaluate(docs, rows, *, by_publisher=False) -> tuple[dict, polnear.Scored, polnear.Scored]:
    quotes, claims = polnear.score_quotes(docs, rows), polnear.score_claims(docs, rows)
    out = {"words": sum(d.words for d in docs), "quotes": quotes.figures, "claims": claims.figures}
    if by_publisher:
        groups: dict[str, list] = {}
        for d in docs:
            groups.setdefault(d.publisher, []).append(d)
        out["by_publisher"] = {p: main_figures(polnear.score_quotes(g, rows).figures, polnear.score_claims(g, rows).figures)
                               for p, g in sorted(groups.items())}
    return out, quotes, claims


# ---------------------------------------------------------------- uncertainty
INTERVAL_FIGURES = ("quotes_f1@0.3", "speaker_accuracy", "canonical_name", "end_to_end_f1",
                    "claims_f1@0.3", "claims_source_accuracy")


def file_counts(s: polnear.Scored) -> dict[str, collections.Counter]:
    """What each file adds to a unit's main figures, so that any bag of files can be scored
    again by adding up counts."""
    counts = {}
    for name, golds in s.golds.items():
        c = counts[name] = collections.Counter()
        c["tp"], c["pred"], c["gold"] = len(s.matches[0.3][name]), len(s.preds[name]), len(golds)
        c["gold_with_source"] = sum(1 for g in golds if g.source)
    for p in s.pairs:
        c = counts[p.file]
        c["judged"] += p.judged
        c["right"] += p.judged and p.right
        c["canonical"] += p.judged and bool(p.rules & {"name", "linked"})
        c["matched_without_source"] += not p.judged
    return counts


def unit_figures(c: collections.Counter) -> tuple[float, float, float, float]:
    """F1@0.3, speaker accuracy, canonical name right and end-to-end F1 from summed counts,
    as score_unit computes them."""
    ratio = lambda a, b: a / b if b else 0.0
    return (ratio(2 * c["tp"], c["pred"] + c["gold"]), ratio(c["right"], c["judged"]),
            ratio(c["canonical"], c["judged"]),
            ratio(2 * c["right"], c["pred"] - c["matched_without_source"] + c["gold_with_source"]))


def bootstrap(quotes: polnear.Scored, claims: polnear.Scored, n: int, seed: int = 0) -> dict[str, list[float]]:
    """A 90% interval for each main figure: the spread another set of as many articles of the
    same kind would give, by resampling the articles with replacement (the percentile
    bootstrap; Efron and Tibshirani, An Introduction to the Bootstrap, 1993). Articles, not
    quotes, are resampled, because the quotes of one article stand or fall together."""
    q, c = file_counts(quotes), file_counts(claims)
    names = sorted(q)
    rng = random.Random(seed)
    samples = []
    for _ in range(n):
        bag = rng.choices(names, k=len(names))
        qf = unit_figures(sum((q[f] for f in bag), collections.Counter()))
        cf = unit_figures(sum((c[f] for f in bag), collections.Counter()))
        samples.append((qf[0], qf[1], qf[2], qf[3], cf[0], cf[1]))
    out = {}
    for k, name in enumerate(INTERVAL_FIGURES):
        values = sorted(s[k] for s in samples)
        out[name] = [round(values[int(0.05 * n)], 4), round(values[max(0, int(0.95 * n) - 1)], 4)]
    return out


# ---------------------------------------------------------------- report
def _prf_rows(lines, unit, fig):
    lines.append(f"  {'':24}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}")
    rows = [(f"{unit} @{t}", fig[f"{unit}@{t}"]) for t in polnear.THRESHOLDS] + [("end-to-end @0.3", fig["end_to_end@0.3"])]
    for name, r in rows:
        lines.append(f"  {name:24}{r['precision']:7.3f}{r['recall']:7.3f}{r['f1']:7.3f}{r['tp']:6}{r['fp']:6}{r['fn']:6}")
    at = fig[f"{unit}@0.3"]
    lines.append("  recall by gold kind @0.3: " + ", ".join(f"{k} {v:.3f}" for k, v in at["recall_by_gold_kind"].items()))
    if at["precision_by_pred_kind"]:
        lines.append("  precision by predicted kind @0.3: "
                     + ", ".join(f"{k} {v:.3f}" for k, v in at["precision_by_pred_kind"].items()))


def _speaker_rows(lines, fig, what):
    s = fig["speaker@0.3"]
    lines.append(f"  {what} over {s['judged']} matched pairs with a gold source ({s['gold_without_source']} without): "
                 f"accuracy {s['accuracy']:.3f}, canonical name right {s['accuracy_canonical_name']:.3f}")
    lines.append("    rules firing: " + ", ".join(
        f"{r} {v['fires']} ({v['rate']:.3f}, only rule {v['only']})" for r, v in s["rules"].items()))
    for title, key in (("by sieve", "by_sieve"), ("by gold source", "by_gold_source")):
        lines.append(f"    {title:24}{'judged':>8}{'acc':>8}{'canon':>8}")
        for k, v in s[key].items():
            lines.append(f"      {k:22}{v['judged']:8}{v['accuracy']:8.3f}{v['canonical_name']:8.3f}")


def report(out: dict) -> str:
    q, c = out["quotes"], out["claims"]
    lines = [f"{out['split']}: {q['files']} files, {out['words']:,} words; {q['gold_quotes']} gold direct quotes, "
             f"{c['gold_claims'] + c.get('gold_without_content', 0)} annotated attributions"
             + (f"; quotetrack {out['commit']}" if out.get("commit") else "")]
    sp = out.get("speed")
    if sp:
        load = (f"model load {sp['model_load_seconds']:.1f} s before timing" if sp["workers"] == 1
                else "the workers load their models within the timed run")
        lines.append(f"extraction: {sp['words']:,} words in {sp['seconds']:.1f} s = {sp['words_per_second']:,} words/s "
                     f"({sp['workers']} worker{'s' if sp['workers'] != 1 else ''}; {load})")
    else:
        lines.append(f"predictions read from {out['predictions_file']} (no extraction run, no speed figure)")
    notes = [k for k in ("ignored_indirect", "ignored_unknown_file", "invalid_span", "text_differs_from_offsets",
                         "bad_json_lines") if out.get(k) or q.get(k)]
    lines.append(f"\nDirect quotes: {q['predictions']} predictions (direct and mixed)"
                 + "".join(f"; {k} {out.get(k) or q.get(k)}" for k in notes))
    _prf_rows(lines, "quotes", q)
    _speaker_rows(lines, q, "speaker")
    lines.append(f"\nClaims (every attribution): {c['predictions']} predictions (all kinds)"
                 + (f"; {c['gold_without_content']} gold attributions without content left out" if c.get("gold_without_content") else ""))
    _prf_rows(lines, "claims", c)
    _speaker_rows(lines, c, "source")
    if "intervals" in out:
        b = out["bootstrap"]
        lines.append(f"\n90% intervals over articles ({b['resamples']} resamples of {q['files']} files, seed {b['seed']}):")
        main = main_figures(q, c)
        for name, (lo, hi) in out["intervals"].items():
            lines.append(f"  {name:24}{main[name]:7.3f}   {lo:.3f} – {hi:.3f}")
    if "by_publisher" in out:
        lines.append("\nBy publisher:")
        heads = ("files", "quotes", "F1@.3", "F1@.8", "spkr", "canon", "e2e", "claims", "F1@.3", "F1@.8", "source")
        lines.append(f"  {'publisher':14}" + "".join(f"{h:>8}" for h in heads))
        for p, v in out["by_publisher"].items():
            cells = [f"{v[k]:8}" if isinstance(v[k], int) else f"{v[k]:8.3f}" for k in MAIN_FIGURES]
            lines.append(f"  {p:14}" + "".join(cells))
    return "\n".join(lines)


# ---------------------------------------------------------------- error examples
def _clip(s: str, n: int = 160) -> str:
    """Whitespace runs as one space; longer than n characters: its middle left out."""
    s = re.sub(r"\s+", " ", s)
    return s if len(s) <= n else s[: n // 2 - 2] + " … " + s[-(n // 2 - 2):]


def context(text: str, spans: list[tuple[int, int, str, str]], keep: int = 160) -> str:
    """The line around ``spans`` with each span wrapped in its markers, e.g.
    (start, end, "[[", "]]"); a stretch longer than ``keep`` between two markers is shortened
    in its middle, so every marker stays visible."""
    spans = [s for s in spans if s[1] > s[0]]
    lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
    lo = max(text.rfind("\n", 0, lo) + 1, lo - keep)
    nl = text.find("\n", hi)
    hi = min(nl if nl >= 0 else len(text), hi + keep)
    # opening markers: outer (longer) span first; closing markers: inner span first
    inserts = sorted([(s, 1, -e, o) for s, e, o, c in spans] + [(e, 0, -s, c) for s, e, o, c in spans])
    out, pos = [], lo
    for at, _, _, mark in inserts:
        out.append(_clip(text[pos:at], keep) if out else _clip(text[pos:at], 10 * keep)[-keep:])
        out.append(mark)
        pos = max(pos, at)
    out.append(_clip(text[pos:hi], 10 * keep)[:keep])
    return "".join(out).strip()


def _spread(items: list, n: int) -> list:
    """n items spread evenly over the list (so that one file does not fill the examples)."""
    if len(items) <= n:
        return items
    return [items[k * len(items) // n] for k in range(n)]


def _src(spans) -> str:
    return " / ".join(f"{s.text!r}@{s.start}" for s in spans) or "(none)"


def error_examples(docs, quotes: polnear.Scored, claims: polnear.Scored, n: int) -> dict[str, list[str]]:
    """n examples of each error type, as printable blocks."""
    text = {d.name: d.text for d in docs}
    m3, m8 = quotes.matches[0.3], quotes.matches[0.8]
    missed, spurious, boundary, wrong = [], [], [], []
    for d in docs:
        f, preds, golds = d.name, quotes.preds[d.name], quotes.golds[d.name]
        hit = {j for j, _ in m3[f].values()}
        claim_pieces = [polnear._gold_pieces(a, d.text) for a in claims.golds[f]]
        for j, g in enumerate(golds):
            if j in hit:
                continue
            near = max(((polnear.overlap(p["span"], [(g.start, g.end)]), p) for p in preds), key=lambda x: x[0], default=(0, None))
            nearest = (f"nearest prediction overlaps {near[0]:.2f}: {_clip(near[1]['text'] or '', 100)!r}" if near[0] > 0
                       else "no prediction overlaps it")
            missed.append(f"{f} [{g.start}:{g.end}] {g.kind}{' ' + ','.join(g.flags) if g.flags else ''}: "
                          f"{_clip(g.text)!r}\n    gold source {_src(g.source)}, cue {_src(g.cue)}; {nearest}\n"
                          f"    | {context(text[f], [(g.start, g.end, '«', '»')] + [(s.start, s.end, '[[', ']]') for s in g.source])}")
        for i, p in enumerate(preds):
            s, e = p["span"]
            if i not in m3[f]:
                inside = max((polnear.overlap((s, e), pc) for pc in claim_pieces), default=0)
                where = (f"overlaps an annotated claim by {inside:.2f}" if inside > 0 else "inside no annotated attribution")
                spurious.append(f"{f} [{p.get('start')}:{p.get('end')}] {p.get('kind')}: {_clip(p.get('text') or '')!r}\n"
                                f"    speaker {p.get('speaker')!r} (sieve {p.get('sieve')}); {where}; flags {p.get('flags') or []}\n"
                                f"    | {context(text[f], [(s, e, '«', '»')])}")
            elif i not in m8[f]:
                j, ov = m3[f][i]
                g = golds[j]
                boundary.append(f"{f} overlap {ov:.2f}\n    gold [{g.start}:{g.end}] {_clip(g.text, 200)!r}\n"
                                f"    pred [{s}:{e}] {_clip(text[f][s:e], 200)!r}")
    for pair in quotes.pairs:
        if not pair.judged or pair.right:
            continue
        f = pair.file
        p, g = quotes.preds[f][pair.pred], quotes.golds[f][pair.gold]
        m = p.get("speaker_mention") if isinstance(p.get("speaker_mention"), dict) else None
        marks = [(g.start, g.end, "«", "»")] + [(s.start, s.end, "[[", "]]") for s in g.source]
        if m and isinstance(m.get("start"), int):
            marks.append((m["start"], m["end"], "{{", "}}"))
        mention = f"{m.get('text')!r}@{m.get('start')}" if m else "(no mention)"
        wrong.append(f"{f} [{g.start}:{g.end}] {_clip(g.text, 100)!r}\n"
                     f"    gold source {_src(g.source)} ({', '.join(polnear.source_type(s.text) for s in g.source)})"
                     f" | predicted {mention} speaker {p.get('speaker')!r} sieve {p.get('sieve')}\n"
                     f"    | {context(text[f], marks)}")
    return {"missed gold quotes": _spread(missed, n), "spurious predictions": _spread(spurious, n),
            "boundaries (matched at 0.3, not at 0.8)": _spread(boundary, n), "wrong speakers": _spread(wrong, n),
            "_totals": [len(missed), len(spurious), len(boundary), len(wrong)]}


def print_errors(ex: dict) -> None:
    totals = ex.pop("_totals")
    print("\nError examples ( «quote»  [[gold source]]  {{predicted mention}} ):")
    for (title, items), total in zip(ex.items(), totals):
        print(f"\n== {title}: {len(items)} of {total}")
        for item in items:
            print("  " + item)


# ---------------------------------------------------------------- command line
def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", metavar="CORPUS_DIR", help="text/ and attributions/ in PolNeAR's layout")
    ap.add_argument("--split-name", metavar="NAME", help="name shown in the report (default: the directory name)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--by-publisher", action="store_true", help="the main figures per publisher (metadata.tsv)")
    ap.add_argument("--workers", type=int, default=1, metavar="N", help="extraction processes (default 1)")
    ap.add_argument("--model", metavar="M", help="spaCy model for the extractor (default: its own)")
    ap.add_argument("--predictions", metavar="FILE.jsonl", help="score this JSONL instead of running the extractor")
    ap.add_argument("--save-predictions", metavar="FILE.jsonl", help="write the extractor's records as JSONL")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print N examples of each error type")
    ap.add_argument("--bootstrap", type=int, default=0, metavar="N",
                    help="90%% intervals of the main figures from N resamples of the articles (1000 is usual)")
    ap.add_argument("--seed", type=int, default=0, help="random seed of --bootstrap (default 0)")
    a = ap.parse_args(argv)
    if a.workers < 1:
        ap.error("--workers must be at least 1")
    if a.bootstrap < 0:
        ap.error("--bootstrap must be 0 (off) or more")
    if a.errors < 0:
        ap.error("--errors must be 0 (none) or more")
    if a.save_predictions:  # found out now, not after the whole extraction
        folder = os.path.dirname(os.path.abspath(a.save_predictions))
        if os.path.isdir(a.save_predictions) or not os.path.isdir(folder):
            ap.error(f"--save-predictions {a.save_predictions}: cannot write a file there")
    if a.predictions and (a.save_predictions or a.model):
        ap.error("--predictions scores an existing file; --save-predictions and --model need an extraction run")
    if a.predictions and not os.path.isfile(a.predictions):
        ap.error(f"no predictions file {a.predictions}")
    return a


def main(argv=None) -> int:
    a = parse_args(argv)
    try:
        docs = polnear.load_corpus(a.corpus)
    except (polnear.CorpusError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = {"split": a.split_name or os.path.basename(os.path.normpath(a.corpus)), "corpus": a.corpus}
    if a.predictions:
        rows, bad = polnear.load_jsonl(a.predictions)
        out["predictions_file"] = a.predictions
        if bad:
            out["bad_json_lines"] = bad
    else:
        try:
            rows, out["speed"] = run_extractor(docs, a.corpus, model=a.model, workers=a.workers)
        except ImportError as exc:
            print(f"error: cannot run the extractor ({exc}); install the project with "
                  f"`pip install -e .` or score a file with --predictions", file=sys.stderr)
            return 2
        except Exception as exc:  # quotetrack's own errors (a model that will not load) in one line
            from quotetrack.errors import QuotetrackError

            if not isinstance(exc, QuotetrackError):
                raise
            print(f"error: {exc}", file=sys.stderr)
            return 2
        out["commit"] = git_commit()
        if a.save_predictions:
            with open(a.save_predictions, "w", encoding="utf-8") as fh:
                for r in rows:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    figures, quotes, claims = evaluate(docs, rows, by_publisher=a.by_publisher)
    out.update(figures)
    if a.bootstrap:
        out["bootstrap"] = {"resamples": a.bootstrap, "seed": a.seed, "level": 0.9}
        out["intervals"] = bootstrap(quotes, claims, a.bootstrap, a.seed)
    if a.json:
        if a.errors:
            out["errors"] = error_examples(docs, quotes, claims, a.errors)
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return 0
    print(report(out))
    if a.errors:
        print_errors(error_examples(docs, quotes, claims, a.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
