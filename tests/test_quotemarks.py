"""The quote-mark scanner: which spans are quotes, their flags, and exact offsets."""
import pytest

from quotetrack.quotemarks import paragraphs, scan


def found(text):
    """(quoted text, flags) of every span; each span's offsets must slice its text exactly."""
    out = []
    for s in scan(text):
        assert 0 <= s.open_mark < s.start <= s.end <= len(text)
        assert text[s.open_mark] == s.mark or (s.mark == '"' and text[s.open_mark:s.open_mark + 2] == "''")
        if s.close_mark is not None:
            assert s.end <= s.close_mark
        out.append((text[s.start:s.end], s.flags))
    return out


@pytest.mark.parametrize("text, expected", [
    # the kinds of marks
    ('The minister said "we will win" on Monday.', [("we will win", [])]),
    ("The minister said “we will win” on Monday.", [("we will win", [])]),
    ("The minister said ''we will win'' on Monday.", [("we will win", [])]),
    ("Le ministre a dit «nous gagnerons» lundi.", [("nous gagnerons", [])]),
    ("Le ministre a dit « nous gagnerons » lundi.", [("nous gagnerons", [])]),
    ("Der Minister sagte „wir werden gewinnen“ am Montag.", [("wir werden gewinnen", [])]),
    ("Der Minister sagte „wir werden gewinnen” am Montag.", [("wir werden gewinnen", [])]),
    ("The minister said ‘we will win’ on Monday.", [("we will win", [])]),
    ("The minister said 'we will win' on Monday.", [("we will win", [])]),
    ('"First," she said, "and second."', [("First,", []), ("and second.", [])]),
    ('("Yes") was the answer.', [("Yes", [])]),
    # a paragraph may open with a wrongly curled closing mark
    ("Intro.\n\n” … what I learned is that ‘terrorists’ is heard as a slur,” he said.",
     [("… what I learned is that ‘terrorists’ is heard as a slur,", [])]),
    ("Intro.\n\n” he said.", []),
    ("Intro.\n\n\u202a”Children are gifts,” said John.", [("Children are gifts,", [])]),
])
def test_marks(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # apostrophes are never quote marks
    ("I don’t know what Putin’s aide meant.", []),
    ("I don't know what Putin's aide meant.", []),
    ("Back in the ’90s the market was small.", []),
    ("Back in the '90s the market was small.", []),
    ("Back in the ‘90s the market was small.", []),  # wrongly curled, still an apostrophe
    ("Jones’ book sold well.", []),
    ("Jones' book sold well.", []),
    ("He loved rock ’n’ roll all his life.", []),
    ("He loved rock 'n' roll all his life.", []),
    ("He loved rock ‘n’ roll all his life.", []),
    ("O’Brien and the ’80s crowd don’t agree.", []),
    ("They fought in 'Nam and came home.", []),
    # ... also when a quote mark is near
    ("Back in the ’90s it was ‘different,’ he said.", [("different,", [])]),
    ("In the ’90s, “Jones’ book” was read by rock ’n’ roll fans.", [("Jones’ book", [])]),
    ("“We don’t need Putin’s help,” he said.", [("We don’t need Putin’s help,", [])]),
    ("‘We don’t need it,’ he said.", [("We don’t need it,", [])]),
    ("'We don't need it,' he said.", [("We don't need it,", [])]),
    ("'2008 was a good year,' he said.", [("2008 was a good year,", [])]),
    ("O’Brien said ‘no.’", [("no.", [])]),
    ("It's the students' 'right', he said.", [("right", [])]),
    # a plural possessive inside a single-quoted quote, unless the next mark opens a quote
    ("'The companies' offer doesn't cover inflation,' said Dave Kerrigan.",
     [("The companies' offer doesn't cover inflation,", [])]),
    ("‘It was James’ fault,’ said Mary Jones.", [("It was James’ fault,", [])]),
    ("He called them 'the workers' and left. Then she said 'fine' and went.", [("the workers", []), ("fine", [])]),
    ("She loved 'The Simpsons' as a child, her parents' friends said.", [("The Simpsons", [])]),
    ("'The workers' offer is fair, the owners' is not,' she said.", [("The workers' offer is fair, the owners' is not,", [])]),
    # feet and inches
    ("Trump is 6'3\" tall and weighs 236 pounds, the letter said.", []),
    ("She is 5’2” and “proud of it,” she said.", [("proud of it,", [])]),
    # an elision that never closes does not hide the quote after it
    ('They fought in \'Nam, a "hell on earth," he said.', [("hell on earth,", [])]),
    ("They fought in 'Nam, a 'hell on earth,' he said.", [("hell on earth,", [])]),
])
def test_apostrophes(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # nested quotes stay inside one quote
    ("“I read ‘War and Peace’ twice,” she said.", [("I read ‘War and Peace’ twice,", [])]),
    ('"I read \'War and Peace\' twice," she said.', [("I read 'War and Peace' twice,", [])]),
    ("“I read ‘War and Peace’,” she said.", [("I read ‘War and Peace’,", [])]),
    ("“He told me ‘go home.’”", [("He told me ‘go home.’", [])]),
    ("‘He told me “go home”,’ she said.", [("He told me “go home”,", [])]),
    ("«Il a dit „non“ hier», a-t-elle ajouté.", [("Il a dit „non“ hier", [])]),
    ('She called it "a \'wound\' that won\'t heal."', [("a 'wound' that won't heal.", [])]),
    # several sentences in one quote
    ("“We agree. We always did! Will we always? Yes,” he said.",
     [("We agree. We always did! Will we always? Yes,", [])]),
    ('He said: "One. Two. Three." Then he left.', [("One. Two. Three.", [])]),
    # a closing mark whose opening one the text lost opens nothing
    ('Oz took Trump through a review of [his] systems" including his heart. The only "medical records" were '
     'a letter.', [("medical records", [])]),
])
def test_nested_and_long(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a paragraph that opens a quote without closing it, continued by the next one
    ("“The first part.\n\n“The second part,” he said.",
     [("The first part.", ["continues"]), ("The second part,", ["continued"])]),
    ("“One.\n\n“Two.\n\n“Three,” he said.",
     [("One.", ["continues"]), ("Two.", ["continued", "continues"]), ("Three,", ["continued"])]),
    ('"One.\n\n"Two," he said.', [("One.", ["continues"]), ("Two,", ["continued"])]),
    ("‘One.\n\n‘Two,’ he said.", [("One.", ["continues"]), ("Two,", ["continued"])]),
    ("«Un.\n\n«Deux», dit-il.", [("Un.", ["continues"]), ("Deux", ["continued"])]),
    ("„Eins.\n\n„Zwei“, sagte er.", [("Eins.", ["continues"]), ("Zwei", ["continued"])]),
    # a mark that never closes is recovered at its paragraph end, and nothing after is swallowed
    ("He said “this never ends.\n\nLater a “real quote” came.",
     [("this never ends.", ["unclosed"]), ("real quote", [])]),
    ('He said "this never ends.\n\nLater a "real quote" came.',
     [("this never ends.", ["unclosed"]), ("real quote", [])]),
    ("He said «this never ends.\n\nLater a «real quote» came.",
     [("this never ends.", ["unclosed"]), ("real quote", [])]),
    ("He said “this never ends   \n\nThe next paragraph.\n\nAnd “one more.”",
     [("this never ends", ["unclosed"]), ("one more.", [])]),
    ("He said “this never ends", [("this never ends", ["unclosed"])]),
    # a text without blank lines has one paragraph per line
    ("He said “this never ends.\nLater a “real quote” came.",
     [("this never ends.", ["unclosed"]), ("real quote", [])]),
    # a quote left open at the end of a line that is a paragraph, though the text has blank lines
    ("Headline\n\n“It is a dog whistle,” Moore said. “If indeed he is not legitimate, how can you feel good.\n"
     "“I have been thinking,” added Clyburn. “These are howls.”\nTrump has low support.\n\nEnd.",
     [("It is a dog whistle,", []), ("If indeed he is not legitimate, how can you feel good.", ["continues"]),
      ("I have been thinking,", ["continued"]), ("These are howls.", [])]),
])
def test_paragraphs(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("No quotes at all.", []),
    ("Nothing to quote: “” here.", []),
    ("“”", []),
])
def test_nothing_to_find(text, expected):
    assert found(text) == expected


def test_offsets_index_the_whole_text():
    text = "Headline\n\nThe mayor said “taxes will fall” today.\n\n“Not soon,” she added."
    spans = scan(text)
    assert [(s.start, s.end) for s in spans] == [(26, 41), (52, 61)]
    assert [text[s.start:s.end] for s in spans] == ["taxes will fall", "Not soon,"]
    assert [(s.open_mark, s.close_mark) for s in spans] == [(25, 41), (51, 61)]


def test_unclosed_quote_ends_at_its_paragraph():
    text = "He said “no end in sight.\n\nThe second paragraph has no quotes.\n"
    [span] = scan(text)
    assert span.close_mark is None
    assert span.end == text.index("\n\n")
    assert "second" not in text[span.start:span.end]


@pytest.mark.parametrize("text, expected", [
    ("one\n\ntwo\n \nthree", ["one", "two", "three"]),
    ("one\ntwo\nthree", ["one", "two", "three"]),
    ("one\ntwo\n\nthree", ["one\ntwo", "three"]),
    # lines that end where sentences end are paragraphs, blank lines elsewhere or not
    ("Headline\n\nOne sentence.\nTwo sentences.\n“Three.”\nFour!\n\nFive.",
     ["Headline", "One sentence.", "Two sentences.", "“Three.”", "Four!", "Five."]),
    # a hard-wrapped text keeps its lines together
    ("Headline\n\nThe mayor said on Monday that\nthe budget would be balanced\nby the end of the year.\n\nNext.",
     ["Headline", "The mayor said on Monday that\nthe budget would be balanced\nby the end of the year.", "Next."]),
])
def test_paragraph_split(text, expected):
    assert [text[s:e] for s, e in paragraphs(text)] == expected
