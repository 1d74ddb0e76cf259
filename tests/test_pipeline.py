from datetime import date

from checker.models import Claim, Kind
from checker.pipeline import sources_as_of


def claim(as_of, *urls):
    return Claim(id="c", claim="c", kind=Kind.STATEMENT, sources=urls, as_of=as_of)


def test_each_source_is_fetched_for_the_earliest_date_that_cites_it():
    claims = [claim(None, "a"), claim(date(2022, 9, 16), "a", "b"), claim(date(2022, 9, 15), "a"), claim(None, "b")]

    assert sources_as_of(claims) == {"a": date(2022, 9, 15), "b": date(2022, 9, 16)}
