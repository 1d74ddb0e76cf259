"""Quotes drafted from real article text: the seed article (../shared/seed/article.txt) and White House
documents of ../shared/data/wh-briefings (public-domain US government works), quoted here as excerpts."""

from checker.draft import draft_claims
from checker.models import Kind


def quotes(text: str) -> list[tuple[str, str]]:
    return [(row.expected, row.speaker) for row in draft_claims(text) if row.kind is Kind.QUOTE]


MCCONNELL = (
    "US Senators called for even more weapons to be provided to Ukraine, with US Senate Minority Leader Mitch "
    "McConnell demanding that the White House provide Ukraine with the long-range ATACMS missile capable of "
    "striking deep inside Russian territory.\n\n"
    "“The Ukrainians need more weapons than what we’re giving them. They need to start getting them faster, and "
    "they need new capabilities like long-range ATACMS missiles, large drones and tanks,” McConnell said.\n\n"
    "Senator Marco Rubio added, “I think the concern some would say is that the longer-range missiles could target "
    "deep inside of Russia and trigger a broader conflict. I’m not sure I’m as troubled by that.”\n"
)

HODGES = (
    "“The momentum has really shifted in favour of Ukraine and they’re the ones that are literally calling the "
    "shots,” declared former US Army Europe Commander Ben Hodges.\n\n"
    "He added that “we may be looking at the beginning of the collapse of the Russian Federation, adding, “ it’s a "
    "population that by and large is not truly let’s say ethnic Russian, I mean there’s 120 different ethnic groups "
    "out there…\n\n"
    "“I think people out in Tuva and Siberia and Chechnya and others... may see opportunity… to to break away so… "
    "um i think that we... collectively the west need to be... thinking… about what are the implications for this?”\n"
)

PUTIN = (
    "As the US escalated its involvement in the war against Russia and its conflict with China, Russian president "
    "Vladimir Putin and Chinese President Xi Jinping held their first in-person meeting since the start of the war "
    "at the Shanghai Cooperation Organization summit. The crisis triggered by Russia’s military debacle was on "
    "display.\n\n"
    "“We highly appreciate the balanced position of our Chinese friends in connection with the Ukrainian crisis,” "
    "Putin said at the start of the meeting. “We understand your questions and concerns in this regard.”\n\n"
    "Similar tensions were on display in Putin’s discussion with Indian President Narendra Modi. “I know that "
    "today’s era is not an era of war, and I have spoken to you on the phone about this,” Modi told Putin. “I know "
    "your position on the conflict in Ukraine, the concerns that you constantly express,” Putin said. “We will do "
    "everything to stop this as soon as possible.”\n"
)


def test_a_surname_after_the_quote_is_the_full_name_given_earlier_and_a_name_before_the_quote_speaks():
    assert quotes(MCCONNELL) == [
        ("The Ukrainians need more weapons than what we’re giving them. They need to start getting them faster, "
         "and they need new capabilities like long-range ATACMS missiles, large drones and tanks", "Mitch McConnell"),
        ("I think the concern some would say is that the longer-range missiles could target deep inside of Russia "
         "and trigger a broader conflict. I’m not sure I’m as troubled by that.", "Marco Rubio"),
    ]


def test_the_note_says_how_the_speaker_was_read():
    notes = [row.notes for row in draft_claims(MCCONNELL) if row.kind is Kind.QUOTE]

    assert notes == [
        "direct quotation; speaker: attribution after the quote: 'McConnell said'; McConnell = Mitch McConnell, "
        "named earlier",
        "direct quotation; speaker: attribution before the quote: 'Senator Marco Rubio added'",
    ]


def test_a_quote_running_over_paragraphs_cut_by_a_new_opening_mark_keeps_its_speaker_and_he_is_resolved():
    assert quotes(HODGES) == [
        ("The momentum has really shifted in favour of Ukraine and they’re the ones that are literally calling the "
         "shots", "Ben Hodges"),
        ("we may be looking at the beginning of the collapse of the Russian Federation", "Ben Hodges"),
        ("it’s a population that by and large is not truly let’s say ethnic Russian, I mean there’s 120 different "
         "ethnic groups out there…", "Ben Hodges"),
        ("I think people out in Tuva and Siberia and Chechnya and others... may see opportunity… to to break away "
         "so… um i think that we... collectively the west need to be... thinking… about what are the implications "
         "for this?", "Ben Hodges"),
    ]


def test_a_figure_inside_a_quote_is_the_speakers_and_is_not_drafted_apart():
    assert [row.kind for row in draft_claims(HODGES)] == [Kind.QUOTE, Kind.ATTRIBUTION, Kind.QUOTE, Kind.QUOTE,
                                                         Kind.QUOTE]


def test_said_at_the_start_of_the_meeting_told_and_a_following_quote_with_no_attribution():
    assert quotes(PUTIN) == [
        ("We highly appreciate the balanced position of our Chinese friends in connection with the Ukrainian crisis",
         "Vladimir Putin"),
        ("We understand your questions and concerns in this regard.", "Vladimir Putin"),
        ("I know that today’s era is not an era of war, and I have spoken to you on the phone about this",
         "Narendra Modi"),
        ("I know your position on the conflict in Ukraine, the concerns that you constantly express",
         "Vladimir Putin"),
        ("We will do everything to stop this as soon as possible.", "Vladimir Putin"),
    ]


def test_said_before_a_titled_surname_is_the_full_name_given_with_that_title():
    text = ("Allentown Mayor Matt Tuerk visited the White House Thursday as part of\nPresident Biden’s “Building a "
            "Better America” initiative.\n\n“I cannot overemphasize how much the Biden-Harris Administration has\n"
            "positively impacted Allentown residents,” said Mayor Tuerk. “American\nRescue Plan funding allowed us "
            "to make critical investments in our\ninfrastructure and public safety.”")

    assert quotes(text) == [
        ("I cannot overemphasize how much the Biden-Harris Administration has positively impacted Allentown "
         "residents", "Matt Tuerk"),
        ("American Rescue Plan funding allowed us to make critical investments in our infrastructure and public "
         "safety.", "Matt Tuerk"),
    ]


def test_she_is_the_person_named_before_it_in_the_paragraph():
    text = ("In a brief interview on Wednesday, Julie Chavez Rodriguez, the director\nof the White House’s Office of "
            "Intergovernmental Affairs, told the\nCapital-Star that the administration had made a deliberate effort "
            "to\nobtain the perspective of leaders outside the state’s largest cities…“\nWe tried to get a good "
            "cross-section of the state and throughout the\ndifferent regions,” she said.")

    assert quotes(text) == [("We tried to get a good cross-section of the state and throughout the different regions",
                             "Julie Chavez Rodriguez")]


def test_a_quote_interrupted_by_he_said_is_one_quote_and_an_unnamed_he_is_not_guessed():
    text = ("of literature or the written word—when Harry raised his hand.\n\n“Dr. B,” he said, “the only thing I "
            "need to learn how to write is ‘needs\nbrakes.’”")

    rows = [row for row in draft_claims(text) if row.kind is Kind.QUOTE]

    assert [(row.expected, row.speaker) for row in rows] == [
        ("Dr. B \u2026 the only thing I need to learn how to write is ‘needs brakes.’", "")]
    assert rows[0].notes == ("direct quotation; no attribution found; fill in the speaker; interrupted by its "
                             "attribution; parts joined with ' \u2026 '")


def test_straight_quotes_and_a_one_word_scare_quote():
    # Synthetic text, written for this test: straight quotation marks.
    text = 'Senator Jane Roe said, "We will pass the bill this week." Her aide called it "historic".'

    assert quotes(text) == [("We will pass the bill this week.", "Jane Roe")]


def test_one_and_two_word_quotes_are_not_quote_claims_and_a_quoted_bill_phrase_is_wording():
    text = ("The new arms shipment, the 21st such “drawdown” since the start of the war, includes ammunition for the "
            "HIMARS missile system.\n\n"
            "On Wednesday, the Senate Foreign relations Committee voted to move forward the Taiwan Policy Act, a bill "
            "that would send $6.5 billion in weapons to Taiwan.\n\n"
            "The Bill states that “Taiwan shall be treated as though it were designated a major non-NATO ally,” "
            "effectively implementing a military treaty with Taiwan.\n\n"
            "Critically, it replaces provisions that arms provided to Taiwan be used in a “defensive manner” with the "
            "declaration that the US will provide “arms conducive to deterring acts of aggression by the People’s "
            "Liberation Army,” raising the prospect that these weapons could be used in a “preemptive” conflict.\n")

    rows = draft_claims(text)

    assert quotes(text) == []
    assert [(row.kind, row.expected, row.subject) for row in rows if row.kind is Kind.WORDING] == [
        (Kind.WORDING, "Taiwan shall be treated as though it were designated a major non-NATO ally",
         "Taiwan Policy Act"),
        (Kind.WORDING, "defensive manner", "Taiwan Policy Act"),
        (Kind.WORDING, "arms conducive to deterring acts of aggression by the People’s Liberation Army",
         "Taiwan Policy Act"),
    ]


def test_a_quoted_name_in_title_case_is_no_quote():
    text = ("Across the Commonwealth of Pennsylvania, local newspapers and TV\nstations are reporting on the White "
            "House’s “Communities in Action:\nBuilding a Better Pennsylvania” event.")

    assert quotes(text) == []


def test_a_quote_with_no_speech_verb_takes_the_only_person_named_in_its_sentence_and_says_it_is_a_guess():
    text = ("“The momentum has really shifted,” declared former US Army Europe Commander Ben Hodges.\n\n"
            "The statement by Hodges developed his declaration in April, in the aftermath of Russia’s retreat from "
            "Kiev, that the aim of the United States is “breaking the back of Russia’s ability to project power "
            "outside of Russia.”\n")

    last = [row for row in draft_claims(text) if row.kind is Kind.QUOTE][-1]

    assert (last.expected, last.speaker) == ("breaking the back of Russia’s ability to project power outside of "
                                             "Russia.", "Ben Hodges")
    assert last.notes == ("direct quotation; speaker: a guess: no speech verb next to the quote; Hodges is the only "
                          "person named in its sentence")
