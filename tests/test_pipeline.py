from datetime import date

from checker.models import Claim, Kind
from checker.pipeline import sources_as_of


def claim(as_of, *urls):
    return Claim(id="c", claim="c", kind=Kind.STATEMENT, sources=urls, as_of=as_of)


def test_each_source_is_fetched_for_the_earliest_date_that_cites_it():
    claims = [claim(None, "a"), claim(date(2022, 9, 16), "a", "b"), claim(date(2022, 9, 15), "a"), claim(None, "b")]

    assert sources_as_of(claims) == {"a": date(2022, 9, 15), "b": date(2022, 9, 16)}


def test_a_recorded_source_that_cannot_be_read_is_an_error_and_the_other_claims_go_on(tmp_path):
    from checker.fetch.cassette import Recording, cassette_path, write_cassette
    from checker.fetch.store import SourceStore
    from checker.models import Verdict
    from checker.pipeline import verify

    broken, good = "https://www.example.gov/broken.pdf", "https://www.example.gov/page.txt"
    write_cassette(cassette_path(tmp_path, broken), [Recording(broken, 200, {"Content-Type": "application/pdf"},
                                                              b"this is not a PDF")])
    write_cassette(cassette_path(tmp_path, good), [Recording(good, 200, {"Content-Type": "text/plain"},
                                                            b"SYNTHETIC: The committee met on Wednesday.")])

    first, second = verify([claim(None, broken), Claim(id="ok", claim="The committee met on Wednesday",
                                                        kind=Kind.STATEMENT, sources=(good,))],
                           SourceStore(tmp_path))

    assert (first.verdict, first.sources[0].status) == (Verdict.SOURCE_UNAVAILABLE, "error")
    assert "PDF" in first.sources[0].detail
    assert second.verdict is Verdict.SUPPORTED
