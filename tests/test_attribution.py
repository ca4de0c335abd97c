"""Attribution on sentences of our own: cues, speakers, pronouns, names, roles, kinds, relays.

Each row is an article body (the fixture adds a headline line and the outlet "The Daily
Planet") and the quotes a reader would list: (text, speaker, mention, outlet, relayed, kind).
"""
import pytest

from quotetrack.extract import Extractor

OWN = "The Daily Planet"
FIRST_HAND = (OWN, False)


def quotes(extract_text, body, **kw):
    """The quotes of ``body`` (claims without marks left out); every offset is checked."""
    text = "Headline\n\n" + body
    out = [q for q in extract_text(body, **kw) if q.kind != "indirect"]
    for q in out:
        assert text[q.start:q.end] == q.text
        m = q.speaker_mention
        if m is not None:
            assert text[m.start:m.end] == m.text
    return out


def rows(qs):
    return [(q.text.rstrip(",."), q.speaker, q.speaker_mention and q.speaker_mention.text, q.outlet, q.relayed, q.kind)
            for q in qs]


CASES = [
    # reporting cues, speaker after and before the quote
    ("The council met on Monday.\n\n\"The budget is balanced,\" Laura Kent said.",
     [("The budget is balanced", "Laura Kent", "Laura Kent", *FIRST_HAND, "direct")]),
    ("The council met on Monday.\n\n\"We will appeal,\" said Daniel Okafor, the team's lawyer.",
     [("We will appeal", "Daniel Okafor", "Daniel Okafor", *FIRST_HAND, "direct")]),
    ("Laura Kent told reporters: \"The budget is balanced.\"",
     [("The budget is balanced", "Laura Kent", "Laura Kent", *FIRST_HAND, "direct")]),
    # whom the speaker asks is no content of the verb's own: the question is the quote
    ("Laura Kent spoke on Monday.\n\n\"Do you think I will change?\" Kent asked reporters.",
     [("Do you think I will change?", "Laura Kent", "Kent", *FIRST_HAND, "direct")]),
    ("The council met on Monday.\n\n\"The roads will be repaired,\" the governor added.",
     [("The roads will be repaired", "the governor", "the governor", *FIRST_HAND, "direct")]),
    ("Daniel Okafor insisted that the ruling was \"deeply unfair.\"",
     [("deeply unfair", "Daniel Okafor", "Daniel Okafor", *FIRST_HAND, "mixed")]),
    ("Laura Kent noted that \"nothing has been decided yet.\"",
     [("nothing has been decided yet", "Laura Kent", "Laura Kent", *FIRST_HAND, "mixed")]),
    ("Daniel Okafor warned that the strike would \"cripple the port.\"",
     [("cripple the port", "Daniel Okafor", "Daniel Okafor", *FIRST_HAND, "mixed")]),
    ("Laura Kent characterized the plan as \"a reckless gamble.\"",
     [("a reckless gamble", "Laura Kent", "Laura Kent", *FIRST_HAND, "mixed")]),
    ("Laura Kent went on to say that the council \"will not back down.\"",
     [("will not back down", "Laura Kent", "Laura Kent", *FIRST_HAND, "mixed")]),
    ("The harbor will close in May, according to Daniel Okafor, who called the decision \"painful but necessary.\"",
     [("painful but necessary", "Daniel Okafor", "who", *FIRST_HAND, "mixed")]),
    ("Daniel Okafor said:\n\n\"We are ready to talk.\"",
     [("We are ready to talk", "Daniel Okafor", "Daniel Okafor", *FIRST_HAND, "direct")]),
    ("The mayor, Laura Kent, was blunt: \"Cars have had this city for seventy years.\"",
     [("Cars have had this city for seventy years", "Laura Kent", "Laura Kent", *FIRST_HAND, "direct")]),
    # ... but an answer is no speaker: the short quote stays a hidden scare quote
    ("Laura Kent took questions. Her answer was direct: \"No.\"", []),
    ("\"I am sure,\" Laura Kent said, \"that we will win.\"",
     [("I am sure", "Laura Kent", "Laura Kent", *FIRST_HAND, "direct"),
      ("that we will win", "Laura Kent", "Laura Kent", *FIRST_HAND, "direct")]),
    # pronouns
    ("Daniel Okafor met Laura Kent on Monday. \"We are ready to talk,\" he said.",
     [("We are ready to talk", "Daniel Okafor", "he", *FIRST_HAND, "direct")]),
    ("Daniel Okafor met Laura Kent on Monday. \"We are ready to talk,\" she said.",
     [("We are ready to talk", "Laura Kent", "she", *FIRST_HAND, "direct")]),
    ("Daniel Okafor spoke first. He said the deal was \"a fair one.\"",
     [("a fair one", "Daniel Okafor", "He", *FIRST_HAND, "mixed")]),
    # a law or a charter speaks through the verbs of speech too
    ("The treaty binds every state. The convention affirms: \"No state shall expel or return a refugee.\"",
     [("No state shall expel or return a refugee", "The convention", "The convention", *FIRST_HAND, "direct")]),
    # "it" stands for a body, never a person; initials name a body
    ("The IMF cut its forecast. Although the fund did not single out Donald Trump, it warned of tensions.\n\n"
     "\"The result has been a politics of fear,\" it said.",
     [("The result has been a politics of fear", "IMF", "it", *FIRST_HAND, "direct")]),
    ("Donald Trump spoke on Monday.\n\n\"It is a failure,\" it said.",
     [("It is a failure", None, "it", *FIRST_HAND, "direct")]),
    # the sentence's own "he" goes on talking, not a name said after it
    ("Former party chairman Don Fowler spoke on Monday. Replacing the nominee, he said, could lead to "
     "lobbying by loyalists to Joe Biden.\n\n\"This is a different time,\" he said.",
     [("This is a different time", "Don Fowler", "he", *FIRST_HAND, "direct")]),
    ("Aung San Suu Kyi met the president. She has a new role, in which she advises President Htin Kyaw.\n\n"
     "\"Unity also means prosperity,\" she said.",
     [("Unity also means prosperity", "Aung San Suu Kyi", "she", *FIRST_HAND, "direct")]),
    # but not a "he" that comes before the name it stands for
    ("The city paid victims of Cmdr. Jon Burge. After struggling to persuade voters that he understands, "
     "Mayor Rahm Emanuel said he meets families.\n\n\"We have a process,\" he said.",
     [("We have a process", "Rahm Emanuel", "he", *FIRST_HAND, "direct")]),
    # a full name whose gender the lexicon does not know, when no other name fits
    ("The video shows an officer. Rakeyia Scott can be heard yelling that the man was unarmed.\n\n"
     "\"Don't shoot him,\" she says.",
     [("Don't shoot him", "Rakeyia Scott", "she", *FIRST_HAND, "direct")]),
    ("Laura Kent and Daniel Okafor met.\n\n\"It went well,\" Kent said.\n\n"
     "\"We agreed on most things,\" Okafor said. He added that the talks were \"frank.\"",
     [("It went well", "Laura Kent", "Kent", *FIRST_HAND, "direct"),
      ("We agreed on most things", "Daniel Okafor", "Okafor", *FIRST_HAND, "direct"),
      ("frank", "Daniel Okafor", "He", *FIRST_HAND, "mixed")]),
    # first names by their use in the USA: "Bernie" is mostly male there
    ("Donald Trump spoke first.\n\n\"Taxes are unfair,\" said Bernie Sanders, the senator from Vermont. "
     "\"It is time to fix them,\" he said.",
     [("Taxes are unfair", "Bernie Sanders", "Bernie Sanders", *FIRST_HAND, "direct"),
      ("It is time to fix them", "Bernie Sanders", "he", *FIRST_HAND, "direct")]),
    # a bare surname is the person of that name mentioned last before it
    ("Bill Clinton spoke on Monday. Hillary Clinton spoke on Tuesday.\n\n\"We won,\" Clinton said.",
     [("We won", "Hillary Clinton", "Clinton", *FIRST_HAND, "direct")]),
    # canonical name: the fullest the article uses
    ("Vladimir Putin met the delegation on Friday.\n\n\"Our partners are welcome,\" Putin said.",
     [("Our partners are welcome", "Vladimir Putin", "Putin", *FIRST_HAND, "direct")]),
    ("The council met on Monday.\n\n\"We will build the bridge,\" said Okafor.",
     [("We will build the bridge", "Okafor", "Okafor", *FIRST_HAND, "direct")]),
    # hyphenated names, name particles and a party before the name
    ("Douglas Holtz-Eakin, an economist, spoke. \"The plan is costly,\" Mr. Holtz-Eakin said.",
     [("The plan is costly", "Douglas Holtz-Eakin", "Mr. Holtz-Eakin", *FIRST_HAND, "direct")]),
    ("Secretary General Ban Ki-moon spoke. \"This is a crime,\" he said.",
     [("This is a crime", "Ban Ki-moon", "he", *FIRST_HAND, "direct")]),
    ("Republican Donald Trump spoke in Ohio. \"We will win,\" he said.",
     [("We will win", "Donald Trump", "he", *FIRST_HAND, "direct")]),
    # a description names the person last given that role before it, whatever follows
    ("Mayor Bill de Blasio visited the site. \"It was intentional,\" the mayor said. \"We are safe,\" Blasio said.",
     [("It was intentional", "Bill de Blasio", "the mayor", *FIRST_HAND, "direct"),
      ("We are safe", "Bill de Blasio", "Blasio", *FIRST_HAND, "direct")]),
    ("President Laura Kent and Vice President Daniel Okafor spoke. \"We will win,\" the president said.",
     [("We will win", "Laura Kent", "the president", *FIRST_HAND, "direct")]),
    ("Ohio Sen. Laura Kent and Iowa Sen. Daniel Okafor spoke. \"We will win,\" the Iowa senator said.",
     [("We will win", "Daniel Okafor", "the Iowa senator", *FIRST_HAND, "direct")]),
    ("Republican nominee Laura Kent and Democratic nominee Daniel Okafor spoke. \"We will win,\" the "
     "Republican nominee said.",
     [("We will win", "Laura Kent", "the Republican nominee", *FIRST_HAND, "direct")]),
    # organisations and unnamed sources, never given a name
    ("The talks stalled.\n\n\"We reject the accusations,\" the Kremlin said in a statement.",
     [("We reject the accusations", "Kremlin", "Kremlin", *FIRST_HAND, "direct")]),
    ("In a statement, the ministry said it was \"deeply concerned\" by the fighting.",
     [("deeply concerned", "the ministry", "the ministry", *FIRST_HAND, "mixed")]),
    ("The talks stalled.\n\n\"There will be no deal this week,\" a senior official said.",
     [("There will be no deal this week", "a senior official", "a senior official", *FIRST_HAND, "direct")]),
    ("The talks stalled.\n\n\"There will be no deal this week,\" said a senior official who asked not to be named.",
     [("There will be no deal this week", "a senior official", "a senior official", *FIRST_HAND, "direct")]),
    # continuation: no cue of its own, the previous speaker
    ("The talks stalled.\n\n\"We are ready to talk,\" Daniel Okafor said. \"The door is open to everyone.\"",
     [("We are ready to talk", "Daniel Okafor", "Daniel Okafor", *FIRST_HAND, "direct"),
      ("The door is open to everyone", "Daniel Okafor", "Daniel Okafor", *FIRST_HAND, "direct")]),
    ("The talks stalled.\n\n\"We are ready to talk,\" Daniel Okafor said.\n\n\"The door is open to everyone.\"",
     [("We are ready to talk", "Daniel Okafor", "Daniel Okafor", *FIRST_HAND, "direct"),
      ("The door is open to everyone", "Daniel Okafor", "Daniel Okafor", *FIRST_HAND, "direct")]),
    ("Laura Kent and Daniel Okafor met. \"It went well,\" he told reporters. \"We agreed on most things.\"",
     [("It went well", "Daniel Okafor", "he", *FIRST_HAND, "direct"),
      ("We agreed on most things", "Daniel Okafor", "he", *FIRST_HAND, "direct")]),
    # a verb inside another quote is no cue; the second half of a split quote is direct
    ("The talks stalled.\n\n\u201cWhen I look at the harbor plan,\u201d Kent said, \u201cwhich tells everyone it was "
     "a mistake, where I come from, they call that a lie.\u201d",
     [("When I look at the harbor plan", "Kent", "Kent", *FIRST_HAND, "direct"),
      ("which tells everyone it was a mistake, where I come from, they call that a lie", "Kent", "Kent",
       *FIRST_HAND, "direct")]),
    # a quoted transcript: each turn names its speaker in capitals
    ("Fox host Chris Wallace interviewed Mike Pence on Sunday.\n\n"
     "\"WALLACE: Will she be there tomorrow night, Governor?\n\n"
     "\"PENCE: She will not be attending the debate tomorrow night.\"",
     [("Will she be there tomorrow night, Governor?", "Chris Wallace", "WALLACE", *FIRST_HAND, "direct"),
      ("She will not be attending the debate tomorrow night", "Mike Pence", "PENCE", *FIRST_HAND, "direct")]),
    # a reporting verb with content of its own in the next sentence reports that, not the quote
    ("Laura Kent and Daniel Okafor met.\n\n\"It went well,\" he said. \"We agreed on most things.\" "
     "She noted a planned rally on Saturday.",
     [("It went well", "Daniel Okafor", "he", *FIRST_HAND, "direct"),
      ("We agreed on most things", "Daniel Okafor", "he", *FIRST_HAND, "direct")]),
    # a noun of speech and its owner: "his claim that ..."
    ("Daniel Okafor spoke on Monday. Critics seized on Okafor\u2019s claim that there have been "
     "\u201cthousands of complaints\u201d about the harbor.",
     [("thousands of complaints", "Daniel Okafor", "Okafor", *FIRST_HAND, "mixed")]),
    # a quote sentence right after the sentence that reports its speaker
    ("Laura Kent said that the harbor would stay open this winter. \"Nobody will lose a job.\"",
     [("Nobody will lose a job", "Laura Kent", "Laura Kent", *FIRST_HAND, "direct")]),
    ("The vote was close. Reporters asked whether she would run. \"Not this year, and probably not the next.\"",
     [("Not this year, and probably not the next", None, None, *FIRST_HAND, "direct")]),
    # signed with a dash, on the same line or the next
    ("The talks stalled.\n\n\"We will not retreat from the harbor plan.\" - Laura Kent.",
     [("We will not retreat from the harbor plan", "Laura Kent", "Laura Kent", *FIRST_HAND, "direct")]),
    ("The talks stalled.\n\n\"We will not retreat from the harbor plan.\"\n\n- Laura Kent.",
     [("We will not retreat from the harbor plan", "Laura Kent", "Laura Kent", *FIRST_HAND, "direct")]),
    ("The readers wrote in.\n\n\u201cThe plan will never work in this town.\u201d \u2015 Laura Kent "
     "\u201cThe harbor deserves a better mayor than this one.\u201d \u2015 Julie A. Diaz Martinez.",
     [("The plan will never work in this town", "Laura Kent", "Laura Kent", *FIRST_HAND, "direct"),
      ("The harbor deserves a better mayor than this one", "Julie A. Diaz Martinez", "Julie A. Diaz Martinez",
       *FIRST_HAND, "direct")]),
    ("The readers wrote in.\n\n\u201cThe plan will never work in this town.\u201d\u2015\u00a0Laura Kent\n"
     "\u201cThe harbor deserves a better mayor than this one.\u201d \u2015\u00a0Daniel Okafor.",
     [("The plan will never work in this town", "Laura Kent", "Laura Kent", *FIRST_HAND, "direct"),
      ("The harbor deserves a better mayor than this one", "Daniel Okafor", "Daniel Okafor", *FIRST_HAND, "direct")]),
    # a day or a quoted show title is no subject
    ("Mayor Laura Kent, opening the bridge on Saturday, said it would \"change the harbor for good.\"",
     [("change the harbor for good", "Laura Kent", "Mayor Laura Kent", *FIRST_HAND, "mixed")]),
    ("The talks stalled.\n\n\u201cThe deal is dead,\u201d Kent said on Monday on WXYZ\u2019s \u201cMorning Harbor.\u201d",
     [("The deal is dead", "Kent", "Kent", *FIRST_HAND, "direct")]),
    # the quote's own verbs are no cue; a mark glued to the cue; a surname tagged as a noun
    ("The talks stalled.\n\n\u201cPeople stop me and I just say, \u2018Thank you for voting,\u2019\u201d Kent explained.",
     [("People stop me and I just say, \u2018Thank you for voting,\u2019", "Kent", "Kent", *FIRST_HAND, "direct")]),
    ("The talks stalled.\n\nKent said,\u201cLook, the harbor has no place in this campaign.\u201d",
     [("Look, the harbor has no place in this campaign", "Kent", "Kent", *FIRST_HAND, "direct")]),
    ("Donald Trump spoke in Ohio.\n\nTrump said praise from Russian President Vladimir Putin would not sway him. "
     "He said Putin has \"been a leader far more than our president.\"",
     [("been a leader far more than our president", "Donald Trump", "He", *FIRST_HAND, "mixed")]),
    # relays
    ("The talks stalled.\n\n\"We will not retreat,\" Daniel Okafor told Reuters.",
     [("We will not retreat", "Daniel Okafor", "Daniel Okafor", "Reuters", True, "direct")]),
    ("The talks stalled.\n\n\"We will not retreat,\" Daniel Okafor said in an interview with the BBC. \"Never.\"",
     [("We will not retreat", "Daniel Okafor", "Daniel Okafor", "BBC", True, "direct"),
      ("Never", "Daniel Okafor", "Daniel Okafor", "BBC", True, "direct")]),
    ("The talks stalled.\n\n\"The talks have failed,\" Laura Kent said, according to Interfax.",
     [("The talks have failed", "Laura Kent", "Laura Kent", "Interfax", True, "direct")]),
    ("The talks stalled.\n\n\"We will not retreat,\" Daniel Okafor said, according to the AP.",
     [("We will not retreat", "Daniel Okafor", "Daniel Okafor", "Associated Press", True, "direct")]),
    ("Laura Kent spoke in Baku. In comments broadcast on Azerbaijani television, she said the talks were \"very productive.\"",
     [("very productive", "Laura Kent", "she", "Azerbaijani television", True, "mixed")]),
    ("The Itar-Tass news agency quoted Vladimir Putin as saying that Russia was \"ready to help.\" "
     "Putin went on to say that the two nations were \"old friends.\"",
     [("ready to help", "Vladimir Putin", "Vladimir Putin", "Itar-Tass", True, "mixed"),
      ("old friends", "Vladimir Putin", "Putin", "Itar-Tass", True, "mixed")]),
    # a paragraph that is only a quote, after a paragraph that ends reporting its speaker
    ("Laura Kent said that for decades critics had predicted a withdrawal, but it would not happen.\n\n"
     "\"That is because this region matters more than any other.\"",
     [("That is because this region matters more than any other", "Laura Kent", "Laura Kent", *FIRST_HAND, "direct")]),
    ("Laura Kent spoke on Monday. The port will close in May.\n\n"
     "\"That is because this region matters more than any other.\"",
     [("That is because this region matters more than any other", None, None, *FIRST_HAND, "direct")]),
    ("When the port closed, Laura Kent released the following statement:\n\n"
     "\"We offer our condolences to the families of the workers.\"",
     [("We offer our condolences to the families of the workers", "Laura Kent", "Laura Kent", *FIRST_HAND,
       "direct")]),
    ("The talks stalled. Laura Kent speculated that they would end soon.\n\n\"We are close to a deal.\"",
     [("We are close to a deal", "Laura Kent", "Laura Kent", *FIRST_HAND, "direct")]),
    # a no-break space inside a name and title keeps them one name
    ("The council met.\n\n\"We are ready,\" said Sen.\u00a0Laura Kent.",
     [("We are ready", "Laura Kent", "Sen.\u00a0Laura Kent", *FIRST_HAND, "direct")]),
    # a horizontal bar as a dash is no subject; the stored quote keeps the article's characters
    ("When Daniel Okafor noted that the council had not paid taxes ― as was true for the years its "
     "books were made public ― Laura Kent boasted, \"That makes us smart ― and careful.\"",
     [("That makes us smart ― and careful", "Laura Kent", "Laura Kent", *FIRST_HAND, "mixed")]),
    ("Laura Kent spoke on Monday.\n\nKent continued her remarks.\n\n\"We are close to a deal.\"",
     [("We are close to a deal", "Laura Kent", "Kent", *FIRST_HAND, "direct")]),
    # "who" after an apposition stands for the name, not for the description
    ("The mayor spoke with Laura Kent, now the council leader, who in 2010 said the port was \"a disgrace.\"",
     [("a disgrace", "Laura Kent", "who", *FIRST_HAND, "mixed")]),
    # the article's own outlet is never a relay
    ("The talks stalled.\n\n\"We will not retreat,\" Daniel Okafor told The Daily Planet.",
     [("We will not retreat", "Daniel Okafor", "Daniel Okafor", *FIRST_HAND, "direct")]),
    ("The talks stalled.\n\n\"We will not retreat,\" Daniel Okafor told reporters.",
     [("We will not retreat", "Daniel Okafor", "Daniel Okafor", *FIRST_HAND, "direct")]),
    # a participle after a comma says how the question was asked, not what was asked
    ("The talks stalled.\n\n\"Do I think that the dealer should be sued?\" Okafor asked rhetorically, "
     "shaking his head no. \"But I do believe that the makers should be sued.\"",
     [("Do I think that the dealer should be sued?", "Okafor", "Okafor", *FIRST_HAND, "direct"),
      ("But I do believe that the makers should be sued", "Okafor", "Okafor", *FIRST_HAND, "direct")]),
    # a place set off by commas is no second subject: the name nearer the verb speaks
    ("Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling him "
     "\u201ca total stiff.\u201d",
     [("a total stiff", "Trump", "Trump", *FIRST_HAND, "mixed")]),
    ("House Speaker Paul Ryan, R-Wis., despite admitting that he did have his concerns about \u201ctrial lawyers "
     "trying to get rich,\u201d the victims \u201cdo need to have their day in court.\u201d",
     [("trial lawyers trying to get rich", "Paul Ryan", "House Speaker Paul Ryan", *FIRST_HAND, "mixed"),
      ("do need to have their day in court", "Paul Ryan", "House Speaker Paul Ryan", *FIRST_HAND, "mixed")]),
    # any verb frames a quote ending in a comma that its subject follows
    ("\u201cThe port is no longer the port,\u201d Daniel Okafor claimed.\n"
     "\u201cThe port will always be the port,\u201d an angry Laura Kent retaliated. \u201cIt never gives up.\u201d",
     [("The port is no longer the port", "Daniel Okafor", "Daniel Okafor", *FIRST_HAND, "direct"),
      ("The port will always be the port", "Laura Kent", "Laura Kent", *FIRST_HAND, "direct"),
      ("It never gives up", "Laura Kent", "Laura Kent", *FIRST_HAND, "direct")]),
    # a second "who" of the same noun stands for it too
    ("Laura Kent was rallying for an academic, Daniel Okafor, who is running for Congress and who worked the "
     "crowd, praising \"Kent's genuineness and indisputable integrity\" as he spoke.",
     [("Kent's genuineness and indisputable integrity", "Daniel Okafor", "who", *FIRST_HAND, "mixed")]),
    # whom a verb prompts to speak speaks
    ("The debate grew heated. That prompted Laura Kent to make a joke about yoga and call Okafor \"very flexible,\" "
     "a nod to his changes of position.",
     [("very flexible", "Laura Kent", "Laura Kent", *FIRST_HAND, "mixed")]),
    # talks "going on" are no one's speech: "according to" names the source
    ("Conversations between officials and companies have been going on for more than a year, but since the "
     "shootings, ''there has been a reinvigorated engagement,'' according to a senior administration official.",
     [("there has been a reinvigorated engagement", "a senior administration official",
       "a senior administration official", *FIRST_HAND, "mixed")]),
    # a past tense the parse hangs on a noun is no "a bill called ...": the name before speaks
    ("Democrats feared a repeat of the 1992 convention, when Mr. Buchanan, who had failed to win his party's "
     "nomination, called for a ''cultural war'' against ''liberals and radicals.''",
     [("cultural war", "Buchanan", "Mr. Buchanan", *FIRST_HAND, "mixed"),
      ("liberals and radicals", "Buchanan", "Mr. Buchanan", *FIRST_HAND, "mixed")]),
    # a participle reporting a clause whose subject is no speaker: the participle's own subject speaks
    ("Laura Kent spoke on Monday.\n\nShe, too, is a pragmatic internationalist battling against nationalist anger, "
     "cautioning that the turmoil after the vote underscores a need for \"calm, steady, experienced leadership.\"",
     [("calm, steady, experienced leadership", "Laura Kent", "She", *FIRST_HAND, "mixed")]),
    # a lower-case word tagged as a name heads a description; the magazine told is the relay
    ("Donald Trump listed an NBC show as his guilty pleasure.\n\n"
     "\u201cMy guilty pleasure TV show is that one,\u201d the billionaire business mogul told People.",
     [("My guilty pleasure TV show is that one", "the billionaire business mogul", "the billionaire business mogul",
       "People", True, "direct")]),
    # the parse can make a dateline the subject and the speaker its apposition; the names in a
    # participle phrase between commas are not the one who speaks
    ("WASHINGTON -- President Laura Kent, dedicating the National Museum of African American History and Culture "
     "on Saturday, said it would tell an American story, one of ''suffering and delight, one of fear, but also of "
     "hope.''",
     [("suffering and delight, one of fear, but also of hope", "Laura Kent", "President Laura Kent",
       *FIRST_HAND, "mixed")]),
    # an outlet's name run into a person's with no comma: the person speaks, the outlet carries it
    ("Donald Trump spoke on Monday.\n\nIn a meeting with the editorial board of the Washington Post Trump said "
     "NATO was \"obsolete.\"",
     [("obsolete", "Donald Trump", "Trump", "The Washington Post", True, "mixed")]),
    # a description ends before a conjunction that joins a second one
    ("On Tuesday's episode of \"The Steve Harvey Morning Show,\" the former secretary of state and current "
     "Democratic presidential nominee said she wanted to speak \"directly to white people.\"",
     [("directly to white people", "the former secretary of state", "the former secretary of state",
       "The Steve Harvey Morning Show", True, "mixed")]),
    # the name inside an apposition is not who speaks: the name it describes is
    ("''They were professionals, but also competitors,'' Daniel Okafor, President Kent's former chief of staff, "
     "said of their time in the administration.",
     [("They were professionals, but also competitors", "Daniel Okafor", "Daniel Okafor", *FIRST_HAND, "direct")]),
    # a title's gender rules out a namesake of the other gender
    ("Hillary Clinton campaigned in Ohio with Bill Clinton on Monday.\n\n"
     "''We will win this state,'' Mrs. Clinton said.",
     [("We will win this state", "Hillary Clinton", "Mrs. Clinton", *FIRST_HAND, "direct")]),
    # a bare surname, long after a namesake was last named, is the one the article names most
    ("Hillary Clinton campaigned in Ohio on Monday. Hillary Clinton spoke about jobs at a steel plant, and "
     "Hillary Clinton met union leaders in the evening. Her husband, Bill Clinton, stayed in New York, where Bill "
     "Clinton raised money.\n\n"
     "The campaign has spent heavily in the state, with television advertising in every market and dozens of "
     "field offices opened since the spring. Polls show a close race there, and both parties expect the "
     "result to turn on turnout in the suburbs of Columbus and Cincinnati.\n\n"
     "''We will win this state,'' Clinton said.",
     [("We will win this state", "Hillary Clinton", "Clinton", *FIRST_HAND, "direct")]),
    # what a title is "of" is no part of the name after it
    ("\"The party is united,\" said the former Speaker of the House Laura Kent.",
     [("The party is united", "Laura Kent", "House Laura Kent", *FIRST_HAND, "direct")]),
    # a common noun is no outlet of the same name ("people" is not People magazine)
    ("Laura Kent spoke on Monday.\n\n\"We will win,\" people close to the campaign said.",
     [("We will win", "people close to the campaign", "people close to the campaign", *FIRST_HAND, "direct")]),
    # a work speaks for who delivered or wrote it, not for who obtained it
    ("The goal is to curb ''activist'' investors, according to a speech Laura Kent delivered at New York "
     "University in July.",
     [("activist", "Laura Kent", "Laura Kent", *FIRST_HAND, "mixed")]),
    ("The plan is \"dead on arrival,\" according to a letter the mayor obtained.",
     [("dead on arrival", "a letter", "a letter", *FIRST_HAND, "mixed")]),
    ("Acts of protest, Ms. Kent said, are acts of patriotism, whether it was sitting at a lunch counter in the "
     "South in the 1960s or wearing a T-shirt emblazoned with the words ''I can't breathe,'' as Daniel Okafor, "
     "gasping facedown on a sidewalk in Staten Island, said before he died.",
     [("I can't breathe", "Daniel Okafor", "Daniel Okafor", *FIRST_HAND, "mixed")]),
]


def test_a_sentence_case_headline_quote_is_spoken_by_the_person_that_opens_it(extractor):
    # British papers write headlines in sentence case
    from quotetrack.reader import article_from_text

    text = ("Tully hails 'outstanding' display as Everton beat Villa\n\n"
            "Everton manager Graham Tully praised his side after the 2-0 win.\n")
    [q] = [q for q in extractor.extract(article_from_text(text)) if q.kind != "indirect"]
    assert (q.text, q.speaker, q.sieve) == ("outstanding", "Graham Tully", "headline")
    # a noun after the name is no verb: the crowd chanted, not Trump
    text = "Trump rally crowd chants 'lock her up' outside the arena\n\nDonald Trump spoke for an hour.\n"
    assert [(q.speaker, q.sieve) for q in extractor.extract(article_from_text(text))
            if q.kind != "indirect"] in ([], [(None, None)])


def test_a_title_cased_headline_names_no_one(extractor):
    from quotetrack.reader import article_from_text

    text = ("Black Lawmakers Rip Donald Trump As A Fraud\n\nDonald Trump spoke in Ohio on Friday.\n\n"
            "\"Look at how much these communities are suffering,\" he said.\n")
    [q] = [q for q in extractor.extract(article_from_text(text)) if q.kind != "indirect"]
    assert (q.speaker, q.speaker_mention.text) == ("Donald Trump", "he")


def test_a_short_capitalised_sentence_of_the_body_is_no_headline(extract_text):
    found = extract_text("Sen. John Lee praised the bill on Monday. Sen. Tim Cole, R-Texas, disagreed. "
                         "\"It costs too much,\" he said.")
    assert [(q.text, q.speaker) for q in found if q.kind == "direct"] == [("It costs too much,", "Tim Cole")]


@pytest.mark.parametrize("headline, speaker, kind", [
    ("Kent Sees 'Personal Insult' in Harbor Vote", "Laura Kent", "person"),
    ("Harbor Workers Rip Mayor As A 'Disgusting Fraud'", "Harbor Workers", "unnamed"),
    ("Kent on the Harbor: The Trends Are 'Terrifying'", "Laura Kent", "person"),
])
def test_a_headline_quote_is_spoken_by_the_name_that_opens_it(extractor, headline, speaker, kind):
    from quotetrack.reader import article_from_text

    text = headline + "\n\nLaura Kent spoke at the harbor on Monday.\n"
    [q] = [q for q in extractor.extract(article_from_text(text)) if q.kind != "indirect"]
    assert (q.speaker, q.speaker_kind, q.sieve) == (speaker, kind, "headline")
    assert "title" not in q.flags


@pytest.mark.parametrize("headline", ["Kent: Harbor deal is 'not going to change'",
                                      "Kent Sees 'Personal Insult' in Harbor Vote"])
def test_a_headers_title_is_a_headline_like_a_first_line(extractor, headline):
    from quotetrack.reader import article_from_text

    body = "Laura Kent spoke at the harbor on Monday.\n"
    plain = article_from_text(f"{headline}\n\n{body}")
    headed = article_from_text(f"---\n# {headline}\nBy Ann Lee\nHarbor Times\nAug. 21, 2016\n---\n\n{body}")
    found = [[(q.text, q.speaker, q.kind, q.sieve, q.sentence.text) for q in extractor.extract(a)]
             for a in (plain, headed)]
    assert found[1] == found[0] and found[0][0][1] == "Laura Kent"
    assert found[0][0][4] == headline


@pytest.mark.parametrize("text", [
    # a header without a title has no headline: the body's first line is no title
    '---\nBy Ann Lee\n---\n\nKent Sees "Personal Insult" in Harbor Vote\n\nLaura Kent spoke on Monday.\n',
    # nor is a first line that opens with a wire dateline
    'WASHINGTON (Reuters) - Kent Sees "Personal Insult" in Harbor Vote as critics rally.\n\nLaura Kent spoke.\n',
])
def test_no_headline_no_headline_quote(extractor, text):
    from quotetrack.reader import article_from_text

    assert [q.sieve for q in extractor.extract(article_from_text(text)) if q.kind != "indirect"] == []


@pytest.mark.parametrize("body, expected", CASES)
def test_attribution(extract_text, body, expected):
    assert rows(quotes(extract_text, body)) == expected


# The first paragraph right under the headline: a paragraph break always ends a sentence.
OPENING_CASES = [
    ("A White House spokeswoman said the president was \"not worried.\"",
     [("not worried", "A White House spokeswoman", "unnamed", *FIRST_HAND, "mixed")]),
    ("The ministry said in a statement: \"The strike is illegal.\"",
     [("The strike is illegal", "The ministry", "organisation", *FIRST_HAND, "direct")]),
    ("According to Reuters, Daniel Okafor said the port would \"stay open.\"",
     [("stay open", "Daniel Okafor", "person", "Reuters", True, "mixed")]),
    ("The mayor, Laura Kent, told the Associated Press that the budget was \"balanced.\"",
     [("balanced", "Laura Kent", "person", "Associated Press", True, "mixed")]),
    ("\"The budget is balanced,\" Laura Kent said.",
     [("The budget is balanced", "Laura Kent", "person", *FIRST_HAND, "direct")]),
    ("The so-called “reforms” were never carried out.", []),
    ("The council met on Monday and the so-called “reforms” were never carried out.", []),
    ("The Itar-Tass news agency quoted Vladimir Putin as saying: \"Our partners are welcome.\"",
     [("Our partners are welcome", "Vladimir Putin", "person", "Itar-Tass", True, "direct")]),
    ("The Gazette quoted Daniel Okafor as saying: \"We are ready to talk.\"",
     [("We are ready to talk", "Daniel Okafor", "person", "The Gazette", True, "direct")]),
    ("Laura Kent said the city was \"safe,\" while officials in the capital called it \"a mess.\"",
     [("safe", "Laura Kent", "person", *FIRST_HAND, "mixed"),
      ("a mess", "officials in the capital", "unnamed", *FIRST_HAND, "mixed")]),
    ("Officials said the deal was \"dead.\"",
     [("dead", "Officials", "unnamed", *FIRST_HAND, "mixed")]),
    # an outlet reporting what someone said relays it; a person reporting it speaks for it
    ("Vladimir Putin visited Kiev.\n\nReuters reported that Putin said \"nothing will change in our lives.\"",
     [("nothing will change in our lives", "Vladimir Putin", "person", "Reuters", True, "mixed")]),
    # a scene set by writing for an outlet carries over to the writer's next quote
    ("Writing for the Los Angeles Times, Laura Kent argued that the port was safe.\n\n"
     "\"We are ready,\" Kent wrote.",
     [("We are ready", "Laura Kent", "person", "Los Angeles Times", True, "direct")]),
    ("Writing for a Los Angeles Times panel, Laura Kent argued that the port was safe.\n\n"
     "\"We are ready,\" Kent wrote.",
     [("We are ready", "Laura Kent", "person", "Los Angeles Times", True, "direct")]),
]


@pytest.mark.parametrize("body, expected", OPENING_CASES)
def test_opening_paragraph_and_relays(extract_text, body, expected):
    got = [(q.text.rstrip(",."), q.speaker, q.speaker_kind, q.outlet, q.relayed, q.kind)
           for q in quotes(extract_text, body)]
    assert got == expected


@pytest.mark.parametrize("body, role", [
    ("Russian leader Vladimir Putin met the delegation.\n\n\"Our partners are welcome,\" Putin said.", "Russian leader"),
    ("Federation Council Speaker Sergei Mironov visited Baku. "
     "Mironov described the conflict as a \"wound that does not heal.\"", "Federation Council Speaker"),
    ("Azerbaijani President Ilham Aliyev arrived in Moscow. \"Our ties are strong,\" Aliyev said.", "Azerbaijani President"),
    ("Laura Kent, the mayor, said the city was \"safe.\" The police chief disagreed.", "mayor"),
    ("\"We will appeal,\" said Daniel Okafor, the team's lawyer.", "lawyer"),
    # "Mr." and "Mrs." tell a gender, not an office
    ("Prime Minister Vladimir Putin met the delegation.\n\n\"We are ready,\" Mr Putin said.", "Prime Minister"),
    ("\"We will see,\" Mrs. Laura Kent said.", None),
])
def test_roles(extract_text, body, role):
    [q] = quotes(extract_text, body)
    assert q.speaker_role == role


@pytest.mark.parametrize("body, speaker, role", [
    # a title that takes a department keeps the department: the name is the person's
    ("Secretary of State John F. Kerry met the delegation.\n\n\"We will talk,\" Kerry said.",
     "John F. Kerry", "Secretary of State"),
    ("Chief of Staff Denis McDonough met the delegation.\n\n\"We will talk,\" McDonough said.",
     "Denis McDonough", "Chief of Staff"),
    ("Comedian Sarah Silverman met the delegation.\n\n\"We will talk,\" Silverman said.", "Sarah Silverman",
     "Comedian"),
    ("Democrat Zephyr Teachout met the delegation.\n\n\"We will talk,\" Teachout said.", "Zephyr Teachout",
     "Democrat"),
    ("Hacker Guccifer met the delegation.\n\n\"We will talk,\" Guccifer said.", "Guccifer", "Hacker"),
    ("Filmmaker Jack Marino met the delegation.\n\n\"We will talk,\" Marino said.", "Jack Marino", "Filmmaker"),
    ("Senators Marco Rubio and Ted Cruz met the delegation.\n\n\"We will talk,\" Rubio said.", "Marco Rubio",
     "Senators"),
    # "King" is a surname here, and "New York" a place, not a department
    ("Representative Peter T. King of New York spoke.\n\n\"We will talk,\" King said.", "Peter T. King",
     "Representative"),
])
def test_a_role_is_no_part_of_the_name(extract_text, body, speaker, role):
    [q] = quotes(extract_text, body)
    assert (q.speaker, q.speaker_role) == (speaker, role)


@pytest.mark.parametrize("body, speaker, role", [
    # the parse hangs the name on the last noun of the description; a spokesman's name is
    # not the candidate's, and a state after a name is no name
    ("\"It was a good deal,\" said his best friend at Lehigh, Bruce Turry.", "Bruce Turry", "best friend"),
    ("\"It was a good deal,\" said a spokesman for Ted Cruz, Rick Tyler.", "Rick Tyler", "spokesman"),
    ("\"It was a good deal,\" said a spokesman for Sen. Ted Cruz, R-Texas.", "a spokesman", None),
])
def test_a_name_after_a_description_names_the_one_described(extract_text, body, speaker, role):
    [q] = quotes(extract_text, body)
    assert (q.speaker, q.speaker_role) == (speaker, role)


def test_a_nickname_is_no_quote(extract_text):
    body = 'Former Rep. Robert "Bobby" Scott said the nation is watching Virginia.'
    assert [(q.kind, q.text, q.speaker) for q in extract_text(body)] == [
        ("indirect", "the nation is watching Virginia", "Scott")]


@pytest.mark.parametrize("body", [
    "\"This is a big year for us!\" Scott's niece, Marcia Price, shouted.",
    "\"Is this a big year for us?\" Marcia Price, his niece, asked.",
    "\"This is a big year for us!\" Scott's niece, Marcia Price (D-Va.), shouted.",
    "\"This is a big year for us!\" Scott's niece, Marcia Price (D-Newport News), shouted to the crowd.",
])
def test_a_long_subject_after_a_quote_ending_its_sentence_still_attributes_it(extract_text, body):
    [q] = quotes(extract_text, body)
    assert (q.speaker, q.speaker_mention.text) == ("Marcia Price", "Marcia Price")


def test_words_before_a_full_name_are_no_part_of_the_canonical_name(extract_text):
    body = ("Rival Hillary Clinton hit back on Monday.\n\n\"We will win,\" Hillary Clinton said. "
            "\"It is certain,\" she added.")
    assert [q.speaker for q in quotes(extract_text, body)] == ["Hillary Clinton", "Hillary Clinton"]


def test_whose_work_speaks_for_the_name_it_describes(extract_text):
    body = ("Among others in a perilous trap are Senators Mitch McConnell, the majority leader, whose new book "
            "boasts of his \"commitment to civil rights\" and more.")
    assert [q.speaker for q in quotes(extract_text, body)] == ["Mitch McConnell"]


def test_a_demonstrative_subject_is_no_name(extract_text):
    body = "The port closed. This confirms that the council \"takes its marching orders\" from Laura Kent."
    assert [(q.speaker, q.speaker_mention.text) for q in quotes(extract_text, body)] == [(None, "This")]


def test_a_day_before_a_colon_is_nobody(extract_text):
    body = ("One early supporter gave the technique a whirl in an interview on Tuesday: "
            "\"You can easily argue that the port is a failure.\"")
    assert [q.speaker for q in quotes(extract_text, body)] == [None]


def test_a_place_is_nobody_a_pronoun_means(extract_text):
    body = "The rally was held in Western Europe on Monday.\n\n\"We are ready,\" she said."
    assert [(q.speaker, q.speaker_mention.text) for q in quotes(extract_text, body)] == [(None, "she")]


def test_a_convention_is_nobody_a_pronoun_means(extract_text):
    body = "Delegates met at the Republican National Convention in July.\n\n\"We are ready,\" she said."
    assert [(q.speaker, q.speaker_mention.text) for q in quotes(extract_text, body)] == [(None, "she")]


def test_a_person_just_introduced_with_a_role_is_who_he_means(extract_text):
    body = ("While Barack Obama had many artists writing songs about him, that has not been happening for Clinton, "
            "which is something that concerns Henry Crespo, president of the Florida Democratic Black Caucus.\n\n"
            "\"No one is writing songs for Hillary,\" he said.")
    assert [(q.speaker, q.speaker_mention.text) for q in quotes(extract_text, body)] == [("Henry Crespo", "he")]


def test_the_main_subject_keeps_the_pronoun_over_a_person_introduced_beside_it(extract_text):
    body = ("Introduced at the lectern by Joe Arpaio, the Arizona sheriff, Donald Trump launched into a lament."
            "\n\n\"We will build a great wall,\" he said.")
    assert [q.speaker for q in quotes(extract_text, body) if q.kind == "direct"] == ["Donald Trump"]


@pytest.mark.parametrize("body, speaker", [
    ('"We will act," the Department of Homeland Security said.', "Department of Homeland Security"),
    ('"No," the Department of Health and Human Services said.', "Department of Health and Human Services"),
    ('The Securities and Exchange Commission met on Monday. "We are ready," it said.',
     "Securities and Exchange Commission"),
    ('Still, the Business Council of British Columbia opposed the tax. "Keep it," it said.',
     "Business Council of British Columbia"),
    ('"Maybe," said the Council on American-Islamic Relations.', "Council on American-Islamic Relations"),
    ('"We will act," Secretary of State John Kerry said.', "John Kerry"),
    ('"No," the White House on Tuesday said.', "White House"),
])
def test_an_organisations_name_runs_on_through_of_and_and(extract_text, body, speaker):
    assert [q.speaker for q in quotes(extract_text, body)] == [speaker]


@pytest.mark.parametrize("body, speaker, role", [
    ('"We will see," House Republican Thomas Massie said.', "Thomas Massie", "House Republican"),
    ('"We will see," Senate Intelligence Ranking Democrat Dianne Feinstein said.', "Dianne Feinstein",
     "Senate Intelligence Ranking Democrat"),
    ('"We will see," Martin Luther King said.', "Martin Luther King", None),
])
def test_a_body_or_party_before_a_full_name_is_a_role(extract_text, body, speaker, role):
    assert [(q.speaker, q.speaker_role) for q in quotes(extract_text, body)] == [(speaker, role)]


def test_the_one_asked_is_who_answers(extract_text):
    body = ("Bernie Sanders spoke in Iowa.\n\nLast month, reporter Scott Conroy asked Bernie Sanders whether "
            "questions about his age were fair game.\n\n\"Sure it is,\" he said.")
    assert [q.speaker for q in quotes(extract_text, body) if q.kind == "direct"] == ["Bernie Sanders"]


def test_a_party_and_state_in_parentheses_are_no_role(extract_text):
    body = '"We will see," Sen. Jon Tester (D-Mont.) said. "It is close," Del. Stacey Plaskett said.'
    assert [(q.speaker, q.speaker_role) for q in quotes(extract_text, body)] == [
        ("Jon Tester", "Sen."), ("Stacey Plaskett", "Del.")]


def test_who_adds_after_a_reported_clause_is_the_reporter(extract_text):
    body = ("Donald Trump told Newsmax that Mitt Romney \u201chad a crazy policy,\u201d adding, "
            "\u201cHe lost all of the Latino vote.\u201d")
    assert [(q.text, q.speaker) for q in quotes(extract_text, body)] == [
        ("had a crazy policy,", "Donald Trump"), ("He lost all of the Latino vote.", "Donald Trump")]


def test_who_goes_on_claiming_after_a_reported_clause_is_the_reporter(extract_text):
    body = ("Donald Trump said the court deadlock has \u201ckept us safe\u201d before claiming that open borders "
            "are \u201ctearing families apart.\u201d")
    assert [q.speaker for q in quotes(extract_text, body)] == ["Donald Trump", "Donald Trump"]


@pytest.mark.parametrize("body, cue", [
    ("On Monday, Donald Trump groused to a crowd in Georgia that CNN \u201cdoesn\u2019t treat me properly.\u201d",
     "groused"),
    ("Donald Trump emailed supporters on Monday, \u201cThe struggle continues.\u201d", "emailed"),
])
def test_grousing_and_emailing_report_speech(extract_text, body, cue):
    assert [(q.speaker, q.cue.text) for q in quotes(extract_text, body)] == [("Donald Trump", cue)]


@pytest.mark.parametrize("body, speaker", [
    ("Glenn Beck spoke in Iowa.\n\nHe then adopted a fake Southern accent and joked, "
     "\u201cBut I will make it easier for them.\u201d", "Glenn Beck"),
    ("Ted Cruz spoke in Iowa.\n\nAt the final debate, he only hinted at Donald Trump by mentioning the need for a "
     "wall on the Mexican border and adding, \u201cI've got an idea of who should build it.\u201d", "Ted Cruz"),
])
def test_a_verb_the_parse_joins_to_an_object_is_the_subjects(extract_text, body, speaker):
    assert [q.speaker for q in quotes(extract_text, body)] == [speaker]


def test_a_double_surname_stays_whole(extract_text):
    body = "Ildefonso Guajardo Villarreal spoke on Monday.\n\n\"We must not overreact,\" Guajardo Villarreal said."
    assert [q.speaker for q in quotes(extract_text, body)] == ["Ildefonso Guajardo Villarreal"]


def test_the_quote_is_never_its_own_speaker(extractor):
    from quotetrack.reader import article_from_text

    show = Extractor(show_all=True)
    show._nlp = extractor.nlp
    text = ("Headline\n\nA bill would have allowed officials professing a \"sincere religious belief\" to deny "
            "services to gays.")
    qs = [q for q in show.extract(article_from_text(text, "t.txt", outlet=OWN)) if q.kind != "indirect"]
    assert [(q.text, q.speaker_mention, q.flags) for q in qs] == [("sincere religious belief", None, ["scare"])]


def test_a_bare_surname_is_the_person_the_article_keeps_naming(extract_text):
    body = ("Carly Fiorina ran HP. Fiorina pushed ahead with the merger. Fiorina flew home that night and "
            "told her husband, Frank Fiorina, that it would be ugly.\n\n"
            "Her workforce was also quickly tilting toward suspicion. In June, analysts warned that the deal "
            "would cost thousands of jobs, and the company's shares fell by a fifth over the following weeks. "
            "Some workers felt betrayed by the layoffs that came a month later.\n\n"
            "\"The majority of our employees support it,\" Fiorina said.\n\n"
            "\"She was calm,\" Frank Fiorina said. \"She always is,\" Fiorina added.")
    assert [q.speaker for q in quotes(extract_text, body)] == ["Carly Fiorina", "Frank Fiorina", "Frank Fiorina"]


def test_a_subject_described_by_role_is_the_namesake_a_bare_surname_means(extract_text):
    body = ("Former President Bill Clinton campaigned in Ohio on Friday for his wife, Hillary Clinton.\n\n"
            "The former president said the race was close. \"It doesn't make any sense,\" Clinton said.")
    assert [q.speaker for q in quotes(extract_text, body)] == ["Bill Clinton"]


def test_a_surname_that_is_a_title_word_names_the_person(extract_text):
    body = "The host Larry King joined the network.\n\n\"I have never been edited,\" Mr. King said."
    assert [q.speaker for q in quotes(extract_text, body)] == ["Larry King"]


def test_speaker_mention_offsets(extract_text):
    body = "Vladimir Putin met the delegation on Friday.\n\n\"Our partners are welcome,\" Putin said."
    text = "Headline\n\n" + body
    [q] = quotes(extract_text, body)
    assert (q.speaker, q.speaker_kind) == ("Vladimir Putin", "person")
    assert (q.speaker_mention.start, q.speaker_mention.end) == (text.rindex("Putin"), text.rindex("Putin") + 5)
    assert q.cue.text == "said" and q.cue.start == text.rindex("said")


@pytest.mark.parametrize("body, kind", [
    ("The talks stalled.\n\n\"We reject the accusations,\" the Kremlin said in a statement.", "organisation"),
    ("The talks stalled.\n\n\"There will be no deal this week,\" a senior official said.", "unnamed"),
    ("The council met on Monday.\n\n\"The roads will be repaired,\" the governor added.", "unnamed"),
    ("Daniel Okafor met Laura Kent on Monday. \"We are ready to talk,\" he said.", "person"),
    # a party's members are a body; one of them unnamed is nobody's name
    ("The talks stalled.\n\n\"We will fight,\" Senate Republicans said in a statement.", "organisation"),
    ("The talks stalled.\n\n\"Trump will be defeated,\" said a New Hampshire Republican.", "unnamed"),
])
def test_speaker_kinds(extract_text, body, kind):
    [q] = quotes(extract_text, body)
    assert q.speaker_kind == kind


TITLE = "The comedian landed a guest spot on “Saturday Night Live” last year."


@pytest.mark.parametrize("label", ["Correction", "UPDATE", "Editor's note"])
def test_a_label_and_a_colon_name_no_speaker(extract_text, label):
    body = f"{label}: An earlier version of this story misdated the “harbour plan” of the council."
    assert quotes(extract_text, body) == []


@pytest.mark.parametrize("body, speaker, flags", [
    ("The polls closed.\n\nBut their chants of \u201cTed! Ted! Ted! Ted\u201d were cut short.", None, ["unattributed"]),
    ("The polls closed.\n\nThe crowd joined in a thunderous chant of \"Feel the Bern!\"", None, ["unattributed"]),
    ("The polls closed.\n\nA band got the crowd to cheer for \"President Laura Kent.\"", "the crowd", []),
])
def test_a_crowds_chant_is_a_quote_not_a_title(extract_text, body, speaker, flags):
    [q] = quotes(extract_text, body)
    assert (q.speaker, q.flags) == (speaker, flags)


def test_stage_directions_and_sign_offs_are_no_quotes(extract_text):
    body = ("Laura Kent and Daniel Okafor spoke. Partial transcript as follows:\n\n"
            "\"KENT: We are ready to talk about the port.\n\n\"(CROSSTALK.)\n\n"
            "\"OKAFOR: If I may, we are not.\n\n\"Follow Laura Kent on Twitter @laurakent.\"")
    assert [(q.text, q.speaker) for q in quotes(extract_text, body)] == [
        ("We are ready to talk about the port.", "Laura Kent"),
        ("If I may, we are not.", "Daniel Okafor")]


def test_a_headline_cited_with_its_author_is_a_title(extract_text):
    body = ("ART BEAT—\"The gallery on Grand Street to close at the end of December after twenty years,\" "
            "by the Courier's Laura Kent.")
    assert quotes(extract_text, body) == []


def test_titles_are_left_out_by_default(extract_text):
    assert quotes(extract_text, TITLE) == []


def test_titles_are_shown_flagged_with_show_all(extractor):
    from quotetrack.reader import article_from_text

    show = Extractor(show_all=True)
    show._nlp = extractor.nlp  # the session's pipeline, not a second load
    text = "Headline\n\n" + TITLE
    qs = [q for q in show.extract(article_from_text(text, "t.txt", outlet=OWN)) if q.kind != "indirect"]
    assert [(q.text, q.speaker, q.flags) for q in qs] == [("Saturday Night Live", None, ["title"])]
    assert text[qs[0].start:qs[0].end] == "Saturday Night Live"


@pytest.mark.parametrize("body", [
    "After the news spread, the “Northern Lights” star posted a long message on Facebook.",
    "“Northern Lights” creator Laura Kent said the show would return.",
    "Laura Kent said on the podcast “Northern Lights” that the show would return.",
    "Laura Kent sang the anthem “Northern Lights” at the rally, she said.",
    "Laura Kent took calls from listeners to her “Northern Lights” radio program who said they were worried.",
])
def test_names_of_works_are_titles(extract_text, body):
    assert [q.text for q in quotes(extract_text, body) if q.text == "Northern Lights"] == []


def test_a_books_title_with_its_subtitle_is_a_title(extract_text):
    body = ('"Be careful," said Laura Kent, a co-author of "Those Guys Have All the Fun: Inside the World of the '
            'Harbor Board."')
    assert [q.text for q in quotes(extract_text, body)] == ["Be careful,"]


@pytest.mark.parametrize("body, expected", [
    ("Another critic, Laura Kent, likened the rules to \"burning the charter\" in public.",
     [("burning the charter", "Laura Kent", "likened")]),
    ("Laura Kent compared the mayor to a coach who is \"working the referees\" on every call.",
     [("working the referees", "Laura Kent", "compared")]),
    # "compared to" compares numbers, it reports nobody
    ("The council spent 32 percent of the budget on \"renewal,\" compared to 11 percent last year.", []),
])
def test_likening_reports_a_characterisation(extract_text, body, expected):
    assert [(q.text, q.speaker, q.cue and q.cue.text) for q in quotes(extract_text, body)] == expected


@pytest.mark.parametrize("body, speaker, kind", [
    ("Sean Hannity spoke on Monday.\n\n\"We will win,\" Hannity said.", "Sean Hannity", "person"),
    ("The talks stalled.\n\n\"We will win,\" Hannity said.", "Fox News", "organisation"),
])
def test_a_host_named_like_his_programme(extract_text, body, speaker, kind):
    [q] = quotes(extract_text, body)
    assert (q.speaker, q.speaker_kind) == (speaker, kind)


@pytest.mark.parametrize("body, speaker", [
    ("Speaker of the House Rep. Paul Ryan (R-WI) said the plan was \"a disaster.\"", "Paul Ryan"),
    ("The Speaker of the House said the plan was \"a disaster.\"", "The Speaker of the House"),
])
def test_a_name_inside_a_title_phrase(extract_text, body, speaker):
    [q] = quotes(extract_text, body)
    assert q.speaker == speaker


@pytest.mark.parametrize("body, speaker", [
    ("A Washington Post analysis said the plan was \"entirely lawful.\"", "The Washington Post"),
    ("A report by Reuters said the plan was \"entirely lawful.\"", "Reuters"),
    ("A report published by Reuters said the plan was \"entirely lawful.\"", "Reuters"),
    # an outlet in the description's own clause did not write it
    ("A legal opinion drafted for the council and obtained by Reuters said the plan was \"entirely lawful.\"",
     "A legal opinion"),
])
def test_an_outlet_a_description_is_of(extract_text, body, speaker):
    [q] = quotes(extract_text, body)
    assert q.speaker == speaker


@pytest.mark.parametrize("verb", ["barked", "growled", "snarled", "bellowed"])
def test_manner_of_speaking_verbs_are_cues(extract_text, verb):
    [q] = quotes(extract_text, f"The hall was full.\n\n\"Sit down,\" Laura Kent {verb} at the crowd.")
    assert (q.speaker, q.cue and q.cue.text, q.sieve) == ("Laura Kent", verb, "cue-tree")


@pytest.mark.parametrize("body, expected", [
    # single marks in a double-marked article, alone on a line: a subhead, not a quote
    ("Laura Kent said: \"We are ready.\"\n\n'A Fight to the Finish.'\n\nThe talks begin on Monday.",
     [("We are ready.", "Laura Kent")]),
    # a line that is only a quote in capitals is a subhead, whatever its marks
    ("Laura Kent said: \"We are ready.\"\n\n\"A FIGHT TO THE FINISH\"\n\nThe talks begin on Monday.",
     [("We are ready.", "Laura Kent")]),
    # ... but in an article that quotes with single marks, it is a quote
    ("Laura Kent said: 'We are ready.'\n\n'We will see it through.'\n\nThe talks begin on Monday.",
     [("We are ready.", "Laura Kent"), ("We will see it through.", "Laura Kent")]),
])
def test_subheads(extract_text, body, expected):
    assert [(q.text, q.speaker) for q in quotes(extract_text, body)] == expected


def test_first_hand_quote_records_the_article_outlet(extract_text):
    [q] = quotes(extract_text, "Daniel Okafor said he was \"ready to talk.\"", outlet="The Morning Star")
    assert (q.outlet, q.relayed) == ("The Morning Star", False)


@pytest.mark.parametrize("body, outlet, relayed", [
    # where the speaker works is no outlet that carried the words ...
    ('"It will happen sooner rather than later," said James Acton, a physicist who is co-director of the '
     "Nuclear Policy Program at the Carnegie Endowment.", "The Morning Star", False),
    ('"It\'s too early to tell," said Cuban, who is also a host on the TV show "Shark Tank."',
     "The Morning Star", False),
    # ... unless the speaker wrote them there
    ('"Trump is the leader of a populism that\'s growing," Massimo Franco, a columnist for the Italian newspaper '
     "Corriere della Sera, wrote on Friday.", "Corriere della Sera", True),
    # an outlet noun named by what follows it
    ('"He deserved it," the assailant, John McGraw, told the television program "Inside Edition" after the '
     "confrontation.", "Inside Edition", True),
    # a speaker whose name holds an outlet noun relays nothing by it
    ('Network Rail said: "We are disappointed by the decision."', "The Morning Star", False),
    # outlets beyond US politics: sports channels, state news agencies
    ('Laura Bennett, speaking on Sky Sports, said Reid had been "an inspiration to every young player."',
     "Sky Sports", True),
    ('"Talks will go on," the minister told IRNA.', "Islamic Republic News Agency", True),
    # ... and American regional papers, which campaign coverage cites
    ('"We will win here," Laura Kent told the Union Leader on Monday.', "New Hampshire Union Leader", True),
])
def test_a_speakers_affiliation_is_no_relay(extract_text, body, outlet, relayed):
    [q] = quotes(extract_text, body, outlet="The Morning Star")
    assert (q.outlet, q.relayed) == (outlet, relayed)


@pytest.mark.parametrize("body, speaker, role", [
    # a surname that is also an outlet's name is the person the article named
    ('Quarterback Jordan Fox threw three touchdowns. "The line gave me all day," Fox said.', "Jordan Fox",
     "Quarterback"),
    ('Council member Grace Hill spoke next. "We need a new bridge," Hill said.', "Grace Hill", None),
    ('Former Mayor Michael Bloomberg spoke too. "Guns kill," Bloomberg said.', "Michael Bloomberg", None),
    # a word of what someone does, capitalised to open a sentence, is no part of the name
    ('Shopper Maria Lopez said she buys less meat now. "I make soup four times a week," she said.',
     "Maria Lopez", None),
])
def test_a_person_is_not_an_outlet_nor_a_role_word(extract_text, body, speaker, role):
    quote = next(q for q in extract_text(body) if q.kind == "direct")
    assert (quote.speaker, quote.speaker_kind, quote.relayed) == (speaker, "person", False)
    if role:
        assert quote.speaker_role == role


def test_a_business_named_by_what_it_is_is_an_organisation_and_it(extract_text):
    found = extract_text('Northwind Airlines reported a record profit. "Demand remains robust," it said.\n\n'
                         'The landlord, Crestview Properties, said it was "open to discussing" a new lease.')
    assert [(q.speaker, q.speaker_kind) for q in found if q.kind != "indirect"] == [
        ("Northwind Airlines", "organisation"), ("Crestview Properties", "organisation")]


@pytest.mark.parametrize("body, speaker", [
    ('A Sunpeak spokeswoman said the company was not for sale. "We are focused on our customers," she said.',
     "A Sunpeak spokeswoman"),
    ('Local officials said the runway would stay closed. "We ask for patience," they said.', "Local officials"),
    # a pronoun of another gender or number is not that source's
    ('A Sunpeak spokesman said the company was not for sale. "We are focused on our customers," she said.', None),
    ('Local officials said the runway would stay closed. "We ask for patience," she said.', None),
])
def test_a_pronoun_no_person_fits_is_the_unnamed_source_that_just_spoke(extract_text, body, speaker):
    [quote] = [q for q in extract_text(body) if q.kind == "direct"]
    assert (quote.speaker, quote.speaker_mention.text.lower()) == (speaker, body.rsplit(" ", 2)[-2].lower())


def test_the_company_is_the_business_its_paragraph_just_named(extract_text):
    found = extract_text('Northwind Airlines reported a record profit on Thursday. "Demand remains robust," the '
                         'company said in a statement.\n\n"We will hire 500 pilots," the company said.')
    assert [(q.speaker, q.speaker_kind, q.speaker_mention.text) for q in found if q.kind == "direct"] == [
        ("Northwind Airlines", "organisation", "the company"), ("the company", "organisation", "the company")]


@pytest.mark.parametrize("body, speaker", [
    ('Helen Marsh, the prime minister, defended the budget on Tuesday.\n\n'
     '"We have made the hard choices," the prime minister said.', "Helen Marsh"),
    ('Tom Reed, a spokesman for the Treasury, declined to comment at first.\n\n'
     '"Nothing has changed," the spokesman said later.', "Tom Reed"),
    # an apposition's owner is not the role: the prime minister's spokeswoman is a spokeswoman
    ("Helen Marsh, the prime minister's spokeswoman, defended the budget on Tuesday.\n\n"
     '"We have made the hard choices," the prime minister said.', "the prime minister"),
    # what follows a name and a comma is no apposition when no comma closes it
    ('In an interview with radio hosts Tom Reed and Mika Long, the Democratic presidential candidate stated that '
     'the plan was "mean-spirited."\n\n"I am running," the Democratic presidential candidate said.',
     "the Democratic presidential candidate"),
])
def test_a_description_means_the_person_an_apposition_gave_it(extract_text, body, speaker):
    assert {q.speaker for q in extract_text(body) if q.kind != "indirect"} == {speaker}


def test_a_title_word_that_names_a_department_is_part_of_its_name(extract_text):
    found = extract_text('The Justice Department said it would "appeal at once."\n\n'
                         'The State Department said it would "look into it."')
    assert [(q.speaker, q.speaker_role) for q in found if q.kind != "indirect"] == [
        ("Justice Department", None), ("State Department", None)]


def test_the_committee_is_the_committee_just_named(extract_text):
    found = extract_text('The Republican National Committee attacked the plan on Monday.\n\n'
                         '"It is a disaster," the committee said.\n\n'
                         'The Justice Department opened an inquiry. "We take this seriously," the department said.')
    assert [(q.speaker, q.speaker_mention.text) for q in found if q.kind == "direct"] == [
        ("Republican National Committee", "the committee"), ("Justice Department", "the department")]


# one quote each, and who says it
ONE_SPEAKER_CASES = [
    # who put out a statement or an email "saying ..." says it, not the statement or its addressees
    ('The Clinton campaign issued a statement saying Trump "owes the president an apology."', "The Clinton campaign"),
    ('The campaign sent an email to supporters saying Trump "will never quit."', "The campaign"),
    ('The campaign is issuing a statement saying Trump "owes the president an apology."', "The campaign"),
    # a memo the subject only talks about did not come from the subject
    ('Critics seized on a memo saying the plan was "dead on arrival."', "a memo"),
    # whom a critic slams for saying something said it
    ('Donald Trump slammed Hillary Clinton for describing his supporters as a "basket of deplorables."',
     "Hillary Clinton"),
    ('Republicans attacked Hillary Clinton for calling Trump supporters "deplorables."', "Hillary Clinton"),
    # a prize or a price for what someone said is no one's saying it
    ('The Fact Checker gave Ben Carson two Pinocchios for calling the deal "a total sham."', "Fact Checker"),
    # an unnamed source with what puts it in the know
    ('"We are ready," said one person close to the campaign.', "one person close to the campaign"),
    ('Officials briefed on the talks said the deal was "nearly done."', "Officials briefed on the talks"),
    # a name before a colon speaks, unless the words are for it or about it
    ('Donald Trump has a new nickname for Hillary Clinton: "Crooked Hillary."', "Donald Trump"),
    ('The mayor had a blunt message to Laura Kent: "Stop the harbor deal now, please."', "The mayor"),
    ('From the column by the Times\' Ben Sisario: "The club will close."', "Ben Sisario"),
]


@pytest.mark.parametrize("body, speaker", ONE_SPEAKER_CASES)
def test_the_speaker_of_a_quote(extract_text, body, speaker):
    assert [q.speaker for q in extract_text(body) if q.kind != "indirect"] == [speaker]


def test_an_emoji_beside_a_name_is_no_part_of_it(extract_text):
    found = extract_text('"We won today," Joe Biden 🇺🇸 said.\n\n"Fine 👍🏽," said Angela Merkel 😀.')
    assert [(q.text, q.speaker, q.speaker_mention.text) for q in found] == [
        ("We won today,", "Joe Biden", "Joe Biden"), ("Fine 👍🏽,", "Angela Merkel", "Angela Merkel")]


def test_the_library_extracts_from_a_string_as_from_a_files_text(extractor):
    [q] = extractor.extract('Talks resume\n\n"We are ready," said Laura Kent.')
    assert (q.text, q.speaker, q.start) == ("We are ready,", "Laura Kent", 15)


WIRE_STORY = ('WASHINGTON (Reuters) - "We will not back down," President Barack Obama said on Monday.\n\n'
              "Obama said he would act within days.")


def test_a_wire_story_as_the_agency_sent_it_is_the_agencys_own(extract_text):
    found = [(q.kind, q.speaker, q.outlet, q.relayed) for q in extract_text(WIRE_STORY, outlet="Reuters")]
    assert found == [("direct", "Barack Obama", "Reuters", False), ("indirect", "Barack Obama", "Reuters", False)]


def test_a_wire_story_of_no_known_publisher_is_relayed_only_where_the_text_says_so(extract_text):
    body = WIRE_STORY + '\n\n"It is time," Obama told Reuters.'
    found = [(q.kind, q.outlet, q.relayed) for q in extract_text(body, outlet=None)]
    assert found == [("direct", None, False), ("indirect", None, False), ("direct", "Reuters", True)]


def test_a_wire_story_another_outlet_publishes_is_relayed_by_the_agency(extract_text):
    found = [(q.text, q.outlet, q.relayed) for q in extract_text(WIRE_STORY, outlet="The Morning Star")]
    assert found == [("We will not back down,", "Reuters", True), ("he would act within days", "Reuters", True)]


def test_an_agencys_own_story_told_to_the_agency_is_first_hand(extract_text):
    body = ('ALBANY, N.Y. (AP) — Gov. Thomas Whitfield declared an emergency. "We will not leave anyone in the '
            'cold," Whitfield told The Associated Press.')
    quote = next(q for q in extract_text(body, outlet="AP") if q.kind == "direct")
    assert (quote.speaker, quote.outlet, quote.relayed) == ("Thomas Whitfield", "Associated Press", False)


def test_a_wire_dateline_is_nobodys_words(extract_text):
    body = "LONDON, Dec. 8 (AP) — British rail workers will strike next week, their union said on Tuesday."
    [claim] = extract_text(body)
    assert (claim.text, claim.speaker) == ("British rail workers will strike next week", "their union")
    assert (claim.outlet, claim.relayed) == ("Associated Press", True)


def test_a_sentence_opener_tagged_as_a_name_is_no_part_of_it(extractor):
    from quotetrack.people import proper_runs, run_words

    doc = extractor.nlp("Though Trump lost the state, he said it was a win.")
    assert doc[0].tag_ == "NNP"  # the tagger's guess this guards against
    assert [run_words(run) for run in proper_runs(doc)] == [["Trump"]]


@pytest.mark.parametrize("text, speaker", [
    ("The Sanders campaign on Monday said the vote was rigged.", "The Sanders campaign"),
    ("The report on Wednesday said wages fell.", "The report"),
    ("Officials in the capital said the vote was fair.", "Officials in the capital"),
])
def test_a_description_ends_before_a_time(extract_text, text, speaker):
    assert [q.speaker for q in extract_text(text)] == [speaker]


def test_a_day_after_the_cue_is_nobody(extract_text):
    # the parse sets "Weaver" apart from "said", so the cue has no subject to name
    claims = extract_text("Weaver said Monday that the senator will arrive at the convention.")
    assert [q.text for q in claims] == ["that the senator will arrive at the convention"]
    assert "Monday" not in [q.speaker for q in claims]


def test_a_party_and_state_in_parentheses_is_no_speaker(extract_text):
    text = ("Thursday at the Republican Jewish Coalition conference in Washington, D.C., Republican, presidential "
            "candidate Sen. Lindsey Graham (R-SC) called out his rival Donald Trump for alienating Hispanics.")
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert [(q.speaker, q.speaker_mention.text) for q in claims] == [("Lindsey Graham", "Sen. Lindsey Graham")]


@pytest.mark.parametrize("text, speaker", [
    ("Fox News Vice President and Washington Managing Editor Bill Sammon expressed the network’s frustration.",
     "Bill Sammon"),
    # a surname that is also a title word names its own person
    ("Paul Singer and John Faso backed the bill. Singer and Faso did not respond to a request for comment.",
     "Paul Singer"),
])
def test_a_name_the_parse_joins_to_a_title_is_the_speaker(extract_text, text, speaker):
    claims = [q for q in extract_text(text) if q.kind == "indirect"]
    assert claims[-1].speaker == speaker


def test_a_label_opening_a_colon_line_names_nobody(extract_text):
    text = ("Gov. John Kasich spoke in Ohio on Monday.\n\nTranscript as follows:\n\n"
            "\"We are going to go all the way. We will win Ohio.\"")
    assert [(q.text, q.speaker) for q in quotes(extract_text, text)] == \
        [("We are going to go all the way. We will win Ohio.", None)]


def test_marks_around_no_word_are_no_quote(extract_text):
    text = 'He wrote “…” and left.\n\n"Real words," Jan Nowak said.'
    assert [(q.text, q.speaker) for q in quotes(extract_text, text)] == [("Real words,", "Jan Nowak")]


def test_the_verb_after_a_relative_clause_belongs_to_the_name_before_it(extract_text):
    body = ("Stuart Stevens, who served as Mitt Romney's chief strategist during the 2012 campaign, called Trump's "
            'statements and actions on Sunday "childish."')
    assert [(q.text, q.speaker, q.speaker_mention.text) for q in quotes(extract_text, body)] == [
        ("childish.", "Stuart Stevens", "Stuart Stevens")]


def test_the_name_before_a_long_aside_speaks_not_the_last_name_in_it(extract_text):
    body = ("“Very good reporter, very good reporter this guy,” Trump, the 2016 GOP presidential frontrunner "
            "nationally and current polling leader in South Carolina by a wide margin after winning the New "
            "Hampshire primaries, said when Boyle asked him a question.")
    assert [(q.speaker, q.speaker_mention.text) for q in quotes(extract_text, body)] == [("Trump", "Trump")]


def test_a_description_after_an_opening_phrase_speaks_not_the_name_in_the_phrase(extract_text):
    body = ("In an interview with Morning Joe hosts Joe Scarborough and Mika Brzezinski, the Democratic presidential "
            "candidate stated that Trump’s “divisive” comments do not “fit with what I thought I knew about him.”")
    assert {(q.speaker, q.speaker_mention.text) for q in quotes(extract_text, body)} == {
        ("the Democratic presidential candidate", "the Democratic presidential candidate")}


def test_a_foretold_quote_is_the_speakers_not_the_excerpts(extract_text):
    body = ("President Barack Obama will speak on Wednesday. “Nothing truly prepares you for the demands of the Oval Office,” "
            "the president will say, according to excerpts of his speech released by the White House.")
    assert [(q.speaker, q.speaker_mention.text) for q in quotes(extract_text, body)] == [
        ("Barack Obama", "the president")]


def test_a_future_answer_inside_a_report_is_the_reporters(extract_text):
    body = "Barack Obama said he expected that Americans will say “no” to Trump’s policy measures."
    assert [(q.text, q.speaker) for q in quotes(extract_text, body)] == [("no", "Barack Obama")]


def test_at_one_point_is_no_speaker(extract_text):
    body = ("Chris Christie has battled with the mayor over the city’s finances, at one point calling the mayor a "
            "\"liar\" who was not \"honorable.\"")
    assert [(q.text.rstrip("."), q.speaker) for q in quotes(extract_text, body)] == [
        ("liar", "Chris Christie"), ("honorable", "Chris Christie")]


def test_a_surname_the_tagger_read_as_a_modal_is_the_speaker(extract_text):
    body = ("Fox News contributor George Will renewed his feud with Donald Trump this week.\n\n"
            "“This might hasten the eclipse of Carly Fiorina, Ben Carson and especially Donald Trump,” Will wrote.")
    assert [(q.speaker, q.speaker_mention.text) for q in quotes(extract_text, body)] == [("George Will", "Will")]


def test_a_preposition_the_parse_made_the_subject_is_no_speaker(extract_text):
    body = "“He’s a circus act.” Of Carson, Levine, who has given money to Marco Rubio, said, “He’s flat-out scary.”"
    assert [(q.text, q.speaker) for q in quotes(extract_text, body) if q.speaker] == [
        ("He’s flat-out scary.", "Levine")]


def test_a_verb_the_parse_hung_on_the_opening_name_attributes_the_quote_before(extract_text):
    body = "“Not us but can’t argue with it!” Murphy, the head of Right to Rise USA, Tweeted on Friday."
    assert [(q.speaker, q.speaker_mention.text) for q in quotes(extract_text, body)] == [("Murphy", "Murphy")]


@pytest.mark.parametrize("body, speaker, mention", [
    # a partitive is someone unnamed; its apposition names them
    ('"There won\'t be a path for Bernie to succeed," said one of those advisers, who spoke on the condition '
     "of anonymity.", "one of those advisers", "one of those advisers"),
    ("In a statement, one of the family's attorneys, Justin Bamberg, said, \"The videos show it.\"",
     "Justin Bamberg", "Justin Bamberg"),
    # the parse takes the speaker after an inverted cue for its object
    ('"It\'s not politically correct to say anything against migrants," tweeted a German user from Hanover '
     "going by the handle Pulvermann.", "a German user from Hanover", "a German user from Hanover"),
    ('"Imagine Brad Thor going up against Trump and Clinton on the same stage," mused Blaze co-host Stu '
     "Burguiere.", "Stu Burguiere", "Stu Burguiere"),
    # a place in the description set off after the name
    ("But in a conference call with reporters on Dec. 2, Col. Steven H. Warren, a military spokesman in Baghdad, "
     'said, "I mean, a raid is a combat operation."', "Steven H. Warren", "Col. Steven H. Warren"),
    # a quote inside the aside between the name and the cue
    ('"We\'ve had more successful conventions than this one," Texas delegate Bill Eastland, wearing a cowboy '
     'hat and "Ted Cruz" campaign pins, said matter-of-factly.', "Bill Eastland", "Bill Eastland"),
])
def test_speakers_the_parse_leaves_without_a_subject(extract_text, body, speaker, mention):
    [quote] = quotes(extract_text, body)
    assert (quote.speaker, quote.speaker_mention.text) == (speaker, mention)




@pytest.mark.parametrize("body, speakers", [
    # a namesake only mentioned does not take the surname the article calls someone by
    ('"I will tell the truth," Sen. Ted Cruz said. Cruz spoke in Iowa. Trump shared a photo of Heidi Cruz '
     'on Twitter.\n\n"I am not in the habit of supporting people who attack my wife," Cruz said.',
     ["Ted Cruz", "Ted Cruz"]),
    # one who speaks and acts, named last, does
    ("Donald Trump spoke on Monday. Trump said he had given millions. Eric Trump said his foundation "
     'had gained.\n\n"My father has given me and my foundation a lot," Trump said.', ["Eric Trump"]),
])
def test_a_bare_surname_among_namesakes(extract_text, body, speakers):
    assert [q.speaker for q in quotes(extract_text, body)] == speakers


@pytest.mark.parametrize("body, speaker", [
    ('Secretary-General Ban Ki-moon arrived on Monday.\n\n"I am grateful to all the parties," Ban said.',
     "Ban Ki-moon"),  # a family name put first
    ('Donald J. Trump grew up in Queens with his brother Freddy.\n\n"I was too young," Donald said.',
     "Donald J. Trump"),
    ('Peabody Energy spun off the company.\n\n"The spinoff was a success," Peabody said.', "Peabody"),  # no given name
])
def test_a_single_name_that_opens_one_full_name_is_that_person(extract_text, body, speaker):
    assert [q.speaker for q in quotes(extract_text, body)] == [speaker]


def test_the_writer_vouching_for_the_words_did_not_speak_them(extractor):
    from quotetrack.reader import article_from_text

    article = article_from_text('Headline\n\nDonald Trump spoke in Nevada. No wonder Trump said, and I quote, '
                                '"We love the poorly educated."', "test.txt")
    article.author = "Sy Burr"  # "I" in the text is the writer
    assert [(q.speaker, q.cue.text) for q in extractor.extract(article)] == [("Donald Trump", "said")]


def test_an_adverb_opening_the_sentence_is_no_part_of_the_name_after_it(extract_text):
    body = 'Donald Trump spoke in Nevada. First Trump goes to Louisiana, now to Mexico. "We will win," Trump said.'
    assert [q.speaker for q in quotes(extract_text, body)] == ["Donald Trump"]


def test_speaking_on_condition_of_anonymity_says_nothing(extract_text):
    body = ("Gov. Alejandro Garcia Padilla faces a dilemma.\n\n''The decision is like choosing how to die,'' said one "
            "person with knowledge of the governor's dilemma, who spoke on the condition of anonymity. ''I've never "
            "seen anything like it.''")
    assert [(q.speaker, q.cue.text) for q in quotes(extract_text, body)] == [("one person", "said")] * 2


@pytest.mark.parametrize("body, speaker", [
    ('Hillary Clinton spoke in Arkansas.\n\nHere\'s Clinton in December 1992: "I suppose I could have stayed home '
     'and baked cookies."', "Hillary Clinton"),
    ('The panel released a report on Monday. From the report: "In general, samples produced more accurate '
     'results."', "the report"),
])
def test_lines_introduced_by_here_or_from_and_a_colon(extract_text, body, speaker):
    assert [(q.speaker, q.sieve) for q in quotes(extract_text, body)] == [(speaker, "colon")]


def test_names_in_the_header_are_no_mentions(extractor):
    from quotetrack.reader import article_from_text

    text = ("---\n# A Clinton Speaks\nAnn Ray\nToledo Blade, Toledo\n2008-03-05\n---\n\n"
            "Clinton visited a factory in Toledo on Wednesday. \"Jobs are the issue in this state,\" Clinton said.\n")
    [q] = extractor.extract(article_from_text(text, "blade.txt"))
    assert (q.text, q.speaker) == ("Jobs are the issue in this state,", "Clinton")  # not "Clinton Speaks"
