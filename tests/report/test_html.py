"""report.html as text: escaping, links, marks read from the evidence notes, reviews, run extras.
(tests/report/test_html_browser.py opens it in Chromium.)"""

import re
from types import SimpleNamespace

from checker.claims import Problem
from checker.models import Claim, Evidence, Finding, Kind, Result, SourceCheck, Verdict
from checker.report import Run, parse_formats, write_reports
from checker.report import html
from checker.report.html import mark_text, note_marks, safe_href, verdict_chart

BRIEFING = ("https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2022/09/20/"
            "press-briefing-by-press-secretary-karine-jean-pierre-and-national-security-advisor-jake-sullivan-2/")
# The 2022-09-20 briefing, para 85 (a US government work).
MODI_PASSAGE = ("Q In Samarkand, on the sidelines of SCO Summit, India’s Prime Minister,\nNarendra Modi, bluntly "
                "told the Russian President Putin that this is not\nthe time for war in Ukraine.")
HOSTILE = '<script>alert("x")</script> <img src=x onerror=alert(1)> =HYPERLINK("http://evil.example","x")'


def modi_result() -> Result:
    evidence = Evidence(BRIEFING, MODI_PASSAGE, 20975, 21148, "para 85",
                        "title: 'Prime Minister'; qualifier: India’s")
    finding = Finding(Verdict.CONTRADICTED, 0.0, "the source calls Narendra Modi 'Prime Minister'", (evidence,))
    check = SourceCheck(BRIEFING, "ok", recording="cassettes/bidenwhitehouse.archives.gov/briefing-1.yaml",
                        provenance={"provenance": "archived-copy", "imported-at": "2026-11-24T19:04:21+00:00",
                                    "origin": "brian14708/wh-briefings @ 737ca03a (CC0)"},
                        finding=finding)
    claim = Claim("modi-title", "Similar tensions were on display in Putin’s discussion with Indian President "
                  "Narendra Modi.", Kind.ATTRIBUTION, expected="President", subject="Narendra Modi", row=44)
    return Result(claim, Verdict.CONTRADICTED, 0.0, finding.reason, (evidence,), (check,))


def hostile_result() -> Result:
    """Synthetic: every third-party field carries markup, a formula and a script URL."""
    url = "javascript:alert(1)"
    evidence = Evidence(url, f"He said {HOSTILE}", 0, 10, f"para <b>1</b>", f"note {HOSTILE}")
    check = SourceCheck(url, "refused", detail=f"detail {HOSTILE}",
                        provenance={"provenance": "archived-snapshot", "snapshot-url": "data:text/html,<b>x</b>",
                                    "snapshot-timestamp": "<i>20220916</i>"})
    claim = Claim("h1", f"claim {HOSTILE}", Kind.QUOTE, expected=f"expected {HOSTILE}", speaker=HOSTILE,
                  notes=HOSTILE, row=2)
    return Result(claim, Verdict.NEEDS_REVIEW, 0.5, f"reason {HOSTILE}", (evidence,), (check,))


def a_run(**changes) -> Run:
    fields = dict(results=(modi_result(), hostile_result()), generated_at="2026-11-24T00:00:00+00:00",
                  checker_version="0.1.0", report_dir="reports")
    fields.update(changes)
    return Run(**fields)


def test_html_is_a_format_of_verify_and_writes_report_html(tmp_path):
    assert parse_formats("md,html") == ("json", "md", "html")

    written = write_reports(a_run(), tmp_path, ("html",))

    assert [path.name for path in written] == ["report.html"]
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>\n<html lang=\"en\">")


def test_third_party_strings_are_escaped_everywhere():
    page = html.render(a_run(problems=(Problem(3, "claim", "bad", f"message {HOSTILE}", "error"),)))

    assert page.count("<script") == 1  # the report's own, at the end
    assert "<img" not in page and "<b>" not in page and "<i>" not in page
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; " \
              "=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)"
    for field in ("claim", "expected", "reason", "note", "detail", "message"):
        assert f"{field} {escaped}" in page, field
    assert "para &lt;b&gt;1&lt;/b&gt;" in page


def test_only_http_and_https_urls_become_links():
    assert safe_href("https://www.govinfo.gov/a?b=1&c=<2>") == "https://www.govinfo.gov/a?b=1&amp;c=&lt;2&gt;"
    assert safe_href("http://example.gov/") == "http://example.gov/"
    for refused in ("javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " https://a.gov/",
                    "data:text/html,<b>x</b>", "//evil.example/x", "https:///nohost", "file:///etc/passwd", ""):
        assert safe_href(refused) is None, refused

    page = html.render(a_run())

    assert 'href="javascript' not in page.lower() and 'href="data' not in page
    assert '<span class="url">javascript:alert(1)</span>: <strong>refused</strong>' in page


def test_a_source_links_to_itself_its_recorded_copy_and_says_it_is_an_archived_copy():
    page = html.render(a_run())

    assert (f'<li><a class="url" href="{BRIEFING}" rel="noopener noreferrer">{BRIEFING}</a>: read; '
            '<span class="badge v-contradicted">contradicted</span> 0.00 · '
            '<a href="../cassettes/bidenwhitehouse.archives.gov/briefing-1.yaml" '
            'title="../cassettes/bidenwhitehouse.archives.gov/briefing-1.yaml">recorded copy</a> · '
            "archived copy imported 2026-11-24T19:04:21+00:00 from brian14708/wh-briefings @ 737ca03a (CC0)</li>"
            ) in page


def test_an_archived_snapshot_links_to_the_snapshot():
    url = "https://www.defense.gov/News/Releases/Release/Article/3160346/"
    snapshot = f"https://web.archive.org/web/20220916000000id_/{url}"
    check = SourceCheck(url, "ok", recording="cassettes/www.defense.gov/release-1.yaml",
                        provenance={"provenance": "archived-snapshot", "snapshot-url": snapshot,
                                    "snapshot-timestamp": "20220916000000"})
    result = Result(Claim("pkg", "A package.", Kind.STATEMENT, row=2), Verdict.NOT_FOUND, 0.0, "nothing", (), (check,))

    page = html.render(Run((result,), report_dir="out/reports"))

    assert ('<a href="../../cassettes/www.defense.gov/release-1.yaml" '
            'title="../../cassettes/www.defense.gov/release-1.yaml">recorded copy</a> · archived snapshot '
            f'20220916000000: <a class="url" href="{snapshot}" rel="noopener noreferrer">snapshot</a></li>') in page


def test_a_recording_path_cannot_smuggle_a_scheme_into_its_link():
    check = SourceCheck("https://a.gov/", "ok", recording="reports/javascript:alert(1)")
    result = Result(Claim("c", "A claim.", Kind.STATEMENT, row=2), Verdict.NOT_FOUND, 0.0, "nothing", (), (check,))

    page = html.render(Run((result,), report_dir="reports"))

    assert '<a href="javascript%3Aalert%281%29" title="javascript:alert(1)">recorded copy</a>' in page


def test_the_title_read_in_the_source_is_marked_where_it_differs_from_the_claim():
    result = modi_result()
    marks = note_marks(result)

    assert marks.in_source[result.evidence[0]] == [("Prime Minister", "diff"), ("India’s", "hit")]
    assert marks.claimed == ["President"]
    assert mark_text(MODI_PASSAGE, marks.in_source[result.evidence[0]]) == (
        'Q In Samarkand, on the sidelines of SCO Summit, <mark class="hit">India’s</mark> '
        '<mark class="diff">Prime Minister</mark>,\nNarendra Modi, bluntly told the Russian President Putin that '
        "this is not\nthe time for war in Ukraine.")
    assert 'Indian <mark class="diff">President</mark> Narendra Modi.' in html.render(a_run())


def test_altered_quote_words_are_marked_on_both_sides():
    # Synthetic quote and transcript; the note is in the quote matcher's form.
    text = "We’re going to stand with Ukraine for as long as it takes, very simply."
    evidence = Evidence("https://a.gov/t", text, 0, len(text), "para 3",
                        "altered words: 'we are' -> 'We’re', 'simply' omitted, 'proudly' added")
    claim = Claim("q", "He said: we are going to stand proudly with Ukraine.", Kind.QUOTE,
                  expected="we are going to stand proudly with Ukraine", row=2)
    result = Result(claim, Verdict.PARTIALLY_SUPPORTED, 0.8, "altered words", (evidence,))

    marks = note_marks(result)

    assert marks.in_source[evidence] == [("We’re", "diff"), ("simply", "diff")]
    assert marks.claimed == ["we are", "proudly"]
    assert mark_text(text, marks.in_source[evidence]) == (
        '<mark class="diff">We’re</mark> going to stand with Ukraine for as long as it takes, very '
        '<mark class="diff">simply</mark>.')
    assert mark_text(claim.claim, [(term, "diff") for term in marks.claimed]) == (
        'He said: <mark class="diff">we are</mark> going to stand <mark class="diff">proudly</mark> with Ukraine.')


def test_matched_terms_are_found_through_typography_but_only_as_whole_words():
    # The 2022-09-13 briefing, para 56 and para 170 (a US government work).
    north = ("But, I mean, certainly in the north, we have seen Russians\nevacuate, withdraw, or retreat from their "
             "defensive positions,\nparticularly there in and around the Kharkiv Oblast.")
    prices = "where fertilizer\nprices spiked following Russia’s invasion of Ukraine"

    def marked(text: str, note: str) -> str:
        evidence = Evidence("https://a.gov/b", text, 0, len(text), "", note)
        result = Result(Claim("s", "x", Kind.STATEMENT), Verdict.PARTIALLY_SUPPORTED, 0.5, "r", (evidence,))
        return mark_text(text, note_marks(result).in_source[evidence])

    assert marked(north, "matched names: Russian, Kharkiv, Oblast; words: retreat") == (
        "But, I mean, certainly in the north, we have seen Russians\nevacuate, withdraw, or "
        '<mark class="hit">retreat</mark> from their defensive positions,\nparticularly there in and around the '
        '<mark class="hit">Kharkiv</mark> <mark class="hit">Oblast</mark>.')  # "Russian" is not "Russians"
    assert marked(prices, "matched names: Russia's, Ukraine") == (
        'where fertilizer\nprices spiked following <mark class="hit">Russia’s</mark> invasion of '
        '<mark class="hit">Ukraine</mark>')


def test_a_number_is_marked_as_differing_only_in_a_contradicting_finding():
    # Synthetic release sentence.
    text = "This package includes 16 HIMARS launchers & <ammunition>."
    evidence = Evidence("https://a.gov/r", text, 0, len(text), "para 2", "number found: 16")
    claim = Claim("n", "15 HIMARS launchers", Kind.COUNT, expected="15", subject="HIMARS launchers", row=2)

    contradicted = note_marks(Result(claim, Verdict.CONTRADICTED, 0.0, "16 not 15", (evidence,)))
    supported = note_marks(Result(claim, Verdict.SUPPORTED, 1.0, "16", (evidence,)))

    assert contradicted.in_source[evidence] == [("16", "diff")] and contradicted.claimed == ["15"]
    assert supported.in_source[evidence] == [("16", "hit")] and supported.claimed == []
    assert mark_text(text, contradicted.in_source[evidence]) == (
        'This package includes <mark class="diff">16</mark> HIMARS launchers &amp; &lt;ammunition&gt;.')


def test_a_note_naming_words_not_in_the_text_marks_nothing():
    assert mark_text("a <b> c", [("missing", "hit"), ("", "diff")]) == "a &lt;b&gt; c"


def test_the_chart_draws_one_bar_per_verdict_scaled_to_the_largest():
    chart = verdict_chart({Verdict.SUPPORTED: 2, Verdict.CONTRADICTED: 1, Verdict.NOT_FOUND: 0})

    assert re.findall(r'<rect class="(v-\w+)" x="170" y="\d+" width="(\d+)"', chart) == [
        ("v-supported", "260"), ("v-contradicted", "130"), ("v-not_found", "0")]
    assert 'aria-label="claims per verdict: 2 supported, 1 contradicted, 0 not_found"' in chart


def test_the_summary_counts_every_verdict_and_the_filter_offers_each():
    page = html.render(a_run())

    assert "<p><strong>2 claims: 1 contradicted, 1 needs_review</strong></p>" in page
    assert '<option value="contradicted">contradicted (1)</option>' in page
    assert '<option value="supported">supported (0)</option>' in page
    assert '<div id="controls" hidden>' in page  # shown by the script: without JavaScript nothing is hidden
    assert page.count('data-claim="0" data-verdict="contradicted"') == 2  # the table row and the detail


def test_the_page_loads_nothing_and_allows_only_its_own_style_and_script():
    page = html.render(a_run())

    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1)
    assert policy.startswith("default-src &#x27;none&#x27;; style-src &#x27;sha256-")
    assert f"<style>{html._STYLE}</style>" in page and f"<script>{html._SCRIPT}</script>" in page
    assert not re.search(r"\ssrc=|<link|@import|url\(", page.replace("src=x", ""))


def test_a_reviewer_decision_is_shown_beside_the_checker_verdict():
    review = SimpleNamespace(verdict="supported", note="The <b>PM</b> is meant", reviewer="ana", stale=True)

    page = html.render(a_run(reviews={"modi-title": review}))

    assert "<th>reviewer</th>" in page
    assert ('<td><span class="badge v-supported">supported</span> <span class="stale">stale</span></td>') in page
    assert ('<p class="review"><strong>Reviewer:</strong> <span class="badge v-supported">supported</span> by ana: '
            'The &lt;b&gt;PM&lt;/b&gt; is meant <span class="stale">stale: the source has changed since this '
            "review; check it again</span></p>") in page
    assert "<th>reviewer</th>" not in html.render(a_run())


def test_source_changes_and_other_run_data_are_shown_as_they_come():
    changes = [{"url": BRIEFING, "status": "changed", "detail": "sha256 eebc -> 6d47",
                "diff": "-up to $600 million\n+up to $675 million"},
               {"url": "https://a.gov/same", "status": "unchanged", "detail": "", "diff": ""}]
    comparison = {"previous": "2026-11-23T00:00:00Z", "verdicts_changed": [{"id": "x<1>", "from": "supported",
                                                                          "to": "contradicted"}]}

    page = html.render(a_run(extra={"source_changes": changes, "run_comparison": comparison}))

    assert "<p>2 source(s) re-recorded, 1 unchanged.</p>" in page
    assert ('<pre class="diff"><span class="del">-up to $600 million</span>\n'
            '<span class="add">+up to $675 million</span></pre>') in page
    assert "https://a.gov/same" not in page
    assert ('<h3>run comparison</h3><dl class="fields"><dt>previous</dt><dd>2026-11-23T00:00:00Z</dd>'
            "<dt>verdicts_changed</dt><dd><table><thead><tr><th>id</th><th>from</th><th>to</th></tr></thead>"
            "<tbody><tr><td>x&lt;1&gt;</td><td>supported</td><td>contradicted</td></tr></tbody></table></dd></dl>"
            ) in page


def test_run_details_leave_out_options_that_were_not_set():
    from checker.report.html import _other_extra

    assert _other_extra({"claimreview": {"article_url": "", "review_url": None}, "fail_on": []}) == ""
    assert "https://example.org/a" in _other_extra({"claimreview": {"article_url": "https://example.org/a"}})
