"""`checker draft`: the exact output and exit codes, errors included."""

from checker.cli import main

# Synthetic article, written for these tests.
ARTICLE = ('Senator Jane Roe said, "We will pass the bill this week." The bill gives $5 billion in grants to '
           "states.\n")
HEADER = "id,claim,kind,expected,subject,speaker,sources,as_of,notes,language\n"
ROWS = (
    'title-jane-roe,"Senator Jane Roe said, ""We will pass the bill this week.""",attribution,Senator,Jane Roe,,,,'
    "title given to a named person (before the name),\n"
    'quote-roe-pass-bill,"Senator Jane Roe said, ""We will pass the bill this week.""",quote,'
    "We will pass the bill this week.,,Jane Roe,,,direct quotation; speaker: attribution before the quote: "
    "'Senator Jane Roe said',\n"
    "amount-5-billion,The bill gives $5 billion in grants to states.,amount,$5 billion,grants,,,,"
    "an amount of money of 'grants',\n"
)


def test_draft_prints_the_csv_and_says_what_it_drafted_on_stderr(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")

    code = main(["draft", "article.txt"])

    out, err = capsys.readouterr()
    assert code == 0
    assert out == HEADER + ROWS
    assert err == "Drafted 3 claims from article.txt: 1 attribution, 1 quote, 1 amount\n"


def test_draft_writes_the_file_and_a_merge_leaves_out_what_is_there(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "claims.csv").write_text(HEADER + ROWS.splitlines(keepends=True)[1], encoding="utf-8")

    code = main(["draft", "article.txt", "--merge", "claims.csv", "-o", "claims.draft.csv"])

    out, err = capsys.readouterr()
    assert code == 0
    assert (tmp_path / "claims.draft.csv").read_text(encoding="utf-8") == HEADER + "".join(
        ROWS.splitlines(keepends=True)[i] for i in (0, 2))
    assert out == ("Drafted 2 claims from article.txt: 1 attribution, 1 amount; 1 already in claims.csv left out\n"
                   "Wrote claims.draft.csv: review it, add sources, then `checker verify claims.draft.csv`\n")
    assert err == ""


def test_draft_reads_html_through_the_extraction_stage(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.html").write_text(
        "<html><head><title>T</title></head><body><nav>Menu</nav><article><p>"
        + ARTICLE.replace("\n", "") + "</p></article></body></html>", encoding="utf-8")

    code = main(["draft", "article.html"])

    assert code == 0
    assert capsys.readouterr().out.count("\n") == 4


def test_draft_will_not_overwrite_the_merge_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "claims.csv").write_text(HEADER, encoding="utf-8")

    code = main(["draft", "article.txt", "--merge", "claims.csv", "-o", "claims.csv"])

    assert code == 2
    assert capsys.readouterr().err == ("checker: error: -o claims.csv would overwrite the --merge file; write the "
                                       "draft to another file\n")
    assert (tmp_path / "claims.csv").read_text(encoding="utf-8") == HEADER


def test_draft_of_a_missing_file_or_an_unrecorded_url_says_the_fix(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)

    assert main(["draft", "nope.txt"]) == 2
    assert capsys.readouterr().err == "checker: error: nope.txt: cannot read it (No such file or directory)\n"
    assert main(["draft", "https://www.example.gov/article"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("checker: error: https://www.example.gov/article: not_recorded: ")
    assert err.endswith("; record it first with `checker fetch https://www.example.gov/article --record once`, or "
                        "`checker import https://www.example.gov/article FILE`\n")


def test_draft_reads_a_recorded_url_from_the_cassettes(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    url = "https://www.example.gov/article"
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["import", url, "article.txt", "--cassettes", "cassettes"]) == 0
    capsys.readouterr()

    code = main(["draft", url, "--cassettes", "cassettes"])

    out, err = capsys.readouterr()
    assert code == 0
    assert out == HEADER + ROWS
    assert err == f"Drafted 3 claims from {url}: 1 attribution, 1 quote, 1 amount\n"
