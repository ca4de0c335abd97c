"""Reported speech and thought without quote marks: claims of kind "indirect".

Direct quotes are found from their marks; claims are found from their cues. Over the parse
that attribution already made, every reporting or belief verb (``data/cues.tsv``), stance
verb (``data/claim_verbs.tsv``: endorsed, refused, ...) and "according to" is a candidate,
and the first rule that finds its content wins; its name is kept in ``Quote.sieve``:

- ``claim-ccomp``: a complement clause, after or before the verb ("X said (that) ...",
  "X told Y that ...", "The economy is improving, X said.").
- ``claim-inserted``: a cue set inside or after its clause, as the parse attaches it
  ("The economy, he said, is improving"; "..., police said"; "As The Times reported, ...").
- ``claim-object``: an object or infinitive complement ("X denied the charges",
  "X accused Y of ...", "X urged Y to ...", "the report found ..."), or an answer ("X said no",
  "X said so").
- ``claim-according-to``: "according to X, ..." / "..., according to X".
- ``claim-poll``: "In a CNN poll, Clinton led ..." / "..., in the survey".
- ``claim-colon``: "X said: ..." followed by the reporter's words, not a quote.
- ``claim-noun``: a stance named by a noun, with its owner and what it is about ("her
  criticism of the plan", "Clinton's decision to ...", "complaints from residents about ...",
  "she raised questions about ...").
- ``claim-adjective``: a stance named by an adjective ("X is critical of ...", "X was
  confident that ...", "X is eager to ...").
- ``claim-seem``: "X seems/appears ready", "X is expected to ...", "a ruling is expected in
  May": the writer's reading, with no source. "X seemed to mock Y" is X's own claim, found at its cue ("mock").
- ``claim-reputed``: "a state seen as critical for ...", "Breyer, a Clinton appointee considered
  a liberal", "Wisconsin is seen as critical": a reputation held by people the article does
  not name (or by the "by" phrase's), with the thing it is about.
- ``claim-self-described``: "Sanders, a self-described democratic socialist": the one the
  description is of describes themselves so.
- ``claim-passive``: "The meeting was first reported by Politico", "it was widely reported
  that ...": the subject, or the clause after an "it", of a passive verb of reporting; and
  "the bill, opposed by House Republicans": the "by" phrase's stance on the noun.
- ``claim-reportedly``: "The FBI is reportedly making arrangements to ...": reported by someone
  the article does not name, so with no source.
- ``claim-label``: a line opened by a name and a colon, the headline "Roger Stone: Don't Trust
  the Voting Machines" or the transcript turn "BENENSON: Senator Sanders does ...".
- ``claim-interview``: an answer in an interview printed as questions and answers ("Q: ...",
  "A: ..."), the interviewee's: the person the article names most before the first question.
  "I" in an answer and "you" in a question are the interviewee too. The claims inside an
  answer stay records of their own.

The source comes from the attributor's own speaker resolution, so pronouns, descriptions,
canonical names and relaying outlets are resolved as for quotes. A content that is nothing
but an already attributed quote (give or take its marks and a "that"), or mostly quoted
fragments one of which is a real part of it, is not repeated: the quote's own record stands
for it. A claim inside another claim's content is part of it ("X said he wants ..."), not a
record of its own.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from importlib import resources

from .attribution import ADDRESSEE_VERBS, ArticleParse, Attributor, Speaker, by_phrase, is_label
from .lexicon import cues, gazetteer, regular_forms
from .people import is_when
from .quotemarks import ALL_MARKS
from .records import Quote, Span

CONFIDENCE = {"claim-ccomp": 0.8, "claim-inserted": 0.75, "claim-object": 0.6, "claim-according-to": 0.8,
              "claim-poll": 0.7, "claim-seem": 0.5, "claim-reputed": 0.5, "claim-reportedly": 0.5, "claim-colon": 0.7,
              "claim-noun": 0.6, "claim-adjective": 0.6, "claim-label": 0.7, "claim-interview": 0.8,
              "claim-self-described": 0.7, "claim-passive": 0.6}
SOURCE_NAMED = ("claim-according-to", "claim-label", "claim-interview")  # sieves whose source the text names
SUBJ = {"nsubj", "nsubjpass", "csubj"}
OBJECT_DEPS = ("dobj", "xcomp", "oprd")
# verbs whose object is seldom a claim ("continued the tour", "found a seat"); "X quoted Y
# as saying ...": the claim is what "saying" governs
NO_OBJECT = {"quote", "continue", "put", "hit", "push", "shoot", "fire", "find", "weigh",
             "chime", "post", "read", "broadcast", "talk", "speak", "answer", "add", "maintain",
             "welcome", "challenge", "advise", "embrace", "know", "see", "view", "determine",
             "point"}
# "plans to visit", not "planned a rally"; "sees the deal as a mistake", not "saw the rally"
XCOMP_ONLY = {"plan"}
SEEN_AS = {"see", "view"}
FINITE_ONLY = {"back"}
# "reminded the crowd of the stakes": told of something, not "told one of his aides"
REMINDING = {"remind", "warn", "inform", "assure", "reassure", "notify"}
# what is told rather than whom: "told a joke", "tells a different story"
TOLD = {"story", "stories", "tale", "tales", "joke", "jokes", "anecdote", "anecdotes", "lie", "lies"}
# "as X reported, ...": the verbs whose "as" clause frames the sentence
AS_REPORTED = {"say", "report", "note", "write", "explain", "point", "argue", "observe", "predict", "reveal",
               "confirm", "mention", "put", "tell"}
# "spoke to reporters", "talked on Monday": only what they spoke about is a claim; "pushed for
# a vote", not "pushed to the limit"
ONLY_PREP = {"speak": {"about", "of"}, "talk": {"about", "of"}, "add": {"about"}, "write": {"about"},
             "push": {"for"}, "side": {"with"}, "distance": {"from"}, "aim": {"at"},
             "agree": {"with", "on", "to", "about"}, "believe": {"in", "about"}, "hint": {"at"}, "care": {"about"}}
# "spoke at the White House on Tuesday about ...": what one speaks about may come late
LATE_PREP = {"speak", "talk", "worry", "care"}
# "as she talked about ...", "when he announced ...": a subordinate clause, not an inserted cue
SUBORDINATORS = {"as", "when", "while", "if", "after", "before", "though", "although", "because", "since",
                 "until", "once", "whether", "unless", "where"}
# "refused to state a party when they registered": when it happened is not what was refused
TEMPORAL = {"when", "after", "before"}
# "74 percent said ..., while 22 percent said ...": a second source's report closes the first
JOINTS = {"and", "but", "while", "whereas", "though", "although", "yet"}
# "talked about X", "referring to X", "called for X": the object of the preposition
CONTENT_PREPS = {"about", "of", "for", "on", "against", "over", "to"}
# what an object is accused of, shown with, denied to ...: "showed Trump with a lead", "denied
# service to anyone", "questioned her judgment in supporting the war"
OBJECT_PREPS = {"of", "for", "about", "on", "over", "as", "to", "with", "in", "by", "against", "from"}
# "attacked Machado in early-morning tweets", "praised the plan on Twitter": where it was said
MEDIA = {"tweet", "twitter", "facebook", "instagram", "interview", "statement", "speech", "letter",
         "radio", "television", "tv", "email", "e-mail", "op-ed", "rally", "debate", "remark", "video",
         "message", "appearance", "ad", "conference", "hearing", "column", "editorial", "memo", "podcast",
         "broadcast", "call", "meeting", "event", "address", "forum"}
# what ends a report: a clause after one of these is a report of its own
RUN_STOPS = {".", "?", "!", ";", ":"} | set(ALL_MARKS)
RELATIVES = {"that", "which", "who"}  # "four provisions that address ...": a relative clause's subject
EDGE_PUNCT = " \t\n\r\u00a0,.;:—–-"
FILLER = {"that", "whether", "if", "and", "but", "to"}
ANSWERS = {"yes", "no"}  # "said no": a whole answer, however short
# sieves whose content is a clause: three words or fewer are what a broken parse left of one
# ("In the latest polls, he doesn't", "People seen as")
CLAUSE_SIEVES = {"claim-poll", "claim-reputed", "claim-inserted"}
# "Democrats opposed it", "55 percent said so": what it stands for is in the sentence before
SHORT_OBJECTS = {"it", "me", "so"}
# a claim is left to its quoted fragment when the fragment is a good part of it, since the
# fragment's own record then stands for the claim; "called the plan "costly," "cruel" and
# "illegal"" stays a claim
PART_SHARE = 0.33
# nouns that name a stance or a claim, with the prepositions that introduce what it is about
NOUN_CUES = {n: set(preps.split()) for n, preps in (
    ("criticism", "of"), ("criticisms", "of"), ("opposition", "to"), ("plan", "for"), ("proposal", "for"),
    ("proposals", "for"), ("call", "for"), ("calls", "for"), ("attack", "on against"), ("attacks", "on against"),
    ("complaint", "about"), ("complaints", "about"), ("claim", ""), ("claims", ""), ("allegation", "of"),
    ("allegations", "of"), ("accusation", "of"), ("endorsement", "of"), ("praise", "for"), ("promise", ""),
    ("promises", ""), ("pledge", ""), ("vow", ""), ("decision", ""), ("insistence", "on"), ("belief", "in"),
    ("warning", "about"), ("warnings", "about"), ("demand", "for"), ("demands", "for"), ("defense", "of"),
    ("assertion", ""), ("suggestion", ""), ("argument", "for"), ("charge", ""), ("charges", ""),
    ("support", "for"), ("backing", "for"), ("questions", "about"), ("concerns", "about over"), ("doubts", "about"),
    ("accusations", "of"), ("concern", "about over"), ("objection", "to"), ("objections", "to"),
    ("condemnation", "of"), ("rejection", "of"), ("denial", "of"), ("position", "on"), ("views", "on"),
    ("fears", "about of over"), ("warnings", "about"), ("announcement", "of"),
    ("message", "of about"), ("opinion", "of on about"), ("advice", "on about for"), ("speculation", "about"),
    ("assumption", ""), ("consensus", "on about"), ("favor", "of"), ("mention", "of"), ("view", "of"),
    ("embrace", "of"), ("comment", "about on"), ("comments", "about on"),
    ("remark", "about"), ("remarks", "about"),
    ("contention", ""), ("hopes", "for"), ("prediction", "about of"), ("assessment", "of"), ("statement", "about on"),
    ("statements", "about on"), ("admission", "of"), ("request", "for"), ("critique", "of"),
    ("enthusiasm", "for about"), ("sympathy", "for"), ("disapproval", "of"), ("approval", "of"),
    ("recommendation", "for"), ("recommendations", "for"), ("reply", "to"), ("portrayal", "of"),
    ("anxiety", "about over"), ("tribute", "to"), ("endorsements", "of"), ("scrutiny", "of"), ("recognition", "of"),
    ("vision", "for of"), ("refusal", "to"), ("focus", "on"), ("reluctance", "to"), ("positions", "on"),
    ("testimony", "about on"), ("passion", "for"), ("desire", "for to"), ("appeals", "for to"),
    ("understanding", "of"))}
# nouns whose copula says what they hold: "the question is whether ...", "the worry is that ..."
# ("the question is whether ..." is mostly the writer's own question: measured, it loses)
COPULAR_NOUNS = {"worry", "hope", "fear", "argument", "message", "point", "idea", "feeling", "expectation",
                 "suspicion", "concern", "belief", "view", "claim", "assumption", "thinking", "bet", "calculation",
                 "theory", "assessment", "consensus", "conclusion"}
BE = {"is", "was", "are", "were", "'s", "’s", "be", "been", "remains", "remained"}
# verbs of backing won ("drew the support of"), and who gives it ("from", "among")
WON = set("""win wins won winning draw draws drew drawn drawing enjoy enjoys enjoyed enjoying get gets got gotten
getting receive receives received receiving garner garners garnered garnering gain gains gained gaining attract
attracts attracted attracting earn earns earned earning have has had having lose loses lost losing""".split())
BACKERS = {"of", "from", "among"}
BACKING = {"support", "backing", "endorsement", "endorsements"}
# verbs that rebut or retract with "back" ("pushed back on", "walked back"), and what they answer
PUSH_BACK = {"push", "pushed", "pushes", "pushing", "walk", "walked", "walks", "walking"}
REBUTTED = {"on", "against", "at", "from"}
# stances only when someone's: "an attack on the embassy" is an event, "Trump's attack on
# Clinton" a stance; "the focus on jobs", but "her focus on jobs"
OWNED_ONLY = {"attack", "attacks", "refusal", "focus", "reluctance", "positions", "testimony", "passion", "desire",
              "appeals", "understanding"}
# a headline opened by a name and a colon; words that label a headline rather than name a source
# "Roger Stone: Don't Trust ...", "Clinton to Planned Parenthood: Trump will reverse ..."
HEADLINE_LABEL = re.compile(r"[ \t]*((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*)"
                            r"(?:[ \t]+(?:[Tt]o|[Aa]t|[Oo]n)[ \t]+[^:\n]{1,50}?)?(:)[ \t]+(?=[^\W_])")
POLL_NOUNS = {"poll", "polls", "survey", "surveys", "polling"}
SEEM_COMPLEMENTS = {"xcomp", "acomp", "attr", "oprd", "dobj"}  # "dobj": "the event seemed an insult"
SEEM_PREPS = {"like", "beside"}  # "seemed like a different candidate", "seemed beside the point"
# adjectives of stance or belief: "critical of", "skeptical about", "confident that"
ADJECTIVE_CUES = {"critical", "skeptical", "sceptical", "supportive", "wary", "hopeful", "convinced", "dismissive",
                  "confident", "concerned", "optimistic", "adamant", "sure", "certain", "opposed", "eager", "willing",
                  "reluctant", "committed", "proud", "aware", "angry", "upset", "frustrated", "happy", "open",
                  "tired", "fond", "outspoken", "honest", "nervous", "worried", "keen", "excited", "lukewarm",
                  "sympathetic", "vocal", "comfortable", "satisfied", "mistrustful", "unapologetic", "enamored",
                  "glad", "sick", "pleased", "surprised", "quick", "interested", "determined", "favorable",
                  "uncertain", "afraid", "inclined", "devoted", "leery"}
ADJECTIVE_PREPS = {"of", "about", "to", "with", "over", "in"}  # "opposed to", "happy with", "upset over"
MAKE = {"make", "makes", "made", "making"}  # "made it clear that ...": a statement
# verbs whose passive subject is what was said or judged ("the meeting was first reported by
# Politico", "the move was criticized"); with an addressee's verb the clause is ("he was told
# that ..."); other verbs' passive subject is someone acted on, not a claim
PASSIVE_CUES = {"report", "say", "confirm", "reveal", "announce", "disclose", "support", "attack", "project",
                "echo", "reject", "mention", "claim", "request", "endorse", "denounce", "condemn", "attribute",
                "post", "boo", "tell", "warn", "assure", "inform", "criticize", "praise", "blame", "fault",
                "mock", "ridicule", "slam"}
# verbs whose passive reports only a clause after an "it" ("It is alleged that ..."), not its
# subject ("The damage was estimated at $10 million", "The case was argued in March")
PASSIVE_CLAUSE_CUES = {"allege", "argue", "suggest", "estimate"}
# participles whose "by" phrase holds a stance on the noun before them ("the bill, opposed by ...")
STANCE_PARTICIPLES = {"oppose", "back", "favor", "champion", "sponsor", "propose", "support", "endorse",
                      "criticize", "praise", "condemn", "denounce", "reject", "attack", "blame", "fault", "mock",
                      "ridicule", "slam", "echo", "claim", "boo"}
# verbs of judging, whose passive with "for"/"as" is judged whole: who, and for what
JUDGED = {"criticize", "praise", "blame", "attack", "slam", "fault", "condemn", "mock", "ridicule"}
HEARSAY = {"reportedly", "allegedly", "purportedly", "supposedly", "rumoredly"}
SEEM = {"seem", "seems", "seemed", "seeming", "appear", "appears", "appeared", "appearing"}
# participles that give a reputation: "known as", "seen as", "considered a liberal"
REPUTED = {"known", "seen", "considered", "regarded", "viewed", "deemed", "perceived", "thought", "believed",
           "billed", "touted", "dubbed", "labeled", "labelled", "branded", "rumored", "rumoured"}


@lru_cache(maxsize=1)
def claim_verbs() -> dict:
    """Form -> lemma of the stance verbs in ``data/claim_verbs.tsv`` (the forms listed, or else
    the regular forms of the lemma)."""
    text = resources.files("quotetrack").joinpath("data", "claim_verbs.tsv").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, *rest = line.split("\t")
            forms = set(rest[0].split()) if rest and rest[0].strip() else regular_forms(lemma)
            for f in forms:
                out.setdefault(f, lemma)
    return out


def _k(tok) -> tuple[int, int]:
    """A stable key for a token (spaCy makes a new Token object on every access)."""
    return id(tok.doc), tok.i


def _dated(prep) -> bool:
    """"a statement on Monday", "his comments on Sunday angered ...": the preposition gives a
    date, not what the words were about ("comments on Tuesday morning's vote" are about the
    vote, "a comment about 47 percent" about a number)."""
    following = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else None
    if following is None or not is_when(following) or following.like_num:
        return False
    # "on Tuesday morning": a time however long; "on Tuesday morning's vote": the day only
    # qualifies what follows; "on Sunday angered Democrats": the parse may hang the day
    # elsewhere, but it still follows the preposition
    while following.dep_ in ("compound", "nmod", "amod") and is_when(following.head):
        following = following.head
    return following.dep_ not in ("poss", "compound", "nmod", "amod")


class ClaimFinder:
    """Finds the indirect claims of one parsed article, after its quotes are attributed."""

    def __init__(self, parse: ArticleParse, attributor: Attributor, quotes: list[Quote]):
        self.p = parse
        self.attributor = attributor
        self.cues = cues()
        self.quoted = sorted((q.start, q.end) for q in quotes if q.speaker is not None)
        self.marks = sorted((max(0, q.start - 1), min(len(parse.text), q.end + 1)) for q in quotes)
        self._quoted_starts = [s for s, _ in self.quoted]
        self._mark_starts = [s for s, _ in self.marks]
        self.restating: list[Quote] = []  # claims that are no more than quotes: they voice them
        # where each quote's cue is, and who it names: a claim of that cue holds no speaker
        self.quote_speakers = {q.cue.start: q.speaker_mention for q in quotes if q.cue and q.speaker_mention}

    def find(self) -> list[Quote]:
        out, seen = [], set()
        found = [f for _, doc in self.p.parts for tok in doc if _may_cue(tok) for f in self._from_token(tok)]
        found += [(content, colon, None, None, sieve, speaker)
                  for content, colon, speaker, sieve in self._labelled_lines()]
        for content, cue_span, cue_tok, source_tok, sieve, *speaker in found:
            if content is None:
                continue
            start, end = self._trim(*content)
            too_short = end - start < 3 and self.p.text[start:end].lower() not in ANSWERS | SHORT_OBJECTS \
                or sieve in CLAUSE_SIEVES and len(self.p.text[start:end].split()) <= 3
            if too_short or (start, end) in seen or start < self.p.body_start:
                continue
            named = self.quote_speakers.get(cue_span[0]) if cue_span and sieve == "claim-ccomp" else None
            if named is not None and start < named.start < end and self.p.text[start] in ALL_MARKS:
                continue  # '"...," Texas delegate Bill Eastland, wearing ..., said': the parse ran the
                # quote and its speaker together as what was said
            seen.add((start, end))
            claim = self._record(start, end, cue_span, cue_tok, source_tok, sieve, *speaker)
            if claim is None or self._claims_nothing(claim):
                continue
            if self._only_quoted(start, end) or self._largely_quoted(start, end):
                self.restating.append(claim)  # the quote's own record stands for it
            else:
                out.append(claim)
        # an interview's answer is one record, and what it says in so many words ("I think
        # Glass-Steagall should be reinstated") are more
        turns = [c for c in out if c.sieve == "claim-interview"]
        rest = _outermost([c for c in out if c.sieve != "claim-interview"], self.p.text)
        return sorted(rest + turns, key=lambda c: (c.start, c.end))

    def _claims_nothing(self, claim: Quote) -> bool:
        """Is ``claim`` no one's claim after all? "Support for NATO", held by no one named, on a
        single word, is a topic; "Do you support Donald Trump?" is a question the writer puts to
        the reader (an interviewer's question, "Q: Do you nominate a centrist?", is the
        interviewer's)."""
        if claim.sieve == "claim-noun" and claim.speaker is None and " " not in claim.text:
            return True
        mention = claim.speaker_mention
        if mention is None or mention.text.lower() != "you" \
                or not claim.sentence.text.rstrip().rstrip("\"”’").endswith("?"):
            return False
        turn = self.attributor.interview_turn(claim.start)
        return turn is None or turn[0] != "Q"

    def _labelled_lines(self):
        """"Roger Stone: Don't Trust the Voting Machines" as a headline, "BENENSON: Senator
        Sanders does ..." as a transcript turn: a name and a colon open the line, and the rest
        of it, unquoted, is what they said. -> ((start, end), colon span, speaker)."""
        text = self.p.text
        first = self.p.first_line_start
        m = HEADLINE_LABEL.match(text, first, self.p.first_line_end)
        if m and not is_label(m.group(1)):
            speaker = self.attributor.headline_name(m.group(1).split(), m.start(1), m.end(1))
            # "Clinton to Planned Parenthood:" only when a name opens it, not "A Curious Plan to ..."
            addressed = m.start(2) > m.end(1)
            if not addressed or speaker.kind != "unnamed":
                yield (m.end(), self.p.first_line_end), m.span(2), speaker, "claim-label"
        for start, end in self.attributor.paragraphs:
            turn = self.attributor.interview_turn(start)
            if turn is not None:  # "A: I came home from school and ...": the interviewee's answer
                asked, speaker, words = turn
                if words is not None and asked == "A":
                    yield (words, end), (speaker.mention.end, speaker.mention.end + 1), speaker, "claim-interview"
                continue
            speaker = self.attributor._transcript_label(start) if start > first else None
            if speaker is None:
                continue
            colon = speaker.mention.end  # the label ends with a colon and a space or tab
            if text[colon + 2:colon + 3] not in ALL_MARKS:
                yield (colon + 2, end), (colon, colon + 1), speaker, "claim-label"

    # ------------------------------------------------------------------ finding content
    def _from_token(self, tok):
        """Yields (content (start, end), cue (start, end), cue verb or None, source head or
        None, sieve) for each claim ``tok`` introduces."""
        if tok.text.lower() in ("according", "in") and tok.dep_ != "prt":
            found = self._according_to(tok) if tok.text.lower() == "according" else self._in_poll(tok)
            if found is not None:
                yield found
            return
        if self._in_quote(self.p.off(tok)):
            return
        if tok.tag_ == "JJ" and tok.text.lower() in ADJECTIVE_CUES and tok.dep_ == "acomp":
            found = self._adjective_claim(tok)
            if found is not None:
                yield found
            return
        if tok.lower_ == "clear":
            found = self._made_clear(tok)
            if found is not None:
                yield found
            return
        if tok.tag_ in ("NN", "NNS") and (tok.lower_ in NOUN_CUES or tok.lower_ in COPULAR_NOUNS):
            found = self._noun_is(tok) or tok.lower_ in NOUN_CUES and (self._support(tok) or self._noun_claim(tok))
            if found:
                yield found
            return
        if self._seems(tok):
            if tok.lower_ in SEEM and any(self._acts(c) for c in tok.children):
                return  # "Mr. Cruz seemed to mock his talk": Cruz's act, claimed by its own cue
            # what seems so: the subject and its complement, not when or why it seemed so
            # "a decision is expected in mid-May": with no complement, when is what is expected
            bare = tok.lower_ == "expected" and not any(_seem_complement(c) for c in tok.children)
            toks = [t for c in tok.children if _seem_complement(c) or bare and c.dep_ == "prep" and c.i > tok.i
                    for t in c.subtree] + [t for c in _subjects(tok) for t in c.subtree]
            yield self._extent([], toks + [tok], cue=tok, sided=False), (self.p.off(tok), self.p.end(tok)), None, \
                None, "claim-seem"  # no source
            return
        reputed = self._reputed(tok) or self._self_described(tok)
        if reputed is not None:
            yield reputed
            return
        hearsay = [c for c in tok.children if c.dep_ == "advmod" and c.text.lower() in HEARSAY]
        if hearsay and tok.tag_.startswith(("VB", "MD")) and any(c.dep_ in SUBJ for c in tok.children):
            # "The FBI is reportedly making arrangements ...": reported by someone unnamed
            adverb = {_k(hearsay[0])}
            clause = self._clause(tok, drop=adverb)
            yield clause, (self.p.off(hearsay[0]), self.p.end(hearsay[0])), None, None, "claim-reportedly"
            return
        framed = self._as_reported(tok) or self._asked(tok) or self._pushed_back(tok)
        if framed is not None:
            yield framed
            return
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            found = self._described_by(tok)
            if found is not None:
                yield found
                return
        if not self._is_cue(tok) or _premodifier(tok) or _imperative(tok):
            return
        if self._passive(tok):
            found = self._passive_claim(tok)
            if found is not None:
                yield found
            return
        particle = [c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1]  # "laid out", "shrugged off"
        cue = (self.p.off(tok), self.p.end(particle[0] if particle else tok))
        clauses = [c for c in tok.children if c.dep_ == "ccomp"]
        # "arrive with enough pledged delegates": the parse may make the participle a clause of its own
        described = [c for c in clauses if _premodifier(c)]
        ccomps = [c for c in clauses if c not in described] or _misread_clause(tok)
        answer = [c for c in tok.children if c.dep_ == "intj" and c.lower_ in ANSWERS and c.i > tok.i] or \
            [c for c in tok.children if c.dep_ == "advmod" and c.lower_ == "so" and c.i == tok.i + 1
             and self.cues.any_lemma(tok.text)]  # "55 percent said so", "I think so"
        if answer and not ccomps:  # "asked if he was ever bullied, he said no"; "said so"
            yield (self.p.off(answer[0]), self.p.end(answer[0])), cue, tok, None, "claim-object"
            return
        if ccomps:
            for c, *more in self._run_on(tok, ccomps):  # '"...," X said, "..."' and '"...". X said Y' give two
                rest = [d for d in described if d.i > c.i and not any(c.i < o.i < d.i for o in ccomps)]
                content = self._extent([c, *more, *rest, *self._reasons(tok, c), *_lost_subject(tok, c)], cue=tok)
                nxt = next((n for n in (self._next_report(x, tok) for x in (c, *more)) if n is not None), None)
                if content is not None and nxt is not None:
                    first = nxt.left_edge
                    while first.i > c.left_edge.i and first.nbor(-1).dep_ in ("cc", "punct"):
                        first = first.nbor(-1)  # "..., and said": the joint goes too
                    content = (content[0], min(content[1], self.p.off(first)))
                if content is not None and self._introduces(content, tok):
                    continue
                yield content, cue, tok, self._first_reporter(tok), "claim-ccomp"
            return
        head = tok.head
        # "The hashtag, Mr. Abboud said, accompanied descriptions ...": the parse may lose the
        # sentence's verb and hang the inserted cue on a noun at its root
        rootless = tok.dep_ == "parataxis" and head.dep_ == "ROOT" and head.tag_ in ("NN", "NNS", "NNP", "NNPS") \
            and head.i < tok.i and tok.right_edge.i + 2 < tok.sent.end
        if tok.dep_ in ("parataxis", "advcl") and head.i != tok.i and (head.tag_.startswith(("VB", "MD")) or rootless) \
                and any(c.dep_ in SUBJ for c in tok.children) and (head.i < tok.i or tok.i > head.left_edge.i) \
                and self.cues.any_lemma(tok.text) and not self._subordinate(tok):
            skip = {_k(t) for t in tok.subtree}
            if head.dep_ == "advcl" and head.i < tok.i < head.head.i:
                head = head.head  # "Though the change was smooth, he said, replacing her would not be"
            toks = [t for t in head.subtree if _k(t) not in skip]
            yield self._extent([], toks, cue=tok, sided=False), cue, tok, None, "claim-inserted"
            return
        split = _split_by_cue(tok) if self.cues.speech_lemma(tok.text) else None
        if split is not None:
            yield self._extent([], split, cue=tok, sided=False), cue, tok, None, "claim-inserted"
            return
        colon = self._colon(tok)
        if colon is not None:
            yield colon, cue, tok, None, "claim-colon"
            return
        lemma = self.cues.any_lemma(tok.text)
        if lemma is None and tok.dep_ == "xcomp" and self._is_cue(tok.head):
            return  # "urged voters to reject the measure": one claim, not two
        if tok.dep_ in ("acl", "amod") and tok.tag_ == "VBN":
            return  # "comments broadcast on television": a participle describing a noun claims nothing
        lemma = lemma or self._claim_lemma(tok)
        if self._after_opening_quote(tok):
            return  # '"We will win," tweeted Trump': the object is who spoke, and the quote what
        objs = [c for c in tok.children if c.dep_ in OBJECT_DEPS and c.i > tok.i]
        if lemma in XCOMP_ONLY:
            objs = [c for c in objs if c.dep_ == "xcomp"]
        elif lemma in SEEN_AS:
            # "see the elections held Sunday as a test": the parse may hang "as" inside the object
            objs = objs if any(c.dep_ == "prep" and c.lower_ == "as" or _as_predicate(c)
                               for o in [tok, *(t for ob in objs for t in ob.subtree)] for c in o.children) else []
        elif lemma in NO_OBJECT:
            # "found a job" claims nothing, but "found "no evidence of ..."" quotes the finding
            objs = [o for o in objs if self._only_quoted(self.p.off(o.left_edge), self.p.end(o.right_edge))]
        if lemma in ADDRESSEE_VERBS:
            objs = [c for c in objs if c.dep_ != "dobj" or lemma == "tell" and c.lower_ in TOLD] \
                if any(c.dep_ == "xcomp" for c in objs) or lemma != "ask" else objs
        if not objs:
            marks = [m for c in tok.children if c.dep_ == "advcl" for m in c.children
                     if m.dep_ == "mark" and m.text.lower() == "for" and m.i == tok.i + 1]
            if marks:  # "called for the president to resign": the parse makes it a clause
                clause = [t for t in marks[0].head.subtree if t.i > marks[0].i]
                yield self._extent([], clause, cue=tok, sided=False), (cue[0], self.p.end(marks[0])), tok, \
                    self._first_reporter(tok), "claim-object"
                return
            allowed = ONLY_PREP.get(lemma, CONTENT_PREPS)
            preps = [c for c in tok.children if c.dep_ == "prep" and c.text.lower() in allowed
                     and (0 < c.i - tok.i <= 2 or lemma in LATE_PREP and c.i > tok.i)]
            if not preps and lemma in ADDRESSEE_VERBS:
                preps = self._after_addressee(tok, {"about", "of"} if lemma in REMINDING else {"about"})
            objs = [g for c in preps[:1] for g in c.children if g.dep_ in ("pobj", "pcomp") and not is_when(g)]
            if objs:
                near = preps[0].i - tok.i <= 2  # "spoke about", but "spoke at the White House ... about"
                end = preps[0].right_edge.i
                objs += [c for c in tok.children if c.i > end and (c.dep_ == "prep" and c.lower_ == "as" or
                                                                    _as_predicate(c))
                         and c.left_edge.i <= end + 2][:1]  # "referred to the US as the Great Satan"
                objs += _trailing_clause(tok, end)
                objs += _joined_objects(tok, objs)
                yield (self._extent(objs, cue=tok, drop=_aside(objs)),
                       (cue[0], self.p.end(preps[0])) if near else cue, tok, self._first_reporter(tok), "claim-object")
            return
        if all(self._support(o) is not None for o in objs):
            return  # "pledged their support to Clinton": the noun says who is backed
        last = max(t.i for o in objs for t in o.subtree)
        preps = [c for c in tok.children if c.dep_ == "prep" and c.text.lower() in OBJECT_PREPS and c.i > last
                 and not any(is_when(g) or _medium(g) for g in c.children if g.dep_ == "pobj")][:1] or \
            [c for c in tok.children if _as_predicate(c) and c.left_edge.i == last + 1][:1] or \
            _trailing_clause(tok, last)
        when = {_k(t) for o in objs if o.dep_ == "xcomp" for a in o.children if a.dep_ == "advcl" and a.i > o.i
                and a.left_edge.lower_ in TEMPORAL and any(g.dep_ in SUBJ for g in a.children) for t in a.subtree}
        parts = objs + preps + _joined_objects(tok, objs + preps)
        # "The mayor said the budget was balanced and urged residents to ...": the mayor urged
        yield self._extent(parts, cue=tok, drop=when | _aside(parts)), cue, tok, self._first_reporter(tok), \
            "claim-object"

    @staticmethod
    def _after_addressee(tok, allowed) -> list:
        """"reminded the crowd of the stakes", "informed the committee of his decision": what
        one is told of comes after whom, hung on the verb or, by the parse, on the addressee."""
        for who in (c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i):
            after = [c for c in tok.children if c.dep_ == "prep" and c.i == who.right_edge.i + 1]
            own = [c for c in who.children if c.dep_ == "prep" and c.i > who.i]
            return [c for c in after + own if c.text.lower() in allowed][:1]
        return []

    @staticmethod
    def _reasons(cue, clause) -> list:
        """A "because" clause right after what was said, which the parse hangs on the cue:
        "the AP said it did not count them because they were routine" gives the reason too."""
        return [a for a in cue.children if a.dep_ == "advcl" and a.i > clause.i > cue.i
                and a.left_edge.i <= clause.right_edge.i + 2 and a.left_edge.lower_ == "because"]

    def _adjective_claim(self, adj):
        """A stance named by an adjective: "Ryan is critical of the plan", "she was confident
        that the bill would pass", "he is eager to run"; the source is the subject."""
        source = next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
        about = [g for c in adj.children if c.dep_ == "prep" and c.text.lower() in ADJECTIVE_PREPS
                 for g in c.children if g.dep_ in ("pobj", "pcomp")] or \
            [c for c in adj.children if c.dep_ in ("ccomp", "xcomp")]
        if source is None or not about:
            return None
        return self._extent(about), (self.p.off(adj), self.p.end(adj)), None, source, "claim-adjective"

    def _made_clear(self, clear):
        """"Clinton made it clear to House Democrats that she has their backs", "the poll
        makes clear the headwinds ahead": what is made clear is the subject's statement."""
        make = clear.head
        if make.lower_ not in MAKE or make.i > clear.i:
            return None
        what = [c for c in (*clear.children, *make.children) if c.i > clear.i
                and c.dep_ in ("ccomp", "advcl", "nsubj", "dobj")][:1]
        if not what:
            return None
        return self._extent(what, cue=make), (self.p.off(make), self.p.end(clear)), make, None, "claim-ccomp"

    def _noun_claim(self, noun):
        """A stance named by a noun, with whose it is and what it is about: "his criticism of
        the plan", "Trump's support for the wall", "Clinton's plans to raise taxes",
        "criticism from rivals that ..."; or no one's ("amid questions about her emails")."""
        owner = [c for c in noun.children if c.dep_ == "poss"]
        agent = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")  # "a decision by X"
                 for g in c.children if g.dep_ == "pobj"]
        source = (owner or agent or [None])[0]
        verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "with") else \
            noun.head if noun.dep_ == "dobj" else None
        for _ in range(3):
            if source is not None or verb is None or not verb.tag_.startswith("VB"):
                break
            # "she raised questions about ...", "voted in favor of the bill", "closed out his tour
            # with only sparing mention of ...": the subject's; "he started raising questions": his
            source = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            verb = verb.head if verb.dep_ in ("xcomp", "advcl", "conj") else None
        if source is None and noun.text.lower() in OWNED_ONLY or \
                source is not None and source.tag_ == "PRP$" and source.text.lower() in ("its", "my", "our", "your"):
            return None
        about = [c for c in noun.children if c.i > noun.i and (
            c.dep_ == "prep" and c.text.lower() in NOUN_CUES[noun.text.lower()] and not _dated(c) or
            c.dep_ in ("acl", "ccomp") and any(m.text.lower() in ("to", "that") for m in c.children))]
        if not about:
            return None
        content = about[0]
        toks = [t for t in content.subtree] if content.dep_ != "prep" else \
            [t for c in content.children if c.dep_ in ("pobj", "pcomp") for t in c.subtree]
        if not toks:
            return None
        cue = (self.p.off(noun), self.p.end(noun))
        return self._extent([], toks, cue=noun, sided=False), cue, None, source, "claim-noun"

    def _noun_is(self, noun):
        """A stance noun whose clause says what it is: "the key question is whether voters
        will follow", "his argument was that the deal would cost jobs"; the owner, if any, is
        the source."""
        be = noun.head
        if noun.dep_ != "nsubj" or be.lower_ not in BE:  # forms: the pipeline runs no lemmatizer
            return None
        clause = [c for c in be.children if c.dep_ == "ccomp" and c.i > be.i]
        if not clause:
            return None
        toks = [t for t in be.subtree if be.i < t.i <= clause[0].right_edge.i]
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        return self._extent([], toks, cue=noun, sided=False), (self.p.off(noun), self.p.end(be)), None, owner, \
            "claim-noun"

    def _support(self, noun):
        """Backing won or given, which names who is backed: "Trump drew the support of 41
        percent" (Trump, backed by the 41 percent), "they threw their support behind the
        nominee", "Sanders voted in support of the ACA"."""
        if noun.lower_ not in BACKING:
            return None
        verb, cue = noun.head, (self.p.off(noun), self.p.end(noun))
        backers = [g for c in [*noun.children, *verb.children] if c.dep_ == "prep" and c.lower_ in BACKERS
                   for g in c.children if g.dep_ == "pobj"]
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if noun.dep_ == "dobj" and verb.lower_ in WON and subject is not None:
            return self._extent([subject]), cue, None, (backers or [None])[0], "claim-noun"
        if noun.dep_ == "pobj" and verb.lower_ == "in":
            about = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            return (self._extent(about), cue, None, subject, "claim-noun") if about else None
        backed = [g for c in [*noun.children, *verb.children] if c.dep_ == "prep" and c.lower_ in ("to", "behind")
                  and c.i > noun.i for g in c.children if g.dep_ == "pobj"]
        if noun.dep_ == "dobj" and backed:
            return self._extent(backed[:1]), cue, None, subject, "claim-noun"
        return None

    def _reputed(self, tok):
        """A reputation: a participle of REPUTED with its complement, on the noun it describes
        ("a state seen as critical for ...") or passive with its subject ("Wisconsin is seen
        as critical"). The source is the "by" phrase's, if any."""
        if tok.tag_ != "VBN" or tok.text.lower() not in REPUTED:
            return None
        complement = [c for c in tok.children if c.dep_ in ("xcomp", "oprd", "attr", "ccomp") or
                      c.dep_ == "prep" and (c.lower_ == "as" or c.lower_ == "for" and tok.lower_ == "known")]
        if not complement:
            return None
        by = by_phrase(tok)
        if tok.dep_ == "acl" and tok.head.tag_.startswith("NN"):
            toks = [t for t in tok.head.subtree if tok.head.left_edge.i <= t.i <= tok.right_edge.i]
        elif self._passive(tok):
            toks = [t for c in tok.children if c.dep_ == "nsubjpass" for t in c.subtree]
            toks += [tok] + [t for c in complement for t in c.subtree]
        else:
            return None
        cue = (self.p.off(tok), self.p.end(tok))
        return self._extent([], toks, cue=tok, sided=False), cue, None, by, "claim-reputed"

    def _claim_lemma(self, tok) -> str | None:
        """The lemma of a cue verb or of a claim verb (data/claim_verbs.tsv)."""
        return self.cues.any_lemma(tok.text) or claim_verbs().get(tok.lower_)

    def _passive_claim(self, tok):
        """"The meeting was first reported by Politico", "it was widely reported that ...": what
        was reported is the subject, or the clause after an "it"; the source is the "by"
        phrase's, if any."""
        lemma = self._claim_lemma(tok) if tok.tag_ == "VBN" else None
        subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        clauses = [c for c in tok.children if c.dep_ == "ccomp"]
        if lemma not in PASSIVE_CUES and not (lemma in PASSIVE_CLAUSE_CUES and clauses and subject is not None
                                              and subject.lower_ == "it"):
            return None
        told = lemma in ADDRESSEE_VERBS  # "Sanders had been told that ...": to him, not his
        why = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "as") and c.i > tok.i]
        if clauses and (subject is None or subject.lower_ == "it" or told):
            heads = clauses
        elif subject is not None and why and lemma in JUDGED:
            # "Trump has been criticized by his rivals for failing to ...": who, judged for what
            return self._extent([], [*subject.subtree, tok, *why[0].subtree], cue=tok, sided=False), \
                (self.p.off(tok), self.p.end(tok)), None, by_phrase(tok), "claim-passive"
        elif subject is not None and subject.tag_ != "PRP" and not told:
            heads = [subject]
        else:
            return None
        return self._extent(heads), (self.p.off(tok), self.p.end(tok)), None, by_phrase(tok), "claim-passive"

    def _described_by(self, tok):
        """"The immigration bill, opposed by House Republicans, ...": a participle with a "by"
        phrase after a noun is that source's stance on the thing the noun names."""
        source = by_phrase(tok)
        if source is None or tok.head.i > tok.i or self._claim_lemma(tok) not in STANCE_PARTICIPLES:
            return None
        skip = {_k(t) for t in tok.subtree}
        toks = [t for t in tok.head.subtree if _k(t) not in skip and t.i < tok.i]
        while toks and toks[-1].is_punct:
            toks.pop()
        return self._extent([], toks), (self.p.off(tok), self.p.end(tok)), None, source, "claim-passive"

    def _self_described(self, tok):
        """"Sanders, a self-described democratic socialist": the description is the claim of
        the one it describes (the noun, or the name or subject the noun stands beside)."""
        if tok.lower_ != "described" or tok.dep_ != "amod" or tok.i < 2 or tok.nbor(-1).text != "-" \
                or tok.nbor(-2).lower_ != "self" or tok.head.i <= tok.i:
            return None
        noun = who = tok.head
        while who.dep_ in ("appos", "conj") and who.head.i < who.i:  # "Sanders, I-Vt., a self-described ...": the name
            who = who.head
        if who.dep_ == "attr":  # "Sanders is a self-described ...": the subject
            who = next((c for c in who.head.children if c.dep_ in SUBJ), who)
        content = (self.p.end(tok), self.p.end(noun))
        return content, (self.p.off(tok.nbor(-2)), self.p.end(tok)), None, who, "claim-self-described"

    def _acts(self, tok) -> bool:
        """Is ``tok`` a cue verb with something said or done to report ("seemed to mock his
        talk"), rather than a state ("seem to agree")?"""
        return tok.dep_ == "xcomp" and tok.tag_ == "VB" and self._is_cue(tok) \
            and self.cues.any_lemma(tok.text) not in NO_OBJECT \
            and any(c.dep_ in ("dobj", "ccomp") for c in tok.children)

    @staticmethod
    def _seems(tok) -> bool:
        """"X seemed ready", "X appears to ...", "X is expected to ...": the writer's reading of
        a state of affairs, with a subject and a complement of its own."""
        form = tok.text.lower()
        if not tok.tag_.startswith("VB") or not _subjects(tok):
            return False
        if form in SEEM:
            return any(_seem_complement(c) for c in tok.children)
        return form == "expected" and any(c.dep_ == "auxpass" for c in tok.children)

    def _clause(self, tok, drop=frozenset()) -> tuple[int, int] | None:
        """The clause a verb heads, without its subordinating word, its coordinated clauses and
        what the parse set apart (parentheses, dashes)."""
        drop = set(drop) | {_k(t) for c in tok.children if c.dep_ in ("mark", "cc", "conj", "punct", "parataxis")
                            or c.dep_ == "advmod" and c.text.lower() in SUBORDINATORS for t in c.subtree}
        return self._extent([], [t for t in tok.subtree if _k(t) not in drop and not t.is_space], cue=tok,
                            sided=False)

    def _run_on(self, cue, clauses) -> list[list]:
        """The cue's complement clauses, those after it that run on as one report joined:
        "said Trump has respect for the military and his comment was an expression of
        frustration", which the parse may split into two clauses of the cue. Clauses on either
        side of it ('"...," X said, "..."') and a report of its own ("... and Democrats accused
        the GOP of ...", its subject perhaps lost to the clause before) stay apart."""
        groups = []
        for c in sorted(clauses, key=lambda c: c.i):
            last = groups[-1][-1] if groups else None
            own = self._is_cue(c) and not any(d.dep_ in SUBJ and d.lower_ in RELATIVES for d in c.children)
            gap = cue.doc[last.right_edge.i + 1:c.left_edge.i] if last is not None else []
            if last is not None and last.i > cue.i and not own \
                    and not any(t.tag_.startswith(("VB", "MD")) or t.text in RUN_STOPS for t in gap):
                groups[-1].append(c)
            else:
                groups.append([c])
        return groups

    def _introduces(self, content, cue) -> bool:
        """Does ``content`` end in a colon before the cue's sentence ("It was not an abstract
        concern: soon Trump had declared ...")? Then it is the writer's lead-in to what the
        source says, not what the source said."""
        end = self._trim(*content)[1]
        subj = [c.left_edge for c in cue.children if c.dep_ in SUBJ and c.i < cue.i]
        stop = self.p.off(min(subj, key=lambda t: t.i) if subj else cue)
        return end <= stop and ":" in self.p.text[end:stop]

    def _next_report(self, clause, cue):
        """The reporting verb of the source's next report inside ``clause`` ("said Gates was
        not involved and said Manafort was not", "..., noting that ..."), or None: a reporting
        verb without a subject of its own, in the cue's tense or a participle, reports anew
        (the parse often hangs it inside the first report)."""
        tag = cue.tag_
        if tag == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in cue.children):
            tag = "VBD"  # "Trump tweeted that ...": a past tense the parse took for a participle
        for t in clause.subtree:
            if t.i > clause.i and t.dep_ in ("conj", "advcl") and self._is_cue(t) and not _premodifier(t) \
                    and (t.tag_ == tag or t.tag_ == "VBG" and t.dep_ == "advcl") \
                    and not any(c.dep_ in SUBJ for c in t.children):
                return t
        return None

    def _first_reporter(self, tok):
        """The subject of the report that ``tok`` goes on from, when ``tok`` is its next
        report; else None (the cue's own subject is found the usual way)."""
        if tok.dep_ not in ("conj", "advcl") or any(c.dep_ in SUBJ for c in tok.children):
            return None
        for h in list(tok.ancestors)[:6]:
            for c in h.children:
                if c.dep_ == "ccomp" and c.left_edge.i <= tok.i <= c.right_edge.i and self._is_cue(h):
                    nxt = self._next_report(c, h)
                    if nxt is not None and nxt.i == tok.i:
                        return next((s for s in h.children if s.dep_ in SUBJ), None)
        return None

    def _as_reported(self, tok):
        """"As The Times reported on Saturday, he has emerged as ...", "As reported by X, ...":
        a reporting verb in an "as" clause with no content of its own frames the clause it
        hangs on; its subject, or the "by" phrase, is the source."""
        lemma = self.cues.speech_lemma(tok.text)
        if tok.dep_ != "advcl" or lemma not in AS_REPORTED or \
                not tok.head.tag_.startswith(("VB", "MD")) or tok.head.i == tok.i:
            return None
        if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i for c in tok.children):
            return None
        addressee = lemma == "tell"  # "as Clinton told the Daily News, ...": whom, not what
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") and c.lower_ != "it"
               and not (addressee and c.dep_ == "dobj") or
               c.dep_ == "prep" and c.lower_ in CONTENT_PREPS and not any(is_when(g) for g in c.children)
               for c in tok.children):
            return None  # "as she talked about the economy": a time, not a frame
        source = next((c for c in tok.children if c.dep_ == "nsubj"), None) or \
            by_phrase(tok)
        skip = {_k(t) for t in tok.subtree}
        toks = [t for t in tok.head.subtree if _k(t) not in skip]
        cue = (self.p.off(tok), self.p.end(tok))
        return self._extent([], toks, cue=tok, sided=False), cue, None, source, "claim-inserted"

    def _asked(self, tok):
        """"When asked about the merger, she ...", "Sanders was asked by host John Dickerson
        whether ...": the question is the content, the "by" phrase (if any) its source; "Rubin
        asked the students if they were serious": the question, not who was asked, and the
        asker's."""
        if self.cues.speech_lemma(tok.text) != "ask":
            return None
        question = [c for c in tok.children if c.dep_ in ("advcl", "ccomp") and c.i > tok.i
                    and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)]
        about = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "about" for g in c.children
                 if g.dep_ in ("pobj", "pcomp")]
        if not self._passive(tok):
            if any(c.dep_ == "nsubj" for c in tok.children):
                return (self._extent(question[:1], cue=tok), (self.p.off(tok), self.p.end(tok)), tok, None,
                        "claim-object") if question else None
            if tok.tag_ in ("VBN", "VBD") and tok.dep_ == "advcl" and (question or about):
                # "Asked if he was ever bullied, he said no": a question put by someone unnamed
                return self._extent((question or about)[:1]), (self.p.off(tok), self.p.end(tok)), None, None, \
                    "claim-object"
            return None
        heads = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")] or question or about
        if not heads:
            return None
        source = by_phrase(tok)
        return self._extent(heads[:1]), (self.p.off(tok), self.p.end(tok)), None, source, "claim-object"

    def _pushed_back(self, tok):
        """A rebuttal or retraction: "pushed back on those claims", "walked back his comments";
        what it answers is the content."""
        if not tok.tag_.startswith("VB") or tok.lower_ not in PUSH_BACK:
            return None
        back = next((c for c in tok.children if c.dep_ in ("advmod", "prt") and c.i == tok.i + 1
                     and c.lower_ == "back"), None)
        if back is None:
            return None
        objs = [c for c in tok.children if c.dep_ == "dobj" and c.i > back.i] or \
            [g for c in tok.children if c.dep_ == "prep" and c.i == back.i + 1 and c.lower_ in REBUTTED
             for g in c.children if g.dep_ == "pobj"]
        if not objs:
            return None
        end = objs[0].head if objs[0].dep_ == "pobj" else back
        return self._extent(objs[:1], cue=tok), (self.p.off(tok), self.p.end(end)), tok, None, "claim-object"

    @staticmethod
    def _subordinate(tok) -> bool:
        """Is the cue's clause introduced by "as", "when", "though" ...?"""
        return any(c.dep_ in ("mark", "advmod") and c.text.lower() in SUBORDINATORS and c.i < tok.i
                   for c in tok.children)

    def _according_to(self, tok):
        doc = tok.doc
        if tok.i + 1 >= len(doc) or doc[tok.i + 1].text.lower() != "to":
            return None
        to = doc[tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"]
        return self._framed(tok, to, objs[0], "claim-according-to") if objs else None

    def _in_poll(self, tok):
        """"In a CNN poll, Clinton led by 24 points", "... 49% to 41%, in the survey": a poll
        is the source of the clause it frames."""
        objs = [c for c in tok.children if c.dep_ == "pobj" and c.text.lower() in POLL_NOUNS]
        verb = tok.head
        if not objs or not verb.tag_.startswith("VB") or verb.dep_ == "relcl" \
                or any(c.dep_ in SUBJ and c.tag_ in ("WP", "WDT") for c in verb.children):
            return None  # "Just 13% of voters in the survey", "Trump, who leads in the polls"
        return self._framed(tok, tok, objs[0], "claim-poll")

    def _framed(self, tok, to, source, sieve):
        """The clause that the phrase from ``tok`` to ``to`` ("according to X", "in X") frames,
        with ``source`` as its source."""
        if self._in_quote(self.p.off(tok)):
            return None
        head = tok.head
        while head.head.i != head.i and not head.tag_.startswith(("VB", "MD")):
            head = head.head
        if head.i == tok.i and sieve == "claim-according-to":
            return self._lost_frame(tok, to, source)
        if head.i in (tok.i, to.i):
            return None
        skip = {_k(t) for t in tok.subtree} | {_k(t) for t in to.subtree}
        toks = [t for t in head.subtree if _k(t) not in skip and not t.is_space]
        # "... , according to X" ends the clause; "according to X, ..." opens it. What follows
        # "..., according to X" is the content only when it is a clause with a subject of its
        # own, not a description of X ("a report from WKOW, the ABC affiliate", "the survey,
        # taken July 11") nor a clause joined by "but" or "and"
        after = [t for t in toks if t.i > to.right_edge.i]
        before = [t for t in toks if t.i < tok.i]
        words = [t for t in after if not t.is_punct]
        clause = bool(words) and words[0].dep_ != "cc" and any(t.dep_ in SUBJ for t in words)
        toks = after if clause or not before else before
        if head.i > to.right_edge.i and any(t.dep_ in SUBJ and t.head.i == head.i for t in before):
            toks = before + after  # "Fundraising, according to the campaign, has surged": inserted
        elif toks is before and sieve == "claim-according-to" and head.dep_ != "ROOT":
            toks = [t for t in tok.sent if t.i < tok.i]  # the parse lost the clause: all before it
        if not toks:
            return None
        cue = (self.p.off(tok), self.p.end(to))
        return self._extent([], toks), cue, None, source, sieve

    def _lost_frame(self, tok, to, source):
        """"According to X, the move reeks of fear": the parse may make "according" the root
        and the clause a description of X; the clause is what follows the comma after X."""
        comma = next((t for t in tok.sent if t.i > to.i and t.text == ","), None)
        toks = [t for t in tok.sent if comma is not None and t.i > comma.i and not t.is_space]
        if sum(not t.is_punct for t in toks) < 3:
            return None
        return self._extent([], toks), (self.p.off(tok), self.p.end(to)), None, source, "claim-according-to"

    def _colon(self, tok):
        """"X said:" followed by unquoted words in the same sentence."""
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is None or nxt.text != ":":
            return None
        start = self.p.end(nxt)
        end = self.p.sentence_at(start)[1]
        if end <= start + 1:
            sent = self.p.sentence_at(start + 1)
            start, end = max(start, sent[0]), sent[1]
        return start, end

    def _extent(self, heads, toks=None, cue=None, sided=True, drop=frozenset()) -> tuple[int, int] | None:
        """Start and end of the content tokens, on one side of the cue and its subject and
        within the cue's paragraph (a poor parse can reach across both)."""
        toks = [t for t in list(toks or []) + [t for h in heads for t in h.subtree] if _k(t) not in drop]
        if cue is not None and sided:
            skip = {_k(t) for c in cue.children if c.dep_ in SUBJ for t in c.subtree} | {_k(cue)}
            after = min(h.i for h in heads) > cue.i if heads else False
            if after:
                toks = [t for t in toks if t.i > cue.i and _k(t) not in skip]
            else:
                subj = [t.i for t in cue.subtree if _k(t) in skip]
                toks = [t for t in toks if t.i < min(subj) and _k(t) not in skip]
        if not toks:
            return None
        start, end = min(self.p.off(t) for t in toks), max(self.p.end(t) for t in toks)
        if cue is not None:
            para = self.attributor.paragraphs[self.attributor.paragraph_of(self.p.off(cue))]
            start, end = max(start, para[0]), min(end, para[1])
        return (start, end) if end > start else None

    def _is_cue(self, tok) -> bool:
        """A reporting verb as the attributor reads one ("point out", "put it"), or a verb of
        belief."""
        if not tok.tag_.startswith("VB"):
            return False
        form = tok.text.lower()
        if form in FINITE_ONLY:
            return tok.tag_ == "VBP"  # "most voters back the ban", not "urged them to back it"
        return self.attributor._is_cue(tok) or form in self.cues.beliefs or form in claim_verbs()

    @staticmethod
    def _passive(tok) -> bool:
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)

    # ------------------------------------------------------------------ spans
    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """Content without edge punctuation or blanked markup; a closing quote mark stays when
        its opening mark is inside the content."""
        text, cleaned = self.p.text, self.p.cleaned
        while start < end and (text[start] in EDGE_PUNCT or cleaned[start].isspace()):
            start += 1
        while end > start:
            ch = text[end - 1]
            if ch in EDGE_PUNCT or cleaned[end - 1].isspace():
                end -= 1
            elif ch in ALL_MARKS and not any(m in text[start:end - 1] for m in ALL_MARKS):
                end -= 1
            else:
                break
        rest = text[end:end + 3]
        if text[start:end].count('"') % 2 or sum(text[start:end].count(m) for m in "“”") % 2:
            m = re.match(r"[.,!?]?[\"”]", rest)
            if m:
                end += m.end()
        return start, end

    def _after_opening_quote(self, tok) -> bool:
        """Is ``tok`` a verb with no subject after a quote that opens its sentence?"""
        if any(c.dep_ in SUBJ for c in tok.children):
            return False  # decided before the sentence is walked: this runs for every candidate cue
        before = [t for t in tok.sent if t.i < tok.i]
        return any(self._in_quote(self.p.off(t)) for t in before) \
            and all(t.is_punct or self._in_quote(self.p.off(t)) for t in before)

    def _in_quote(self, pos: int) -> bool:
        i = bisect_right(self._quoted_starts, pos) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]

    def _marks_in(self, start: int, end: int):
        """The quoted spans overlapping [start, end): found by bisection, since a long article
        has thousands."""
        i = max(0, bisect_right(self._mark_starts, start) - 1)
        while i < len(self.marks) and self.marks[i][0] < end:
            if self.marks[i][1] > start:
                yield self.marks[i]
            i += 1

    def _largely_quoted(self, start: int, end: int) -> bool:
        """Is one quoted fragment a good part of the content ("X called it "a total disaster for
        farmers"")? Then the fragment's own record, a mixed quote, stands for the claim."""
        pieces = [max(0, min(e, end) - max(s, start)) for s, e in self._marks_in(start, end)]
        return max(pieces, default=0) >= PART_SHARE * (end - start)

    def _only_quoted(self, start: int, end: int) -> bool:
        """Is the content an attributed quote, give or take its marks and a leading "that"?"""
        text = self.p.text
        covered = [(max(s, start), min(e, end)) for s, e in self._marks_in(start, end)]
        if not covered:
            return False
        rest = list(text[start:end])
        for s, e in covered:
            rest[s - start:e - start] = " " * (e - s)
        words = re.findall(r"[^\W_]+", "".join(rest).lower())
        return all(w in FILLER for w in words)

    # ------------------------------------------------------------------ records
    def _record(self, start, end, cue_span, cue_tok, source_tok, sieve, speaker=None) -> Quote | None:
        text = self.p.text
        content_keys = {_k(t) for t in self.p.tokens_in(start, end)}
        if cue_tok is not None:
            content_keys -= {_k(t) for t in cue_tok.subtree if t.i <= cue_tok.i or t.dep_ in SUBJ}
        relay = None
        if speaker is None:
            speaker, relay = self._speaker(cue_tok, source_tok, content_keys)
        if speaker is not None and _place_like(speaker) and sieve not in SOURCE_NAMED and \
                (cue_tok is None or not cues().speech_lemma(cue_tok.text)):
            return None  # "Baku is expecting to increase gas production": a place, not a source
        s_start = self.p.sentence_at(start)[0]
        s_end = self.p.sentence_at(max(start, end - 1))[1]
        s_start, s_end = min(s_start, cue_span[0]), max(s_end, cue_span[1])
        claim = Quote(text=text[start:end], start=start, end=end, kind="indirect",
                      cue=Span.of(text, *cue_span), sieve=sieve, sentence=Span.of(text, s_start, s_end))
        if relay is None and cue_tok is not None:
            frame = [t for t in self.p.tokens_in(s_start, s_end) if _k(t) not in content_keys]
            relay = self.attributor._relay_near(cue_tok, frame, speaker)
        elif relay is None and source_tok is not None:
            relay = self.attributor._outlet_of_np(source_tok)
        conf = CONFIDENCE[sieve]
        if speaker is not None:
            claim.speaker, claim.speaker_mention = speaker.name, speaker.mention
            claim.speaker_role, claim.speaker_kind = speaker.role, speaker.kind
            if speaker.resolved:
                conf *= 0.9
            if relay is None and speaker.kind == "organisation":
                outlet = gazetteer().lookup(speaker.name or "")
                relay = outlet.name if outlet else None
        else:
            conf *= 0.5
        claim.outlet, claim.relayed = (relay, True) if self.p.is_relay(relay) else self.p.carrier(start)
        claim.confidence = round(conf, 2)
        return claim

    def _speaker(self, cue_tok, source_tok, content_keys) -> tuple[Speaker | None, str | None]:
        """(source, relaying outlet) through the attributor's resolution; the content's own
        words are never its source."""
        self.attributor.inside = content_keys
        if source_tok is not None:
            return self.attributor._speaker_of_np(source_tok), None
        if cue_tok is None:
            return None, None  # the writer's own reading: "X seems ready"
        return self.attributor._speaker_of_cue(cue_tok)


def _may_cue(tok) -> bool:
    """Can this token introduce a claim at all (a verb, adjective or common noun, or
    "according" and "in")? Most tokens cannot; they skip the sieves."""
    tag = tok.tag_
    return tag.startswith(("VB", "MD", "JJ")) or tag in ("NN", "NNS") or tok.lower_ in ("according", "in")


def _lost_subject(cue, clause) -> list:
    """"felt her projection of anger was over the top": the parse may make the reported
    clause's subject the cue's object, leaving the clause without one."""
    if any(c.dep_ in SUBJ or c.dep_ == "expl" for c in clause.children) or \
            cues().speech_lemma(cue.text) in ADDRESSEE_VERBS:
        return []
    return [o for o in cue.children if o.dep_ in ("dobj", "npadvmod") and cue.i < o.i
            and o.right_edge.i + 1 == clause.left_edge.i]


def _misread_clause(cue) -> list:
    """"said during a news conference that he may wait": the parse may read the reported
    clause as a relative clause on the last noun before it, which a relative clause opened
    by the conjunction "that" and with a subject of its own cannot be; or, hung on the cue,
    as an adverbial or relative clause ("tweeted in the early morning hours that ...")."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in cue.children):
        return []
    return [t for p in cue.children if p.dep_ == "prep" and p.i > cue.i for t in p.subtree
            if t.dep_ == "relcl" and t.left_edge.dep_ == "mark" and t.left_edge.lower_ == "that"
            and any(c.dep_ in SUBJ for c in t.children)][:1] or \
        [c for c in cue.children if c.dep_ in ("advcl", "relcl") and c.i > cue.i and c.left_edge.lower_ == "that"
         and c.left_edge.dep_ in ("mark", "advmod") and any(d.dep_ in SUBJ for d in c.children)][:1]


def _joined_objects(verb, objs) -> list:
    """What the parse joins to the verb but the sense joins to its object, right after it:
    "emphasizing economic fairness, and a need to raise the minimum wage" (a noun),
    "has mentioned refinancing loans and forcing universities to spend" (a gerund after a
    gerund, the verb being none), "spoke of the legacy of racism, and how the fight flowed"
    (a question word)."""
    last = max(t.i for o in objs for t in o.subtree)
    c = next((c for c in verb.children if c.dep_ == "conj" and c.i > last), None)
    if c is None:
        return []
    between = verb.doc[last + 1:c.left_edge.i]
    if not all(t.lower_ in ("and", "or", ",") for t in between) or not any(t.dep_ == "cc" for t in between):
        return []  # not "..., but if he did, he would ..."
    gerund = any(o.left_edge.tag_ == "VBG" for o in objs)
    joined = c.tag_ in ("NN", "NNS") or c.tag_ == "VBG" and gerund and verb.tag_ != "VBG" \
        or c.left_edge.lower_ in ("how", "what", "why", "whether")
    return [c] if joined else []


def _medium(tok) -> bool:
    """Is ``tok`` a channel something is said in ("tweets", "an interview", "Twitter")?"""
    form = tok.lower_
    return form in MEDIA or form.endswith("s") and form[:-1] in MEDIA


def _aside(parts) -> set:
    """"likened RT to the BBC, which receives some government funding": a relative clause
    set off by a comma at the end of what was said is the writer's aside."""
    last = max(t.i for p in parts for t in p.subtree)
    return {_k(t) for p in parts for r in p.subtree if r.dep_ == "relcl" and r.right_edge.i == last
            and r.left_edge.i > 0 and r.left_edge.nbor(-1).text == ","
            and r.left_edge.lower_ in ("which", "who", "whose", "whom") for t in r.subtree}


def _split_by_cue(verb) -> list | None:
    """"These employees, Stumpf explained, were well paid": the parse may take the inserted
    cue for the sentence's verb, with the subject before it cut loose and the verb after it
    joined to the cue. -> the tokens of what was said, the cue inside them, or None."""
    subj = [c for c in verb.children if c.dep_ in SUBJ and c.i < verb.i]
    if verb.dep_ != "ROOT" or len(subj) != 1:
        return None
    doc = verb.doc
    lead = [c for c in verb.children if c.i < subj[0].left_edge.i and c.dep_ in ("npadvmod", "nsubj", "dep")
            and c.tag_ in ("NN", "NNS", "NNP", "NNPS") and doc[c.right_edge.i + 1:c.right_edge.i + 2].text == ","
            and not any(is_when(t) for t in c.subtree)]  # "Last week, the campaign called on ..."
    rest = [c for c in verb.children if c.dep_ == "conj" and c.tag_.startswith(("VB", "MD"))
            and not any(d.dep_ in SUBJ for d in c.children)]
    if not lead or not rest or any(c.dep_ == "cc" and verb.i < c.i < rest[0].i for c in verb.children):
        return None  # "An impossible combination, they complain - and if ...": a clause of its own
    return [t for t in verb.subtree if t.i >= lead[0].left_edge.i]


def _trailing_clause(verb, last) -> list:
    """"defended his call to raise the minimum wage", "bragged about her father teaching her
    to shoot": the parse may hang on the verb a clause that goes with the object just before
    it; an infinitive or a participle with no subject of its own, right after the object."""
    return [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.left_edge.i == last + 1
            and (c.tag_ == "VBG" or c.tag_ == "VB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
            and not any(a.dep_ in SUBJ for a in c.children)][:1]


def _premodifier(tok) -> bool:
    """"with enough pledged delegates", "475 pledged delegates": a participle between a
    determiner or number and its noun describes the noun, though the parse may take it for a
    verb with an object."""
    if tok.tag_ not in ("VBN", "VBD") or tok.i == 0 or tok.i + 1 >= len(tok.doc):
        return False
    before, noun = tok.nbor(-1), tok.nbor(1)
    return noun.tag_ in ("NN", "NNS") and noun.head == tok and noun.dep_ in ("dobj", "nsubj") \
        and before.tag_ in ("DT", "CD", "JJ", "JJS", "PRP$", "POS", "PDT", ",") \
        and not any(c.dep_ in SUBJ or c.dep_ in ("aux", "auxpass") for c in tok.children)


def _imperative(tok) -> bool:
    """"Imagine the spectacle", "Now tell us this isn't a witch hunt": the writer bids the
    reader; no one is reported."""
    return tok.tag_ == "VB" and tok.dep_ == "ROOT" and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)


def _subjects(verb) -> list:
    """The verb's subjects, or, for a verb joined to another with none of its own ("is moving to
    Los Angeles but is expected to ..."), the first verb's."""
    own = [c for c in verb.children if c.dep_ in SUBJ]
    if own or verb.dep_ != "conj":
        return own
    return [c for c in verb.head.children if c.dep_ in SUBJ]


def _seem_complement(tok) -> bool:
    """What something seems: "ready", "to win", "a reminder that ...", "like a new man"."""
    return tok.dep_ in SEEM_COMPLEMENTS or tok.dep_ == "prep" and tok.lower_ in SEEM_PREPS


def _as_predicate(tok) -> bool:
    """"described the country as beset by ...": what the object is described as, which the
    parse makes a clause ("as Washington celebrating itself"); not "as it was written", a
    finite clause of its own."""
    if tok.dep_ != "advcl" or tok.left_edge.lower_ != "as":
        return False
    finite = tok.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    return not finite or not any(c.dep_ in SUBJ for c in tok.children)


def _place_like(speaker: Speaker) -> bool:
    """A one-word name the article never gives a gender, a role or a quote: in news text
    that is a capital or a country standing for its government far more often than a person."""
    p = speaker.person
    return p is not None and p.kind == "person" and len(p.names) == 1 and len(p.names[0]) == 1 \
        and p.gender is None and not p.roles and not p.spoke


def _outermost(claims: list[Quote], text: str) -> list[Quote]:
    """Claims not lying inside another claim's content, in text order: in "Trump said he wants
    to build a wall", what he said is one claim, not a second one for "wants". But a second
    source reporting at the end of a claim ("74 percent said they are set on voting for him,
    while 22 percent said they might change their mind") ends it and stands on its own."""
    out, reach = [], -1
    for claim in sorted(claims, key=lambda c: (c.start, -c.end)):
        if claim.end > reach:
            out.append(claim)
        elif out and (cut := _second_report(out[-1], claim, text)) is not None:
            outer = out[-1]
            outer.end, outer.text = cut, text[outer.start:cut]
            out.append(claim)
        reach = max(reach, claim.end)
    return out


def _second_report(outer: Quote, inner: Quote, text: str) -> int | None:
    """Where ``outer`` ends when ``inner`` is a report of its own closing it: its source
    and cue inside ``outer``, joined to the rest by a conjunction; else None."""
    m, cue = inner.speaker_mention, inner.cue
    if m is None or cue is None or not outer.start < m.start < cue.start < inner.start \
            or inner.end < outer.end - 2:
        return None
    before = text[outer.start:m.start].rstrip()
    words = before.split()
    if not words or words[-1].lower() not in JOINTS:
        return None
    head = before[:-len(words[-1])].rstrip(",;:— \n")
    return outer.start + len(head) if len(head.split()) >= 3 else None


def find_claims(parse: ArticleParse, attributor: Attributor, quotes: list[Quote]) -> tuple[list[Quote], list[Quote]]:
    """The indirect claims of a parsed article whose quotes are ``quotes``; and, apart, the
    claims whose content is no more than those quotes, which only say whose they are."""
    finder = ClaimFinder(parse, attributor, quotes)
    return finder.find(), finder.restating


# claims whose content is the source's own proposition; a quoted phrase in it is their words
VOICING_SIEVES = {"claim-ccomp", "claim-object", "claim-seem", "claim-reputed", "claim-reportedly",
                  "claim-according-to"}


def voice_quotes(quotes: list[Quote], claims: list[Quote]) -> list[Quote]:
    """A quoted phrase that no cue attributes is a scare quote, unless it lies inside a claim:
    in "a federal judge found that the handling created a “reasonable suspicion”", the
    phrase is the judge's. It takes the claim's source, as a mixed quote. So does a longer
    quote no cue reached ("Paul Ryan worried that the safety net was becoming “a hammock
    that ...”"), keeping its kind. -> the claims that are no more than a quote they voiced
    ("likes “The Walking Dead”"): the quote stands for them."""
    absorbed = []
    spans = sorted(((c.start, c.end, c) for c in claims if c.sieve in VOICING_SIEVES and c.speaker),
                   key=lambda span: span[:2])
    starts = [s for s, _, _ in spans]
    for q in quotes:
        scare = "scare" in q.flags
        if not scare and "unattributed" not in q.flags:
            continue
        i = bisect_right(starts, q.start) - 1  # claims nest in none, so only this one can hold it
        if i < 0 or spans[i][1] < q.start + len(q.text.rstrip(EDGE_PUNCT)):
            continue  # a claim leaves out the full stop the quote closes on
        claim = spans[i][2]
        q.speaker, q.speaker_mention, q.speaker_role = claim.speaker, claim.speaker_mention, claim.speaker_role
        q.speaker_kind, q.cue, q.outlet, q.relayed = claim.speaker_kind, claim.cue, claim.outlet, claim.relayed
        q.sieve, q.confidence = "in-claim", round(0.8 * claim.confidence, 2)
        q.kind = "mixed" if scare else q.kind
        q.flags.remove("scare" if scare else "unattributed")
        if claim.start >= q.start and claim.end <= q.end:
            absorbed.append(claim)
    return absorbed
