"""Secrets (issue 6, point 5): API keys planted in the environment (the variables checker knows,
`SECRET_ENV_VARS`), in the source URLs of claims.csv (`?api_key=`, `?token=`) and echoed back by a local
server in its body and headers, through real `checker verify` and `checker fetch` runs that record and
replay. Every file written (cassettes, every report format, the xlsx unzipped) and everything printed is
searched for each key. The server and its memo text are synthetic.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from checker.fetch.cassette import read_cassette
from checker.report import FORMATS
from reliability.scenarios import Outcome, scenario
from support import LocalServer, reply

ENV_SECRETS = {"CONGRESS_API_KEY": "congress-key-5f2e9a11", "DATA_GOV_API_KEY": "datagov-key-77c1d0e4",
               "GOVINFO_API_KEY": "govinfo-key-a93b6c02"}
URL_KEY = "url-key-0b4d8e61"
MEMO = "The Secretary approved a drawdown of up to $600 million for Ukraine."


def echoing(handler) -> None:
    """The memo, with the request path and the environment keys echoed in the body and in headers."""
    body = (f"{MEMO} Request: {handler.path}. Keys seen: {ENV_SECRETS['CONGRESS_API_KEY']}, "
            f"{ENV_SECRETS['DATA_GOV_API_KEY']}.").encode()
    reply(handler, 200, body, {"X-Echo-Key": ENV_SECRETS["GOVINFO_API_KEY"], "X-Echo-Path": handler.path,
                               "Set-Cookie": f"session={URL_KEY}"})


def files_holding(root: Path, secret: str, skip: tuple[str, ...]) -> list[str]:
    holding = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.name in skip:
            continue
        data = path.read_bytes()
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                data = b"".join(book.read(name) for name in book.namelist())
        if secret.encode() in data:
            holding.append(str(path.relative_to(root)))
    return holding


@scenario("API keys never written or printed",
          tried="3 keys in env vars, 1 in source URLs (?api_key=, ?token=), echoed by the server in body, "
                "headers and a cookie; verify --record once, fetch --record all, verify replay")
def keys_never_written(tmp: Path) -> Outcome:
    local = LocalServer()
    local.thread.start()
    try:
        paths = [f"/memo?api_key={URL_KEY}", f"/memo?token={URL_KEY}&format=text", f"/gone?api_key={URL_KEY}"]
        local.routes[paths[0]] = local.routes[paths[1]] = echoing
        local.routes[paths[2]] = lambda h: reply(h, 404, f"no such page: {h.path}".encode())
        urls = [local.url(path) for path in paths]
        (tmp / "claims.csv").write_text(
            "id,claim,kind,expected,subject,speaker,sources,as_of,notes\n"
            f"aid-600m,The US approved up to $600 million,amount,$600 million,drawdown,,{urls[0]},,\n"
            f"aid-words,The Secretary approved a drawdown,statement,The Secretary approved a drawdown,,,{urls[1]},,\n"
            f"gone,The memo is gone,statement,drawdown,,,{urls[2]},,\n", encoding="utf-8")
        env = {**os.environ, **ENV_SECRETS}
        runs = [["verify", "claims.csv", "--format", ",".join(FORMATS), "--record", "once", "--allow-private"],
                ["fetch", urls[0], "--record", "all", "--allow-private"],
                ["fetch", urls[2]],
                ["verify", "claims.csv", "--format", ",".join(FORMATS)]]
        printed = ""
        codes = []
        for args in runs:
            done = subprocess.run([sys.executable, "-m", "checker", *args], cwd=tmp, env=env, capture_output=True,
                                  text=True, timeout=60)
            codes.append(done.returncode)
            printed += done.stdout + done.stderr
    finally:
        local.httpd.shutdown()
        local.httpd.server_close()

    assert codes == [0, 0, 1, 0], (codes, printed)
    assert any(line.split()[:2] == ["aid-600m", "supported"] for line in printed.splitlines()), printed
    leaks = {name: (files_holding(tmp, secret, skip=("claims.csv",)), secret in printed)
             for name, secret in [*ENV_SECRETS.items(), ("URL_KEY", URL_KEY)]}
    assert leaks == {name: ([], False) for name in leaks}, leaks
    cassettes = sorted((tmp / "cassettes").rglob("*.yaml"))
    recordings = [recording for path in cassettes for recording in read_cassette(path)]
    assert sorted(r.url.split("/", 3)[3] for r in recordings) == [  # the dead page is not recorded
        "memo?api_key=REDACTED", "memo?token=REDACTED&format=text"]
    assert [r.body.count(b"REDACTED") for r in recordings] == [3, 3]  # the echoed path and both env keys
    written = [path for path in tmp.rglob("*") if path.is_file() and path.name != "claims.csv"]
    return Outcome(f"4 keys in 0 of {len(written)} files written and 0 of {len(printed.splitlines())} lines "
                   "printed; cassettes and reports say REDACTED; the memo still checked (supported)")
