"""`checker import`: an archived copy of a source becomes its recorded response, provenance said.

An archived copy (a file received by mail, a text from an archive) is never passed off as
a live capture: its recording says `X-Checker-Provenance: archived-copy`, the file it came
from, where that file came from and when it was imported.
"""

from __future__ import annotations

import mimetypes
import re
from datetime import datetime, timezone
from pathlib import Path

import yaml

from checker.fetch.cassette import HEADER_PREFIX, Recording, sha256

_FRONT_MATTER = re.compile(rb"\A(?:\xef\xbb\xbf)?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)
_TYPES_BY_SUFFIX = {
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".xml": "application/xml",
    ".pdf": "application/pdf",
    ".json": "application/json",
}


def guess_content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    return _TYPES_BY_SUFFIX.get(suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def split_front_matter(content: bytes) -> tuple[dict, bytes]:
    """A leading YAML front-matter block, parsed, and the content without it."""
    found = _FRONT_MATTER.match(content)
    if not found:
        return {}, content
    try:
        fields = yaml.safe_load(found.group(1).decode("utf-8", errors="replace"))
    except yaml.YAMLError:
        return {}, content
    if not isinstance(fields, dict):
        return {}, content
    return fields, content[found.end():]


def archived_copy(
    url: str,
    content: bytes,
    *,
    source_name: str,
    content_type: str,
    origin: str = "",
    note: str = "",
    imported_at: datetime | None = None,
) -> Recording:
    """The recording of an archived copy of `url`. Text front matter is removed and its title kept."""
    title = ""
    if content_type.startswith("text/"):
        fields, content = split_front_matter(content)
        title = _one_line(str(fields.get("title", "")))
        if fields:
            note = "; ".join(part for part in (note, "YAML front matter removed at import") if part)
        if "charset" not in content_type:
            content_type = f"{content_type}; charset=utf-8"
    when = (imported_at or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    headers = {
        "Content-Type": content_type,
        "Content-Length": str(len(content)),
        f"{HEADER_PREFIX}Provenance": "archived-copy",
        f"{HEADER_PREFIX}Imported-From": source_name,
        f"{HEADER_PREFIX}Imported-At": when,
        f"{HEADER_PREFIX}Recorded-At": when,
        f"{HEADER_PREFIX}Content-Sha256": sha256(content),
    }
    for name, value in (("Origin", origin), ("Note", note), ("Title", title)):
        if value:
            headers[f"{HEADER_PREFIX}{name}"] = _one_line(value)
    return Recording(url=url, status=200, headers=headers, body=content, message="OK (archived copy)")


def _one_line(text: str) -> str:
    return " ".join(text.split())
