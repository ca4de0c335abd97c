"""Claims: reported speech and thought without quote marks, kind "indirect"."""
import pytest

from quotetrack.reader import article_from_text

CASES = [
    # (text, content, speaker, cue, sieve)
    ("Ilham Aliyev spoke in Baku. Aliyev said Baku was ready to discuss bilateral issues.",
     "Baku was ready to discuss bilateral issues", "Ilham Aliyev", "said", "claim-ccomp"),
    ("Senator Ann Lee spoke on Monday. The senator told reporters that the bill would pass.",
     "that the bill would pass", "Ann Lee", "told", "claim-ccomp"),
    ("The economy is improving, John Smith said.", "The economy is improving", "John Smith", "said", "claim-ccomp"),
    ("The economy, John Smith said, is improving.", "The economy, John Smith said, is improving", "John Smith",
     "said", "claim-inserted"),
    ("According to the ministry, exports rose by ten percent.", "exports rose by ten percent", "the ministry",
     "According to", "claim-according-to"),
    ("Exports rose by ten percent last year, according to the ministry.", "Exports rose by ten percent last year",
     "the ministry", "according to", "claim-according-to"),
    ("Mary Jones insisted that the vote was fair.", "that the vote was fair", "Mary Jones", "insisted", "claim-ccomp"),
    ("Mary Jones visited Ohio on Monday. She believes that the plan will fail.", "that the plan will fail",
     "Mary Jones", "believes", "claim-ccomp"),
    ("The Kremlin warned that sanctions would backfire.", "that sanctions would backfire", "Kremlin", "warned",
     "claim-ccomp"),
    ("The report found that wages fell in 2015.", "that wages fell in 2015", "The report", "found", "claim-ccomp"),
    ("John Smith denied the allegations.", "the allegations", "John Smith", "denied", "claim-object"),
    ("Mary Jones accused John Smith of lying about the budget.", "John Smith of lying about the budget",
     "Mary Jones", "accused", "claim-object"),
    ("Mary Jones urged voters to reject the measure.", "voters to reject the measure", "Mary Jones", "urged",
     "claim-object"),
    ("Mary Jones talked about the economy.", "the economy", "Mary Jones", "talked about", "claim-object"),
    ("Voters warmed to him. In May, 55 percent said so.", "so", "55 percent", "said", "claim-object"),
    ("A decision is expected in mid-May in the Virginia voter ID challenge.",
     "A decision is expected in mid-May in the Virginia voter ID challenge", None, "expected", "claim-seem"),
    ("She is moving to Los Angeles but is expected to continue to make appearances on the NBC morning show.",
     "She is moving to Los Angeles but is expected to continue to make appearances on the NBC morning show", None,
     "expected", "claim-seem"),
    ("Bernie Sanders defended his call to raise the federal minimum wage to $15 an hour.",
     "his call to raise the federal minimum wage to $15 an hour", "Bernie Sanders", "defended", "claim-object"),
    ("Donald Trump openly admires Vladimir Putin as a strong leader.", "Vladimir Putin as a strong leader",
     "Donald Trump", "admires", "claim-object"),
    ("Mary Jones likened RT to the BBC, which receives some government funding.", "RT to the BBC",
     "Mary Jones", "likened", "claim-object"),
    ("Mary Jones spoke of the 1994 crime bill, which put more police officers on the streets.",
     "the 1994 crime bill", "Mary Jones", "spoke of", "claim-object"),
    ("Donald Trump attacked Alicia Machado in early-morning tweets.", "Alicia Machado", "Donald Trump", "attacked",
     "claim-object"),
    ("These employees, John Stumpf explained in the hearing, were well paid, making $30,000 a year.",
     "These employees, John Stumpf explained in the hearing, were well paid, making $30,000 a year", "John Stumpf",
     "explained", "claim-inserted"),
    ("Mary Jones appointed several women to key posts.", "several women to key posts", "Mary Jones", "appointed",
     "claim-object"),
    ("Gary Johnson told a joke about the debate.", "a joke about the debate", "Gary Johnson", "told",
     "claim-object"),
    ("Mary Jones favored the harbor plan.", "the harbor plan", "Mary Jones", "favored", "claim-object"),
    ("Mary Jones is considering a run for mayor.", "a run for mayor", "Mary Jones", "considering", "claim-object"),
    ("Mary Jones recalled the harbor's generosity in support of the hunger program.",
     "the harbor's generosity in support of the hunger program", "Mary Jones", "recalled", "claim-object"),
    # a stance named by a noun: whose it is and what it is about
    ("Mary Jones spoke in Ohio. Her criticism of the harbor plan angered the mayor.", "the harbor plan",
     "Mary Jones", "criticism", "claim-noun"),
    ("John Smith spoke on Monday. His complaints about the noise at the harbor reached the council.",
     "the noise at the harbor", "John Smith", "complaints", "claim-noun"),
    ("Mary Jones spoke on Monday. Her decision to close the harbor angered the fishermen.", "to close the harbor",
     "Mary Jones", "decision", "claim-noun"),
    ("Senator Mary Jones spoke on Monday. The senator raised questions about the harbor deal.", "the harbor deal",
     "Mary Jones", "questions", "claim-noun"),
    ("Mary Jones raised concerns over the harbor plan.", "the harbor plan", "Mary Jones", "concerns",
     "claim-noun"),
    ("Mary Jones spoke on Monday. Her opinion of the harbor plan has not changed.", "the harbor plan", "Mary Jones",
     "opinion", "claim-noun"),
    ("Amid questions about the harbor deal, the mayor resigned.", "the harbor deal", None, "questions",
     "claim-noun"),
    # the subject of the verb the noun hangs on, through "with" and a participle
    ("Mary Jones closed out her tour with only a sparing mention of the harbor plan.", "the harbor plan",
     "Mary Jones", "mention", "claim-noun"),
    ("Mary Jones spoke on Monday. She started raising questions about the harbor deal.", "the harbor deal",
     "Mary Jones", "questions", "claim-noun"),
    ("A decision by Mary Jones to close the harbor angered the fishermen.", "to close the harbor", "Mary Jones",
     "decision", "claim-noun"),
    ("Mary Jones voted in favor of the harbor bill.", "the harbor bill", "Mary Jones", "favor", "claim-noun"),
    ("Mary Jones spoke on Monday. Her contention that the harbor plan would fail surprised the council.",
     "that the harbor plan would fail", "Mary Jones", "contention", "claim-noun"),
    ("Mary Jones spoke on Monday. Her critique of the harbor plan angered the council.", "the harbor plan",
     "Mary Jones", "critique", "claim-noun"),
    ("Mary Jones published a critique of the harbor plan.", "a critique of the harbor plan", "Mary Jones",
     "published", "claim-object"),
    ("Mary Jones will support the harbor plan.", "the harbor plan", "Mary Jones", "support", "claim-object"),
    ("Mary Jones urged voters to support the harbor plan.", "voters to support the harbor plan", "Mary Jones",
     "urged", "claim-object"),
    ("Mary Jones spoke on Monday. Her reluctance to back the harbor plan surprised the council.",
     "to back the harbor plan", "Mary Jones", "reluctance", "claim-noun"),
    ("Mary Jones spoke on Monday. Her mention of the harbor plan surprised the council.", "the harbor plan",
     "Mary Jones", "mention", "claim-noun"),
    # a stance named by an adjective
    ("Mary Jones is critical of the harbor plan.", "the harbor plan", "Mary Jones", "critical", "claim-adjective"),
    ("Mary Jones was confident that the bill would pass.", "that the bill would pass", "Mary Jones", "confident",
     "claim-adjective"),
    ("Mary Jones is eager to reopen the harbor.", "to reopen the harbor", "Mary Jones", "eager", "claim-adjective"),
    ("Mary Jones is concerned that the harbor will close.", "that the harbor will close", "Mary Jones", "concerned",
     "claim-adjective"),
    ("Mary Jones is worried about a split at the convention.", "a split at the convention", "Mary Jones",
     "worried", "claim-adjective"),
    ("Mary Jones is lukewarm about the harbor plan.", "the harbor plan", "Mary Jones", "lukewarm", "claim-adjective"),
    ("Mary Jones is leery of the harbor plan.", "the harbor plan", "Mary Jones", "leery", "claim-adjective"),
    # a participle with a "by" phrase after a noun: that source's stance on it
    ("The harbor bill, opposed by the fishermen's union, stalled in May.", "The harbor bill",
     "the fishermen's union", "opposed", "claim-passive"),
    # what one makes clear is one's statement
    ("Mary Jones made it clear to the council on Monday that the harbor will close.", "that the harbor will close",
     "Mary Jones", "made it clear", "claim-ccomp"),
    ("The survey makes clear the risks ahead for the harbor.", "the risks ahead for the harbor", "The survey",
     "makes clear", "claim-ccomp"),
    # the paragraph break after the sentence is not part of what "according to" frames
    ("Clinton leads Sanders by six points, according to a new poll.\n\nThe race goes on.",
     "Clinton leads Sanders by six points", "a new poll", "according to", "claim-according-to"),
    ("The court seemed ready to rule.", "The court seemed ready to rule", None, "seemed", "claim-seem"),
    ("The court seemed like a different institution.", "The court seemed like a different institution", None,
     "seemed", "claim-seem"),
    ("The Senate is expected to pass the bill.", "The Senate is expected to pass the bill", None, "expected",
     "claim-seem"),
    ("The council is reportedly planning to close the harbor.", "The council is reportedly planning to close the harbor",
     None, "reportedly", "claim-reportedly"),
    ("Mary Jones supports the plan.", "the plan", "Mary Jones", "supports", "claim-object"),
    ("Mary Jones wants to support the plan.", "to support the plan", "Mary Jones", "wants", "claim-object"),
    # a clause opened by "after", "as", "when" is no inserted cue: only the announced object
    ("Sales fell after John Smith announced the merger.", "the merger", "John Smith", "announced", "claim-object"),
    ("Sanders campaigned across Iowa, while Clinton slammed his proposal as too vague.",
     "his proposal as too vague", "Clinton", "slammed", "claim-object"),
    # what the object is shown with, accused of ... is part of the claim; when it happened is not
    ("The new poll showed Clinton with a narrow lead over Trump.", "Clinton with a narrow lead over Trump",
     "The new poll", "showed", "claim-object"),
    ("John Smith criticized the plan on Monday.", "the plan", "John Smith", "criticized", "claim-object"),
    # what the object is criticized for belongs to the claim, whatever comes between
    ("John Smith criticized Mary Jones at a rally in Ohio for her ties to the banks.",
     "Mary Jones at a rally in Ohio for her ties to the banks", "John Smith", "criticized", "claim-object"),
    # stances: a finite "support", a plan to do something, seeing something as something
    ("Most Republican voters support a temporary ban on new arrivals.", "a temporary ban on new arrivals",
     "Most Republican voters", "support", "claim-object"),
    ("Mary Jones spoke on Monday. Jones plans to make her proposal at a rally in Iowa.",
     "to make her proposal at a rally in Iowa", "Mary Jones", "plans", "claim-object"),
    ("Most millennials see police violence as a problem.", "police violence as a problem", "Most millennials",
     "see", "claim-object"),
    ("Voters still view Mrs. Clinton as vastly more prepared for the job.",
     "Mrs. Clinton as vastly more prepared for the job", "Voters", "view", "claim-object"),
    # a self-description is the claim of the one it describes
    ("Young voters are flocking to Sen. Bernie Sanders, I-Vt., a self-described democratic socialist.",
     "democratic socialist", "Bernie Sanders", "self-described", "claim-self-described"),
    ("Mr. Trump, a self-described billionaire, spoke on Monday.", "billionaire", "Trump", "self-described",
     "claim-self-described"),
    # verbs of ruling, reminding, criticising and advocating
    ("The court ruled that the harbor law was unconstitutional.", "that the harbor law was unconstitutional",
     "The court", "ruled", "claim-ccomp"),
    ("Mary Jones reminded voters that the harbor was closed.", "that the harbor was closed", "Mary Jones",
     "reminded", "claim-ccomp"),
    ("Mary Jones lambasted the harbor plan on Monday.", "the harbor plan", "Mary Jones", "lambasted",
     "claim-object"),
    ("Mary Jones has long advocated a ban on plastic bags.", "a ban on plastic bags", "Mary Jones", "advocated",
     "claim-object"),
    ("Most senators voted against the harbor bill.", "the harbor bill", "Most senators", "voted against",
     "claim-object"),
    ("Mary Jones laid out a plan to reopen the harbor.", "a plan to reopen the harbor", "Mary Jones", "laid out",
     "claim-object"),
    ("Most voters would like to reopen the harbor.", "to reopen the harbor", "Most voters", "like",
     "claim-object"),
    ("Mary Jones sided with the fishermen.", "the fishermen", "Mary Jones", "sided with", "claim-object"),
    # a claim verb under a verb that reports nothing is a claim of its own
    ("The delegates have to vote for the candidate who won their state.", "the candidate who won their state",
     "The delegates", "vote for", "claim-object"),
    ("Most voters care about jobs.", "jobs", "Most voters", "care about", "claim-object"),
    # a one-word answer is all that was said
    ("Would the harbor reopen? Mary Jones said no.", "no", "Mary Jones", "said", "claim-object"),
    ("Mary Jones intends to reopen the harbor.", "to reopen the harbor", "Mary Jones", "intends", "claim-object"),
    ("The council authorized a study of the harbor.", "a study of the harbor", "The council", "authorized",
     "claim-object"),
    ("Mary Jones agreed with the fishermen.", "the fishermen", "Mary Jones", "agreed with", "claim-object"),
    ("Mary Jones hinted at a run for governor.", "a run for governor", "Mary Jones", "hinted at", "claim-object"),
    # a passive report: its subject, or the clause after "it"; the source is the "by" phrase's
    ("News of the harbor deal was first reported by the Miami Herald.", "News of the harbor deal", "Miami Herald",
     "reported", "claim-passive"),
    ("It was widely reported that the mayor paid $100 million.", "that the mayor paid $100 million", None,
     "reported", "claim-passive"),
    ("The harbor plan was widely condemned.", "The harbor plan", None, "condemned", "claim-passive"),
    ("It is alleged that the mayor took bribes.", "that the mayor took bribes", None, "alleged", "claim-passive"),
    ("It has been argued that the plan will fail.", "that the plan will fail", None, "argued", "claim-passive"),
    ("The harbor plan was endorsed by the Miami Herald.", "The harbor plan", "Miami Herald", "endorsed",
     "claim-passive"),
    # what the object is described as, when the parse makes it a clause
    ("Mary Jones described the harbor as beset by smugglers.", "the harbor as beset by smugglers", "Mary Jones",
     "described", "claim-object"),
    # when it happened is not what was refused
    ("Many voters declined to state a party when they registered.", "to state a party", "Many voters",
     "declined", "claim-object"),
    ("Mary Jones has described the dinner as Washington celebrating itself.",
     "the dinner as Washington celebrating itself", "Mary Jones", "described", "claim-object"),
    ("Mary Jones criticized the harbor bill as it was sailing through the Senate.", "the harbor bill",
     "Mary Jones", "criticized", "claim-object"),
    # the reason given for what was said, when the parse hangs it on the cue
    ('Mary Jones wrote that such a request was "futile," because if there were additional records, the FBI now '
     'possesses them.', 'that such a request was "futile," because if there were additional records, the FBI now '
     'possesses them', "Mary Jones", "wrote", "claim-ccomp"),
    # "according to" a one-word source; a description of the source or a clause joined by "but" after it
    ("The senator's approval rating dipped into the mid-20s before the election, according to Gallup.",
     "The senator's approval rating dipped into the mid-20s before the election", "Gallup", "according to",
     "claim-according-to"),
    ("The mayor will speak at the convention later this month, according to a report from WKOW, the ABC "
     "affiliate in Madison.", "The mayor will speak at the convention later this month", "a report from WKOW",
     "according to", "claim-according-to"),
    ("The mayor has won 758 votes so far, according to a CNN tally, but she needs more.",
     "The mayor has won 758 votes so far", "CNN", "according to", "claim-according-to"),
    # the parse hangs "according to" on a subordinate verb: the whole clause before it
    ("Teenage undergraduates with nonexistent credit histories might not be so lucky, according to Jason "
     "Delisle.", "Teenage undergraduates with nonexistent credit histories might not be so lucky", "Jason Delisle",
     "according to", "claim-according-to"),
    ("Mary Jones called for the mayor to resign.", "the mayor to resign", "Mary Jones", "called for",
     "claim-object"),
    ("Mary Jones pushed for a ban on plastic bags.", "a ban on plastic bags", "Mary Jones", "pushed for",
     "claim-object"),
    ("Mary Jones pointed to the budget deficit.", "the budget deficit", "Mary Jones", "pointed to", "claim-object"),
    ("Every day, Mary Jones spoke of the malaise in the city.", "the malaise in the city", "Mary Jones",
     "spoke of", "claim-object"),
    ("Mary Jones spoke at the White House on Tuesday about the rights of victims.", "the rights of victims",
     "Mary Jones", "spoke", "claim-object"),
    # a poll frames the clause it is in
    ("In a new CNN poll, the mayor held a six-point lead over her rival.",
     "the mayor held a six-point lead over her rival", "CNN", "In", "claim-poll"),
    ("The mayor leads her rival by eight points, 49% to 41%, in the survey, taken July 11.",
     "The mayor leads her rival by eight points, 49% to 41%", "the survey", "in", "claim-poll"),
    # a claim inside what was said is part of it, not a second claim ("wants ...")
    ("Mary Jones said she wants to build a new harbor.", "she wants to build a new harbor", "Mary Jones", "said",
     "claim-ccomp"),
    ("John Smith told reporters he believed the plan would fail.", "he believed the plan would fail",
     "John Smith", "told", "claim-ccomp"),
    # support names who is backed: won from someone, or given to someone
    ("Mary Jones drew the support of the teachers' union.", "Mary Jones", "the teachers' union", "support",
     "claim-noun"),
    ("Governor Scott Walker threw his support behind Mary Jones on Tuesday.", "Mary Jones", "Scott Walker",
     "support", "claim-noun"),
    ("Mary Jones won the endorsement of the teachers' union.", "Mary Jones", "the teachers' union", "endorsement",
     "claim-noun"),
    # a question asked: the question, not who was asked
    ("Then Senator John Smith asked the students if they were always so serious.", "if they were always so serious",
     "John Smith", "asked", "claim-object"),
    ("During the interview, Mary Jones was asked if she’d ever been discriminated against.",
     "if she’d ever been discriminated against", None, "asked", "claim-object"),
    # told: what was told, not to whom
    ("Senator Bernie Sanders had been told that he would lose.", "that he would lose", None, "told",
     "claim-passive"),
    ("As Senator Hillary Clinton told the New York Daily News, tax relief is given in exchange for jobs.",
     "tax relief is given in exchange for jobs", "Hillary Clinton", "told", "claim-inserted"),
    # a stance noun whose copula says what it holds
    ("Senator John Smith spoke on Monday. His argument was that the deal would cost jobs.",
     "that the deal would cost jobs", "John Smith", "argument was", "claim-noun"),
    ("The worry among Democrats is that turnout will fall.", "that turnout will fall", None, "worry among Democrats is",
     "claim-noun"),
    # judged in the passive: who, and for what; or only who
    ("Mr. Reagan was criticized by his rivals for trading a guilty man for an innocent one.",
     "Mr. Reagan was criticized by his rivals for trading a guilty man for an innocent one", "his rivals",
     "criticized", "claim-passive"),
    ("The move was hotly criticized.", "The move", None, "criticized", "claim-passive"),
    # seen as: the parse may hang "as" inside the object
    ("Experts see the elections held Sunday as a test of the generals.",
     "the elections held Sunday as a test of the generals", "Experts", "see", "claim-object"),
    # a short object pronoun is still what the stance is on
    ("The House passed the bill. Senator John Smith opposed it.", "it", "John Smith", "opposed", "claim-object"),
    # a rebuttal or a retraction: what it answers
    ("Senator John Smith pushed back on those claims.", "those claims", "John Smith", "pushed back on", "claim-object"),
    ("Mary Jones later walked back her comments.", "her comments", "Mary Jones", "walked back", "claim-object"),
    ("Two senators pledged their support to Mary Jones.", "Mary Jones", "Two senators", "support", "claim-noun"),
    ("In the end, Senator John Smith voted in support of the bill.", "the bill", "John Smith", "support",
     "claim-noun"),
    # the parse joins the second thing named to the verb, not to the first
    ("Donald Trump has mentioned refinancing student loans and forcing universities to spend more.",
     "refinancing student loans and forcing universities to spend more", "Donald Trump", "mentioned",
     "claim-object"),
    ("Mr. Smith spoke of the legacy of racism, enshrined in Jim Crow laws, and how the fight for justice flowed "
     "through landmark court rulings.",
     "the legacy of racism, enshrined in Jim Crow laws, and how the fight for justice flowed through landmark "
     "court rulings", "Smith", "spoke of", "claim-object"),
    ("Mr. Smith praised the plan and left the room.", "the plan", "Smith", "praised", "claim-object"),
    # one report that the parse splits into two clauses of the cue
    ("Michael Flynn said Trump has respect for the military and his rubble comment was instead an expression "
     "of frustration.",
     "Trump has respect for the military and his rubble comment was instead an expression of frustration",
     "Michael Flynn", "said", "claim-ccomp"),
    ("Bernie Sanders said he wants to attack four provisions in the tax code that address how real estate losses "
     "are deducted.",
     "he wants to attack four provisions in the tax code that address how real estate losses are deducted",
     "Bernie Sanders", "said", "claim-ccomp"),
    # a cue inserted after a clause set before the main one: the whole sentence was said
    ("Though that transition was relatively seamless, he said, replacing Clinton would be much more acrimonious "
     "and could lead to intense lobbying by loyalists to Joe Biden and Bernie Sanders.",
     "Though that transition was relatively seamless, he said, replacing Clinton would be much more acrimonious "
     "and could lead to intense lobbying by loyalists to Joe Biden and Bernie Sanders", None, "said",
     "claim-inserted"),
    ("Karim Abboud runs a bakery. The hashtag #RechercheParis, Mr. Abboud said, accompanied descriptions of loved "
     "ones sought and the news when someone was found alive.",
     "The hashtag #RechercheParis, Mr. Abboud said, accompanied descriptions of loved ones sought and the news when "
     "someone was found alive", "Karim Abboud", "said", "claim-inserted"),
    # the parse reads the reported clause as an adverbial one, or loses the clause "according to" frames
    ("Donald Trump tweeted in the early morning hours that Machado was “disgusting” and “a con” and encouraged "
     "Americans to “check out” her non-existent sex tape.",
     "that Machado was “disgusting” and “a con”", "Donald Trump", "tweeted", "claim-ccomp"),
    ("According to conservative talk radio host Rush Limbaugh, the move reeks of “fear” and desperation.",
     "the move reeks of “fear” and desperation", "Rush Limbaugh", "According to", "claim-according-to"),
    # "according to" set between the subject and its verb frames the whole clause
    ("Fundraising, according to the campaign, has surged in the same period.",
     "Fundraising, according to the campaign, has surged in the same period", "the campaign", "according to",
     "claim-according-to"),
]


@pytest.mark.parametrize("text, content, speaker, cue, sieve", CASES)
def test_claim(extract_text, text, content, speaker, cue, sieve):
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.cue.text, q.sieve) for q in claims] == [(content, speaker, cue, sieve)]


@pytest.mark.parametrize("text, expected", [
    # the parse hangs the second report inside the first one's content
    ("But Mary Jones said John Gates was not working for the party and said Paul Manafort was not involved.",
     [("John Gates was not working for the party", "Mary Jones", "said"),
      ("Paul Manafort was not involved", "Mary Jones", "said")]),
    ("Chris Brownell, an audience member, said he makes $41,000 a year and questioned how he would be helped "
     "by the plan.",
     [("he makes $41,000 a year", "Chris Brownell", "said"),
      ("how he would be helped by the plan", "Chris Brownell", "questioned")]),
    # another source reports at the end of the first claim
    ("Among Trump voters, 74 percent said they are set on voting for the real estate mogul, while 22 percent "
     "said they might change their mind.",
     [("they are set on voting for the real estate mogul", "74 percent", "said"),
      ("they might change their mind", "22 percent", "said")]),
    ("Mary Jones said the plan would fail, but Paul Smith said it would pass.",
     [("the plan would fail", "Mary Jones", "said"), ("it would pass", "Paul Smith", "said")]),
    ("Republicans said they are convinced the agency mishandled the case and Democrats accused the party of "
     "stoking the issue.",
     [("they are convinced the agency mishandled the case", "Republicans", "said"),
      ("the party of stoking the issue", "Democrats", "accused")]),
])
def test_a_second_report_makes_a_second_claim(extract_text, text, expected):
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.cue.text) for q in claims] == expected


@pytest.mark.parametrize("text, content, source", [
    ("The group spent $2 million in Wisconsin, a state seen as critical for the movement.",
     "a state seen as critical for the movement", None),
    ("Stephen Breyer, a Clinton appointee considered a liberal, ranks high on the list.",
     "a Clinton appointee considered a liberal", None),
    ("The mayor is widely seen as a moderate.", "The mayor is widely seen as a moderate", None),
    ("It is a council not known for its transparency.", "a council not known for its transparency", None),
])
def test_a_reputation_is_a_claim_of_no_one_named(extract_text, text, content, source):
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.sieve) for q in claims] == [(content, source, "claim-reputed")]


@pytest.mark.parametrize("text, content, source", [
    ("As The New York Times reported on Saturday, the adviser has already emerged as a power broker.",
     "the adviser has already emerged as a power broker", "The New York Times"),
    ("As reported by the Chicago Tribune, investigators found over 2,200 emails on the server.",
     "investigators found over 2,200 emails on the server", "Chicago Tribune"),
])
def test_as_a_source_reported_frames_the_sentence(extract_text, text, content, source):
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.cue.text) for q in claims] == [(content, source, "reported")]


def test_what_someone_was_asked_is_a_claim_of_who_asked(extract_text):
    text = "Earlier this month, Bernie Sanders was asked by host John Dickerson whether his aim was similar."
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.cue.text) for q in claims] == \
        [("whether his aim was similar", "John Dickerson", "asked")]


def test_what_a_piece_urges_is_its_writers(extract_text):
    claims = [q for q in extract_text("Mary Jones wrote an op-ed urging Congress to fast track the harbor plan.")
              if q.kind == "indirect"]
    assert {(q.cue.text, q.speaker) for q in claims if q.cue.text == "urging"} == {("urging", "Mary Jones")}


INTERVIEW = ("Actress Mary Jones has written a book about the harbor. Jones grew up in Ohio.\n\n"
             "Q: You open your book in 2001. What did you find?\n\n"
             "A: I came home from school and the harbor was gone. I knew what that meant.\n\n"
             "Q: Did the city help you?\n\n"
             "A: No, no one did.\n\n"
             "I think the council was afraid of the mayor.")


def test_an_interviews_answers_are_the_interviewees(extract_text):
    claims = [q for q in extract_text(INTERVIEW) if q.kind == "indirect" and q.start > INTERVIEW.index("Q:")]
    assert [(q.text, q.speaker, q.speaker_mention.text, q.sieve) for q in claims] == [
        ("I came home from school and the harbor was gone. I knew what that meant", "Mary Jones", "A",
         "claim-interview"),
        ("what that meant", "Mary Jones", "I", "claim-ccomp"),
        ("No, no one did", "Mary Jones", "A", "claim-interview"),
        ("the council was afraid of the mayor", "Mary Jones", "I", "claim-ccomp")]


def test_one_answer_alone_is_no_interview(extract_text):
    text = INTERVIEW.replace("Q: Did the city help you?\n\nA: No, no one did.\n\n", "")
    assert not [q for q in extract_text(text) if q.sieve == "claim-interview"]


def test_a_question_put_by_someone_unnamed_has_no_source(extract_text):
    claims = [q for q in extract_text("Asked if he was ever bullied, Trump said no.") if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.cue.text) for q in claims] == [
        ("if he was ever bullied", None, "Asked"), ("no", "Trump", "said")]


def test_as_someone_talks_about_something_is_a_time(extract_text):
    claims = [q for q in extract_text("As Mary Jones talked about the economy, the crowd cheered.")
              if q.kind == "indirect"]
    assert [(q.text, q.cue.text) for q in claims] == [("the economy", "talked about")]


@pytest.mark.parametrize("text", [
    "Play fair or don't play, boys. Now tell us this isn't a witch hunt of the highest order!",
    "The returns matter. Imagine the spectacle if the agency sues a sitting president.",
])
def test_what_the_writer_bids_the_reader_is_no_claim(extract_text, text):
    assert [q.text for q in extract_text(text)] == []


def test_a_stance_held_by_no_one_on_a_bare_name_is_a_topic(extract_text):
    text = "Senator Mary Jones spoke on Monday. Her criticism of Trump was sharp. Support for NATO is bipartisan."
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.cue.text) for q in claims] == [("Trump", "Mary Jones", "criticism")]


def test_a_question_put_to_the_reader_is_no_claim(extract_text):
    text = "Donald Trump spoke in Ohio on Monday.\n\nDo you support Donald Trump?"
    assert [q.text for q in extract_text(text) if q.kind == "indirect"] == []
    asked = INTERVIEW.replace("Q: Did the city help you?", "Q: Do you support the new harbor plan?")
    claims = [q for q in extract_text(asked) if q.kind == "indirect" and q.start > asked.index("Q: Do")]
    assert ("the new harbor plan", "you") in [(q.text, q.speaker_mention.text) for q in claims]


def test_a_poll_frames_a_clause_not_a_word(extract_text):
    text = ("Fewer than half of the voters surveyed in a new poll released Monday support Democratic presidential "
            "candidate Hillary Clinton, as rival Bernie Sanders continues to pick up support.")
    assert "surveyed" not in [q.text for q in extract_text(text) if q.kind == "indirect"]


def test_a_participle_with_no_complement_is_no_reputation(extract_text):
    assert [q for q in extract_text("The well-known author has seen the rally.") if q.kind == "indirect"] == []


@pytest.mark.parametrize("text", [
    "The group urged its members to support the bill.",
    "Mary Jones planned a rally in Iowa.",
    "Mary Jones saw the rally on Monday.",
])
def test_doing_is_no_stance(extract_text, text):
    assert [(q.text, q.cue.text) for q in extract_text(text) if q.kind == "indirect"
            and q.cue.text in ("support", "planned", "saw")] == []


@pytest.mark.parametrize("text, expected", [
    ("The plant will close in June, the company said in a statement on Monday.",
     [("The plant will close in June", "said")]),
    ("Her comments on Monday's vote were sharp.", [("Monday's vote", "comments")]),
    ("His comments on Tuesday morning's vote angered the mayor.", [("Tuesday morning's vote", "comments")]),
])
def test_a_stance_noun_on_a_day_is_no_claim_about_the_day(extract_text, text, expected):
    assert [(q.text, q.cue.text) for q in extract_text(text) if q.kind == "indirect"] == expected


def test_a_second_verb_after_a_report_is_the_reporters(extract_text):
    found = extract_text("The mayor said the budget was balanced and urged residents to vote for the measure.")
    assert [(q.text, q.speaker, q.cue.text) for q in found if q.kind == "indirect"] == [
        ("the budget was balanced", "The mayor", "said"), ("residents to vote for the measure", "The mayor", "urged")]


@pytest.mark.parametrize("text", ["The damage was estimated at 10 million dollars.",
                                  "The case was argued before the Supreme Court in March.",
                                  "A compromise was suggested by the mayor."])
def test_an_estimate_or_a_case_argued_is_no_claim(extract_text, text):
    assert [q.text for q in extract_text(text) if q.kind == "indirect"] == []


def test_claim_relayed_by_outlet(extract_text):
    (q,) = extract_text("Exports rose by ten percent last year, according to Reuters.")
    assert (q.kind, q.speaker, q.speaker_kind, q.outlet, q.relayed) == ("indirect", "Reuters", "organisation",
                                                                          "Reuters", True)


@pytest.mark.parametrize("text, kinds", [
    ('"The plan is a disaster," John Smith said.', ["direct"]),  # the content is the quote
    ('John Smith said that "the plan is a disaster."', ["mixed"]),  # the quote and a "that"
    ('John Smith said the plan was "a disaster" for farmers.', ["indirect", "mixed"]),  # a quoted fragment
    ("Mary Jones visited Ohio on Monday.", []),
    ("John Smith spoke to reporters on Monday.", []),  # whom he spoke to is no claim
    ("John Smith saw the plan on Monday.", []),
    ("An attack on the harbor killed two people.", []),  # an event, not a stance: no one's attack
    # the quote is most of the claim: the mixed record stands for it
    ('John Smith called the plan "a disaster for farmers and ranchers."', ["mixed"]),
    # quoted words make up most of it, but none of them alone stands for the claim
    ('John Smith called the plan "costly," "cruel" and "illegal."', ["indirect", "mixed", "mixed", "mixed"]),
])
def test_claims_beside_quotes(extract_text, text, kinds):
    assert [q.kind for q in extract_text(text)] == kinds


def test_mixed_claim_covers_the_fragment(extract_text):
    claim, fragment = extract_text('John Smith said the plan was "a disaster" for farmers.')
    assert claim.text == 'the plan was "a disaster" for farmers'
    assert fragment.text == "a disaster"
    assert claim.start < fragment.start < fragment.end < claim.end
    assert claim.speaker == fragment.speaker == "John Smith"


def test_a_scare_quote_inside_a_claim_is_the_sources(extract_text):
    text = "A federal judge found that the handling created at least a “reasonable suspicion” of bad faith."
    claim, fragment = extract_text(text)
    assert (claim.kind, claim.sieve, claim.speaker) == ("indirect", "claim-ccomp", "A federal judge")
    assert (fragment.text, fragment.kind, fragment.sieve) == ("reasonable suspicion", "mixed", "in-claim")
    assert (fragment.speaker, fragment.cue.text, fragment.flags) == ("A federal judge", "found", [])


def test_a_quote_a_thought_is_made_of_is_the_thinkers(extract_text):
    text = ("In the depths of the recession, Paul Ryan worried that the safety net was becoming “a hammock that "
            "lulls able-bodied people to lives of dependency.”")
    [quote] = extract_text(text)  # the claim is no more than the quote: the quote stands for it
    assert (quote.text, quote.speaker, quote.cue.text, quote.sieve, quote.flags) == \
        ("a hammock that lulls able-bodied people to lives of dependency.", "Paul Ryan", "worried", "in-claim", [])


def test_a_title_cased_phrase_inside_a_claim_is_quoted_but_a_show_is_not(extract_text):
    _, fragment = extract_text("The survey found that the “Make America Great Again” crowd was growing.")
    assert (fragment.text, fragment.speaker, fragment.sieve) == ("Make America Great Again", "The survey", "in-claim")
    [claim] = extract_text("The survey found that viewers of “Meet the Press” were older.")
    assert claim.kind == "indirect"


def test_what_a_report_found_in_quotes_is_the_reports(extract_text):
    [quote] = extract_text('The audit found "no evidence of wrongdoing at the agency."')
    assert (quote.text, quote.kind, quote.speaker, quote.cue.text, quote.sieve) == \
        ("no evidence of wrongdoing at the agency.", "mixed", "The audit", "found", "in-claim")
    assert extract_text("The audit found a seat for the mayor.") == []


def test_a_quoted_title_that_is_the_whole_claim_is_one_record(extract_text):
    """The full stop or comma inside the closing mark is the quote's, not the claim's: the
    quote is still inside the claim, and stands for it."""
    records = extract_text("The senator likes “The Walking Dead,” while the governor loves “Lilyhammer.”")
    assert [(q.text, q.kind, q.speaker, q.cue.text) for q in records] == [
        ("The Walking Dead,", "mixed", "The senator", "likes"), ("Lilyhammer.", "mixed", "the governor", "loves")]


def test_whom_a_verb_after_a_quote_takes_for_its_object_is_the_speaker_not_a_claim(extract_text):
    records = extract_text("“We will win,” tweeted Trump.")
    assert [(q.kind, q.text, q.speaker) for q in records] == [("direct", "We will win,", "Trump")]


def test_a_quote_run_together_with_its_speaker_is_no_claim(extract_text):
    records = extract_text('"We have had more successful conventions than this one," Texas delegate Bill Eastland, '
                           'wearing a cowboy hat and "Ted Cruz" campaign pins, said matter-of-factly.')
    assert [(q.kind, q.speaker) for q in records] == [("direct", "Bill Eastland")]


def test_a_scare_quote_outside_claims_stays_hidden(extract_text):
    assert extract_text("Party elites, the now-derided “establishment,” are acquiescing.") == []


def test_records_sorted_and_sliced(extractor):
    text = ('Headline\n\nJohn Smith said the tax would rise. "It is fair," he added, insisting that '
            'voters agreed.\n\nThe economy is improving, according to the ministry.')
    article = article_from_text(text, "t.txt", outlet="The Daily Planet")
    records = extractor.extract(article)
    assert [q.start for q in records] == sorted(q.start for q in records)
    assert {q.kind for q in records} == {"direct", "indirect"}
    for q in records:
        assert article.text[q.start:q.end] == q.text
        assert article.text[q.cue.start:q.cue.end] == q.cue.text


def test_claims_option_off():
    from quotetrack.extract import Extractor

    article = article_from_text("Headline\n\nJohn Smith said the tax would rise.", "t.txt")
    assert Extractor(claims=False).extract(article) == []


def test_a_sentence_opener_is_not_part_of_the_source(extract_text):
    claims = [q for q in extract_text("Tim Kaine spoke on Monday.\n\nThough Kaine has described himself as a "
                                      "pro-life Catholic in the past, he backs the plan.") if q.kind == "indirect"]
    assert [(q.speaker, q.speaker_mention.text) for q in claims if q.cue.text == "described"] == \
        [("Tim Kaine", "Kaine")]


@pytest.mark.parametrize("text, expected", [
    ("Roger Stone: Don’t Trust the Voting Machines.\n\nThe vote is on Tuesday.",
     [("Don’t Trust the Voting Machines", "Roger Stone", ":", "claim-label")]),
    ("Poll: Trump a big turnoff for Florida Latino voters.\n\nThe vote is on Tuesday.",
     [("Trump a big turnoff for Florida Latino voters", "Poll", ":", "claim-label")]),
    ("Clinton to Planned Parenthood: Trump will reverse Roe v. Wade.\n\nHillary Clinton spoke on Tuesday.",
     [("Trump will reverse Roe v. Wade", "Hillary Clinton", ":", "claim-label")]),
    ("A Curious Plan to Fight Climate Change: Buy Mines, Sell Coal.\n\nThe vote is on Tuesday.", []),
    ("The Latest: Three towns cast the first votes.\n\nThe vote is on Tuesday.", []),
    ("Election week.\n\nThe mayor, who leads in the polls, spoke on Monday.", []),
    ("Debate night.\n\nThe interview went on.\n\nBOULDUAN: Why not debate in New York?\n\n"
     "BENENSON: Senator Sanders has debated enough.",
     [("Why not debate in New York?", "Boulduan", ":", "claim-label"),
      ("Senator Sanders has debated enough", "Benenson", ":", "claim-label")]),
])
def test_a_name_and_a_colon_open_a_claim(extractor, text, expected):
    from quotetrack.reader import article_from_text

    article = article_from_text(text, "test.txt", outlet="The Daily Planet")
    claims = [q for q in extractor.extract(article) if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.cue.text, q.sieve) for q in claims] == expected
    assert all(article.text[q.start:q.end] == q.text for q in claims)


def test_a_title_case_headline_is_read_as_a_sentence(extractor):
    from quotetrack.reader import article_from_text

    text = "Mary Jones Endorses John Smith For Mayor\n\nThe vote is on Tuesday."
    article = article_from_text(text, "test.txt", outlet="The Daily Planet")
    [claim] = [q for q in extractor.extract(article) if q.kind == "indirect"]
    assert (claim.speaker, claim.cue.text, claim.sieve) == ("Mary Jones", "Endorses", "claim-object")
    assert claim.text.startswith("John Smith") and article.text[claim.start:claim.end] == claim.text


def test_what_seems_so_is_the_subject_and_its_complement(extract_text):
    claims = [q for q in extract_text("The lawyers appeared ready to fight the motion, saying in court files "
                                      "that the account was private.") if q.sieve == "claim-seem"]
    assert [q.text for q in claims] == ["The lawyers appeared ready to fight the motion"]


@pytest.mark.parametrize("text, claim, speaker, cue", [
    ("Mary Jones seemed to mock the harbor plan.", "the harbor plan", "Mary Jones", "mock"),
    ("The lawyers appeared to oppose the motion.", "the motion", "The lawyers", "oppose"),
    ("A review of the emails seems to show that the aide wrote the memo.", "that the aide wrote the memo",
     "A review of the emails", "show"),
])
def test_what_someone_seemed_to_say_is_their_claim(extract_text, text, claim, speaker, cue):
    """"X seemed to mock Y": X mocked Y as far as the writer can tell; the claim is X's, not
    the writer's reading of X."""
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.cue.text) for q in claims] == [(claim, speaker, cue)]


def test_seeming_to_agree_stays_the_writers_reading(extract_text):
    claims = [q for q in extract_text("Investors seem to agree.") if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.sieve) for q in claims] == [("Investors seem to agree", None, "claim-seem")]


def test_a_month_abbreviation_is_nobody(extract_text):
    text = ("On Oct. 23, during a campaign appearance at the resort, now called Kent National Doral, the "
            "candidate boasted of his negotiating skills.")
    assert "Oct." not in [q.speaker for q in extract_text(text)]


def test_the_writers_own_question_is_no_claim(extract_text):
    assert [q for q in extract_text("The question is whether voters will follow him.") if q.kind == "indirect"] == []


@pytest.mark.parametrize("text, expected", [
    ("Jeff Weaver said Monday that the Vermont senator will arrive at the convention with enough pledged "
     "delegates to file minority reports.",
     [("that the Vermont senator will arrive at the convention with enough pledged delegates to file minority "
       "reports", "Jeff Weaver")]),
    ("Mary Jones clinched an outright majority of regular, pledged delegates.", []),
])
def test_a_participle_before_its_noun_reports_nothing(extract_text, text, expected):
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker) for q in claims] == expected


@pytest.mark.parametrize("text, expected", [
    ("It was not an abstract concern: soon Trump had declared that he would close the border.",
     [("that he would close the border", "Trump")]),
    ("The deal came together quickly: the senator said the vote was fair.", [("the vote was fair", "the senator")]),
])
def test_a_clause_before_a_colon_is_the_writers_lead_in(extract_text, text, expected):
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker) for q in claims] == expected


@pytest.mark.parametrize("text, expected", [
    ("Mr. Biden repeatedly reminded the crowd of the stakes.", [("the stakes", "Biden", "reminded")]),
    ("Mary Jones informed the committee of her decision.", [("her decision", "Mary Jones", "informed")]),
    # "of" after the addressee of "told" is part of whom she told
    ("Mary Jones told a meeting of island leaders about the storm.", [("the storm", "Mary Jones", "told")]),
])
def test_what_one_is_reminded_of_follows_the_addressee(extract_text, text, expected):
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.cue.text.split()[0]) for q in claims] == expected


def test_a_claim_ends_before_blanked_markup(extract_text):
    body = ('<tweet tweet-author="@edhenry" tweet-date="March 10, 2016">Sanders aide Jeff Weaver told me the '
            'photo violates DNC rules pic.twitter.com/CYeowyNI7y<tweet/>.\n\nHe wrote:\n'
            '<tweet tweet-author="@x" tweet-date="February 16, 2016">Vote today.</tweet>\n')
    claims = [q for q in extract_text(body) if q.kind == "indirect"]
    assert [q.text for q in claims] == ["the photo violates DNC rules pic.twitter.com/CYeowyNI7y", "Vote today"]
    text = "Headline\n\n" + body
    assert all(text[q.start:q.end] == q.text for q in claims)


@pytest.mark.parametrize("text, expected", [
    ("Senator Jon Tester pointed to the GOP as the key obstacle in advancing gun measures.",
     [("the GOP as the key obstacle in advancing gun measures", "Jon Tester")]),
    ("Admiral Harris referred to those islands as Chinese bases.", [("those islands as Chinese bases", "Harris")]),
])
def test_what_one_is_referred_to_as_belongs_to_the_claim(extract_text, text, expected):
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker) for q in claims] == expected


def test_a_reported_clause_keeps_a_subject_the_parse_made_an_object(extract_text):
    text = "Many Republicans felt her projection of anger in the last debate was over the top."
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.cue.text) for q in claims] == [
        ("her projection of anger in the last debate was over the top", "Republicans", "felt")]


@pytest.mark.parametrize("text, expected", [
    ("Christian Estrosi said in one of a series of Twitter messages that the truck was carrying arms.",
     [("that the truck was carrying arms", "Christian Estrosi", "said")]),
    ('Hemsley said the days when the nation had one story from the leading TV news networks are gone.',
     [("the days when the nation had one story from the leading TV news networks are gone", "Hemsley", "said")]),
])
def test_a_reported_clause_the_parse_hung_elsewhere_is_found(extract_text, text, expected):
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.cue.text) for q in claims] == expected


def test_an_inverted_says_at_the_end_of_a_headline_names_the_source(extractor):
    from quotetrack.reader import article_from_text
    text = "Clinton Will Win The Nomination, Says Trump\n\nDonald Trump spoke on Monday.\n"
    claims = [q for q in extractor.extract(article_from_text(text)) if q.kind == "indirect"]
    assert [(q.text, q.speaker, q.speaker_mention.text) for q in claims] == [
        ("Clinton Will Win The Nomination", "Donald Trump", "Trump")]
