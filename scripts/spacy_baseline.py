#!/usr/bin/env python3
"""The benchmark's baseline: spaCy's full pipeline over texts with ``nlp.pipe``, nothing else.

    python scripts/spacy_baseline.py LIST_FILE [--workers N] [--batch-size B] [--model M]

LIST_FILE names one text file per line. The model is loaded with every component
(``spacy.load`` defaults); the texts are read as UTF-8 and streamed through
``nlp.pipe(n_process=N, batch_size=B)``, each document dropped once its tokens are counted.
Prints one JSON object: words (whitespace-separated, as the benchmark counts them), tokens,
and the seconds spent importing spaCy, loading the model and piping.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from benchtools import positive_int  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("list_file")
    ap.add_argument("--workers", type=positive_int, default=1)
    ap.add_argument("--batch-size", type=positive_int, default=16)
    ap.add_argument("--model", default=None, help="spaCy model (default: quotetrack's default model)")
    args = ap.parse_args(argv)
    if not os.path.isfile(args.list_file):
        ap.error(f"{args.list_file}: no such file (a list of text files, one per line)")
    t0 = time.perf_counter()
    import spacy

    from quotetrack.nlp import MAX_CHARS, default_model

    t1 = time.perf_counter()
    nlp = spacy.load(args.model or default_model())
    nlp.max_length = MAX_CHARS
    t2 = time.perf_counter()
    with open(args.list_file, encoding="utf-8") as fh:
        paths = [line.rstrip("\n") for line in fh if line.strip()]
    words = 0

    def texts():
        nonlocal words
        for p in paths:
            with open(p, encoding="utf-8") as f:
                text = f.read()
            words += len(text.split())
            yield text

    tokens = 0
    for doc in nlp.pipe(texts(), n_process=args.workers, batch_size=args.batch_size):
        tokens += len(doc)
    t3 = time.perf_counter()
    print(json.dumps({"texts": len(paths), "words": words, "tokens": tokens, "pipes": nlp.pipe_names,
                      "import_seconds": round(t1 - t0, 3), "load_seconds": round(t2 - t1, 3),
                      "pipe_seconds": round(t3 - t2, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
