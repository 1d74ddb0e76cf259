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

- X-Checker-Snapshot-Url    for an archived snapshot: the Wayback Machine capture fetched
- X-Checker-Snapshot-Timestamp  for an archived snapshot: its capture time (YYYYMMDDhhmmss)

Files are written atomically (temporary file, then rename), so an interrupted run
never leaves a half-written cassette.

Secrets never reach a cassette (`scrub_recording`): credential and cookie headers are
dropped, query parameters whose names look secret (`api_key`, `token`, `sig`, ...) and a
password in the URL become `REDACTED`, and the configured secret values (API keys given
by environment variables, `SECRET_ENV_VARS`) are replaced wherever they occur: URL,
headers, body. Since the stored URL is the scrubbed one, a cassette is keyed and looked
up by the scrubbed URL (`redact_url`): a claims.csv URL that carries a key still finds
its recording, and the file name never holds the key.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from collections.abc import Iterable
from typing import TypeVar
from urllib.parse import unquote_plus, urlsplit, urlunsplit

import yaml

from checker.errors import RecordingError

HEADER_PREFIX = "X-Checker-"
SECRET_HEADERS = frozenset({"authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key", "api-key",
                            "x-auth-token", "x-amz-security-token"})
SECRET_PARAMS = frozenset({"api_key", "apikey", "api-key", "key", "token", "access_token", "auth", "password",
                           "secret", "signature", "sig", "client_secret", "refresh_token", "id_token",
                           "x-amz-signature", "x-amz-credential", "x-amz-security-token"})
SECRET_ENV_VARS = ("CONGRESS_API_KEY", "DATA_GOV_API_KEY", "API_DATA_GOV_KEY", "GOVINFO_API_KEY")
REDACTED = "REDACTED"
_MIN_SECRET_LENGTH = 6  # shorter values would match ordinary text
T = TypeVar("T")


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


def cassette_path(cassettes: Path, url: str, secrets: Iterable[str] | None = None) -> Path:
    """Where the recording of `url` lives: readable, unique per (scrubbed) URL, never naming a secret."""
    url = redact_url(url, secrets)
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


def write_cassette(path: Path, recordings: list[Recording], secrets: Iterable[str] | None = None) -> None:
    """Write `recordings` to `path` atomically, secrets removed (None: the configured ones, from the environment)."""
    values = _secret_values(secrets)
    document = {"interactions": [_interaction(scrub_recording(r, values)) for r in recordings], "version": 1}
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120)
    atomic_write(path, _redact_text(text, values).encode("utf-8"))


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


def configured_secrets() -> tuple[str, ...]:
    """The secret values set in the environment (`SECRET_ENV_VARS`), long enough to be told from text."""
    values = (os.environ.get(name, "").strip() for name in SECRET_ENV_VARS)
    return tuple(value for value in values if len(value) >= _MIN_SECRET_LENGTH)


def redact_url(url: str, secrets: Iterable[str] | None = None) -> str:
    """`url` with secret-looking query values, a URL password and the secret values replaced by REDACTED.

    Other characters are kept as written, so a URL without secrets is returned unchanged.
    """
    parts = urlsplit(url)
    netloc = parts.netloc
    if parts.password:
        netloc = netloc.replace(f":{parts.password}@", f":{REDACTED}@", 1)
    query = "&".join(_redact_param(piece) for piece in parts.query.split("&")) if parts.query else parts.query
    redacted = urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment)) if (
        netloc != parts.netloc or query != parts.query) else url
    return _redact_text(redacted, _secret_values(secrets))


def _redact_param(piece: str) -> str:
    name, equals, _ = piece.partition("=")
    if equals and unquote_plus(name).strip().lower() in SECRET_PARAMS:
        return f"{name}={REDACTED}"
    return piece


def scrub_recording(recording: Recording, secrets: Iterable[str] | None = None) -> Recording:
    """The recording as it may be stored: no credential headers, no secret in its URL, headers or body.

    A key written in the URL itself (`?api_key=...`) is a secret too: a server that echoes the
    request URL in its body or headers does not get it into the cassette.
    When the body had to change, its Content-Sha256 and Content-Length are those of the stored body.
    """
    values = (*_secret_values(secrets), *url_secrets([recording.url]))
    headers = {name: _redact_text(value, values) for name, value in scrub_headers(recording.headers).items()}
    body = recording.body
    for value in values:
        body = body.replace(value.encode("utf-8"), REDACTED.encode("ascii"))
    if body != recording.body:
        for name in list(headers):
            if name.lower() == f"{HEADER_PREFIX}content-sha256".lower():
                headers[name] = sha256(body)
            elif name.lower() == "content-length":
                headers[name] = str(len(body))
    return Recording(
        url=redact_url(recording.url, values),
        status=recording.status,
        headers=headers,
        body=body,
        message=recording.message,
        request_headers={name: _redact_text(value, values)
                         for name, value in scrub_headers(recording.request_headers).items()},
    )


def _secret_values(secrets: Iterable[str] | None) -> tuple[str, ...]:
    if secrets is None:
        return configured_secrets()
    return tuple(value for value in secrets if len(value) >= _MIN_SECRET_LENGTH)


def _redact_text(text: str, values: tuple[str, ...]) -> str:
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, REDACTED)
    return text


def url_secrets(urls: Iterable[str]) -> tuple[str, ...]:
    """The secrets written in URLs: values of secret-looking query parameters (`SECRET_PARAMS`) and
    passwords, as written and decoded, long enough to be told from text."""
    found: list[str] = []
    for url in urls:
        try:
            parts = urlsplit(url)
            password = parts.password
        except ValueError:
            continue
        if password:
            found += [password, unquote_plus(password)]
        for piece in parts.query.split("&"):
            name, equals, value = piece.partition("=")
            if equals and unquote_plus(name).strip().lower() in SECRET_PARAMS:
                found += [value, unquote_plus(value)]
    return tuple(value for value in dict.fromkeys(found) if len(value) >= _MIN_SECRET_LENGTH)


def redacted(value: T, secrets: Iterable[str]) -> T:
    """`value` with each secret replaced by REDACTED in every string it holds.

    Walks dataclasses, tuples, lists and dicts (enums and other values are kept as they are), so a
    run's results can be shown in reports and logs without the keys their source URLs carry.
    """
    values = tuple(dict.fromkeys(value for value in secrets if len(value) >= _MIN_SECRET_LENGTH))
    return _redacted(value, values) if values else value


def _redacted(value, values: tuple[str, ...]):
    if type(value) is str:
        return _redact_text(value, values)
    if type(value) in (list, tuple):
        return type(value)(_redacted(item, values) for item in value)
    if type(value) is dict:
        return {_redacted(key, values): _redacted(item, values) for key, item in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _redacted(getattr(value, f.name), values) for f in fields(value) if f.init})
    return value


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step: readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), _FILE_MODE)  # mkstemp makes it private; a report is an ordinary file
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
