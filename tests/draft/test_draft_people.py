"""People and titles read from real text: the seed article and White House documents (public domain)."""

from checker.draft import draft_claims
from checker.draft.documents import find_documents
from checker.draft.people import find_people
from checker.models import Kind


def titles(text: str) -> list[tuple[str, str, str]]:
    return [(row.subject, row.expected, row.notes) for row in draft_claims(text) if row.kind is Kind.ATTRIBUTION]


def test_a_title_before_the_name_without_its_nationality_and_one_in_apposition():
    text = ("As the US escalated its involvement in the war against Russia and its conflict with China, Russian "
            "president Vladimir Putin and Chinese President Xi Jinping held their first in-person meeting.\n\n"
            "“The momentum has really shifted,” declared former US Army Europe Commander Ben Hodges.\n\n"
            "In a statement to the Financial Times, Alexander Gabuev, senior fellow at the Carnegie Endowment for "
            "International Peace, commented.")

    assert titles(text) == [
        ("Vladimir Putin", "president", "title given to a named person (before the name); qualifier 'Russian' left out"),
        ("Xi Jinping", "President", "title given to a named person (before the name); qualifier 'Chinese' left out"),
        ("Ben Hodges", "former US Army Europe Commander", "title given to a named person (before the name)"),
        ("Alexander Gabuev", "senior fellow", "title given to a named person (after the name, in apposition)"),
    ]


def test_titles_with_of_and_middle_initials():
    text = ("Secretary of State Antony J. Blinken met Ukrainian President Volodymyr Zelenskyy. Later, President "
            "Zelenskyy spoke with Senator Jim Risch.")

    assert [(subject, title) for subject, title, _ in titles(text)] == [
        ("Antony J. Blinken", "Secretary of State"), ("Volodymyr Zelenskyy", "President"), ("Jim Risch", "Senator")]


def test_later_surnames_resolve_to_the_full_name_and_words_inside_quotes_are_not_mentions():
    text = ("Similar tensions were on display in Putin’s discussion with Indian President Narendra Modi. “I know "
            "that today’s era is not an era of war,” Modi told Putin.")
    quoted = [(text.index("“"), text.index("”") + 1)]

    mentions = find_people(text, quoted)

    assert [(m.written, m.person, m.how) for m in mentions] == [
        ("Narendra Modi", "Narendra Modi", "title"),
        ("Modi", "Narendra Modi", "surname"),
        ("Putin", "Putin", "speech verb"),
    ]


def test_a_surname_named_in_full_only_later_resolves_forward():
    text = "Putin spoke first. Then Russian President Vladimir Putin left."

    assert [(m.written, m.person, m.how) for m in find_people(text)] == [
        ("Putin", "Vladimir Putin", "surname (named later)"), ("Vladimir Putin", "Vladimir Putin", "title")]


def test_named_bills_and_laws():
    text = ("On Wednesday, the Senate Foreign relations Committee voted to move forward the Taiwan Policy Act. "
            "The Bill states it. Biden signed the Inflation Reduction Act of 2022 and H.R. 5376 at Yale Law School, "
            "and urged the Freedom to Vote Act and the John Lewis Voting Rights Advancement Act.")

    assert [document.name for document in find_documents(text)] == [
        "Taiwan Policy Act", "Inflation Reduction Act of 2022", "H.R. 5376", "Freedom to Vote Act",
        "John Lewis Voting Rights Advancement Act"]
    assert [(row.id, row.subject) for row in draft_claims(text) if row.kind is Kind.STATEMENT] == [
        ("doc-taiwan-policy-act", "Taiwan Policy Act"),
        ("doc-inflation-reduction-act-2022", "Inflation Reduction Act of 2022"),
        ("doc-h-r-5376", "H.R. 5376"),
        ("doc-freedom-vote-act", "Freedom to Vote Act"),
        ("doc-john-lewis-voting-rights-advancement", "John Lewis Voting Rights Advancement Act"),
    ]
