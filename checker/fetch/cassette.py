"""Recorded HTTP exchanges on disk, in vcrpy's cassette format (version 1).

One cassette file per source URL: `cassettes/<host>/<slug>-<hash>.yaml`. vcrpy and
pytest-recording read these files as they are. checker keeps its own facts about a
recording in response headers named `X-Checker-*`, which survive any tool that
round-trips the cassette:

- X-Checker-Recorded-At     when the response was recorded (UTC, ISO 8601)
- X-Checker-Content-Sha256  hash of the body as stored
- X-Checker-Provenance      `live` (fetched by checker) or `archived-copy` (imported)
- X-Checker-Imported-From   for an archived copy: the file it was imported from
- X-Checker-Origin          for an archived copy: where that file came from
- X-Checker-Note            free text given at import
- X-Checker-Title           the document's title, when the import knew it

Files are written atomically (temporary file, then rename), so an interrupted run
never leaves a half-written cassette.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from checker.errors import RecordingError

HEADER_PREFIX = "X-Checker-"
SECRET_HEADERS = frozenset({"authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key"})


@dataclass(frozen=True)
class Recording:
    """One recorded response to a GET of `url`."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    message: str = "OK"
    request_headers: dict[str, str] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return header(self.headers, "Content-Type") or "application/octet-stream"

    @property
    def provenance(self) -> dict[str, str]:
        """The X-Checker-* facts, keyed by their short lower-case name (`recorded-at`, `origin`, ...)."""
        return {
            name[len(HEADER_PREFIX):].lower(): value
            for name, value in self.headers.items()
            if name.lower().startswith(HEADER_PREFIX.lower())
        }


def header(headers: dict[str, str], name: str) -> str:
    """A header's value, looked up without regard to case ('' when absent)."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return ""


def sha256(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def cassette_path(cassettes: Path, url: str) -> Path:
    """Where the recording of `url` lives: readable, and unique per URL."""
    parts = urlsplit(url)
    host = _safe(parts.hostname or "no-host")
    segments = [segment for segment in parts.path.split("/") if segment]
    tail = _safe("_".join(segments) or "index")
    if len(tail) > 80:
        tail = _safe(segments[-1])[:80]
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]
    return cassettes / host / f"{tail}-{digest}.yaml"


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "x"


def read_cassette(path: Path) -> list[Recording]:
    """Every GET recorded in the cassette at `path`. Raises RecordingError if it is unreadable."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RecordingError(f"{path}: cannot read the recording ({exc})") from exc
    try:
        return [_recording(item) for item in data["interactions"]]
    except (KeyError, TypeError, ValueError) as exc:
        raise RecordingError(f"{path}: not a cassette in vcrpy format ({exc!r})") from exc


def _recording(interaction: dict) -> Recording:
    request, response = interaction["request"], interaction["response"]
    body = response.get("body", {}).get("string", b"")
    if isinstance(body, str):
        body = body.encode("utf-8")
    return Recording(
        url=request["uri"],
        status=int(response["status"]["code"]),
        message=str(response["status"].get("message", "")),
        headers={name: _first(values) for name, values in (response.get("headers") or {}).items()},
        body=body or b"",
        request_headers={name: _first(values) for name, values in (request.get("headers") or {}).items()},
    )


def _first(values: object) -> str:
    if isinstance(values, list):
        return str(values[0]) if values else ""
    return str(values)


def write_cassette(path: Path, recordings: list[Recording]) -> None:
    """Write `recordings` to `path` atomically, secrets removed."""
    document = {"interactions": [_interaction(r) for r in recordings], "version": 1}
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120)
    atomic_write(path, text.encode("utf-8"))


def _interaction(recording: Recording) -> dict:
    try:
        body: str | bytes = recording.body.decode("utf-8")
    except UnicodeDecodeError:
        body = recording.body
    return {
        "request": {
            "body": None,
            "headers": {k: [v] for k, v in scrub_headers(recording.request_headers).items()},
            "method": "GET",
            "uri": recording.url,
        },
        "response": {
            "body": {"string": body},
            "headers": {k: [v] for k, v in scrub_headers(recording.headers).items()},
            "status": {"code": recording.status, "message": recording.message},
        },
    }


def scrub_headers(headers: dict[str, str]) -> dict[str, str]:
    """Headers without credentials or cookies: nothing secret reaches a cassette."""
    return {name: value for name, value in headers.items() if name.lower() not in SECRET_HEADERS}


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step: readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
