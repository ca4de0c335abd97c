"""scripts/evaluate.py and scripts/polnear.py on tiny PolNeAR-style corpora written here."""
import json
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
sys.path.insert(0, str(SCRIPTS))

import evaluate  # noqa: E402
import polnear  # noqa: E402


def brat(text, attributions):
    """BRAT lines for attributions given as {"content": [(s, e), ...], "source": [...], "cue": [...]}."""
    lines, t = [], 0
    for n, a in enumerate(attributions, 1):
        roles = []
        for role in ("content", "source", "cue"):
            pieces = a.get(role) or []
            if not pieces:
                continue
            t += 1
            offsets = ";".join(f"{s} {e}" for s, e in pieces)
            covered = " ".join(text[s:e] for s, e in pieces)
            lines.append(f"T{t}\t{role.capitalize()} {offsets}\t{covered}")
            roles.append(f"{role.capitalize()}:T{t}")
        t += 1
        cs, ce = (a.get("cue") or a["content"])[0]
        typ = "Attribution" if a.get("source") else "Attribution-no-source"
        lines.append(f"T{t}\t{typ} {cs} {ce}\t{text[cs:ce]}")
        lines.append(f"E{n}\t{typ}:T{t} " + " ".join(roles))
    return "\n".join(lines) + "\n"


def span(text, s, nth=0):
    """(start, end) of the nth occurrence of s in text."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def write_corpus(root: Path, files: dict, publishers=None) -> Path:
    """files: {name: (text, attributions)} -> CORPUS_DIR (root/split) with ../metadata.tsv."""
    corpus = root / "split"
    (corpus / "text").mkdir(parents=True)
    (corpus / "attributions").mkdir()
    rows = ["compartment\tfilename\tpublisher"]
    for name, (text, attrs) in files.items():
        (corpus / "text" / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
        (corpus / "attributions" / f"{name}_aaaa.ann").write_text(brat(text, attrs), encoding="utf-8")
        rows.append(f"split\t{name}\t{(publishers or {}).get(name, 'pub')}")
    (root / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return corpus


def pred(name, text, s, e, *, kind="direct", speaker=None, mention=None, sieve="test"):
    m = None
    if mention:
        ms, me = mention
        m = {"text": text[ms:me], "start": ms, "end": me}
    return {"file": f"{name}.txt", "text": text[s:e], "start": s, "end": e, "kind": kind,
            "speaker": speaker, "speaker_mention": m, "sieve": sieve}


# ---------------------------------------------------------------- quoted segments
@pytest.mark.parametrize("text, want", [
    ('“All of it,” he said.', ["All of it,"]),
    ("It’s ‘in Their Heads.’", ["in Their Heads."]),                       # apostrophe, then single marks
    ("Putin’s view, don’t ask", []),                                     # apostrophes are not marks
    ("the voters’ choice and Sanders’ bid", []),                         # a stray ’ is an apostrophe
    ("''This isn't reform,'' he said. ''It's anti-reform.''", ["This isn't reform,", "It's anti-reform."]),
    ('"The question: “As you know, who?” Yes."', ["The question: “As you know, who?” Yes."]),  # nested
    ('"It feels like, \'Meh, later,\'" he said.', ["It feels like, 'Meh, later,"]),  # edge marks trimmed
    ("”Mr. Trump is a shame.” ― Sonya", ["Mr. Trump is a shame."]),      # ” opening a paragraph
    ("“First paragraph.\n\n“Second paragraph.”", ["First paragraph.", "Second paragraph."]),
])
def test_quote_segments(text, want):
    segs = polnear.quote_segments(text, [(0, len(text))])
    assert [text[s:e] for s, e, _ in segs] == want


def test_segments_flags():
    text = 'He said "a cursory review" and "we won." Later, "still open'
    segs = polnear.quote_segments(text, [(0, len(text))])
    assert [(text[s:e], f) for s, e, f in segs] == [
        ("a cursory review", []), ("we won.", []), ("still open", ["unclosed"])]
    closing = 'went on. "Republicans want a photo op," said Cummings.'
    s, e = span(closing, 'Republicans want a photo op,"')
    assert [(closing[a:b], f) for a, b, f in polnear.quote_segments(closing, [(s, e)])] == [
        ("Republicans want a photo op,", ["open_outside", "unopened"])]
    para = "“One.\n\n“Two.”"
    assert polnear.quote_segments(para, [(0, len(para))])[0][2] == ["paragraph"]


def test_discontinuous_content_gives_a_segment_per_quote_and_one_across_a_gap():
    text = "“This is in their heads,” said Caddell. “It is one of the things. Democrats too.”"
    a, b = span(text, "“This is in their heads,”")
    c, _ = span(text, "“It is one")
    d, e = span(text, "Democrats too.”")
    segs = polnear.quote_segments(text, [(a, b), (c, d - 1), (d, e)])
    assert [text[s:e] for s, e, _ in segs] == ["This is in their heads,", "It is one of the things. Democrats too."]


# ---------------------------------------------------------------- corpus reading
def test_brat_reading_gold_and_kinds(tmp_path):
    text = "Smith said “we will win” today.\n\nJones said taxes would rise.\n"
    files = {"a": (text, [
        {"content": [span(text, "“we will win”")], "source": [span(text, "Smith")], "cue": [span(text, "said")]},
        {"content": [span(text, "taxes would rise")], "source": [span(text, "Jones")], "cue": [span(text, "said", 1)]},
        {"content": [span(text, "today")]},
    ])}
    corpus = write_corpus(tmp_path, files, {"a": "daily"})
    (corpus / "attributions" / "a_zzzz.ann").write_text("", encoding="utf-8")  # a later annotator is not used
    [doc] = polnear.load_corpus(corpus)
    assert doc.publisher == "daily" and doc.annotator == "aaaa"
    assert [a.direct for a in doc.attributions] == [True, False, False]
    assert [(q.text, q.kind, [s.text for s in q.source]) for q in doc.quotes] == [("we will win", "direct", ["Smith"])]
    quotes, claims = polnear.gold_rows([doc])
    assert len(quotes) == 1 and len(claims) == 3 and claims[2]["source"] == []


def test_mixed_kind_and_a_span_text_running_over_lines(tmp_path):
    text = "Caddell said the race was ‘in their heads.’"
    corpus = write_corpus(tmp_path, {"a": (text, [
        {"content": [span(text, "the race was ‘in their heads.’")], "source": [span(text, "Caddell")]}])})
    ann = corpus / "attributions" / "a_aaaa.ann"
    ann.write_text(ann.read_text(encoding="utf-8") + "T99\tDiscard 0 7\tCaddell\nsaid\n", encoding="utf-8")
    [doc] = polnear.load_corpus(corpus)
    assert [(q.text, q.kind) for q in doc.quotes] == [("in their heads.", "mixed")]


# ---------------------------------------------------------------- matching and scores
def test_match_is_one_to_one_and_greedy_by_best_overlap():
    golds = [[(0, 10)], [(10, 20)]]
    # (0, 10) takes gold 0 exactly; (0, 12) is left gold 1, sharing 2 of 12 characters
    assert polnear.match([(0, 12), (0, 10)], golds, 0.3) == {1: (0, 1.0)}
    assert polnear.match([(0, 12), (0, 10)], golds, 0.1) == {1: (0, 1.0), 0: (1, 2 / 12)}
    assert polnear.overlap((0, 10), [(0, 4), (6, 10)]) == 0.8               # gap between pieces not counted


def test_thresholds_trimming_and_speakers(tmp_path):
    text = ("Senator Ted Cruz said taxes were too high in Texas. “We will fight on and on and on,” he said.\n\n"
            "“Taxes are a disgrace and a shame,” said Smith. “Nobody likes them.”\n")
    he = (text.index(" he said") + 1, text.index(" he said") + 3)
    q1 = span(text, "We will fight on and on and on,")
    q2 = span(text, "Taxes are a disgrace and a shame,")
    q3 = span(text, "Nobody likes them.")
    smith = span(text, "Smith")
    files = {"a": (text, [
        {"content": [span(text, "taxes were too high")], "source": [span(text, "Senator Ted Cruz")]},
        {"content": [span(text, "“We will fight on and on and on,”")], "source": [he], "cue": [span(text, "said")]},
        {"content": [span(text, "“Taxes are a disgrace and a shame,”"), span(text, "“Nobody likes them.”")],
         "source": [smith], "cue": [span(text, "said", 1)]},
    ])}
    corpus = write_corpus(tmp_path, files)
    docs = polnear.load_corpus(corpus)
    assert [q.text for q in docs[0].quotes] == [text[slice(*q1)], text[slice(*q2)], text[slice(*q3)]]
    rows = [
        # marks included: trimmed before matching -> exact; speaker linked through "he" -> Ted Cruz
        pred("a", text, q1[0] - 1, q1[1] + 1, speaker="Ted Cruz", sieve="pronoun"),
        # half of q2: matches at 0.3, not at 0.8; mention overlaps the source
        pred("a", text, q2[0], q2[0] + 17, speaker="John Smith", mention=smith, sieve="cue"),
        # q3 with a wrong speaker
        pred("a", text, *q3, speaker="Ted Cruz", mention=(text.index("Cruz"), text.index("Cruz") + 4), sieve="cue"),
        pred("a", text, 0, 16, kind="mixed", speaker=None),  # spurious
        pred("a", text, 0, 16, kind="indirect"),             # ignored for quotes
    ]
    s = polnear.score_quotes(docs, rows)
    f = s.figures
    assert f["ignored_indirect"] == 1 and f["predictions"] == 4
    assert (f["quotes@0.3"]["tp"], f["quotes@0.3"]["fp"], f["quotes@0.3"]["fn"]) == (3, 1, 0)
    assert (f["quotes@0.8"]["tp"], f["quotes@0.8"]["fn"]) == (2, 1)
    sp = f["speaker@0.3"]
    assert sp["judged"] == 3 and sp["accuracy"] == round(2 / 3, 4)
    assert sp["rules"]["linked"]["fires"] == 1 and sp["rules"]["mention"]["fires"] == 1
    assert sp["rules"]["name"]["fires"] == 1                   # "John Smith" names the source "Smith"
    assert sp["accuracy_canonical_name"] == round(2 / 3, 4)
    assert sp["by_sieve"]["cue"] == {"judged": 2, "accuracy": 0.5, "canonical_name": 0.5}
    assert sp["by_gold_source"]["pronoun"]["accuracy"] == 1.0
    assert f["end_to_end@0.3"]["tp"] == 2 and f["end_to_end@0.3"]["fn"] == 1

    c = polnear.score_claims(docs, rows).figures
    assert c["gold_claims"] == 3 and c["predictions"] == 5
    assert c["claims@0.3"]["recall_by_gold_kind"] == {"direct": 1.0, "indirect": 0.0}
    assert c["claims@0.3"]["precision_by_pred_kind"] == {"direct": round(2 / 3, 4), "indirect": 0.0, "mixed": 0.0}


def test_linked_rule_refuses_another_first_name(tmp_path):
    text = "Bill Clinton spoke. “We did it,” he said.\n"
    he = (text.index(" he said") + 1, text.index(" he said") + 3)
    corpus = write_corpus(tmp_path, {"a": (text, [
        {"content": [span(text, "“We did it,”")], "source": [he]},
        {"content": [span(text, "spoke")], "source": [span(text, "Bill Clinton")]}])})
    docs = polnear.load_corpus(corpus)
    q = span(text, "We did it,")
    hillary = polnear.score_quotes(docs, [pred("a", text, *q, speaker="Hillary Clinton")]).figures
    bill = polnear.score_quotes(docs, [pred("a", text, *q, speaker="Bill Clinton")]).figures
    assert hillary["speaker@0.3"]["accuracy"] == 0.0
    assert bill["speaker@0.3"]["rules"]["linked"]["fires"] == 1


def test_quote_without_gold_source_is_left_out_of_speaker_scores(tmp_path):
    text = "Signs read “Lock her up” at the rally.\n"
    corpus = write_corpus(tmp_path, {"a": (text, [{"content": [span(text, "“Lock her up”")]}])})
    docs = polnear.load_corpus(corpus)
    f = polnear.score_quotes(docs, [pred("a", text, *span(text, "Lock her up"), speaker="Trump")]).figures
    assert f["speaker@0.3"]["judged"] == 0 and f["speaker@0.3"]["gold_without_source"] == 1
    assert f["end_to_end@0.3"]["tp"] == 0 and f["end_to_end@0.3"]["fp"] == 0


# ---------------------------------------------------------------- command line
def test_cli_with_predictions_json_publishers_and_errors(tmp_path, capsys):
    text = "“We will win,” said Smith.\n\nJones said “no way” at noon.\n"
    corpus = write_corpus(tmp_path, {
        "a": (text, [{"content": [span(text, "“We will win,”")], "source": [span(text, "Smith")]},
                     {"content": [span(text, "“no way”")], "source": [span(text, "Jones")]}]),
        "b": (text, [{"content": [span(text, "“We will win,”")], "source": [span(text, "Smith")]}])},
        {"a": "one", "b": "two"})
    preds = tmp_path / "p.jsonl"
    preds.write_text("\n".join(json.dumps(r) for r in [
        pred("a", text, *span(text, "We will win,"), speaker="Jones", mention=span(text, "Jones")),
        pred("b", text, *span(text, "We will win,"), speaker="Smith", mention=span(text, "Smith")),
        pred("b", text, *span(text, "no way"), speaker="Jones")]) + "\nnot json\n", encoding="utf-8")
    assert evaluate.main([str(corpus), "--predictions", str(preds), "--json", "--by-publisher"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["bad_json_lines"] == 1 and out["split"] == "split"
    assert out["by_publisher"]["one"]["quotes_f1@0.3"] == 0.6667
    assert out["by_publisher"]["two"]["speaker_accuracy"] == 1.0
    assert evaluate.main([str(corpus), "--predictions", str(preds), "--errors", "5", "--split-name", "tiny"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("tiny: 2 files")
    assert "== missed gold quotes: 1 of 1" in shown and "«no way»" in shown
    assert "== spurious predictions: 1 of 1" in shown
    assert "== wrong speakers: 1 of 1" in shown and "{{Jones}}" in shown and "[[Smith]]" in shown


def test_cli_refuses_a_directory_that_is_not_a_corpus(tmp_path, capsys):
    assert evaluate.main([str(tmp_path)]) == 2
    assert "text/NAME.txt" in capsys.readouterr().err


# ---------------------------------------------------------------- bootstrap intervals
def two_article_corpus(tmp_path):
    """Article a: one quote found with the right speaker, one missed. Article b: its one quote
    found, with a wrong speaker."""
    text = "“We will win,” said Smith.\n\nJones said “no way” at noon.\n"
    corpus = write_corpus(tmp_path, {
        "a": (text, [{"content": [span(text, "“We will win,”")], "source": [span(text, "Smith")]},
                     {"content": [span(text, "“no way”")], "source": [span(text, "Jones")]}]),
        "b": (text, [{"content": [span(text, "“We will win,”")], "source": [span(text, "Smith")]}])})
    rows = [pred("a", text, *span(text, "We will win,"), speaker="Smith", mention=span(text, "Smith")),
            pred("b", text, *span(text, "We will win,"), speaker="Jones", mention=span(text, "Jones"))]
    return corpus, rows


def test_counts_per_file_add_up_to_the_figures(tmp_path):
    corpus, rows = two_article_corpus(tmp_path)
    docs = polnear.load_corpus(corpus)
    for scored in (polnear.score_quotes(docs, rows), polnear.score_claims(docs, rows)):
        counts = evaluate.file_counts(scored)
        assert counts["a.txt"]["tp"] == 1 and counts["a.txt"]["gold"] == 2 and counts["b.txt"]["pred"] == 1
        f1, accuracy, canonical, e2e = evaluate.unit_figures(counts["a.txt"] + counts["b.txt"])
        fig = scored.figures
        assert round(f1, 4) == fig[f"{scored.unit}@0.3"]["f1"] == 0.8
        assert round(accuracy, 4) == fig["speaker@0.3"]["accuracy"] == 0.5
        assert round(canonical, 4) == fig["speaker@0.3"]["accuracy_canonical_name"]
        assert round(e2e, 4) == fig["end_to_end@0.3"]["f1"] == 0.4


def test_cli_bootstrap_interval_holds_the_figure_and_resamples_articles(tmp_path, capsys):
    corpus, rows = two_article_corpus(tmp_path)
    preds = tmp_path / "p.jsonl"
    preds.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert evaluate.main([str(corpus), "--predictions", str(preds), "--json", "--bootstrap", "200"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["bootstrap"] == {"resamples": 200, "seed": 0, "level": 0.9}
    speaker = out["intervals"]["speaker_accuracy"]
    assert speaker == [0.0, 1.0]  # a bag of only b's quotes, or only a's
    assert out["intervals"]["quotes_f1@0.3"] == [round(2 / 3, 4), 1.0]  # only a's, only b's
    assert evaluate.main([str(corpus), "--predictions", str(preds), "--bootstrap", "200"]) == 0
    assert "90% intervals over articles (200 resamples of 2 files, seed 0):" in capsys.readouterr().out


def test_cli_bootstrap_of_one_article_is_that_article(tmp_path, capsys):
    text = "“We will win,” said Smith.\n"
    corpus = write_corpus(tmp_path, {"a": (text, [{"content": [span(text, "“We will win,”")], "source": [span(text, "Smith")]}])})
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps(pred("a", text, *span(text, "We will win,"), speaker="Smith")) + "\n", encoding="utf-8")
    assert evaluate.main([str(corpus), "--predictions", str(preds), "--json", "--bootstrap", "50"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["intervals"]["quotes_f1@0.3"] == [1.0, 1.0] and out["intervals"]["canonical_name"] == [1.0, 1.0]


def test_cli_refuses_a_negative_bootstrap(tmp_path, capsys):
    corpus, _ = two_article_corpus(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        evaluate.main([str(corpus), "--bootstrap", "-1"])
    assert exit_.value.code == 2
    assert "--bootstrap must be 0 (off) or more" in capsys.readouterr().err


# ---------------------------------------------------------------- canonical_ceiling.py
FAKE_SCORER = '''
import json, os, re
MAX_MENTION_WORDS = 5
STOP = {"the", "president", "sen", "she", "said"}
def load_jsonl(path):
    with open(path) as fh:
        return [json.loads(line) for line in fh if line.strip()], 0
def key(f):
    return os.path.basename(f)
def name_tokens(s):
    return [w.lower() for w in re.findall(r"[^\\W_]+", s) if len(w) > 2 and w.lower() not in STOP]
def coref_names(chain, toks):
    ends = [re.findall(r"[^\\W_]+", m["text"])[-1:] for m in chain if len(m["text"].split()) <= MAX_MENTION_WORDS]
    return any(e and e[0].lower() == toks[-1] for e in ends)
'''


def test_canonical_ceiling_counts_sources_no_speaker_can_be_credited_for(tmp_path):
    import canonical_ceiling
    text = "Sen. Ted Cruz spoke. He said no. The president said yes. I said maybe. A nominee spoke. She agreed."
    src = lambda word, proper: {"text": word, "start": text.index(word), "end": text.index(word) + len(word),
                                "proper": proper}
    gold = [{"file": "a.txt", "source": [src("Ted Cruz", True)]},  # a name: the name rule credits it
            {"file": "a.txt", "source": [src("He", False)]},  # chained to "Sen. Ted Cruz"
            {"file": "a.txt", "source": [src("The president", False)]},  # chained to "I" only: nothing
            {"file": "a.txt", "source": [src("She", False)]},  # "A nominee": a speaker so described counts
            {"file": "a.txt", "source": []}]  # no source: not counted
    mention = lambda word: {"text": word, "start": text.index(word), "end": text.index(word) + len(word)}
    chains = [[mention("Sen. Ted Cruz"), mention("He")], [mention("The president"), mention("I")],
              [mention("A nominee"), mention("She")]]
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    (tmp_path / "coref.jsonl").write_text(json.dumps({"file": "a.txt", "chains": chains}) + "\n")
    (tmp_path / "score.py").write_text(FAKE_SCORER)
    scorer = canonical_ceiling.load_scorer(tmp_path / "score.py")
    assert canonical_ceiling.ceiling(tmp_path, scorer) == {
        "with_source": 4, "named": 1, "linked_to_a_name": 2, "no_name_in_reach": 1, "ceiling": 0.75,
        "linked_to_a_proper_name": 1, "ceiling_proper_names": 0.5}  # "A nominee" is no name


def test_canonical_ceiling_names_a_missing_file(tmp_path, capsys):
    import canonical_ceiling
    assert canonical_ceiling.main([str(tmp_path), "--scorer", str(tmp_path / "score.py")]) == 2
    assert capsys.readouterr().err == f"canonical_ceiling: {tmp_path / 'score.py'}: no such file\n"


@pytest.mark.parametrize("args, message", [
    (["--errors", "-1"], "error: --errors must be 0 (none) or more"),
    (["--save-predictions", "{tmp}/no/such/p.jsonl"], "error: --save-predictions {tmp}/no/such/p.jsonl: "
                                                      "cannot write a file there"),
])
def test_cli_refuses_options_before_any_work(tmp_path, capsys, args, message):
    corpus = write_corpus(tmp_path, {"a": ("Text.\n", [])})
    with pytest.raises(SystemExit) as exit_:
        evaluate.main([str(corpus), *(a.format(tmp=tmp_path) for a in args)])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].endswith(": " + message.format(tmp=tmp_path))  # after the prog name


def test_cli_names_a_corpus_folder_that_is_not_there(tmp_path, capsys):
    assert evaluate.main([str(tmp_path / "none")]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'none'}: no such folder\n"
