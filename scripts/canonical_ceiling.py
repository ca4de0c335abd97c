#!/usr/bin/env python3
"""The best "canonical name right" any prediction can reach under the reference scorer.

    python scripts/canonical_ceiling.py GOLD_DIR --scorer SCORE_PY [--claims] [--json]

GOLD_DIR is a gold export read by the reference scorer (``gold.jsonl``, ``gold_all.jsonl``
for --claims, ``coref.jsonl``); SCORE_PY is that scorer, whose own conventions are used.
A gold source that is a name credits a right speaker through its name; a pronoun or a
description ("he", "the president") credits one only when a coreference chain covering it
holds a short mention ending in the speaker's last name token (a word of three letters or
more that is not a title or a stopword: "Cruz", and also "nominee"). When no chain through it holds any name, no speaker
whatever is credited, so the share of such gold sources bounds the figure from above,
however right the attribution is.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from pathlib import Path


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def names_reachable(chain, scorer) -> bool:
    """Would some speaker be credited through this chain? Any name token of its mentions
    that a short mention ends in would be, by the scorer's own test."""
    tokens = {t for mention in chain for t in scorer.name_tokens(mention["text"])}
    return any(scorer.coref_names(chain, [t]) for t in tokens)


def proper_names_reachable(chain, scorer) -> bool:
    """The same, counting only mentions that end in a capitalised word ("Sen. Ted Cruz", not
    "the nominee"): the names a speaker is actually given."""
    ends = {words[-1] for mention in chain
            if (words := re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", mention["text"])) and words[-1][:1].isupper()}
    tokens = {t for end in ends for t in scorer.name_tokens(end)}
    return any(scorer.coref_names(chain, [t]) for t in tokens)


def ceiling(gold_dir: Path, scorer, claims: bool = False) -> dict:
    gold_rows, _ = scorer.load_jsonl(str(gold_dir / ("gold_all.jsonl" if claims else "gold.jsonl")))
    coref_rows, _ = scorer.load_jsonl(str(gold_dir / "coref.jsonl"))
    chains = {r["file"]: r["chains"] for r in coref_rows}
    counts = {"with_source": 0, "named": 0, "linked_to_a_name": 0, "no_name_in_reach": 0,
              "linked_to_a_proper_name": 0}
    for g in gold_rows:
        if not g["source"]:
            continue
        counts["with_source"] += 1
        if not all(s.get("proper") is False for s in g["source"]):
            counts["named"] += 1
            continue
        heads = [s["start"] + len(s["text"].rstrip(" ,.;:)(-—")) for s in g["source"]]
        reach = [ch for ch in chains.get(scorer.key(g["file"]), [])
                 if any(m["start"] < h <= m["end"] for m in ch for h in heads)]
        counts["linked_to_a_name" if any(names_reachable(ch, scorer) for ch in reach) else "no_name_in_reach"] += 1
        counts["linked_to_a_proper_name"] += any(proper_names_reachable(ch, scorer) for ch in reach)
    total = counts["with_source"]
    counts["ceiling"] = round(1 - counts["no_name_in_reach"] / total, 4) if total else 0.0
    counts["ceiling_proper_names"] = \
        round((counts["named"] + counts["linked_to_a_proper_name"]) / total, 4) if total else 0.0
    return counts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("--scorer", type=Path, required=True, help="the reference scorer, score.py")
    ap.add_argument("--claims", action="store_true", help="every attribution (gold_all.jsonl), not direct quotes")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    for need in (args.scorer, args.gold_dir / "coref.jsonl"):
        if not need.is_file():
            print(f"canonical_ceiling: {need}: no such file", file=sys.stderr)
            return 2
    c = ceiling(args.gold_dir, load_scorer(args.scorer), args.claims)
    if args.json:
        print(json.dumps(c))
    else:
        unit = "attributions" if args.claims else "direct-quote segments"
        print(f"{c['with_source']} gold {unit} with a source: {c['named']} named, "
              f"{c['linked_to_a_name']} pronouns or descriptions a chain links to a word a speaker can match, "
              f"{c['no_name_in_reach']} with no name in reach")
        print(f"canonical name right can reach at most {c['ceiling']:.3f}; "
              f"{c['ceiling_proper_names']:.3f} when a speaker is named by a proper name "
              f"({c['linked_to_a_proper_name']} pronouns or descriptions chained to one)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
