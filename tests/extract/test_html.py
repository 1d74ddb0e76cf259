"""HTML pages: furniture and scripts dropped, blocks become located passages."""

from pathlib import Path

from checker.extract import extract_document
from checker.extract.html import extract, extract_main, is_bill_markup

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"


def page() -> bytes:
    return (FIXTURES / "synthetic-page.html").read_bytes()


def test_script_text_never_appears():
    document = extract_document(page(), "text/html; charset=utf-8")

    assert "SCRIPT TEXT" not in document.text
    assert "trackingMessage" not in document.text
    assert ".hidden" not in document.text


def test_main_content_only_in_blocks_with_list_items_apart():
    document = extract_document(page(), "text/html")

    assert [(p.locator, p.text) for p in document.passages] == [
        ("para 1", "Drawdown announcement"),
        ("para 2", "The package, valued at up to $600 million, includes:"),
        ("para 3", "Four High Mobility Artillery Rocket Systems (HIMARS);"),
        ("para 4", "36,000 rounds of 105mm artillery ammunition;"),
        ("para 5", "Four Avenger air defense systems."),
        ("para 6", "The Department will continue to consult with allies."),
    ]
    assert document.title == "Drawdown announcement"  # trafilatura's title: og:title, without the site name
    assert document.provenance["extraction"] == "trafilatura"


def test_offsets_are_exact():
    document = extract_document(page(), "text/html")

    for passage in document.passages:
        assert document.text[passage.start:passage.end] == passage.text
    assert document.text.count("\n\n") == len(document.passages) - 1


def test_og_title_when_there_is_no_title_element():
    document = extract('<html><head><meta property="og:title" content="  The OG title "></head><body><p>x</p></body></html>')

    assert document.title == "The OG title"


def test_body_is_read_when_there_is_no_main_or_article():
    document = extract("<body><nav>Menu</nav><div>Leaf one</div><div>Text <div>nested leaf</div> tail</div></body>")

    assert [p.text for p in document.passages] == ["Leaf one", "Text", "nested leaf", "tail"]


def test_article_is_read_when_there_is_no_main():
    document = extract("<body><p>Cookie banner</p><article><h2>Title</h2><p>Body text.</p></article></body>")

    assert [p.text for p in document.passages] == ["Title", "Body text."]


def test_a_form_wrapping_the_whole_page_is_kept():
    markup = '<body><form id="aspnetForm"><input name="q"><main><h1>Release</h1><p>Text.</p></main></form></body>'

    assert [p.text for p in extract(markup).passages] == ["Release", "Text."]


def test_a_search_form_is_dropped():
    markup = "<body><form><label>Search</label><input name='q'></form><p>Content.</p></body>"

    assert extract(markup).text == "Content."


def test_table_cells_and_preformatted_text():
    markup = "<body><table><tr><th>Item</th><td>Rounds</td></tr></table><pre>  a  b\n c</pre></body>"

    assert [p.text for p in extract(markup).passages] == ["Item", "Rounds", "a  b\n c"]


def test_line_break_and_no_break_space_inside_a_paragraph():
    document = extract("<p>119th CONGRESS<br>2d\u00a0Session</p>")

    assert document.text == "119th CONGRESS 2d\u00a0Session"


def test_comments_and_templates_are_not_text():
    document = extract("<body><!-- hidden note --><template><p>Template</p></template><p>Shown</p></body>")

    assert document.text == "Shown"


def test_deeply_nested_html_does_not_crash():
    depth = 20_000
    markup = "<div>" * depth + "<p>Deep text</p>" + "</div>" * depth

    document = extract_document(markup.encode(), "text/html")

    assert "Deep text" in document.text
    for passage in document.passages:
        assert document.text[passage.start:passage.end] == passage.text


def test_malformed_html_still_gives_its_text():
    document = extract_document(b"<p>Open <b>bold <i>both</p><p>Next</div></span>", "text/html")

    assert [p.text for p in document.passages] == ["Open bold both", "Next"]


def test_a_tree_too_deep_to_walk_falls_back_to_its_strings(monkeypatch):
    def too_deep(root):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("checker.extract.html.blocks_of", too_deep)

    document = extract(page().decode())

    assert "Drawdown announcement" in document.text
    assert "36,000 rounds of 105mm artillery ammunition;" in document.text
    assert "SCRIPT TEXT" not in document.text
    for passage in document.passages:
        assert document.text[passage.start:passage.end] == passage.text


# SYNTHETIC article page: a table of figures between paragraphs, a date in its metadata.
ARTICLE_WITH_TABLE = """<html><head><title>Aid table | Example</title>
<meta property="article:published_time" content="2022-09-15T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Aid table</h1>
<p>The table below lists what this synthetic test package includes, item by item, with the quantity of each.</p>
<table><tr><th>Item</th><th>Quantity</th></tr>
<tr><td>105mm artillery rounds</td><td>36,000<br>(approx.)</td></tr>
<tr><td>HIMARS</td><td>4</td></tr></table>
<p>After the table, the text goes on.</p><script>var x = "SCRIPT TEXT";</script></article>
<footer>Privacy</footer></body></html>"""


def test_generic_page_keeps_table_rows_as_passages_with_title_and_date():
    document = extract_document(ARTICLE_WITH_TABLE.encode(), "text/html", "https://example.test/aid")

    assert [(p.locator, p.text) for p in document.passages] == [
        ("para 1", "Aid table"),
        ("para 2", "The table below lists what this synthetic test package includes, item by item, with the quantity of each."),
        ("table 1, row 1", "Item | Quantity"),
        ("table 1, row 2", "105mm artillery rounds | 36,000 (approx.)"),
        ("table 1, row 3", "HIMARS | 4"),
        ("para 3", "After the table, the text goes on."),
    ]
    assert document.title == "Aid table"
    assert document.provenance == {"extraction": "trafilatura", "date": "2022-09-15"}
    for passage in document.passages:
        assert document.text[passage.start:passage.end] == passage.text


def test_when_trafilatura_fails_the_whole_page_is_read(monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("trafilatura could not parse this")

    monkeypatch.setattr("trafilatura.bare_extraction", broken)

    document = extract_main(page().decode())

    assert document.provenance == {}
    assert [p.text for p in document.passages][:2] == ["Drawdown announcement", "The package, valued at up to $600 million, includes:"]
    assert document.title == "Drawdown announcement | Example Department"


def test_when_trafilatura_finds_nothing_the_whole_page_is_read(monkeypatch):
    monkeypatch.setattr("trafilatura.bare_extraction", lambda *args, **kwargs: None)

    assert extract_main("<body><div>Only a div</div></body>").text == "Only a div"


def test_bill_xhtml_is_read_block_by_block_not_by_trafilatura():
    bill = (FIXTURES / "BILLS-119hr9025ih.html").read_text(encoding="utf-8")

    assert is_bill_markup(bill)
    assert is_bill_markup("<p>x</p>", "https://www.congress.gov/bill/117th-congress/senate-bill/4428/text")
    assert not is_bill_markup(page().decode(), "https://example.test/page")
    document = extract_document(bill.encode(), "text/html")
    assert "extraction" not in document.provenance
    assert document.passages[0].text == "119th CONGRESS 2d Session"  # trafilatura would drop these lines
