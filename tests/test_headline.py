"""Title-case headlines are given to the parser in sentence case, with the same length."""
import pytest

from quotetrack.headline import sentence_case


@pytest.mark.parametrize("text, expected", [
    ("Pence Endorses Paul Ryan With Trump’s Blessing\n\nBody Of The Article.",
     "Pence endorses Paul Ryan with Trump’s Blessing\n\nBody Of The Article."),
    ("Dinesh D’Souza Just Made HUGE Prediction About 2016 Presidency",
     "Dinesh D’Souza just made HUGE Prediction about 2016 Presidency"),
    # already a sentence, a label that names the source, too short to tell: left alone
    ("In two-front war, Clinton targets Trump’s housing crash gain.\n",
     "In two-front war, Clinton targets Trump’s housing crash gain.\n"),
    ("Roger Stone: Don’t Trust The Voting Machines\n", "Roger Stone: Don’t Trust The Voting Machines\n"),
    ("Trump Wins\n", "Trump Wins\n"),
])
def test_sentence_case(text, expected):
    out = sentence_case(text)
    assert out == expected
    assert len(out) == len(text)
