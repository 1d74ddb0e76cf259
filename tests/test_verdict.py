from checker.models import Claim, Evidence, Finding, Kind, SourceCheck, Verdict
from checker.verdict import at_or_past, decide

CLAIM = Claim(id="aid-600m", claim="an additional $600 million", kind=Kind.AMOUNT, expected="$600 million",
              sources=("https://a.example/", "https://b.example/"))


def read(url: str, verdict: Verdict, score: float, reason: str) -> SourceCheck:
    evidence = (Evidence(url, f"text from {url}", 0, 10),)
    return SourceCheck(url, "ok", finding=Finding(verdict, score, reason, evidence))


def unread(url: str, status: str = "not_recorded") -> SourceCheck:
    return SourceCheck(url, status, "no recording")


def test_no_source_at_all_is_unavailable_with_its_reason():
    result = decide(CLAIM, ())

    assert (result.verdict, result.reason) == (
        Verdict.SOURCE_UNAVAILABLE, "no_source: claims.csv names no source for this claim")


def test_sources_that_cannot_be_read_keep_their_reasons():
    result = decide(CLAIM, (unread("https://a.example/"), unread("https://b.example/", "blocked")))

    assert result.verdict is Verdict.SOURCE_UNAVAILABLE
    assert result.reason == ("no source could be read: not_recorded: https://a.example/ (no recording); "
                             "blocked: https://b.example/ (no recording)")


def test_one_supporting_source_is_enough_and_its_evidence_comes_first():
    result = decide(CLAIM, (read("https://a.example/", Verdict.NOT_FOUND, 0.0, "no figure"),
                            read("https://b.example/", Verdict.SUPPORTED, 1.0, "source says $600 million")))

    assert (result.verdict, result.score, result.reason) == (Verdict.SUPPORTED, 1.0, "source says $600 million")
    assert [e.url for e in result.evidence] == ["https://b.example/", "https://a.example/"]


def test_sources_that_disagree_need_review():
    result = decide(CLAIM, (read("https://a.example/", Verdict.SUPPORTED, 1.0, "says $600 million"),
                            read("https://b.example/", Verdict.CONTRADICTED, 1.0, "says $700 million")))

    assert result.verdict is Verdict.NEEDS_REVIEW
    assert result.reason == "sources disagree: says $600 million / says $700 million"


def test_an_unread_source_is_named_when_the_verdict_is_not_supported():
    result = decide(CLAIM, (read("https://a.example/", Verdict.NOT_FOUND, 0.0, "no figure for aid"),
                            unread("https://b.example/")))

    assert result.verdict is Verdict.NOT_FOUND
    assert result.reason == "no figure for aid; 1 other source(s) not read (not_recorded)"


def test_fail_on_counts_from_the_threshold_up():
    assert at_or_past(Verdict.CONTRADICTED, Verdict.NOT_FOUND)
    assert at_or_past(Verdict.NOT_FOUND, Verdict.NOT_FOUND)
    assert not at_or_past(Verdict.PARTIALLY_SUPPORTED, Verdict.NOT_FOUND)
