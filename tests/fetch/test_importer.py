import hashlib
from datetime import datetime, timezone

from checker.fetch.importer import archived_copy

MEMO = (
    "---\n"
    "date: '2022-09-15'\n"
    "source_url: https://bidenwhitehouse.archives.gov/briefing-room/presidential-actions/2022/09/15/memo/\n"
    "title: \"Memorandum on the Delegation of Authority\"\n"
    "---\n"
    "I hereby delegate ... the drawdown of up to $600 million\n"
).encode("utf-8")


def test_an_archived_copy_says_where_it_came_from_and_loses_its_front_matter():
    recording = archived_copy(
        "https://bidenwhitehouse.archives.gov/briefing-room/presidential-actions/2022/09/15/memo/",
        MEMO,
        source_name="2022-09-15-memo.md",
        content_type="text/markdown",
        origin="brian14708/wh-briefings @ 737ca03a",
        imported_at=datetime(2026, 11, 24, 12, 0, tzinfo=timezone.utc),
    )

    assert recording.body == b"I hereby delegate ... the drawdown of up to $600 million\n"
    assert recording.content_type == "text/markdown; charset=utf-8"
    assert recording.provenance == {
        "provenance": "archived-copy",
        "imported-from": "2022-09-15-memo.md",
        "imported-at": "2026-11-24T12:00:00+00:00",
        "recorded-at": "2026-11-24T12:00:00+00:00",
        "content-sha256": hashlib.sha256(recording.body).hexdigest(),
        "origin": "brian14708/wh-briefings @ 737ca03a",
        "note": "YAML front matter removed at import",
        "title": "Memorandum on the Delegation of Authority",
    }


def test_a_binary_copy_is_kept_byte_for_byte():
    content = b"%PDF-1.7\n---\nnot front matter\n---\n"

    recording = archived_copy("https://www.example.gov/a.pdf", content, source_name="a.pdf",
                              content_type="application/pdf")

    assert recording.body == content
