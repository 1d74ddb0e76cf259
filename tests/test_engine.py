"""The engines: `local` (this process) and `dask` (a dask.distributed cluster), with identical results.

The Dask tests share one LocalCluster (two worker processes, one thread each) for the module. They
skip when Dask is not installed, except in CI (CI=true), where they fail: CI must run them.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.claims import load_claims
from checker.errors import UsageError
from checker.cli import main
from checker.engine import EngineError, check_partition, dask_client, partition, verify_dask
from checker.extract import extract_text
from checker.fetch.cassette import Recording, cassette_path, read_cassette, write_cassette
from checker.fetch.http import FetchSettings, HttpClient
from checker.fetch.store import SourceStore
from checker.models import Claim, Kind
from checker.pipeline import verify
from checker.report.json_report import result_dict
from support import ROOT, reply

CASSETTES = ROOT / "cassettes"
BRIEFINGS = sorted(CASSETTES.rglob("*.yaml"))


def claim(cid: str, *sources: str) -> Claim:
    return Claim(cid, "a claim", Kind.STATEMENT, sources=sources)


# --- partitions (pure) ---

def test_claims_citing_the_same_source_share_a_partition_and_keep_their_order():
    claims = [claim("a", "u1"), claim("b", "u2"), claim("c", "u1"), claim("d", "u3"), claim("e", "u2")]

    assert partition(claims, 3) == [[0, 2], [1, 4], [3]]


def test_claims_linked_through_a_shared_second_source_share_a_partition():
    claims = [claim("a", "u1", "u2"), claim("b", "u3"), claim("c", "u2", "u4"), claim("d", "u4"), claim("e", "u5")]

    assert partition(claims, 2) == [[0, 2, 3], [1, 4]]


def test_partitions_are_balanced_by_claim_count_largest_group_first():
    claims = [claim(f"c{i}", f"u{n}") for i, n in enumerate([1, 1, 1, 1, 2, 2, 2, 3, 3, 4])]

    assert partition(claims, 2) == [[0, 1, 2, 3, 9], [4, 5, 6, 7, 8]]


def test_claims_without_a_source_each_go_where_there_is_room():
    claims = [claim("a", "u1"), claim("b", "u1"), claim("c"), claim("d")]

    assert partition(claims, 2) == [[0, 1], [2, 3]]
    assert partition(claims, 8) == [[0], [1], [2], [3]]
    assert partition([], 4) == []


def test_a_group_larger_than_its_share_is_cut_into_pieces_in_order():
    """Six claims on one document and two on another, in four partitions: shares of two claims."""
    claims = [claim(f"c{i}", "u2" if i in (3, 6) else "u1") for i in range(8)]

    assert partition(claims, 4) == [[0, 1], [2, 4], [5, 7], [3, 6]]


# --- a partition checked where the cassettes have another name ---

def test_a_worker_that_reads_the_recordings_by_another_path_names_them_as_the_client_does(tmp_path):
    """A worker whose working directory differs reads the cassettes by the absolute path it was given,
    and the results name the recordings under the client's own name for them, as the local engine does."""
    url = _url_of(BRIEFINGS[0])
    claims = [Claim("q", "the claim", Kind.STATEMENT, sources=(url,))]
    here = verify(claims, SourceStore(CASSETTES))[0]

    elsewhere = check_partition(claims, "not-a-folder-here/cassettes", str(CASSETTES))[0]

    expected = str(cassette_path(Path("not-a-folder-here/cassettes"), url))
    assert elsewhere.sources[0].recording == expected
    assert result_dict(elsewhere) == {**result_dict(here), "sources": [
        {**result_dict(here)["sources"][0], "recording": expected}]}


def test_a_worker_reads_a_document_once_per_run_and_keeps_it_for_the_next_piece(tmp_path):
    """Two pieces of one group on the same worker: the second is checked from the document the first read
    (here the recording is gone by then); a piece of another run reads the recordings again."""
    cassettes = tmp_path / "cassettes"
    shutil.copytree(CASSETTES, cassettes)
    url = _url_of(BRIEFINGS[1])
    first = [Claim("first", "the claim", Kind.STATEMENT, sources=(url,))]
    second = [Claim("second", "the claim", Kind.STATEMENT, sources=(url,))]
    check_partition(first, str(cassettes), str(cassettes), run="run-1")
    shutil.rmtree(cassettes)

    kept = check_partition(second, str(cassettes), str(cassettes), run="run-1")[0]
    other_run = check_partition(second, str(cassettes), str(cassettes), run="run-2")[0]

    assert kept.sources[0].status == "ok"
    assert other_run.sources[0].status == "not_recorded"


# --- the Dask engine on a LocalCluster ---

@pytest.fixture(scope="module")
def client():
    if importlib.util.find_spec("distributed") is None:
        message = "Dask is not installed (pip install -e '.[test]' or '.[dask]')"
        if os.environ.get("CI") == "true":
            pytest.fail(f"the Dask engine's tests must run in CI: {message}")
        pytest.skip(message)
    with dask_client(workers=2) as dask:
        yield dask


def test_the_seed_claims_get_identical_results_on_both_engines(client):
    claims = load_claims(ROOT / "claims.csv").claims

    local = verify(claims, SourceStore(CASSETTES))
    dask = verify_dask(claims, SourceStore(CASSETTES), client)

    assert [result_dict(r) for r in dask] == [result_dict(r) for r in local]
    assert dask == local
    assert len({r.claim.id for r in dask}) == len(claims) == 50


def test_claims_over_shared_and_missing_sources_get_identical_results_in_input_order(client):
    """Claims cut from the recorded White House briefings, some citing two of them, some an unrecorded page."""
    texts = {}
    for path in BRIEFINGS:
        recorded = read_cassette(path)[0]
        texts[recorded.url] = _sentences(extract_text(recorded.body, recorded.content_type, recorded.url))
    urls = [url for url, sentences in texts.items() if len(sentences) > 12]
    claims = []
    for n, url in enumerate(urls):
        sentences = texts[url]
        other = urls[(n + 3) % len(urls)]
        claims += [
            Claim(f"quote-{n}", sentences[5], Kind.QUOTE, sources=(url,)),
            Claim(f"statement-{n}", sentences[9], Kind.STATEMENT, sources=(url, other)),
            Claim(f"altered-{n}", sentences[12].replace(" the ", " no ", 1), Kind.QUOTE, sources=(other, url)),
            Claim(f"missing-{n}", sentences[7], Kind.QUOTE, sources=(f"https://www.whitehouse.gov/unrecorded/{n}/",)),
        ]
    claims.append(Claim("no-source", "nothing cited", Kind.STATEMENT))

    local = verify(claims, SourceStore(CASSETTES))
    read, seen = [], []
    dask = verify_dask(claims, SourceStore(CASSETTES), client, progress=read.append, checked=seen.append)

    assert dask == local
    assert [r.claim.id for r in dask] == [c.id for c in claims]
    assert sorted(read) == sorted({url for c in claims for url in c.sources})
    assert sorted(r.claim.id for r in seen) == sorted(c.id for c in claims)
    assert {r.verdict.value for r in dask} >= {"supported", "source_unavailable"}


def test_when_recording_a_source_that_fails_now_fails_on_the_workers_too_not_its_old_recording(
        client, server, tmp_path):
    """Record mode `all`: /gone answered before (its old recording is kept) and is 404 now; the local
    engine calls it dead, and so must the workers, which otherwise replay the old recording."""
    old = "<html><body><p>The package includes 16 HIMARS launchers for Ukraine.</p></body></html>"
    server.routes["/now"] = lambda handler: reply(
        handler, 200, b"<html><body><p>The package includes 18 HIMARS launchers for Ukraine.</p></body></html>",
        {"Content-Type": "text/html; charset=utf-8"})
    gone, now = server.url("/gone"), server.url("/now")
    template = tmp_path / "template"
    write_cassette(cassette_path(template, gone), [Recording(gone, 200, {"Content-Type": "text/html"}, old.encode())])
    claims = [Claim("gone", "16 HIMARS launchers", Kind.COUNT, "16", "HIMARS launchers", sources=(gone,)),
              Claim("now", "18 HIMARS launchers", Kind.COUNT, "18", "HIMARS launchers", sources=(now,))]
    cassettes = tmp_path / "cassettes"

    def run(engine):
        shutil.rmtree(cassettes, ignore_errors=True)
        shutil.copytree(template, cassettes)
        http = HttpClient(FetchSettings(allowed_hosts=("127.0.0.1",), min_delay=0.0, respect_robots=False,
                                        retries=0))
        store = SourceStore(cassettes, "all", http)
        return verify(claims, store) if engine == "local" else verify_dask(claims, store, client)

    local, dask = run("local"), run("dask")

    assert [(r.verdict.value, r.sources[0].status) for r in local] == [("source_unavailable", "dead"),
                                                                       ("supported", "ok")]
    assert _untimed(dask) == _untimed(local)  # each run records /now anew, at its own time


def test_checker_verify_engine_dask_scheduler_writes_the_same_results_json(client, tmp_path):
    """The command line, on the scheduler of the module's LocalCluster."""
    written = {}
    for engine, scheduler in (("local", []), ("dask", ["--scheduler", client.scheduler.address])):
        out = tmp_path / engine
        code = main(["verify", str(ROOT / "claims.csv"), "--cassettes", str(CASSETTES), "--out", str(out),
                     "--quiet", "--engine", engine, *scheduler])
        assert code == 0
        written[engine] = json.loads((out / "latest" / "results.json").read_text(encoding="utf-8"))

    assert written["dask"]["claims"] == written["local"]["claims"]
    assert written["dask"]["summary_line"] == written["local"]["summary_line"]


def test_a_scheduler_without_the_dask_engine_is_a_usage_error(tmp_path, capsys):
    code = main(["verify", str(ROOT / "claims.csv"), "--cassettes", str(CASSETTES), "--out", str(tmp_path),
                 "--quiet", "--scheduler", "tcp://127.0.0.1:8786"])

    assert code == 2
    assert capsys.readouterr().err.endswith("checker: error: --scheduler needs --engine dask\n")


def test_a_scheduler_that_does_not_answer_is_an_error_that_says_what_to_do(client):
    with pytest.raises(EngineError) as raised:
        with dask_client("tcp://127.0.0.1:9", timeout=0.5):
            pass

    assert str(raised.value).startswith("cannot reach the Dask scheduler at tcp://127.0.0.1:9 (")
    assert str(raised.value).endswith("); start one with `dask scheduler` and `dask worker ADDRESS`, or leave out "
                                      "--scheduler for a cluster on this machine")
    assert isinstance(raised.value, UsageError)  # the CLI's exit 2


def test_only_the_dask_engine_imports_dask():
    """`checker --help`, the other commands and the engine module start without paying for Dask's import."""
    probe = ("import sys; from checker.cli import main; main(['--help']); main(['validate', 'claims.csv']); "
             "import checker.engine, checker.pipeline; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)

    assert done.stdout.splitlines()[-1] == "[]", done.stderr


def _untimed(results) -> list[dict]:
    """results.json entries without the time each source was recorded."""
    entries = [result_dict(r) for r in results]
    for entry in entries:
        for source in entry["sources"]:
            source["provenance"].pop("recorded-at", None)
    return entries


def _url_of(path: Path) -> str:
    return read_cassette(path)[0].url


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.findall(r"[^.!?]+[.!?]", text) if 10 <= len(s.split()) <= 40]
