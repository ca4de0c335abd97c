"""Who said a quote, and which outlet relayed it: ordered rules (sieves) over the parse.

For each quoted span the sieves are tried in order and the first that names a speaker wins;
its name is kept in ``Quote.sieve``:

0. ``transcript``: a quoted transcript turn names its speaker (""PENCE: Well, ...").
1. ``cue-tree``: a reporting verb governs the quote in the dependency tree
   ("..., Mironov said"; "told Russia to take a hike, saying that ... "commercial blackmail""),
   or any verb frames it (""...," an angry Hollande retaliated").
2. ``cue-noun``: a noun of speech governs the quote and its owner speaks ("his claim that
   people would "learn nothing""); ``cue-near``: a reporting verb elsewhere in the quote's
   sentence.
3. ``according-to``: "according to X".
4. ``colon``: the sentence before ends with a colon and names the speaker ("Caddell continued:").
5. ``dash``: a quote signed after a dash (""..." - Clinton."); ``headline``: a quote in a
   title-cased headline, spoken by the name that opens it ("Obama Sees 'Personal Insult' ...").
6. ``continuation``: a quote with no cue of its own continues the previous quote of its
   paragraph, or of the paragraph before when it opens its paragraph.
7. ``cue-before``: a quote sentence right after a sentence of its paragraph that reports
   someone, or a paragraph that is only a quote after a paragraph that ends so.
8. ``subject``: a quoted phrase in a clause whose subject is a known person.
9. ``backfill`` (over the whole article): a quote with no speaker that runs straight into
   an attributed one.
10. ``in-claim`` (in ``claims``, once claims are found): a quoted phrase no cue reaches,
   inside a claim's content, is the claim source's words.

The speaker is the subject of the cue, climbing through "went on to say", "noting that" and
the like; "X quoted Y as saying" makes Y the speaker and X the relaying outlet. Pronouns and
descriptions ("the senator") are resolved with ``People``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .clean import wire_dateline
from .lexicon import cues, gazetteer, regular_forms, titles
from .people import (NAME_PARTICLES, NOT_NAMES, ORG_WORDS, PROPER, SENTENCE_OPENERS, SUBJECT_DEPS, People, Person,
                     first_name_gender, fold, is_when, opens_sentence, org_run, outlet_prefix, role_prefix,
                     run_words, split_role, tag_known_surnames, without_honorifics)
from .quotemarks import QuoteSpan
from .reader import header_title
from .records import Quote, Span

SUBJ = {"nsubj", "nsubjpass", "csubj"}
FRAME_CHARS = 600
QUOTE_OPENERS = ('"', "“", "«", "„")
NOUN_PHRASE_TAGS = {"DT", "PRP$", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "HYPH", "POS"}
QUOTE_TOKENS = {'"', "“", "”", "''", "``", "‘", "’", "'", "«", "»", "„"}
CLIMB = {"xcomp", "advcl", "conj", "ccomp", "pcomp", "prep", "acl", "dep", "parataxis", "relcl"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"}
DASHES = {"-", "--", "—", "–"}
# "X was blunt: "..."": adjectives that say how words were spoken
SPOKEN_MANNER = {"blunt", "candid", "frank", "direct", "emphatic", "adamant", "unequivocal", "categorical",
                 "succinct", "explicit", "defiant", "unapologetic", "forthright", "scathing", "brutal", "brief"}
OUTLET_NOUNS = {"agency", "television", "tv", "radio", "newspaper", "paper", "daily", "network",
                "broadcaster", "channel", "magazine", "website", "outlet", "station", "wire", "tabloid",
                "weekly", "broadcast", "show", "program", "programme"}
RELAY_WORDS = {"told", "tell", "tells", "telling", "interview", "interviews", "comments", "remarks", "on",
               "with", "to", "quoted", "quoting", "quotes", "according", "reported", "reports", "broadcast",
               "aired", "published", "writing", "wrote", "essay", "op-ed", "column", "profile", "appeared",
               "appearing", "speaking", "spoke", "said", "says", "in", "by", "of", "episode", "edition",
               "told", "statement", "show", "program", "broadcasts", "report", "article", "piece"}
# nouns of speech whose owner speaks the quote they govern: "his claim that people would "learn nothing""
SPEECH_NOUNS = {"claim", "claims", "statement", "statements", "remark", "remarks", "comment", "comments",
                "assertion", "promise", "promises", "pledge", "vow", "warning", "words", "description",
                "charge", "accusation", "allegation", "prediction", "insistence", "argument", "message",
                "tweet", "tweets", "slogan", "motto", "mantra", "catchphrase", "call", "boast", "suggestion"}
# verbs of headlines that report a stance without being verbs of speech: "Black Lawmakers Rip ..."
HEADLINE_VERBS = {"on", "sees", "rips", "rip", "slams", "blasts", "hits", "knocks", "bashes", "touts", "rally",
                  "rallies", "questions", "calls", "urges", "says", "tells", "vows", "warns", "backs", "defends"}
PHRASAL = {"shoot": "back", "fire": "back", "hit": "back", "push": "back", "weigh": "in", "chime": "in", "go": "on"}
MODALS = {"will", "would", "could", "should", "might", "may", "must", "can", "'ll", "’ll", "'d", "’d"}
FUTURE = {"will", "'ll", "’ll"}
MOMENTS = {"point", "time", "times", "moment", "stage", "juncture"}  # "at one point calling ..."
WORK_NOUNS = {"statement", "tweet", "tweets", "remark", "remarks", "comment", "comments", "letter", "email",
              "e-mail", "post", "memo", "ad", "advertisement", "op-ed", "column", "essay", "speech",
              "message", "book", "website", "account", "video", "release", "report", "note", "memo"}
# what makes an unnamed source one worth quoting, part of how it is described
IN_THE_KNOW = {"familiar", "close", "closest", "briefed", "knowledgeable", "involved", "aware", "acquainted", "loyal"}
# verbs that put out a statement, a letter or an email (forms: the pipeline runs no lemmatizer)
ISSUING = {f for verb in ("issue", "release", "post", "publish", "circulate", "distribute", "email", "blast",
                          "air", "tweet") for f in regular_forms(verb)} | \
    {"send", "sends", "sent", "sending", "put", "puts", "putting", "run", "runs", "ran", "running"}
# verbs that take someone to task, or praise them, for what they said ("slammed Clinton for
# calling ...", not "gave Carson two Pinocchios for dismissing ...")
TAKING_TO_TASK = {f for verb in ("slam", "attack", "criticize", "criticise", "blast", "knock", "mock", "rebuke",
                                 "scold", "chastise", "praise", "thank", "applaud", "fault", "blame", "condemn",
                                 "ridicule", "lambaste", "berate", "commend", "credit", "hammer", "bash", "assail",
                                 "deride", "denounce", "taunt", "jab", "hit", "ding", "chide", "lash", "rip",
                                 "needle", "skewer", "pummel")
                  for f in regular_forms(verb)} | {"slammed", "slamming", "jabbed", "jabbing", "ripped", "ripping",
                                                   "hitting", "dinged", "needled"}
TRANSCRIPT_LABEL = re.compile(r"[ \t]*([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):[ \t]")
# a turn of an interview printed as questions and answers ("Q: ...", "A: ..."; some copies
# lose the colon and the space: "QThere's no shortage ...")
INTERVIEW_TURN = re.compile(r"[ \t]*([QA])(?:[:.][ \t]+(?=\S)|(?=[A-Z][a-z]))")
# words that open a line with a colon without naming anyone ("Correction: ...", "UPDATE: ...")
LABEL_WORDS = {"breaking", "exclusive", "update", "updated", "watch", "video", "live", "analysis", "opinion",
               "editorial", "related", "photos", "correction", "note", "contributing", "read", "more", "latest",
               "the latest", "also", "listen", "why", "what", "how", "who", "when", "where", "factbox",
               "explainer", "timeline", "review", "interview", "transcript", "podcast", "quiz", "fact check",
               "clarification", "disclosure", "editor's", "editors'"}
# verbs whose object is the one addressed ("told reporters", "asked him"), not what is said
ADDRESSEE_VERBS = {"tell", "inform", "assure", "reassure", "remind", "notify", "warn", "write", "ask"}
CONFIDENCE = {"transcript": 0.9, "cue-tree": 0.95, "cue-noun": 0.8, "cue-near": 0.85, "according-to": 0.9,
              "colon": 0.85, "dash": 0.85, "headline": 0.7, "continuation": 0.8, "cue-before": 0.75, "backfill": 0.75,
              "subject": 0.6, None: 0.3}


@dataclass
class Speaker:
    name: str | None
    mention: Span | None
    role: str | None
    kind: str | None
    person: Person | None = None
    resolved: str | None = None  # how a pronoun or description was resolved


class ArticleParse:
    """A parsed article: the docs of its parts, with char offset lookups into the full text."""

    def __init__(self, article, parts: list[tuple[int, object]], spans: list[QuoteSpan] = (), cleaned: str = ""):
        self.text = article.text
        self.cleaned = cleaned or article.text  # the text as parsed: markup and notes blanked
        self.parts = parts  # (offset, Doc)
        # the article's outlet by the name relays are given ("AP" is the Associated Press)
        self.outlet = _outlet_name(article.outlet)
        dateline = wire_dateline(article.text, article.body_start)
        wire = _outlet_name(dateline.group("agency").strip()) if dateline else None
        # a wire story another outlet publishes ("WASHINGTON (AP) — ..."): the agency relays it.
        # Without a known publisher only what the text says is a relay ("told The Associated Press")
        self.wire = wire if wire and self.outlet and _key(self.outlet) != _key(wire) else None
        self.wire_start = dateline.start() if dateline else len(self.text)
        self.author = article.author
        self.body_start = article.body_start
        self.first_line_start, self.first_line_end = _headline(article)
        self.tokens = [(off + t.idx, t) for off, doc in parts for t in doc]
        self.starts = [s for s, _ in self.tokens]
        # a sentence from its first word to its last: not the blank lines, or a blanked header,
        # that the parse gives the first sentence of a text or the last of a paragraph
        self.sentences = [(off + s.start_char + len(s.text) - len(s.text.lstrip()),
                           off + s.start_char + len(s.text.rstrip()) if s.text.strip() else off + s.end_char)
                          for off, doc in parts for s in doc.sents]
        self.sent_starts = [s for s, _ in self.sentences]
        self.offset_of = {id(doc): off for off, doc in parts}
        self.quoted = sorted((q.open_mark, q.close_mark if q.close_mark is not None else q.end) for q in spans)
        self._quoted_starts = [s for s, _ in self.quoted]
        self.double_marked = any(q.mark not in "'‘’" for q in spans)  # the article's own quote style
        tag_known_surnames([doc for _, doc in parts])
        self.people = People([(q.open_mark, q.end) for q in spans], article.body_start)
        for off, doc in parts:
            self.people.observe(doc, off, self.text)

    def is_relay(self, outlet: str | None) -> bool:
        """Can ``outlet`` have relayed words to this article? Not when it is the article's own."""
        return bool(outlet) and (self.outlet is None or _key(outlet) != _key(self.outlet))

    def carrier(self, pos: int) -> tuple[str | None, bool]:
        """(outlet, relayed) of words at ``pos`` that name no relay of their own: the wire
        agency below its dateline, else the article's own outlet, first-hand."""
        return (self.wire, True) if self.wire and pos >= self.wire_start else (self.outlet, False)

    def in_quote(self, tok) -> bool:
        """Is the token inside some quote of the article (its words, not a report of them)?"""
        pos = self.off(tok)
        i = bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] < pos < self.quoted[i][1]

    def off(self, tok) -> int:
        return self.offset_of[id(tok.doc)] + tok.idx

    def end(self, tok) -> int:
        return self.off(tok) + len(tok.text)

    def tokens_in(self, start: int, end: int):
        i = bisect_right(self.starts, start - 1)
        while i < len(self.tokens) and self.starts[i] < end:
            yield self.tokens[i][1]
            i += 1

    def sentence_at(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect_right(self.sent_starts, pos) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.text))


class Attributor:
    """Attributes the quoted spans of one article, in order."""

    def __init__(self, parse: ArticleParse, paragraphs: list[tuple[int, int]]):
        self.p = parse
        self.paragraphs = paragraphs
        self.para_starts = [s for s, _ in paragraphs]
        self.cues = cues()
        self.previous: Quote | None = None
        self._scene_list = None
        self._turns: dict[int, str] | None = None
        self._answering: Person | None = None  # the interviewee, when there are turns

    def paragraph_of(self, pos: int) -> int:
        return max(0, bisect_right(self.para_starts, pos) - 1)

    # ------------------------------------------------------------------ entry point
    def attribute(self, q: QuoteSpan) -> Quote:
        text = self.p.text
        close = q.close_mark if q.close_mark is not None else q.end
        inside = {_k(t) for t in self.p.tokens_in(q.open_mark, close + 1)}
        self.inside = inside
        # the words around the quote, within its sentence and a window that keeps the cost
        # per quote bounded however long a sentence or paragraph runs
        s_start = max(self.p.sentence_at(q.open_mark)[0], q.open_mark - FRAME_CHARS)
        s_end = min(self._frame_end(q, close), close + FRAME_CHARS)
        frame = [t for t in self.p.tokens_in(s_start, s_end) if _k(t) not in inside]
        quote = Quote(text=text[q.start:q.end], start=q.start, end=q.end, flags=list(q.flags),
                      sentence=Span.of(text, s_start, s_end))
        speaker, relay = self._transcript_label(q.start), None
        cue, sieve = (None, "transcript") if speaker is not None else self._cue_in_tree(q, inside)
        if cue is None and speaker is None:
            noun = self._owned_noun_cue(q, inside)
            if noun is not None:
                speaker = self._speaker_of_np(noun[1])
                sieve, quote.cue = "cue-noun", Span.of(text, self.p.off(noun[0]), self.p.end(noun[0]))
        if cue is None and speaker is None:
            cue, sieve = self._cue_near(q, frame), "cue-near"
        if speaker is not None:
            quote.cue = Span.of(text, speaker.mention.end, speaker.mention.end + 1)
            if sieve == "transcript":  # the label is who speaks, not what they said
                words = quote.cue.end  # after the label's colon
                while words < q.end and text[words] in " \t":
                    words += 1
                quote.start, quote.text = words, text[words:q.end]
        elif cue is not None:
            speaker, relay = self._speaker_of_cue(cue)
            quote.cue = Span.of(text, self.p.off(cue), self.p.end(cue))
            if speaker is not None and speaker.mention is not None and \
                    speaker.mention.start <= close and speaker.mention.end > q.open_mark:
                speaker, relay = None, None  # "Sanders' "diagnoses"": the quote's own words speak no one
        else:
            sieve = None
            acc = self._according_to(frame)
            if acc is not None:
                speaker, sieve = self._speaker_of_np(acc), "according-to"
                quote.cue = Span.of(text, self.p.off(acc.head.head), self.p.end(acc.head))
        if speaker is None:
            speaker, cue_span = self._colon_intro(q)
            if speaker is not None:
                sieve, quote.cue = "colon", cue_span
        if speaker is None:
            speaker = self._dash_byline(q)
            if speaker is not None:
                sieve = "dash"
                quote.cue = Span.of(text, speaker.mention.start, speaker.mention.end)
        if speaker is None:
            speaker = self._headline_opener(q.open_mark)
            if speaker is not None:
                sieve = "headline"
                quote.cue = Span.of(text, speaker.mention.end, speaker.mention.end + 1)
        if speaker is None and self._continues_previous(q):
            prev = self.previous
            # the attribution that named the previous quote names this one too
            speaker = Speaker(prev.speaker, prev.speaker_mention, prev.speaker_role, prev.speaker_kind)
            sieve = "continuation"
            quote.outlet, quote.relayed = prev.outlet, prev.relayed
        if speaker is None:
            found = self._cue_before(q)
            if found is not None:
                speaker, relay, cue = found
                sieve, quote.cue = "cue-before", Span.of(text, self.p.off(cue), self.p.end(cue))
        if speaker is None and not self._title_like(q):
            speaker = self._subject_voice(q)
            if speaker is not None:
                sieve = "subject"
        if relay is None and cue is not None:
            relay = self._relay_near(cue, frame, speaker)
        if relay is None and speaker is not None and speaker.kind == "organisation":
            outlet = gazetteer().lookup(speaker.name or "")
            if outlet:
                relay = outlet.name
        quote.kind = self._kind(q, cue, inside, sieve)
        if speaker is not None:
            quote.speaker = speaker.name
            quote.speaker_mention = speaker.mention
            quote.speaker_role = speaker.role
            quote.speaker_kind = speaker.kind
            if speaker.person is not None and speaker.mention is not None:
                self.p.people.note_speaker(speaker.person, speaker.mention.start, speaker.mention.end)
        if sieve != "continuation":
            self._set_outlet(quote, relay, speaker)
        quote.sieve = sieve if speaker is not None else None
        conf = CONFIDENCE.get(quote.sieve, 0.3)
        if speaker is not None and speaker.resolved:
            conf *= 0.9
        if "unclosed" in quote.flags:
            conf *= 0.6
        quote.confidence = round(conf, 2)
        cried = CRIED.search(self.p.text, max(0, q.open_mark - 40), q.open_mark)  # "chants of "Ted! Ted!""
        if speaker is None or speaker.name is None and speaker.mention is None:
            flag = self._unattributed_flag(q)
            if cried:
                flag = "unattributed"  # words a crowd spoke, not a title
            elif self._names_a_work(q):
                flag = "title"
            elif flag == "title" and q.open_mark >= self.p.first_line_end:
                flag = "scare"  # "a 'Make America Great Again' crowd": a phrase, not a work's name
            quote.flags.append(flag)
        elif not cried and (self._names_a_work(q) or self._is_subhead(q) or re.fullmatch(r"\W*\w+\W*:\W*", quote.text)):
            # "Related:", titles and subheads are labels, not words spoken
            quote.flags.append("title")
        else:
            self.previous = quote
        return quote

    def _frame_end(self, q: QuoteSpan, close: int) -> int:
        """Where the words around a quote end: the end of the sentence the closing mark is in,
        or the closing mark itself when the quote ends its sentence and a new one begins
        ("...a home run." She went on) rather than its attribution ("...home run," she said)."""
        text = self.p.text
        after = close + 1 if q.close_mark is not None else close
        while after < len(text) and text[after] in "'\"”’»":
            after += 1
        if q.close_mark is None:
            return max(after, self.p.sentence_at(max(q.open_mark, close - 1))[1])
        nxt = after
        while nxt < len(text) and text[nxt] in " \t":
            nxt += 1
        end = self.p.sentence_at(nxt)[1] if nxt < len(text) else len(text)
        if text[after:nxt + 1].strip() == "" and "\n" in text[after:nxt + 1]:
            return after  # the paragraph ends with the quote
        content = text[q.start:q.end].rstrip()
        rest = text[nxt:end]
        if not content.endswith((".", "?", "!", "…")) or not rest[:1].isupper():
            return max(end, after)
        soon = list(self.p.tokens_in(nxt, end))[:24]
        if any(self._is_cue(t) and not _reports_its_own(t) and (i < 6 or _opened_by_subject(t, soon[0]))
               for i, t in enumerate(soon)):
            return max(end, after)
        return after

    def backfill(self, quotes: list[Quote]) -> list[Quote]:
        """A quote with no speaker that runs straight into an attributed one, in the same
        paragraph ("“Not only can Cruz win.” “He may be the only one,” Viguerie said."),
        belongs to the same attribution."""
        for q, nxt in reversed(list(zip(quotes, quotes[1:]))):
            if q.speaker is not None or q.speaker_mention is not None or nxt.speaker is None \
                    or nxt.sieve not in ("cue-tree", "cue-near", "colon", "backfill") or "title" in nxt.flags:
                continue
            between = self.p.text[q.end:nxt.start]
            if self.paragraph_of(q.start) != self.paragraph_of(nxt.start) or re.search(r"\w", between):
                continue
            q.speaker, q.speaker_mention, q.speaker_role = nxt.speaker, nxt.speaker_mention, nxt.speaker_role
            q.speaker_kind, q.cue, q.outlet, q.relayed = nxt.speaker_kind, nxt.cue, nxt.outlet, nxt.relayed
            q.sieve, q.confidence = "backfill", CONFIDENCE["backfill"]
            q.flags = [f for f in q.flags if f not in ("scare", "title", "unattributed")]
            if q.kind == "mixed":
                q.kind = "direct"
        return quotes

    # ------------------------------------------------------------------ cues
    def _is_cue(self, tok) -> bool:
        if not tok.tag_.startswith("VB") or tok.dep_ == "amod":
            return False  # "the so-called reforms" reports nobody
        lemma = self.cues.speech_lemma(tok.text)
        if lemma is None:
            return False
        if lemma == "point":
            return any(c.dep_ == "prt" and c.text.lower() == "out" for c in tok.children)
        if lemma in PHRASAL and not any(c.dep_ in ("prt", "advmod") and c.text.lower() == PHRASAL[lemma]
                                        for c in tok.children):
            return False  # "shot back", "went on", but not "shot" or "went"
        if lemma == "put":
            return any(c.text.lower() == "it" for c in tok.children)
        if lemma in ("speak", "talk") and any(g.lower_ == "condition" for c in tok.children if c.dep_ == "prep"
                                              for g in c.children if g.dep_ == "pobj"):
            return False  # "who spoke on the condition of anonymity": why unnamed, not what was said
        if lemma == "quote" and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in tok.children) \
                and not any(c.dep_ == "dobj" for c in tok.children):
            return False  # "Trump said, and I quote, ...": the writer vouching for the words
        if lemma in ("compare", "liken"):  # "likened the rules to ...", not "compared to 2012"
            return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text.lower() not in ("to", "with")
        if lemma == "go" and tok.tag_ == "VBG":
            return False  # "talks have been going on for a year": no one speaks
        if lemma in ("continue", "go"):  # "will continue to be", but "continued his remarks"
            return not any(c.dep_ == "xcomp" or c.dep_ == "dobj" and c.text.lower() not in SPEECH_NOUNS
                           for c in tok.children)
        return True

    def _hypothetical(self, tok, foretold=False) -> bool:
        """A reporting verb that reports nothing yet: "Americans will say no", "expected to say".
        With ``foretold``, the future tense reports a quote all the same: ""...," the president
        will say, according to excerpts of his speech" (a text released beforehand)."""
        modals = MODALS - FUTURE if foretold else MODALS
        return any(c.dep_ == "aux" and c.text.lower() in modals for c in tok.children) \
            or tok.dep_ == "xcomp" and tok.head.tag_.startswith("VB") and not self._is_cue(tok.head) \
            and self.cues.speech_lemma(tok.head.text) is None and tok.head.text.lower() not in ("went", "go", "goes")

    def _cue_in_tree(self, q: QuoteSpan, inside: set):
        """A reporting verb outside the quote that governs the quote's tokens."""
        best = None
        whole = self.p.text[q.start:q.end].rstrip()[-1:] in (",", ".", "?", "!")  # not "will say "no" to"
        for tok in self.p.tokens_in(q.start, q.end):
            if tok.is_punct or tok.is_space:
                continue
            h, steps = tok, 0
            while h.head != h and steps < 8:
                h = h.head
                steps += 1
                if _k(h) in inside or self.p.in_quote(h):
                    continue  # the words of this quote or of another one
                if self._is_cue(h) and not self._hypothetical(h, foretold=whole):
                    if best is None or steps < best[1]:
                        best = (h, steps)
                    break
        if best is None:
            framed = self._framing_verb(q, inside)
            return (framed, "cue-tree") if framed is not None else (None, None)
        cue = self._outer_voice(best[0])
        # a contrasting clause with its own voice between that cue and the quote speaks the
        # quote ("Kent said the city was safe, while officials called it "a mess"")
        if q.open_mark - FRAME_CHARS < self.p.off(cue) < q.open_mark:
            sentence = self.p.sentence_at(self.p.off(cue))
            for tok in self.p.tokens_in(self.p.end(cue), min(q.open_mark, sentence[1])):
                if tok.dep_ == "advcl" and self._is_cue(tok) and any(c.dep_ in SUBJ for c in tok.children):
                    cue = tok
        return cue, "cue-tree"

    def _owned_noun_cue(self, q: QuoteSpan, inside: set):
        """A noun of speech with its owner governing the quote: "his claim that people would
        "learn nothing"", "Trump's promise of "a beautiful wall"": (noun, owner) or None."""
        for h in self._heads_above(q, 6):
            if _k(h) in inside:
                continue
            if h.tag_.startswith("VB"):
                if self._is_cue(h):
                    return None  # a reporting verb between them speaks for itself
                continue
            if h.tag_ in ("NN", "NNS"):
                owner = [c for c in h.children if c.dep_ == "poss" and _k(c) not in inside]
                return (h, owner[0]) if owner and h.text.lower() in SPEECH_NOUNS else None
        return None

    def _heads_above(self, q: QuoteSpan, limit: int):
        """The heads above the quote's first word, nearest first."""
        for tok in self.p.tokens_in(q.start, q.end):
            if tok.is_punct or tok.is_space:
                continue
            h = tok
            for _ in range(limit):
                if h.head == h:
                    return
                h = h.head
                yield h
            return

    def _framing_verb(self, q: QuoteSpan, inside: set):
        """A verb outside the cue lists that frames the quote as reported speech: the quote
        ends in a comma, "?" or "!" and is the content clause of the verb its subject comes
        right after (""France will always be France," an angry Hollande retaliated")."""
        text = self.p.text
        if q.close_mark is None or text[q.start:q.end].rstrip()[-1:] not in (",", "?", "!"):
            return None
        root = next((t for t in self.p.tokens_in(q.start, q.end) if _k(t) in inside and not t.is_punct
                     and (t.head == t or _k(t.head) not in inside)), None)
        verb = root.head if root is not None and root.dep_ == "ccomp" else None
        if verb is None or not verb.tag_.startswith("VB") or self.p.off(verb) < q.close_mark \
                or self._hypothetical(verb):
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        after = [t for t in self.p.tokens_in(q.close_mark + 1, self.p.off(verb)) if not t.is_punct]
        if subj is None or not after or not {t.i for t in after} <= {t.i for t in subj.subtree}:
            return None
        return verb

    def _outer_voice(self, cue):
        """The reporting verb whose content clause holds ``cue``, if any: in "Israel said
        Clinton called on members to be "closely coordinated"" the words reach the article
        as Israel's report."""
        h, path = cue, []
        for _ in range(6):
            if h.head == h or h.dep_ in ("advcl", "relcl", "acl"):
                break  # "..., while officials called it "a mess"": a voice of its own
            path.append(h.dep_)
            h = h.head
            if _k(h) in self.inside or self.p.in_quote(h):
                break  # a verb of quoted words is nobody's report of them
            if self._is_cue(h) and not self._hypothetical(h) and "ccomp" in path \
                    and (any(c.dep_ in SUBJ for c in h.children) or h.tag_ == "VBG" and h.dep_ in ("advcl", "xcomp")):
                subj = next((c for c in h.children if c.dep_ in SUBJ), None)
                if subj is not None and cue.tag_.startswith("VB") and any(c.dep_ in SUBJ for c in cue.children) \
                        and self._outlet_of_np(subj):
                    return cue  # "Reuters reported that Putin said "..."": Putin's words, relayed by Reuters
                return h  # "She ..., cautioning that the turmoil underscores a need for "...""
        return cue

    def _cue_near(self, q: QuoteSpan, frame):
        """The reporting verb of the sentence nearest the quote (not inside the quote)."""
        close = q.close_mark if q.close_mark is not None else q.end
        best = None
        for tok in frame:
            if self._is_cue(tok) and not self._hypothetical(tok) and not self.p.in_quote(tok):
                pos = self.p.off(tok)
                dist = pos - close if pos > close else q.open_mark - pos
                if best is None or dist < best[0]:
                    best = (dist, tok)
        return best[1] if best else None

    def _according_to(self, frame):
        for tok in frame:
            if tok.text.lower() == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text.lower() == "to":
                to = tok.doc[tok.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0]
        return None

    def _colon_intro(self, q: QuoteSpan):
        """A quote opening its sentence right after "X said:" / "Caddell continued:", or in a
        headline that opens with its speaker ("Dr. Ben Carson: Hillary Clinton 'Not Fit ...'")."""
        i = q.open_mark - 1
        text = self.p.text
        while i >= 0 and text[i].isspace():
            i -= 1
        if i >= 0 and text[i] != ":":
            s_start = self.p.sentence_at(q.open_mark)[0]
            m = re.match(r"[ \t]*((?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+):\s", text[s_start:q.open_mark])
            if m is None or is_label(m.group(1)):
                return None, None
            i = s_start + m.end(1)
        if i < 0 or text[i] != ":":
            return None, None
        s_start = self.p.sentence_at(i)[0]
        toks = list(self.p.tokens_in(s_start, i + 1))
        named = toks[-2] if len(toks) > 1 and toks[-1].text == ":" else None
        if named is not None and named.tag_ in PROPER and not _is_dateline(named) and fold(named.text) not in NOT_NAMES:
            if named.dep_ == "pobj" and named.head.lower_ in ("for", "to", "on", "about", "against"):
                # whom the words are for or about, not who says them: "a new nickname for Hillary
                # Clinton: ...", "a blunt message to Trump: ..." are the sentence's subject's
                verb = next((a for a in named.ancestors if a.tag_.startswith("VB")), None)
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
                if subject is not None:
                    return self._speaker_of_np(subject), Span.of(text, i, i + 1)
            else:  # "- Carl Bialik: “...”", "by Times' Ben Sisario: ..."
                return self._speaker_of_np(named), Span.of(text, i, i + 1)
        for tok in reversed(toks):
            if self._is_cue(tok):
                sp, _ = self._speaker_of_cue(tok)
                if sp is not None:
                    return sp, Span.of(text, self.p.off(tok), self.p.end(tok))
        said_how = self._said_how(toks[-2]) if len(toks) > 1 else None
        if said_how is not None:
            return self._speaker_of_np(said_how), Span.of(text, i, i + 1)
        if len(toks) > 2 and toks[0].lower_ in ("here", "from") and self.p.off(toks[0]) == s_start:
            # "Here's Clinton in December 1992:", "From the report:": who or what the lines are from
            head = next((t for t in toks[1:-1] if t.tag_ in PROPER | {"NN", "NNS"}), None)
            if head is not None and toks[0].lower_ == "here" and head.tag_ not in PROPER:
                head = None  # "Here is the full statement:": whose, the sentence does not say
            if head is not None:
                return self._speaker_of_np(_last_proper(head) if head.tag_ in PROPER else head), Span.of(text, i, i + 1)
        runs = [t for t in toks if t.tag_ in PROPER]
        if runs and toks and self.p.off(toks[0]) == s_start and runs[0].i == toks[0].i and not is_label(runs[0].text):
            return self._speaker_of_np(_last_proper(runs[0])), Span.of(text, i, i + 1)
        return None, None

    @staticmethod
    def _said_how(tok):
        """The subject of "X was blunt:" and the like, whose words the colon introduces."""
        if tok.dep_ != "acomp" or tok.lower_ not in SPOKEN_MANNER or tok.head.lower_ not in ("is", "was", "are", "were"):
            return None
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        # someone who speaks: a name, a pronoun, a role ("the mayor"); not "His answer was direct:"
        if subj is None or not (subj.tag_ in PROPER or subj.lower_ in PRONOUNS - {"it"} or subj.lower_ in titles()
                                or any(c.dep_ == "appos" and c.tag_ in PROPER for c in subj.children)):
            return None
        return subj

    def _transcript_label(self, pos: int) -> Speaker | None:
        """A transcript turn at ``pos`` opening with its speaker's name in capitals and a colon
        (""PENCE: Well, look, ...""); the name is the person the article calls so."""
        m = TRANSCRIPT_LABEL.match(self.p.text, pos)
        if m is None or len(m.group(1)) < 3 or fold(m.group(1)) in NOT_NAMES or is_label(m.group(1)):
            return None
        words = [w.capitalize() for w in m.group(1).split()]
        person = self.p.people.find(words, pos) or self.p.people.register(words, None, pos)
        if person is None:
            return None
        return _person_speaker(person, Span.of(self.p.text, m.start(1), m.end(1)))

    def interview_turns(self) -> dict[int, str]:
        """Paragraph start -> "Q" or "A", when the article prints an interview as questions
        and answers (two of each at least); else nothing."""
        if self._turns is None:
            turns = {s: m.group(1) for s, _ in self.paragraphs if (m := INTERVIEW_TURN.match(self.p.text, s))}
            kinds = list(turns.values())
            self._turns = turns if kinds.count("Q") >= 2 and kinds.count("A") >= 2 else {}
            self._answering = self._interviewee(min(self._turns)) if self._turns else None
        return self._turns

    def interview_turn(self, pos: int) -> tuple[str, Speaker, int | None] | None:
        """The turn of the interview that ``pos`` lies in, a paragraph opened by its label or
        one that follows it: "Q" or "A", who speaks it (the label the mention), and where its
        words start when ``pos``'s paragraph opens it. The answers are the interviewee's, the
        person the article names most before its first question (the first named of equals);
        the questions are an unnamed interviewer's."""
        turns = self.interview_turns()
        if not turns:
            return None
        para = self.paragraphs[self.paragraph_of(pos)][0]
        opened = [s for s in turns if s <= para]
        if not opened:
            return None
        start = max(opened)
        m = INTERVIEW_TURN.match(self.p.text, start)
        label = Span.of(self.p.text, *m.span(1))
        person = self._answering if turns[start] == "A" else None
        speaker = _person_speaker(person, label) if person is not None else Speaker(None, label, None, None)
        return turns[start], speaker, m.end() if start == para else None

    def _interviewee(self, first_question: int) -> Person | None:
        """The person named most before ``first_question``, the first named of equals."""
        counts: dict[int, list] = {}
        for m in self.p.people.mentions:
            if m.start >= first_question:
                break
            if m.person.kind == "person" and not m.quoted:
                counts.setdefault(id(m.person), [0, m.start, m.person])[0] += 1
        best = max(counts.values(), key=lambda c: (c[0], -c[1]), default=None)
        return best[2] if best else None

    def _headline_opener(self, pos: int) -> Speaker | None:
        """A quote at ``pos`` in a headline, spoken by the name that opens it before a verb or a
        colon ("Obama Sees 'Personal Insult' if ...", "Black Lawmakers Rip Donald Trump As A
        'Disgusting Fraud'", "Obama on Climate Change: The Trends Are 'Terrifying'"); in a
        sentence-case headline, a person the article names, before a word parsed as a verb."""
        text = self.p.text
        if pos >= self.p.first_line_end:
            return None  # only the article's first line
        line_start = self.p.first_line_start
        if pos - line_start > 300:
            return None  # too long for a headline
        line = text[line_start:pos]
        words = [w for w in re.findall(r"[\w'’.-]+", line) if w.lower() not in _SMALL]
        if len(words) < 2:
            return None
        title_cased = sum(w[:1].isupper() for w in words) >= 0.8 * len(words)
        for n in range(1, 4):  # the shortest name that a verb or a colon follows
            m = re.match(r"[ \t]*((?:[A-Z][\w.'’-]*[ \t]+){%d}[A-Z][\w.'’-]*)(?::|[ \t]+([A-Za-z]+)\b)" % (n - 1), line)
            verb = m and (m.group(2) or "").lower()
            if m and (not verb or self.cues.any_lemma(verb) or verb in HEADLINE_VERBS):
                break
        else:
            return None
        name = m.group(1).split()
        if fold(name[0]) in NOT_NAMES or name[0].lower() in _SMALL:
            return None
        if not title_cased and not (verb and self._tagged_verb(line_start + m.start(2), line_start + m.end(2))
                                    and self.p.people.find(name, line_start + m.end(1)) is not None):
            return None  # "Tully hails 'outstanding' display": a sentence-case headline, by a person the article
            # names and a word the parse takes for a verb (not "Trump rally crowd chants 'lock her up'")
        return self.headline_name(name, line_start + m.start(1), line_start + m.end(1))

    def _tagged_verb(self, start: int, end: int) -> bool:
        """Is the word a verb as the parse reads it, or a headline's present tense it takes for a
        plural noun ("Obama rips rhetoric")? Not "rally" in "Trump rally crowd chants"."""
        return any(t.tag_.startswith("VB") or t.tag_ == "NNS" and t.lower_.endswith("s")
                   for t in self.p.tokens_in(start, end))

    def headline_name(self, name: list[str], start: int, end: int) -> Speaker:
        """The speaker a headline names at [start, end): a person the article knows, an outlet,
        a full name, or else the words themselves ("Poll")."""
        span = Span.of(self.p.text, start, end)
        person = self.p.people.find(name, end)
        if person is not None:
            return _person_speaker(person, span)
        outlet = gazetteer().lookup(" ".join(name))
        if outlet is not None:
            return Speaker(outlet.name, span, None, "organisation")
        if len(name) > 1 and first_name_gender(name[0]):
            person = self.p.people.register(name, None, start)
            if person is not None:
                return _person_speaker(person, span)
        return Speaker(" ".join(name), span, None, "unnamed")

    def _dash_byline(self, q: QuoteSpan) -> Speaker | None:
        """A quote signed with a dash after it, the name ending its line, there or on the
        next line (""I went to Wall Street before the crash." - Clinton.")."""
        if q.close_mark is None:
            return None
        text = self.p.text
        m = re.compile(r"['\"”’»]*(?:[ \t\u00a0]*|\s*\n)[-–—―]+[ \t\u00a0]*").match(text, q.close_mark + 1)
        if m is None:
            return None
        limit = min(len(text), m.end() + 200)  # a name, not a paragraph
        line_end = text.find("\n", m.end(), limit)
        line_end = limit if line_end < 0 else line_end
        toks = [t for t in self.p.tokens_in(m.end(), line_end)]
        name = []
        for tok in toks:
            if tok.tag_ in PROPER or name and (tok.text in (".", "-") and tok.whitespace_ == ""
                                               or re.fullmatch(r"[A-Z]\.", tok.text)):
                name.append(tok)
            else:
                break
        rest = text[self.p.end(name[-1]) if name else m.end():line_end].strip()
        if not name or rest not in ("", ".") and not rest.startswith((",", "(", "[", *QUOTE_OPENERS)):
            return None
        while name and name[-1].text in (".", "-"):
            name.pop()
        if not name:
            return None
        role, words = split_role(run_words(name))
        words = [w for w in words if fold(w) not in NOT_NAMES]
        start, end = self.p.off(name[0]), self.p.end(name[-1])
        outlet = gazetteer().lookup(" ".join(words))
        if outlet is not None:
            return Speaker(outlet.name, Span.of(self.p.text, start, end), None, "organisation")
        person = self.p.people.register(words, " ".join(role) or None, start) if words else None
        if person is None:
            return None
        return _person_speaker(person, Span.of(self.p.text, start, end))

    def _cue_before(self, q: QuoteSpan):
        """A quote that makes a sentence of its own right after a sentence, in its paragraph or
        ending the one before, that reports its speaker ("Carter said that for decades critics
        ... would not happen. "That's because this region ...""): (Speaker, relay, cue) or None."""
        text = self.p.text
        s_start = self.p.sentence_at(q.open_mark)[0]
        n = self.paragraph_of(q.open_mark)
        para_start, para_end = self.paragraphs[n]
        if text[s_start:q.open_mark].strip():
            return None
        if s_start <= para_start:
            # a paragraph that is nothing but the quote, after a paragraph whose last sentence
            # reports its speaker
            if n == 0 or q.close_mark is None or text[q.close_mark + 1:para_end].strip(" \t\n.'\"”’"):
                return None
            para_start = self.paragraphs[n - 1][0]
            s_start = self.paragraphs[n - 1][1]
        prev = self.p.sentence_at(s_start - 1)
        if prev[0] < para_start or any(c in text[prev[0]:prev[1]] for c in '"“”«»'):
            return None
        announces = text[prev[0]:prev[1]].rstrip().endswith(":")  # "X released the following statement:"
        for tok in self.p.tokens_in(*prev):
            if self._is_cue(tok) and not self._hypothetical(tok) or announces and tok.dep_ == "ROOT" \
                    and tok.tag_.startswith("VB") and any(c.dep_ == "nsubj" for c in tok.children):
                speaker, relay = self._speaker_of_cue(tok)
                if speaker is not None and speaker.mention is not None and speaker.kind != "unnamed":
                    return speaker, relay, tok
        return None

    def _subject_voice(self, q: QuoteSpan) -> Speaker | None:
        """A quoted phrase inside a clause whose subject is a person: the person's words or
        position ("Ryan worried that the safety net was becoming "a hammock ..."", "he
        reserved his passion for "comprehensive immigration reform"")."""
        for h in self._heads_above(q, 5):
            if _k(h) in self.inside or not h.tag_.startswith("VB"):
                continue
            subj = [c for c in h.children if c.dep_ in ("nsubj",) and _k(c) not in self.inside]
            if not subj:
                continue
            head = subj[0]
            if head.tag_ == "PRP" and head.text.lower() in ("he", "she", "i", "we", "they"):
                return self._speaker_of_np(head)
            if head.tag_ in PROPER:
                run = _run_around(head)
                if self.p.people.find(run_words(run), self.p.off(head)) is not None:
                    return self._speaker_of_np(head)
            return None
        return None

    def _title_like(self, q: QuoteSpan) -> bool:
        return self._unattributed_flag(q) == "title"

    def _continues_previous(self, q: QuoteSpan) -> bool:
        prev = self.previous
        if prev is None or prev.speaker is None and prev.speaker_mention is None:
            return False
        if "continued" in q.flags:
            return True
        if prev.cue is not None and prev.end < q.open_mark < prev.cue.start:
            return False  # '"...," Eastland, wearing "Ted Cruz" pins, said': words about the speaker
        pq, pp = self.paragraph_of(prev.start), self.paragraph_of(q.open_mark)
        if pq == pp:
            return True
        if pp == pq + 1:
            p_start = self.paragraphs[pp][0]
            return not self.p.text[p_start:q.open_mark].strip()
        return False

    # ------------------------------------------------------------------ speakers
    def _speaker_of_cue(self, cue):
        """(Speaker, relaying outlet or None) from the subject of the reporting verb."""
        verb, relay = cue, None
        for _ in range(4):
            lemma = self.cues.speech_lemma(verb.text) if verb.tag_.startswith("VB") else None
            if lemma == "quote":
                objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and _k(c) not in self.inside]
                subj = [c for c in verb.children if c.dep_ == "nsubj"]
                src = subj[0] if subj and objs else by_phrase(verb)
                if src is not None:
                    # whoever quotes the speaker carried the words, named in a gazetteer or not
                    relay = self._outlet_of_np(src) or self._np_name(src)
                if objs:
                    return self._speaker_of_np(objs[0]), relay
            subj = [_nominal(c) for c in verb.children if c.dep_ in SUBJ and _k(c) not in self.inside
                    and not self.p.in_quote(c) and fold(c.text) not in NOT_NAMES] or \
                [c for c in verb.children if c.dep_ == "aux" and c.tag_ == "NNP" and c.i < verb.i]  # "Will wrote"
            if subj:
                # of two subjects (a misparse of "in Salem, New Hampshire, Trump went"), the nearer
                # name or pronoun
                found = self._speaker_of_np(min(subj, key=lambda c: (c.tag_ not in PROPER and c.tag_ != "PRP",
                                                                     abs(c.i - verb.i))))
                if found is not None:
                    return found, relay
                break
            if any(c.dep_ in SUBJ for c in verb.children):
                # the subject is inside a quote, or a day ("on Saturday, said"): the parse went wrong
                break
            if verb.dep_ == "relcl" and verb.head.tag_.startswith(("NN", "PRP")):
                return self._speaker_of_np(verb.head), relay
            controller = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i
                          and c.tag_ in PROPER | {"PRP"}] if verb.dep_ == "xcomp" else []
            if controller:  # "That prompted Rubio to call Trump "very flexible"": Rubio calls him so
                found = self._speaker_of_np(controller[0])
                if found is not None:
                    return found, relay
            if verb.dep_ in CLIMB and verb.head != verb:
                clause = verb.head if _added(verb) else verb.head.head if _then_doing(verb) else None
                if clause is not None and clause.dep_ == "ccomp" and clause.head.dep_ == "ROOT" \
                        and self.cues.speech_lemma(clause.head.text):
                    # "Trump told Newsmax that Romney "had ...," adding, "..."", "Trump said the
                    # deadlock has "kept us safe" before claiming ...": the parse hangs the
                    # participle on the reported clause, but the one who adds is the reporter
                    verb = clause.head
                    continue
                governing = _governing_verb(verb.head) if verb.dep_ == "conj" and verb.tag_.startswith("VB") \
                    and verb.head.tag_.startswith("NN") else None
                if governing is not None:
                    # "He adopted a fake accent and joked, ...", "offered the man a job as Secretary of
                    # Defense, then says ...": the parse joins the verb to a noun of the first
                    # verb's; it is that verb's second
                    verb = governing
                    continue
                judged = _taken_to_task_for(verb)
                if judged is not None:  # "Trump slammed Clinton for describing ... as "deplorables"": Clinton
                    found = self._speaker_of_np(judged)
                    if found is not None:
                        return found, relay
                if verb.dep_ == "conj" or verb.head.tag_.startswith("VB") or verb.dep_ in ("pcomp", "prep"):
                    verb = verb.head
                    continue
                moment = verb.head
                if verb.dep_ == "acl" and moment.dep_ == "pobj" and moment.head.dep_ == "prep" \
                        and (moment.lower_ in MOMENTS or is_when(moment)):
                    verb = moment.head.head  # "at one point calling the mayor a liar": the clause's voice
                    continue
                if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.dep_ in ("dobj", "dative") \
                        and (self.cues.speech_lemma(verb.head.head.text) or _issued(verb.head)):
                    # "The senator emailed supporters saying: ...": who wrote, not who was written to;
                    # "His office issued a statement saying ...": who issued it, not the statement
                    verb = verb.head.head
                    continue
                sent_to = verb.head.head.head if verb.head.dep_ == "pobj" and verb.head.head.lower_ == "to" else None
                if verb.dep_ == "acl" and verb.tag_ == "VBG" and sent_to is not None \
                        and any(c.dep_ == "dobj" and _issued(c) for c in sent_to.children):
                    verb = sent_to  # "The campaign sent an email to supporters saying ...": the sender
                    continue
                if verb.dep_ == "acl" and verb.head.tag_.startswith(("NN", "PRP")) and verb.tag_ != "VBD":
                    # "a bill called ...", but a past tense is no modifier: "X, who failed to win
                    # his party's nomination, called for ..." misparsed
                    return self._speaker_of_np(_closed_aside(verb) or verb.head), relay
            break
        return self._nearest_name(cue), relay

    def _nearest_name(self, cue):
        """Fallback when the parse gives the cue no subject: the closest proper noun run or
        pronoun before the cue in its sentence, or right after it ("said Mironov")."""
        sent = cue.sent
        before = [t for t in sent if t.i < cue.i]
        named = self._named_after(cue) or self._inverted_object(cue, before) or self._named_before_aside(before) or \
            self._description_before(before)
        if named is not None:
            return named
        aside = {_k(t) for c in before if _participle_aside(c) for t in c.subtree}
        depth = 0
        for tok in reversed(before):
            if _k(tok) in self.inside or tok.text in QUOTE_TOKENS:
                break
            depth += (tok.text == ")") - (tok.text == "(")
            if _k(tok) in aside or depth > 0 or tok.text == "(":
                continue  # "Eric Garner, gasping facedown in Staten Island, said": not the place;
                # "Sen. Lindsey Graham (R-SC) called": not the party and state
            if tok.tag_ in PROPER and fold(tok.text) not in NOT_NAMES or tok.text.lower() in PRONOUNS and tok.tag_ == "PRP":
                described = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
                if tok.dep_ in ("compound", "poss", "amod", "pobj") and described.tag_ not in PROPER \
                        and described.dep_ == "appos" and described.head.tag_ in PROPER and described.head.i < tok.i \
                        and not _is_dateline(described.head):
                    tok = described.head  # "Flynn, a top Trump surrogate, said", "..., a spokesman in Baghdad,"
                return self._speaker_of_np(tok)
        for tok in sent:
            if tok.i > cue.i + 4 or tok.i > cue.i and (_k(tok) in self.inside or tok.text in QUOTE_TOKENS):
                break
            if tok.i > cue.i and (tok.tag_ in PROPER and fold(tok.text) not in NOT_NAMES or tok.tag_ == "PRP"):
                return self._speaker_of_np(tok)  # "said Mironov", not "said Monday"
        return None

    def _named_after(self, cue):
        """"Clinton Will Win the Nomination, Says Trump": a name right after a cue that follows
        a comma is its inverted subject, though the parse left it unattached."""
        doc = cue.doc
        if cue.i == 0 or cue.i + 1 >= len(doc) or cue.nbor(-1).text != "," \
                or self.cues.speech_lemma(cue.text) != "say":
            return None  # not "..., told Breitbart News": whom one tells
        name = doc[cue.i + 1]
        if name.tag_ not in PROPER or fold(name.text) in NOT_NAMES or is_when(name) or _k(name) in self.inside:
            return None
        run = _run_around(name)
        if run[-1].i + 1 < len(doc) and not (doc[run[-1].i + 1].is_space or doc[run[-1].i + 1].text in ".!?"):
            return None  # the name ends the sentence
        return self._speaker_of_np(run[-1])

    def _inverted_object(self, cue, before):
        """'"...," tweeted a German user from Hanover': right after a quote that opens the
        sentence, a cue the parse gave no subject; what it took for its object is who spoke (not
        so for "told": whom). ``before``: the tokens of its sentence before it."""
        if cue.dep_ != "ROOT" or self.cues.speech_lemma(cue.text) in ADDRESSEE_VERBS - {"write", "ask"} or \
                cue.i == 0 or not (cue.nbor(-1).text in QUOTE_TOKENS or _k(cue.nbor(-1)) in self.inside) or \
                any(_k(t) not in self.inside and not t.is_punct for t in before):
            return None  # only the quote before the cue; not 'X summed her up as "terrible," denounced ...'
        objs = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i and _k(c) not in self.inside]
        return self._speaker_of_np(objs[-1]) if objs else None  # "mused Blaze co-host Stu Burguiere"

    def _description_before(self, before):
        """"In an interview with hosts Joe Scarborough and Mika Brzezinski, the Democratic
        presidential candidate stated ...": a noun phrase opened by a determiner right before
        the cue, after a comma, is its subject, though the parse hung it on the last name."""
        i = len(before)
        while i > 0 and before[i - 1].tag_ in NOUN_PHRASE_TAGS and _k(before[i - 1]) not in self.inside:
            i -= 1
        if i == len(before) or i < 2 or before[i - 1].text != "," or before[i].tag_ not in ("DT", "PRP$") \
                or before[-1].tag_ not in ("NN", "NNS") or not _in_phrase(before[i - 2]):
            return None  # "founded Henry Realty, a firm focused on": the firm is Henry Realty
        return self._description(before[-1])

    def _named_before_aside(self, before):
        """"...," Trump, the frontrunner after winning the New Hampshire primaries, said": right
        after a quote, a name, then an aside between commas, then the cue; the name speaks,
        not the last name in the aside."""
        inside = [i for i, t in enumerate(before) if _k(t) in self.inside]
        start = inside[-1] + 1 if inside else next(
            (i + 1 for i in range(len(before) - 1, -1, -1) if before[i].text in QUOTE_TOKENS), None)
        while start is not None and start < len(before) and before[start].text in QUOTE_TOKENS | {","}:
            start += 1  # the quote's closing mark and comma
        if start is None or start >= len(before) - 2 or before[-1].text != ",":
            return None
        first = before[start]
        if first.tag_ not in PROPER or fold(first.text) in NOT_NAMES:
            return None
        # the name, maybe after a role of common nouns ("Texas delegate Bill Eastland"), then a comma
        comma = next(t.i for t in before[start:] if t.text == ",")
        named = first.doc[first.i:comma]
        if comma >= before[-1].i or named[-1].tag_ not in PROPER or any(t.tag_ not in NOUN_PHRASE_TAGS for t in named):
            return None
        return self._speaker_of_np(named[-1])

    def _speaker_of_np(self, head) -> Speaker | None:
        """Name, role, kind and mention of the noun phrase headed by ``head``."""
        text = self.p.text
        clause = head.head
        while clause.dep_ == "conj" and clause.head != clause:
            clause = clause.head  # "Kingson, who is running and who worked the crowd"
        relative = head.tag_ in ("WP", "WDT", "WP$") or head.text.lower() in ("who", "whom", "whose", "which", "that")
        if relative and clause.dep_ == "relcl":
            # "a spokesman who said": the noun the clause describes, met in the text as "who"
            found = self._speaker_of_np(_described_by(clause))
            if found is not None:
                found.mention = Span.of(text, self.p.off(head), self.p.end(head))
                found.resolved = found.resolved or "relative"
            return found
        if relative or head.text.lower() in ("this", "these", "those", "nothing", "anything", "everything"):
            # "who" with no noun to stand for, "That prompted ...": no one's name
            return Speaker(None, Span.of(text, self.p.off(head), self.p.end(head)), None, None, resolved="pronoun")
        if head.text.lower() in WORK_NOUNS:
            owner = [c for c in head.children if c.dep_ == "poss" and c.tag_ != "PRP$" or
                     c.dep_ == "poss" and c.text.lower() in ("his", "her")]
            issuer = [c for c in head.head.children if c.dep_ == "nsubj" and _k(c) not in self.inside] \
                if head.dep_ == "dobj" and head.head.tag_.startswith("VB") else []
            writer = [g for c in head.children if c.dep_ == "relcl" and c.text.lower() in AUTHORED | WROTE
                      for g in c.children if g.dep_ == "nsubj" and (g.tag_ in PROPER or g.tag_ == "PRP")]
            if owner and owner[0].text.lower() == "whose" and head.head.dep_ == "relcl":
                head = _described_by(head.head)  # "McConnell, whose new book boasts of ...": McConnell
            elif owner:
                head = owner[0]  # "Trump's tweet said", "his statement said": the author
            elif writer:
                head = writer[0]  # "according to a speech Mrs. Clinton delivered": its speaker
            elif issuer and (issuer[0].tag_ in PROPER or issuer[0].tag_ == "PRP"):
                head = issuer[0]  # "Sanders is releasing a new ad that urges voters ...": its maker
        if _is_dateline(head):
            # "WASHINGTON -- President Obama, ..., said": the parse can make the dateline the
            # subject and the speaker its apposition
            appos = [c for c in head.children if c.dep_ == "appos" and c.tag_ in PROPER
                     and any(t.text in DASHES for t in head.doc[head.i + 1:c.left_edge.i])]
            if not appos:
                return None
            head = appos[-1]
        if head.tag_ == "PRP$":
            head_text = {"his": "he", "her": "she", "their": "they", "its": "it"}.get(head.text.lower())
            if head_text:
                mention = Span.of(text, self.p.off(head), self.p.end(head))
                person = self.p.people.antecedent(head_text, self.p.off(head), self.p.sentences)
                if person is not None:
                    return _person_speaker(person, mention, resolved="pronoun")
                return Speaker(None, mention, None, None, resolved="pronoun")
        if head.tag_ == "CD":
            group = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1
                     for g in c.children if g.dep_ == "pobj"]
            named = [c for c in head.children if c.dep_ == "appos" and c.tag_ in PROPER]
            if named:
                return self._speaker_of_np(named[0])  # "one of the family's attorneys, Justin Bamberg"
            if group and not is_when(group[0]):  # "one of those advisers": someone unnamed
                start, end = self.p.off(head.left_edge), self.p.end(group[0])
                return Speaker(re.sub(r"\s+", " ", text[start:end]), Span.of(text, start, end), None, "unnamed")
        if head.tag_ == "CD" or head.like_num or any(c.text.lower() in ("a.m.", "p.m.") for c in head.subtree):
            return None  # a time or a number is no speaker ("1:50 p.m.")
        if head.tag_ == "PRP" or head.text.lower() in PRONOUNS:
            mention = Span.of(text, self.p.off(head), self.p.end(head))
            turn = self.interview_turn(mention.start) if head.text.lower() in ("i", "we", "me", "you") else None
            if turn is not None:  # "A: I came home ...", "Q: You open your book ...": the interviewee
                asking = turn[0] == "Q"
                if (head.text.lower() == "you") == asking and self._answering is not None:
                    return _person_speaker(self._answering, mention, resolved="pronoun")
                return Speaker(None, mention, None, None, resolved="pronoun")
            if head.text.lower() in ("i", "we") and self.p.author:
                return Speaker(self.p.author, mention, "author", "person", None, "author")
            person = self.p.people.antecedent(head.text, self.p.off(head), self.p.sentences)
            if person is None:
                source = self._unnamed_antecedent(head)
                if source is not None:
                    return Speaker(source.name, mention, None, source.kind, resolved="pronoun")
                return Speaker(None, mention, None, None, resolved="pronoun")
            return _person_speaker(person, mention, resolved="pronoun")
        titled = [c for c in head.children if c.dep_ == "conj" and c.tag_ in PROPER and c.i > head.i]
        if titled and head.text.lower() in titles() and not any(c.dep_ == "det" for c in head.children) \
                and not self.p.people.known_person([head.text]):  # "Singer and Faso said": two people
            head = titled[0]  # "Fox News Vice President and Managing Editor Bill Sammon said"
        # "Speaker, Sergei Mironov" / "Mironov, Russia's speaker": prefer the proper-noun side
        appos = [_before_parenthesis(c) for c in head.children if c.dep_ == "appos" and c.tag_ in PROPER] or \
            _named_after_phrase(head)
        role_np = None
        if head.tag_ not in PROPER and appos:
            role_np, head = head, appos[0]
        elif head.tag_ in PROPER:
            role_np = next((c for c in head.children if c.dep_ == "appos" and c.tag_.startswith("NN")
                            and not _parenthesised(c)), None)  # not "(D-Va.)"
            if role_np is None and head.dep_ == "appos" and head.head.text.lower() in titles():
                role_np = head.head
        if head.tag_ in PROPER and not head.text.islower():  # "the business mogul", tagged NNP
            head = self._named_in_title(head)
            run = _run_around(head)
            k = outlet_prefix(run, self.p.people.known_person)  # "the Washington Post Trump said"
            run = run if not k else run[k:] if head.i >= run[k].i else run[:k]
            words = role_prefix(run) + run_words(run)
            start, end = self.p.off(run[0]), self.p.end(run[-1])
            role_words, name_words = self.p.people.split_name(words, start)
            name_words = [w for w in name_words if fold(w) not in NOT_NAMES]
            run_text = " ".join(t.text for t in run)
            outlet = gazetteer().lookup(run_text)
            # "Sean Hannity ... Hannity said": the host, not the show; "Quarterback Jordan Fox ...
            # Fox said": the person the article named, not the network
            hosted = name_words and (gazetteer().is_programme(run_text) or len(run) == 1) \
                and self.p.people.find(name_words, start)
            if outlet is not None and not hosted:
                return Speaker(outlet.name, Span.of(text, start, end), None, "organisation")
            if not name_words or _capitalised_common_noun(run) or \
                    fold(name_words[-1]) in ("republican", "democrat") and not first_name_gender(name_words[0]):
                return self._description(head)  # "a New Hampshire Republican": someone unnamed
            role = " ".join(role_words) or (_np_text(role_np) if role_np is not None else None)
            kind = "organisation" if _starts_with_the(run[0]) or fold(name_words[-1]) in ORG_WORDS else None
            person = self.p.people.register(name_words, role, start, kind)
            if person is None:
                return None
            return _person_speaker(person, Span.of(text, start, end), role)
        return self._description(head)

    def _unnamed_antecedent(self, pronoun) -> Speaker | None:
        """An unnamed source that spoke just before a pronoun no person fits ("A Sunpeak
        spokeswoman said ... "We are focused," she said"; "Officials said ... they said"): the
        subject of the last reporting verb in the pronoun's sentence or the one before, in the
        same paragraph, of the pronoun's number and, for "he"/"she", no other gender."""
        word = pronoun.lower_
        if word not in ("he", "she", "they"):
            return None
        pos = self.p.off(pronoun)
        s_start = self.p.sentence_at(pos)[0]
        prev_start = self.p.sentence_at(max(0, s_start - 1))[0] if s_start else s_start
        if self.paragraph_of(prev_start) != self.paragraph_of(pos):
            prev_start = s_start
        for tok in reversed(list(self.p.tokens_in(prev_start, pos))):
            if not self._is_cue(tok) or self.p.in_quote(tok):
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None or subj.tag_ not in ("NN", "NNS") or (subj.tag_ == "NNS") != (word == "they"):
                continue
            gender = _noun_gender(subj.lower_)
            if word != "they" and gender and gender != ("f" if word == "she" else "m") or not _speaking_noun(subj.lower_):
                continue
            source = self._description(subj)
            return source if source.name and source.kind in ("unnamed", "organisation") else None
        return None

    @staticmethod
    def _named_in_title(head):
        """"Speaker of the House Rep. Paul Ryan said": the parse heads the subject with the
        title, whose "of" phrase holds the name. -> the name's head, or ``head``."""
        if split_role(run_words(_run_around(head)))[1]:
            return head  # the run names someone itself
        for prep in (c for c in head.children if c.dep_ == "prep" and c.text.lower() == "of"):
            for obj in (c for c in prep.children if c.dep_ == "pobj" and c.tag_ in PROPER):
                if len(split_role(run_words(_run_around(obj)))[1]) >= 2:
                    return obj
        return head

    def _description(self, head) -> Speaker:
        """A common-noun speaker: a role that names someone known ("the senator"), an
        organisation ("the campaign"), or an unnamed source ("a senior official")."""
        text = self.p.text
        toks = [t for t in head.subtree if t.i <= head.i or t.dep_ in ("compound",)]
        toks = [t for t in toks if t.dep_ not in ("punct",)] or [head]  # a parse may head it with "/"
        end_tok = head
        for c in head.rights:  # a short modifier belongs to the description: "officials in the capital"
            sub = list(c.subtree)
            # but not a time: "the campaign on Monday" is the campaign
            if c.dep_ == "prep" and len(sub) <= 5 and not any(self._is_cue(t) for t in sub) \
                    and not any(g.dep_ == "pobj" and is_when(g) for g in c.children):
                end_tok = sub[-1]
            elif c.dep_ in ("amod", "acl") and c.lower_ in IN_THE_KNOW and 2 <= len(sub) <= 7 \
                    and not any(self._is_cue(t) for t in sub):
                end_tok = sub[-1]  # "three people familiar with his preparations", "officials briefed on the talks"
            break
        while end_tok.i > head.i and end_tok.dep_ in ("cc", "punct"):
            end_tok = end_tok.nbor(-1)  # "the former secretary of state and ...": not the "and"
        start, end = self.p.off(toks[0]), self.p.end(end_tok)
        mention = Span.of(text, start, end)
        phrase = [t.text for t in toks]
        det = toks[0].text.lower()
        if det == "the" or det in ("this", "that"):
            person = self.p.people.by_role(phrase, start)
            if person is not None:
                return _person_speaker(person, mention, " ".join(phrase[1:]), "description")
            paragraph = self.paragraph_of(start)
            if len(toks) == 2 and head.lower_ in BUSINESS_NOUNS:  # "the company", not "the Senate ethics committee"
                body = self.p.people.last_organisation(self.paragraphs[paragraph][0], start)
                if body is not None and fold(body.canonical.split()[-1]) in BUSINESS_NAME_ENDS \
                        and gazetteer().lookup(body.canonical) is None:  # a business, not the outlet reporting it
                    return _person_speaker(body, mention, None, "description")
            if len(toks) == 2 and det == "the":  # "the committee": the Republican National Committee just named
                body = self.p.people.last_organisation(self.paragraphs[max(0, paragraph - 1)][0], start, head.lower_)
                if body is not None and len(body.canonical.split()) > 1 and gazetteer().lookup(body.canonical) is None:
                    return _person_speaker(body, mention, None, "description")
        named = any(t.text[:1].isupper() and not t.is_sent_start for t in toks)  # "people" is no magazine
        outlet = named and gazetteer().lookup(" ".join(phrase)) or self._outlet_named_by(head)
        if outlet:
            return Speaker(outlet if isinstance(outlet, str) else outlet.name, mention, None, "organisation")
        kind = "organisation" if head.text.lower() in ORG_WORDS - {"workers"} else "unnamed"  # "factory workers"
        desc = re.sub(r"\s+", " ", text[start:end]).strip()
        return Speaker(desc, mention, None, kind)

    # ------------------------------------------------------------------ outlets
    def _outlet_of_np(self, head) -> str | None:
        """The outlet a noun phrase names: a gazetteer entry in it, or a phrase headed by an
        outlet noun ("Azerbaijani television", "the news agency APA")."""
        found = self._outlet_in(head.subtree)
        if found or head.text.lower() not in OUTLET_NOUNS:
            return found
        named = [c for c in head.children if c.dep_ == "appos" and c.tag_ in PROPER] or \
            ([head.head] if head.dep_ == "compound" and head.head.tag_ in PROPER and head.head.i > head.i else [])
        if named:  # "the Italian newspaper Corriere della Sera", "Portuguese newspaper Correio de Manha"
            doc, first = head.doc, head.i if head.text[:1].isupper() else head.i + 1
            span = doc[first:named[0].i + 1]
            words = [t.text for t in span] if all(t.tag_ in PROPER or t.text in NAME_PARTICLES for t in span) \
                else run_words(_run_around(named[0]))  # "Correio de Manha", whose particle is no proper noun
            name = " ".join(words)
            known = gazetteer().lookup(name)
            return known.name if known else name
        mods = [t for t in head.subtree if t.i < head.i and t.dep_ in ("compound", "amod") and t.text[:1].isupper()]
        return " ".join([m.text for m in mods] + [head.text]) if mods else None

    def _outlet_named_by(self, head) -> str | None:
        """An outlet that a common noun phrase is of: "a Washington Post analysis", "the
        Times's editorial board", "a report by Reuters", "a report published by the Moscow
        Times"; not one its clauses mention otherwise ("a legal opinion drafted for the
        project and obtained by the Associated Press")."""
        near = [c for c in head.children if c.i < head.i or c.dep_ == "appos"
                or c.dep_ == "prep" and c.text.lower() in ("by", "from", "of", "at")]
        near += [a for c in head.children if c.dep_ == "acl" and c.text.lower() in AUTHORED
                 for a in c.children if a.dep_ == "agent"]  # "a report published by the Moscow Times"
        return self._outlet_in([head]) or next(filter(None, (self._outlet_in(c.subtree) for c in near)), None)

    def _outlet_in(self, toks) -> str | None:
        """The first outlet of the gazetteer within the span of ``toks``."""
        toks = sorted(toks, key=lambda t: t.i)
        for _, _, outlet in gazetteer().find(self.p.text, self.p.off(toks[0]), self.p.end(toks[-1])):
            return outlet.name
        return None

    def _np_name(self, head) -> str | None:
        """The words of a noun phrase as a name ("The Gazette"), or None for a pronoun."""
        if head.tag_.startswith("PRP"):
            return None
        toks = [t for t in head.subtree if t.i <= head.i or t.dep_ in ("compound", "appos")]
        toks = [t for t in toks if not t.is_punct]
        name = re.sub(r"\s+", " ", self.p.text[self.p.off(toks[0]):self.p.end(toks[-1])]).strip()
        return re.sub(r"^the ", "", name) or None

    def _relay_near(self, cue, frame, speaker: Speaker | None) -> str | None:
        """An outlet in the cue's sentence that carried the words: "told Reuters", "in an
        interview with the BBC", "in comments broadcast on Azerbaijani television", "on CNN's
        State of the Union", "according to Interfax", "Reuters reported"."""
        text = self.p.text
        content = set()
        for c in cue.children:
            if c.dep_ in ("ccomp", "xcomp", "dobj") and self.cues.speech_lemma(cue.text) != "tell":
                content.update(_k(t) for t in c.subtree)
        mention = speaker.mention if speaker else None
        if not frame:
            return None
        s, e = self.p.off(frame[0]), self.p.end(frame[-1])
        frame_ids = {_k(t) for t in frame}
        for ms, me, outlet in gazetteer().find(text, s, e):
            toks = [t for t in self.p.tokens_in(ms, me)]
            if not toks or any(_k(t) not in frame_ids for t in toks):
                continue
            if any(_k(t) in content for t in toks):
                continue
            if mention and mention.start <= ms < mention.end:
                continue
            if self._linked_to_cue(toks[-1], cue):
                return outlet.name
        described = self._described_speaker(mention, cue)
        head = self._head_in(mention) if mention else None
        for tok in frame:
            if head is not None and _compound_of(tok, head):
                continue  # "Network Rail said": a word of the speaker's name relays nothing ("BFM TV said" does)
            if tok.text.lower() in OUTLET_NOUNS and _k(tok) not in content and _k(tok) not in described:
                name = self._outlet_of_np(tok)  # not "James Acton, co-director of the Nuclear Policy Program"
                if name and self._linked_to_cue(tok, cue):
                    return name
        return None

    def _head_in(self, span: Span):
        """The token of ``span`` that heads it: the one whose head lies outside."""
        toks = list(self.p.tokens_in(span.start, span.end))
        return next((t for t in toks if t.head == t or not span.start <= self.p.off(t.head) < span.end), None)

    def _described_speaker(self, mention, cue) -> set:
        """The tokens that describe the speaker after its mention (appositions, relative
        clauses): where the speaker works is no outlet that carried the words ("James Acton,
        co-director of the Nuclear Policy Program, said"), unless the speaker wrote them
        ("a columnist for the Italian newspaper Corriere della Sera, wrote")."""
        head = self._head_in(mention) if mention else None
        if head is None or self.cues.speech_lemma(cue.text) == "write":
            return set()
        last = list(self.p.tokens_in(mention.start, mention.end))[-1]
        return {_k(t) for t in head.subtree if t.i > last.i}

    def _linked_to_cue(self, tok, cue) -> bool:
        """Is the outlet word attached to the reporting clause through relay words?"""
        h, path = tok, []
        for _ in range(6):
            if h == cue or h == cue.head:
                return bool(path) or tok.dep_ in ("dative", "dobj", "nsubj", "pobj", "npadvmod")
            if h.head == h:
                break
            h = h.head
            path.append(h.text.lower())
        return any(w in RELAY_WORDS for w in path[:3]) and h.sent == cue.sent and self._near(tok, cue)

    def _near(self, a, b) -> bool:
        return abs(a.i - b.i) <= 25

    def _set_outlet(self, quote: Quote, relay: str | None, speaker: Speaker | None):
        if self.p.is_relay(relay):
            quote.outlet, quote.relayed = relay, True
            return
        quote.outlet, quote.relayed = self.p.carrier(quote.start)
        scene = self._scene_before(quote.start, speaker)
        if self.p.is_relay(scene):
            quote.outlet, quote.relayed = scene, True
            return
        prev = self.previous
        if prev is None or not prev.relayed or speaker is None or prev.speaker != speaker.name:
            return
        gap = self.paragraph_of(quote.start) - self.paragraph_of(prev.start)
        # the same speaker goes on in the same interview or report: the relay holds within the
        # paragraph, and beyond it while the article refers to the speaker by a pronoun (a
        # speaker named afresh usually starts a new scene)
        if gap == 0 or gap <= 2 and speaker.resolved == "pronoun":
            quote.outlet, quote.relayed = prev.outlet, True

    def _scenes(self) -> list[tuple[int, int, str, set]]:
        """Sentences that set a scene in an outlet: "Sanders told MSNBC's Morning Joe that...",
        "In a Wall Street Journal essay, Ivanka Trump wrote...", "On Fox News Sunday, ...".
        -> (sentence start, paragraph, outlet, names of the people the sentence mentions)."""
        if self._scene_list is not None:
            return self._scene_list
        out = []
        text = self.p.text
        for s_start, s_end in self.p.sentences:
            for ms, me, outlet in gazetteer().find(text, s_start, s_end):
                if self.p.people._in_quote(ms):
                    continue
                before = text[max(s_start, ms - 30):ms].lower()
                after = text[me:me + 25].lower()
                framing = text[s_start:ms].strip().lower() in ("in", "on", "in a", "in an", "on the", "in the")
                linked = framing or re.search(r"\b(told|tells|telling|to|with|on|interview|according to|"
                                              r"(wrote|writes|writing) (in|for)|appeared on|appearing on|speaking to|"
                                              r"spoke to|speaking with)\s*((the|a|an)\s+)?$", before) \
                    or re.match(r"['’]s?\s+(\S+\s+)?(interview|show|program|broadcast|essay|op-ed|column|profile|report)|"
                                r"\s+(interview|essay|op-ed|column|profile|piece|article|editorial|panel|podcast)", after)
                if not linked:
                    continue
                names = {m.person.canonical for m in self.p.people.mentions if s_start <= m.start < s_end}
                out.append((s_start, self.paragraph_of(s_start), outlet.name, names, framing))
                break
        self._scene_list = out
        return out

    def _scene_before(self, pos: int, speaker: Speaker | None) -> str | None:
        """The outlet of a scene set just before a quote that the quote belongs to: one that
        names its speaker, in its paragraph or the one before; or one that frames the
        paragraph ("In The New Yorker's profile, ...")."""
        para = self.paragraph_of(pos)
        for s_start, s_para, outlet, names, framing in reversed(self._scenes()):
            if s_start >= pos:
                continue
            if para - s_para > 1:
                break
            if speaker is not None and speaker.name in names or framing:
                return outlet
            break
        return None

    # ------------------------------------------------------------------ kinds and flags
    def _kind(self, q: QuoteSpan, cue, inside: set, sieve) -> str:
        """direct when the quote is the whole reported statement, mixed when it is a fragment
        inside the reporter's own words."""
        text = self.p.text
        s_start = self.p.sentence_at(q.open_mark)[0]
        before = text[s_start:q.open_mark].rstrip()
        if before.endswith(","):  # '"...," he said, "..."': only the words since the last quote count
            before = re.split(r"[”\"»]", before)[-1].strip()
        if not before or before.endswith(":") or before.endswith((",", "—", "–")) and len(before.split()) <= 8:
            return "direct"
        if sieve in ("continuation", "colon", "dash", "transcript"):
            return "direct"
        return "mixed"

    def _names_a_work(self, q: QuoteSpan) -> bool:
        """A title-cased quote introduced the way names of shows, books and films are: after a
        possessive ("CNN's “State of the Union”"), "on", "to", "titled" ..., or one the outlet
        list knows as a programme. A quote cited with its author (""Met accused of
        whitewashing baby Jesus," by Post's Kathianne Boniello") is a headline, in any case."""
        text = self.p.text
        close = q.close_mark if q.close_mark is not None else q.end
        if text[q.start:q.end].rstrip().endswith(",") and BYLINE.match(text, close + 1):
            return True
        words = [w for w in text[q.start:q.end].split() if w[:1].isalpha()]
        before = text[max(0, q.open_mark - 25):q.open_mark].lower()
        # a book's title with its subtitle runs longer: "co-author of "Those Guys Have All the Fun: ...""
        longest = 16 if re.search(r"\b(author|book|memoir|novel|titled|entitled)( of)?\s*$", before) else 8
        if not words or len(words) > longest or not all(w[:1].isupper() or w.lower() in _SMALL for w in words):
            return False
        if q.open_mark < self.p.first_line_end:
            return False  # in a title-cased headline every quote looks like a title
        name = text[q.start:q.end].strip().rstrip(".,;:!?")
        if gazetteer().lookup(name) is not None:
            return True
        if WORK_ROLE.match(text, close + 1):
            return True  # "the “Avatar” star", "“Parks and Recreation” creator Mike Schur"
        return re.search(r"(['’]s?|\b(on|to|for|of|titled|called|named|entitled|show|program|programme|"
                         r"book|film|movie|series|episode|column|documentary|album|song|podcast|anthem|play|"
                         r"musical|novel|memoir|poem|hymn|opera|sitcom|newsletter|blog))\s*$", before) is not None

    def _is_subhead(self, q: QuoteSpan) -> bool:
        """A line that is nothing but a quote in capitals ("“DIVISIVE, STUPID AND WRONG”"), or
        a short phrase in single marks in an article that quotes with double marks, is a
        subhead: headlines put their quotes in single marks."""
        if q.close_mark is None or q.open_mark < self.p.first_line_end:
            return False
        p_start, p_end = self.paragraphs[self.paragraph_of(q.open_mark)]
        if p_start != q.open_mark or len(self.p.text[p_start:p_end].strip()) != q.close_mark + 1 - q.open_mark:
            return False
        words = self.p.text[q.start:q.end]
        if len(words.split()) >= 2 and words.isupper():
            return True
        return q.mark in "'‘’" and self.p.double_marked and len(words.split()) <= 8

    def _unattributed_flag(self, q: QuoteSpan) -> str:
        words = self.p.text[q.start:q.end].split()
        caps = [w for w in words if w[:1].isalpha()]
        if caps and all(w[:1].isupper() or w.lower() in _SMALL for w in caps) and len(words) <= 8:
            return "title"
        return "scare" if len(words) <= 6 else "unattributed"


BYLINE = re.compile(r"\s+by\s+(the\s+)?[A-Z][\w.]*(['’]s?)?\s")
# participles that make their agent the author of a noun: "a poll conducted by Gallup"
AUTHORED = {"published", "released", "issued", "written", "produced", "conducted", "compiled", "prepared",
            "posted", "aired", "broadcast", "commissioned", "sponsored"}
# past tenses that make their subject the author of a work noun: "a speech she delivered"
WROTE = {"delivered", "gave", "wrote", "sent", "signed", "penned", "tweeted", "filed", "made", "authored"}
WORK_ROLE = re.compile(r"\s+(star|stars|actor|actress|host|creator|author|director|producer|showrunner|"
                       r"episode|season|cast|premiere|finale|((radio|television|TV|talk)\s+)?"
                       r"(program|programme|show|podcast))\b", re.I)
# a crowd's words: "chants of", "cries of", "cheer for", "chanting"
CRIED = re.compile(r"\b(chants?|chanting|chanted|cries|cry|shouts?|shouting|shouted|yell(s|ed|ing)?|"
                   r"scream(s|ed|ing)?|roars?|cheer(s|ed|ing)?\s+for)(\s+of)?\s*$", re.I)
_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is"}


def is_label(words: str) -> bool:
    """Does a line open with a label ("Correction", "The Latest") rather than a name?"""
    words = words.lower()
    return words in LABEL_WORDS or words.split()[0] in LABEL_WORDS


def _reports_its_own(cue) -> bool:
    """Does a reporting verb come with its own content ("She noted a rally on Saturday",
    "He added that ...")? Then it reports that, not the quote before it. Whom one tells or
    asks ("..." Trump asked reporters) is not content."""
    addressed = cues().speech_lemma(cue.text) in ADDRESSEE_VERBS
    return any(c.dep_ == "ccomp" or c.dep_ == "xcomp" and not _manner_clause(c) or c.dep_ == "dobj" and not addressed
               for c in cue.children if c.i > cue.i)


def by_phrase(verb):
    """The noun of a passive verb's "by" phrase ("reported by Western Journalism"), or None."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _governing_verb(noun):
    """The verb a noun is the object of, directly or through prepositions ("a job as Secretary
    of Defense"), or None."""
    tok = noun
    for _ in range(5):
        if tok.dep_ not in ("dobj", "pobj", "prep", "dative", "attr", "oprd") or tok.head == tok:
            return None
        tok = tok.head
        if tok.tag_.startswith("VB"):
            return tok
    return None


def _added(tok) -> bool:
    """A participle set off by a comma after a clause, the comma perhaps inside the quote
    that ends it (""... could be "messy," adding, ...")."""
    i = tok.i - 1
    while i > 0 and tok.doc[i].text in QUOTE_TOKENS:
        i -= 1
    return tok.tag_ == "VBG" and tok.dep_ == "advcl" and i >= 0 and tok.doc[i].text == ","


def _then_doing(tok) -> bool:
    """A participle after "before", "after" or "while" ("... before claiming that ...")."""
    return tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ in ("before", "after", "while")


def _manner_clause(tok) -> bool:
    """ "..." Sanders asked, shaking his head: a participle after a comma says how, not what."""
    return tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].text == ","


def _parenthesised(tok) -> bool:
    """Is ``tok`` inside parentheses opened after its head ("Price (D-Va.)")?"""
    lo, hi = sorted((tok.head.i, tok.i))
    inside = [t.text for t in tok.doc[lo + 1:hi + 1]]
    return "(" in inside and ")" not in inside


def _before_parenthesis(name):
    """"state Del. Marcia Price (D-Newport News)": the parse may head the name with the place
    in the parentheses after it; the name is the one before them."""
    opening = next((t for t in name.subtree if t.text == "(" and t.i < name.i), None)
    if opening is None:
        return name
    named = [t for t in name.subtree if t.i < opening.i and t.tag_ in PROPER]
    return named[-1] if named else name


def _named_after_phrase(noun) -> list:
    """"His former business partner at Lenox, Lawrence B. Cummings": the parse hangs the
    name on the last noun of the phrase, but a person's full name set off after a singular
    description names the one described (not Lenox, nor Ted Cruz in "a spokesman for Ted
    Cruz, Rick Tyler")."""
    if noun.tag_ != "NN":
        return []
    return [a for p in noun.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
            for a in o.children if a.dep_ == "appos" and a.tag_ in PROPER and o.i < a.left_edge.i < a.i
            and first_name_gender(a.left_edge.text) and a.left_edge.nbor(-1).text == ","][:1]


def _described_by(clause):
    """The noun a relative clause describes, or the name that noun stands beside
    ("McConnell, now the majority leader, who said ...")."""
    noun = clause.head
    return noun.head if noun.dep_ == "appos" and noun.head.tag_ in PROPER else noun


def _k(tok) -> tuple[int, int]:
    """A stable key for a token (spaCy makes a new Token object on every access)."""
    return id(tok.doc), tok.i


def _key(name: str) -> str:
    from .lexicon import key
    return key(name)


def _is_dateline(tok) -> bool:
    """ "WASHINGTON (AP) —", "LONDON, Aug. 24 —": a place in capitals opening a paragraph."""
    return tok.text.isupper() and len(tok.text) > 3 and tok.tag_ in PROPER \
        and (tok.i == 0 or tok.doc[tok.i - 1].is_space or tok.doc[tok.i - 1].is_sent_start and tok.doc[tok.i - 1].is_punct)


def _noun_gender(noun: str) -> str | None:
    """"f" for "spokeswoman", "mother"; "m" for "spokesman", "father"; None for "official"."""
    if re.search(r"(wom[ae]n|mother|wife|daughter|sister|girl|lady|actress|queen)$", noun):
        return "f"
    if re.search(r"(^|[^o])m[ae]n$|father|husband|(^|grand|step)son$|brother|boy$|^king$", noun):
        return "m"
    return None


def _speaking_noun(noun: str) -> bool:
    """Can the (possibly plural) noun stand for someone who speaks: people by what they are
    or do ("spokeswoman", "aides", "prosecutors") or a body ("groups", "companies"), not "the
    book" or "the election returns"?"""
    one = noun[:-3] + "y" if noun.endswith("ies") else noun[:-1] if noun.endswith("s") and noun[-2:] != "ss" else noun
    return bool(_noun_gender(noun)) or one in titles() or one in ORG_WORDS or one in SPEAKING_NOUNS \
        or len(one) > 4 and one.endswith(("er", "or", "ist", "ant", "ent", "ian"))


# "the company said": a business the article has just named (not "the campaign", whose
# candidate's name a reader would not take for it)
BUSINESS_NOUNS = {"company", "firm", "airline", "carrier", "retailer", "bank", "automaker", "insurer", "lender",
                  "manufacturer", "chain", "startup", "conglomerate", "utility", "developer", "landlord"}
# the last word of a business's name ("Ford Motor Company", "Northwind Airlines"), not "NAACP"
BUSINESS_NAME_ENDS = {"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "company", "group", "airlines",
                      "airways", "motors", "technologies", "industries", "holdings", "partners", "properties",
                      "bank", "pharmaceuticals", "llc", "ltd", "plc", "systems", "energy", "foods", "stores"}
SPEAKING_NOUNS = {"official", "source", "aide", "witness", "neighbor", "neighbour", "resident", "friend",
                  "relative", "expert", "spokesperson", "person", "people", "voter", "critic", "ally", "rival",
                  "hand", "insider", "activist", "group", "company", "firm", "authority", "family"}


def _outlet_name(name: str | None) -> str | None:
    """An outlet's name as the gazetteer gives it, or as written when it is not known."""
    known = gazetteer().lookup(name) if name else None
    return known.name if known else name


def _compound_of(tok, head) -> bool:
    """Is ``tok`` a word of the compound name ``head`` ends ("Network" of "Network Rail")?"""
    while tok.dep_ == "compound" and tok.head != tok:
        tok = tok.head
        if tok == head:
            return True
    return False


def _last_proper(tok):
    """The last of the proper nouns that run on from ``tok``: the head of the name it opens."""
    while tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ in PROPER:
        tok = tok.doc[tok.i + 1]
    return tok


def _nominal(subj):
    """"Of Carson, Levine ... said": the parse may make the preposition the subject and the
    speaker its object."""
    if subj.tag_ in ("IN", "TO"):
        return next((c for c in subj.children if c.dep_ == "pobj"), subj)
    return subj


def _in_phrase(tok) -> bool:
    """Is ``tok`` inside a prepositional phrase, below the clause's verb ("In an interview
    with Mika Brzezinski")?"""
    for t in [tok, *tok.ancestors]:
        if t.tag_.startswith(("VB", "MD")):
            return False
        if t.dep_ == "pobj":
            return True
    return False


def _taken_to_task_for(verb):
    """The one a verb takes to task or praises for saying something ("slammed Clinton for
    calling ...", "criticized him for saying ..."): the object of the verb whose "for" phrase
    the saying heads; else None."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.lower_ != "for" or \
            verb.head.head.lower_ not in TAKING_TO_TASK:
        return None
    return next((c for c in verb.head.head.children if c.dep_ == "dobj" and c.i < verb.head.i), None)


def _headline(article) -> tuple[int, int]:
    """Where the headline stands: a header's title, or else the first line; (0, 0) for a
    header without a title."""
    if article.body_start:
        return header_title(article.text) or (0, 0)
    text = article.text
    lead = len(text) - len(text.lstrip())
    first_break = text.find("\n", lead)
    return lead, len(text) if first_break < 0 else first_break


def _issued(noun) -> bool:
    """Is the noun a statement, letter or email that its verb's subject put out ("His office
    issued a statement", "the campaign sent an email")?"""
    return noun.lower_ in WORK_NOUNS and noun.head.lower_ in ISSUING


def _closed_aside(verb):
    """"Stuart Stevens, who served as chief strategist during the campaign, called ...": the
    parse may make the verb after the comma that closes a relative clause describe that
    clause's last noun; the named head of the clause is the one who calls."""
    if verb.i == 0 or verb.nbor(-1).text != ",":
        return None
    for anc in verb.head.ancestors:
        if anc.dep_ == "relcl" and anc.head.tag_ in PROPER and anc.left_edge.i == anc.head.i + 2 \
                and anc.left_edge.nbor(-1).text == ",":
            return anc.head
    return None


def _participle_aside(tok) -> bool:
    """", gasping facedown on a sidewalk in Staten Island,": a participle phrase between commas."""
    doc = tok.doc
    left, right = tok.left_edge.i, tok.right_edge.i
    return tok.dep_ in ("advcl", "acl") and tok.tag_ in ("VBG", "VBN") and left > 0 and right + 1 < len(doc) \
        and doc[left - 1].text == "," and doc[right + 1].text == ","


def _capitalised_common_noun(run) -> bool:
    """A plural opening a sentence, tagged as a name only for its capital: "Officials said"."""
    tok = run[0]
    return len(run) == 1 and tok.is_sent_start and tok.text.endswith("s") and tok.tag_ in ("NNPS", "NNP") \
        and tok.text[1:].islower() and first_name_gender(tok.text) is None


def _starts_with_the(tok) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].text.lower() == "the"


def _opened_by_subject(verb, first) -> bool:
    """Does the verb's subject open the sentence and run up to the verb ("Scott's niece,
    state Del. Marcia Price, shouted")? The parse may hang the verb on the name instead
    ("Murphy, the head of Right to Rise USA, Tweeted on Friday")."""
    named = verb.dep_ == "acl" and verb.head.tag_ in PROPER and verb.head.left_edge.i == first.i \
        and verb.left_edge.i == verb.i and verb.nbor(-1).text == ","
    if named:
        return True
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not any(c.left_edge.i == first.i for c in subjects):
        return False
    if any(c.left_edge.i == first.i and c.right_edge.i + 1 >= verb.i - 1 for c in subjects):
        return True
    # "Scott's niece, Marcia Price (D-Va.), shouted": the parse may make the name a second
    # subject, and hang the party and state on it
    words = {t.i for c in subjects for t in c.subtree}
    return all(t.i in words or t.is_punct for t in verb.doc[first.i:verb.i])


def _run_around(tok):
    """The proper-noun run containing ``tok``."""
    doc = tok.doc
    i = j = tok.i
    while i > 0 and (doc[i - 1].tag_ in PROPER or doc[i - 1].text in {"-"} and doc[i - 1].whitespace_ == "") \
            and doc[i - 1].whitespace_ in ("", " "):
        i -= 1
    while j + 1 < len(doc) and doc[j].whitespace_ in ("", " "):
        if doc[j + 1].tag_ in PROPER:
            j += 1
        elif doc[j + 1].text == "-" and doc[j].whitespace_ == doc[j + 1].whitespace_ == "" \
                and j + 2 < len(doc) and doc[j + 2].tag_ in PROPER:
            j += 2  # "Holtz-Eakin"
        else:
            break
    while doc[i].text == "-" or i < tok.i and doc[i].text.lower() in SENTENCE_OPENERS and opens_sentence(doc[i]):
        i += 1
    return org_run([doc[k] for k in range(i, j + 1)])


def _np_text(tok) -> str:
    toks = [t for t in tok.subtree if t.dep_ not in ("punct", "det", "poss", "case") and not
            any(a.dep_ == "poss" for a in t.ancestors if a in tok.subtree and a != tok)]
    toks = [t for t in toks if t.i <= tok.i]
    return " ".join(t.text for t in toks)


def _role(person: Person) -> str | None:
    """The person's first office ("Prime Minister"), not an honorific ("Mr.")."""
    return next((office for office in map(without_honorifics, person.roles) if office), None)


def _person_speaker(person: Person, mention: Span, role: str | None = None, resolved: str | None = None) -> Speaker:
    """A known person as the speaker at ``mention``, by their canonical name and first role
    unless the mention gives one."""
    return Speaker(person.canonical, mention, without_honorifics(role) or _role(person), person.kind, person, resolved)
