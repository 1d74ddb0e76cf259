"""defense.gov release and listing pages: title, date, body, list items as passages of their own.

tests/fixtures/extract/synthetic-defense-release.html and the listing markup below are SYNTHETIC
(see the comment at the top of the fixture): no real defense.gov page is at hand.
"""

from pathlib import Path

from checker.extract import extract_document
from checker.extract.defense import handles, iso_date

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
RELEASE_URL = "https://www.defense.gov/News/Releases/Release/Article/9999999/synthetic-drawdown-release/"
LISTING_URL = "https://www.defense.gov/News/Releases/"

# SYNTHETIC listing page: invented titles, dates and summaries.
LISTING = """<html><head><title>Releases &gt; U.S. Department of Defense</title></head><body>
<header><nav><a href="https://www.defense.gov/News/Releases/Release/Article/1/menu-link/">Menu link</a></nav></header>
<main><h1>Releases</h1>
<ul class="listing">
  <li class="item"><a href="/News/Releases/Release/Article/9999998/synthetic-first/"><h3>Synthetic first release</h3></a>
      <p class="date">Sept. 16, 2022</p><p class="summary">Test summary one.</p>
      <a href="/News/Releases/Release/Article/9999998/synthetic-first/">Read more</a></li>
  <li class="item"><a href="/News/Releases/Release/Article/9999997/synthetic-second/"><h3>Synthetic second release</h3></a>
      <p class="date">Sept. 15, 2022</p></li>
</ul>
<div class="pagination"><a href="?Page=2">2</a></div>
</main><footer>Privacy</footer></body></html>"""


def release():
    return extract_document((FIXTURES / "synthetic-defense-release.html").read_bytes(), "text/html", RELEASE_URL)


def test_release_title_date_and_body_with_list_items_apart():
    document = release()

    assert [(p.locator, p.text) for p in document.passages] == [
        ("title", "Synthetic Drawdown Release"),
        ("date", "Sept. 15, 2022"),
        ("para 1", "SYNTHETIC TEST FIXTURE \u2014 not a real Department of Defense release."),
        ("para 2", "This test page announces a made-up package of security assistance valued at up to $600 million."),
        ("para 3", "The capabilities in this test package include:"),
        ("para 4", "Additional ammunition for High Mobility Artillery Rocket Systems (HIMARS);"),
        ("para 5", "36,000 rounds of 105mm artillery ammunition;"),
        ("para 6", "Four Avenger air defense systems."),
        ("para 7", "The list above is test data for the extractor."),
    ]
    assert document.title == "Synthetic Drawdown Release"
    assert document.provenance == {"page": "article", "date": "2022-09-15"}


def test_release_leaves_out_navigation_scripts_share_and_subscribe_boxes():
    text = release().text

    for furniture in ("SCRIPT TEXT", "Transcripts", "Share", "Subscribe", "delivered to your inbox", "Privacy"):
        assert furniture not in text


def test_release_offsets_are_exact():
    document = release()

    for passage in document.passages:
        assert document.text[passage.start:passage.end] == passage.text


def test_the_same_page_elsewhere_goes_to_the_generic_reader():
    content = (FIXTURES / "synthetic-defense-release.html").read_bytes()

    document = extract_document(content, "text/html", "https://example.test/release.html")

    assert document.provenance["extraction"] == "trafilatura"
    assert "36,000 rounds of 105mm artillery ammunition;" in [p.text for p in document.passages]


def test_listing_gives_each_item_title_date_and_summary():
    document = extract_document(LISTING.encode(), "text/html", LISTING_URL)

    assert [(p.locator, p.text) for p in document.passages] == [
        ("title", "Releases"),
        ("item 1", "Synthetic first release"),
        ("item 1", "Sept. 16, 2022"),
        ("item 1", "Test summary one."),
        ("item 1", "Read more"),
        ("item 2", "Synthetic second release"),
        ("item 2", "Sept. 15, 2022"),
    ]
    assert document.provenance == {"page": "listing", "items": "2"}
    assert document.title == "Releases > U.S. Department of Defense"


def test_tag_listing_on_war_gov_is_read_alike():
    document = extract_document(LISTING.encode(), "text/html", "https://www.war.gov/News/Tag/12345/ukraine/")

    assert document.provenance["page"] == "listing"


def test_a_release_page_without_an_article_body_falls_back_to_the_generic_reader():
    markup = b"<html><body><main><h1>Access Denied</h1><p>Reference #18.abc</p></main></body></html>"

    document = extract_document(markup, "text/html", RELEASE_URL)

    assert "page" not in document.provenance
    assert "Access Denied" in document.text


def test_a_listing_without_article_links_falls_back_to_the_generic_reader():
    markup = b"<html><body><main><h1>Releases</h1><p>No releases match.</p></main></body></html>"

    document = extract_document(markup, "text/html", LISTING_URL)

    assert "page" not in document.provenance
    assert document.text == "Releases\n\nNo releases match."


def test_which_urls_are_defense_news_pages():
    assert handles(RELEASE_URL)
    assert handles("https://defense.gov/News/Tag/101/ukraine/")
    assert handles("https://www.war.gov/News/Releases/")
    assert not handles("https://www.defense.gov/About/")
    assert not handles("https://example.test/News/Releases/")
    assert not handles("")


def test_dates_as_pages_show_them():
    assert iso_date("Sept. 15, 2022") == "2022-09-15"
    assert iso_date("September 1, 2022") == "2022-09-01"
    assert iso_date("Aug 24, 2022") == "2022-08-24"
    assert iso_date("2022-09-15T17:30:00-04:00") == "2022-09-15"
    assert iso_date("Sept. 45, 2022") == ""
    assert iso_date("Updated recently") == ""
