"""A re-recording run compares each source with its earlier recording."""

from checker.fetch.cassette import Recording, sha256
from checker.fetch.changes import SourceChange, compare, text_diff
from checker.models import FailureReason, FetchFailure

URL = ("https://bidenwhitehouse.archives.gov/briefing-room/presidential-actions/2022/09/15/"
       "memorandum-on-the-delegation-of-authority-under-section-506a1-of-the-foreign-assistance-act-of-1961-14/")

# The memorandum of 2022-09-15 (White House, a US government work), as its page gave it.
MEMO = """MEMORANDUM FOR THE SECRETARY OF STATE

By the authority vested in me as President by the Constitution and the
laws of the United States of America, including section 621 of the
Foreign Assistance Act of 1961 (FAA), I hereby delegate to the Secretary
of State the authority under section 506(a)(1) of the FAA to direct the
drawdown of up to $600 million in defense articles and services of the
Department of Defense, and military education and training, to provide
assistance to Ukraine and to make the determinations required under such
section to direct such a drawdown.

You are authorized and directed to publish this memorandum in
the Federal Register.
"""
# SYNTHETIC: the same memorandum with its figure altered, as a page edited after the fact would be.
EDITED = MEMO.replace("$600 million", "$675 million")


def recording(text: str, status: int = 200) -> Recording:
    body = text.encode("utf-8")
    return Recording(URL, status, {"Content-Type": "text/plain; charset=utf-8",
                                   "X-Checker-Content-Sha256": sha256(body)}, body)


def test_the_same_body_is_unchanged():
    assert compare(URL, recording(MEMO), recording(MEMO)) == SourceChange(URL, "unchanged")


def test_another_body_is_changed_with_a_diff_of_the_extracted_text():
    change = compare(URL, recording(MEMO), recording(EDITED))

    assert change.status == "changed"
    assert change.detail == f"sha256 {sha256(MEMO.encode())[:12]} -> {sha256(EDITED.encode())[:12]}"
    assert change.diff == (
        "-drawdown of up to $600 million in defense articles and services of the\n"
        "+drawdown of up to $675 million in defense articles and services of the"
    )


def test_the_hash_compared_is_the_one_the_old_recording_states():
    old = Recording(URL, 200, {"Content-Type": "text/plain", "X-Checker-Content-Sha256": sha256(b"other")},
                    MEMO.encode())

    assert compare(URL, old, recording(MEMO)).status == "changed"


def test_a_source_that_now_fails_is_newly_failing_and_keeps_its_recording():
    blocked = FetchFailure(URL, FailureReason.BLOCKED, "HTTP 403")

    assert compare(URL, recording(MEMO), blocked) == SourceChange(
        URL, "newly_failing", "blocked: HTTP 403; the earlier recording is kept")


def test_a_recorded_failure_that_now_reads_has_recovered():
    assert compare(URL, recording("Access Denied", status=403), recording(MEMO)) == SourceChange(
        URL, "recovered", "was blocked: HTTP 403")


def test_a_recorded_failure_still_failing_is_unchanged():
    dead = FetchFailure(URL, FailureReason.DEAD, "HTTP 404")

    assert compare(URL, recording("Access Denied", status=403), dead) == SourceChange(
        URL, "unchanged", "still failing (dead: HTTP 404)")


def test_a_first_recording_is_new_and_a_first_failure_is_no_change():
    assert compare(URL, None, recording(MEMO)) == SourceChange(URL, "new")
    assert compare(URL, None, FetchFailure(URL, FailureReason.DEAD, "HTTP 404")) is None


def test_a_snapshot_says_where_it_came_from():
    snapshot = recording(MEMO)
    snapshot.headers.update({"X-Checker-Provenance": "archived-snapshot",
                             "X-Checker-Snapshot-Timestamp": "20220915183012"})

    assert compare(URL, None, snapshot) == SourceChange(URL, "new", "from archived snapshot 20220915183012")


def test_the_diff_is_sentence_by_sentence_and_capped():
    old = " ".join(f"Sentence {n} stays." for n in range(30))
    new = " ".join(f"Sentence {n} {'moved' if n % 2 else 'stays'}." for n in range(30))

    diff = text_diff(old, new, max_lines=4, width=20)

    assert diff.splitlines() == [
        "-Sentence 1 stays.",
        "+Sentence 1 moved.",
        "-Sentence 3 stays.",
        "+Sentence 3 moved.",
        "… 26 more changed line(s)",
    ]


def test_a_long_line_is_clipped():
    assert text_diff("a", "b" * 50, width=10) == "-a\n+bbbbbbbb…"


def test_a_change_renders_as_a_dict_and_a_line():
    change = SourceChange(URL, "newly_failing", "dead: HTTP 404")

    assert change.as_dict() == {"url": URL, "status": "newly_failing", "detail": "dead: HTTP 404", "diff": ""}
    assert change.describe() == f"newly_failing  {URL}  (dead: HTTP 404)"
