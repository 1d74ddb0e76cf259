from checker.match.common import CONTEXT, evidence_for
from checker.models import Document, Passage

# The 2022-09-16 White House press briefing (bidenwhitehouse.archives.gov; public domain).
TEXT = ("And you just saw, I think, yesterday, we — last night, we announced our 21st package of security "
        "assistance using Presidential Drawdown Authorities.  This is a $600 million package that includes "
        "ammunition for those HIMARS systems that you're all familiar with now.")


def test_evidence_carries_its_locator_and_the_words_around_it():
    start = TEXT.index("This is a $600 million")
    end = start + len("This is a $600 million package")
    document = Document(url="https://example.gov/b", text=TEXT, passages=(Passage(TEXT, 0, len(TEXT), "para 36"),))

    evidence = evidence_for(document, start, end, "amount found")

    assert (evidence.text, evidence.locator, evidence.note) == ("This is a $600 million package", "para 36",
                                                               "amount found")
    assert evidence.before + evidence.text + evidence.after in TEXT
    assert evidence.before.endswith("Authorities.  ") and len(evidence.before) <= CONTEXT
    assert evidence.after.startswith(" that includes ammunition")
    assert evidence.before == TEXT[:start]  # the whole 150 characters before fit


def test_context_is_cut_at_a_word_boundary():
    text = "word " * 100 + "TARGET" + " more" * 100
    start = text.index("TARGET")
    document = Document(url="u", text=text)

    evidence = evidence_for(document, start, start + len("TARGET"))

    assert evidence.before.startswith("word ") and len(evidence.before) <= CONTEXT
    assert evidence.after.endswith("more") and len(evidence.after) <= CONTEXT
