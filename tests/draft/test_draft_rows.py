"""Draft rows as a claims file: columns, ids, validation, and --merge with the shipped claims.csv."""

from dataclasses import replace

from checker.claims import COLUMNS, parse_claims
from checker.draft import draft_claims, to_csv
from checker.models import Kind
from support import ROOT, SHARED_DATA

SEED = SHARED_DATA.parent / "seed" / "article.txt"

MCCONNELL = (
    "US Senators called for even more weapons to be provided to Ukraine, with US Senate Minority Leader Mitch "
    "McConnell demanding that the White House provide Ukraine with the long-range ATACMS missile.\n\n"
    "“The Ukrainians need more weapons than what we’re giving them,” McConnell said.\n"
)


def test_the_csv_has_the_claims_columns_and_validates_with_no_error():
    rows = draft_claims(MCCONNELL)

    text = to_csv(rows)
    parsed = parse_claims(text.encode("utf-8"))

    assert text.splitlines()[0] == ",".join(COLUMNS)
    assert [p.code for p in parsed.errors] == []
    assert [(c.id, c.kind, c.expected, c.subject, c.speaker, c.sources) for c in parsed.claims] == [
        ("title-mitch-mcconnell", Kind.ATTRIBUTION, "Senate Minority Leader", "Mitch McConnell", "", ()),
        ("quote-mcconnell-ukrainians-need", Kind.QUOTE, "The Ukrainians need more weapons than what we’re giving "
         "them", "", "Mitch McConnell", ()),
    ]
    assert parsed.claims[1].claim == "“The Ukrainians need more weapons than what we’re giving them,” McConnell said."


def test_rows_already_in_a_claims_file_are_not_drafted_again_and_new_ids_do_not_collide():
    existing = parse_claims(to_csv(draft_claims(MCCONNELL)).encode("utf-8")).claims
    renamed = (replace(existing[0], id="quote-roe-pass-bill"),)  # an existing id the new draft would take
    # Synthetic sentences, written for this test.
    article = MCCONNELL + '\nSenator Jane Roe said, "We will pass the bill this week."\n'

    assert draft_claims(article, existing) != []
    assert [row.id for row in draft_claims(article, existing)] == ["title-jane-roe", "quote-roe-pass-bill"]
    assert [row.id for row in draft_claims(article, renamed)] == [
        "quote-mcconnell-ukrainians-need", "title-jane-roe", "quote-roe-pass-bill-2"]


def test_merging_the_shipped_claims_file_leaves_only_what_it_lacks(shared_data):
    shipped = parse_claims((ROOT / "claims.csv").read_bytes()).claims

    rows = draft_claims(SEED.read_text(encoding="utf-8"), shipped)

    assert [(row.id, row.kind, row.expected) for row in rows] == [
        ("wording-defensive-manner", Kind.WORDING, "defensive manner"),
        ("ordinal-first-in-person", Kind.ORDINAL, "first"),
    ]


def test_the_seed_draft_has_unique_readable_ids_and_every_row_says_why(shared_data):
    rows = draft_claims(SEED.read_text(encoding="utf-8"))

    ids = [row.id for row in rows]
    assert len(ids) == len(set(ids)) == 42
    assert ids[:6] == ["count-six-month-old-invasion", "count-dozens-miles", "count-thousands-russian",
                       "amount-600-million", "amount-50-billion", "ordinal-21st-drawdown"]
    assert all(row.notes and row.claim and not row.sources for row in rows)
