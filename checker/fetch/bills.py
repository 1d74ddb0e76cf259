"""Bill references -> govinfo bill XML URLs, the version chosen by the claim's date.

congress.gov answers most clients with a Cloudflare challenge instead of bill
text (DESIGN section 5), so a bill is read from GPO's govinfo instead:

    https://www.govinfo.gov/content/pkg/BILLS-117s4428rs/xml/BILLS-117s4428rs.xml

When the reference names no version, the bill's BILLSTATUS record on govinfo
lists its text versions with their dates, and the version in force on the
claim's `as_of` date is chosen:

    https://www.govinfo.gov/bulkdata/BILLSTATUS/117/s/BILLSTATUS-117s4428.xml

References understood by `parse_bill_reference` (case does not matter):

- a bill id `117-s-4428`, or with its version `117-s-4428-rs`;
- a GPO package name `BILLS-117s4428rs`;
- a congress.gov bill page: `https://www.congress.gov/bill/117th-congress/senate-bill/4428`
  and any tab under it (`/text`, `/all-actions`, ...); `/text/rs` names the version
  (congress.gov's `/text/pl`, the public law, is not a govinfo bill version and names none);
  the short form `https://www.congress.gov/bill/117/s/4428` of the BILLSTATUS user guide;
- a govinfo bill package: `https://www.govinfo.gov/content/pkg/BILLS-117s4428rs/{xml,html,pdf,...}/...`
  and `https://www.govinfo.gov/app/details/BILLS-117s4428rs`.

Bill types are GPO's: hr, s, hres, sres, hjres, sjres, hconres, sconres.
No I/O here: `resolve_bill` is handed the function that fetches.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit

from lxml import etree

from checker.extract.billxml import STAGES, XmlError, local_name, parse
from checker.models import FailureReason, FetchFailure

BILL_TYPES = ("hconres", "sconres", "hjres", "sjres", "hres", "sres", "hr", "s")  # longest first, for regexes
CONGRESS_GOV_TYPES = {
    "house-bill": "hr",
    "senate-bill": "s",
    "house-resolution": "hres",
    "senate-resolution": "sres",
    "house-joint-resolution": "hjres",
    "senate-joint-resolution": "sjres",
    "house-concurrent-resolution": "hconres",
    "senate-concurrent-resolution": "sconres",
}
# congress.gov text tabs that are not govinfo BILLS versions.
NOT_BILL_VERSIONS = frozenset({"pl"})
# BILLSTATUS <textVersions> names ("Reported in Senate") are the bill DTD's bill-stage values with spaces.
VERSION_CODES = {stage.replace("-", " ").lower(): code for stage, code in STAGES.items()}

_TYPES = "|".join(BILL_TYPES)
_VERSION = r"[a-z]{2,6}"
_BILL_ID = re.compile(rf"(\d+)-({_TYPES})-(\d+)(?:-({_VERSION}))?", re.I)
_PACKAGE = re.compile(rf"BILLS-(\d+)({_TYPES})(\d+)({_VERSION})(?![a-z])", re.I)
_CONGRESS_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)-congress", re.I)
_NUMBER = re.compile(r"\d+")
_GOVINFO_HOSTS = frozenset({"www.govinfo.gov", "govinfo.gov"})
_CONGRESS_GOV_HOSTS = frozenset({"www.congress.gov", "congress.gov"})
_GOVINFO_PACKAGE_PATHS = frozenset({("content", "pkg"), ("app", "details")})


@dataclass(frozen=True)
class BillRef:
    """A bill or resolution; `version` is a GPO version code ('is', 'rs', 'enr', ...) or '' for none named."""

    congress: int
    bill_type: str
    number: int
    version: str = ""

    @property
    def package(self) -> str:
        """GPO's name for this bill without a version: '117s4428'."""
        return f"{self.congress}{self.bill_type}{self.number}"


@dataclass(frozen=True)
class TextVersion:
    """One printed text of a bill, from its BILLSTATUS record. `code` is '' when the name is not known."""

    code: str
    name: str
    date: date | None


@dataclass(frozen=True)
class Resolution:
    """The govinfo XML URL to read for a bill reference, the version it is, and why that version."""

    url: str
    version: str
    reason: str
    versions: tuple[TextVersion, ...] = ()  # every text version the BILLSTATUS record lists, oldest first


class BillStatusError(ValueError):
    """Bytes that are not a BILLSTATUS record."""


def parse_bill_reference(text: str) -> BillRef | None:
    """The bill a reference names, or None when it is not one of the forms in the module docstring."""
    text = text.strip()
    for pattern in (_BILL_ID, _PACKAGE):
        found = pattern.fullmatch(text)
        if found:
            return _ref(*found.groups())
    if not text.lower().startswith(("http://", "https://")):
        return None
    parts = urlsplit(text)
    host = (parts.hostname or "").lower()
    if host in _GOVINFO_HOSTS:
        return _govinfo_ref(parts.path)
    if host in _CONGRESS_GOV_HOSTS:
        return _congress_gov_ref(parts.path)
    return None


def _ref(congress: str, bill_type: str, number: str, version: str | None = None) -> BillRef | None:
    if int(congress) < 1 or int(number) < 1:
        return None
    return BillRef(int(congress), bill_type.lower(), int(number), (version or "").lower())


def _govinfo_ref(path: str) -> BillRef | None:
    segments = [segment for segment in path.split("/") if segment]
    if len(segments) < 3 or tuple(segments[:2]) not in _GOVINFO_PACKAGE_PATHS:
        return None
    found = _PACKAGE.fullmatch(segments[2])
    return _ref(*found.groups()) if found else None


def _congress_gov_ref(path: str) -> BillRef | None:
    """/bill/117th-congress/senate-bill/4428[/text[/rs]] or the short /bill/117/s/4428."""
    segments = [segment.lower() for segment in path.split("/") if segment]
    if len(segments) < 4 or segments[0] != "bill":
        return None
    _, congress_part, type_part, number_part, *rest = segments
    ordinal = _CONGRESS_ORDINAL.fullmatch(congress_part)
    if ordinal:
        congress, bill_type = ordinal.group(1), CONGRESS_GOV_TYPES.get(type_part)
    elif _NUMBER.fullmatch(congress_part):
        congress, bill_type = congress_part, type_part if type_part in BILL_TYPES else None
    else:
        return None
    if bill_type is None or not _NUMBER.fullmatch(number_part):
        return None
    version = ""
    if len(rest) >= 2 and rest[0] == "text" and re.fullmatch(_VERSION, rest[1]) and rest[1] not in NOT_BILL_VERSIONS:
        version = rest[1]
    return _ref(congress, bill_type, number_part, version)


def govinfo_xml_url(ref: BillRef) -> str:
    """govinfo's bill DTD XML of one version. Raises ValueError when `ref` names no version."""
    if not ref.version:
        raise ValueError(f"bill {ref.package} names no version; choose one first (is, rs, es, enr, ...)")
    package = f"BILLS-{ref.package}{ref.version}"
    return f"https://www.govinfo.gov/content/pkg/{package}/xml/{package}.xml"


def billstatus_url(ref: BillRef) -> str:
    """govinfo's bulk BILLSTATUS XML of the bill (any version in `ref` is ignored)."""
    return f"https://www.govinfo.gov/bulkdata/BILLSTATUS/{ref.congress}/{ref.bill_type}/BILLSTATUS-{ref.package}.xml"


def text_versions(billstatus_xml: bytes) -> list[TextVersion]:
    """The bill's text versions, oldest first, from <bill><textVersions> of a BILLSTATUS record.

    The code comes from the govinfo URL the record gives for the version
    (BILLS-117s4428rs -> 'rs'), else from its name ('Reported in Senate' -> 'rs');
    a version with neither keeps code ''. Empty items (the record can hold an
    <item> with empty <type>, <date> and <formats>) are left out. The record
    lists the newest first; versions of the same day keep that order reversed.
    Raises BillStatusError when the bytes are not a BILLSTATUS record.
    """
    try:
        root = parse(billstatus_xml.decode("utf-8", errors="replace"))
    except XmlError as error:
        raise BillStatusError(f"not a BILLSTATUS record: {error}") from error
    if local_name(root) != "billStatus":
        raise BillStatusError(f"not a BILLSTATUS record: the root element is <{local_name(root)}>")
    bill = _child(root, "bill")
    listing = _child(bill, "textVersions") if bill is not None else None
    if listing is None:
        return []
    versions = [version for item in listing if local_name(item) == "item" for version in _text_version(item)]
    versions.reverse()
    return sorted(versions, key=lambda version: version.date or date.max)


def _text_version(item: etree._Element) -> list[TextVersion]:
    name = " ".join(_child_text(item, "type").split())
    day = _day(_child_text(item, "date"))
    urls = [" ".join(element.itertext()).strip() for element in item.iter() if local_name(element) == "url"]
    if not name and day is None and not any(urls):
        return []
    from_url = next((found.group(4).lower() for url in urls if (found := _PACKAGE.search(url))), "")
    return [TextVersion(code=from_url or VERSION_CODES.get(name.lower(), ""), name=name, date=day)]


def _day(text: str) -> date | None:
    """The day of '2022-09-15T04:00:00Z' or '2022-09-15'.

    GPO writes a version's day as midnight US Eastern in UTC (04:00Z or 05:00Z),
    so the date part is the day itself.
    """
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def choose_version(versions: Sequence[TextVersion], as_of: date | None) -> TextVersion | None:
    """The text in force on `as_of`: the latest version dated on or before it.

    With no `as_of`, the latest version; with `as_of` before every version, the
    earliest. Only versions with a code and a date can be chosen (a version
    without a code has no govinfo bill XML to read). None when none can.
    """
    candidates = sorted((v for v in versions if v.code and v.date), key=lambda v: v.date)  # stable: same-day order kept
    if not candidates:
        return None
    if as_of is None:
        return candidates[-1]
    in_force = [version for version in candidates if version.date <= as_of]
    return in_force[-1] if in_force else candidates[0]


def resolve_bill(
    ref: BillRef, as_of: date | None, fetch: Callable[[str], bytes | FetchFailure]
) -> Resolution | FetchFailure:
    """The govinfo XML URL to read for `ref`.

    A version named in `ref` wins and nothing is fetched. Otherwise the bill's
    BILLSTATUS record is fetched with `fetch` and the version in force on
    `as_of` chosen. A FetchFailure from `fetch` is returned as it is; a record
    that cannot be read, or that lists no version with govinfo bill XML, is a
    FetchFailure (error) of the BILLSTATUS URL.
    """
    if ref.version:
        return Resolution(govinfo_xml_url(ref), ref.version, f"version '{ref.version}' named in the reference")
    status_url = billstatus_url(ref)
    answer = fetch(status_url)
    if isinstance(answer, FetchFailure):
        return answer
    try:
        versions = tuple(text_versions(answer))
    except BillStatusError as error:
        return FetchFailure(status_url, FailureReason.ERROR, str(error))
    chosen = choose_version(versions, as_of)
    if chosen is None:
        listed = ", ".join(version.name or "(unnamed)" for version in versions) or "none"
        return FetchFailure(
            status_url, FailureReason.ERROR, f"the bill status lists no text version on govinfo (listed: {listed})"
        )
    return Resolution(govinfo_xml_url(replace(ref, version=chosen.code)), chosen.code, _reason(chosen, as_of),
                      versions)


def _reason(chosen: TextVersion, as_of: date | None) -> str:
    label = f"'{chosen.code}' ({chosen.name}, {chosen.date.isoformat()})"
    if as_of is None:
        return f"{label}: the latest text version; the claim gives no date"
    if chosen.date > as_of:
        return f"{label}: the earliest text version; the claim's date {as_of.isoformat()} is before every version"
    return f"{label}: the latest text version on or before the claim's date {as_of.isoformat()}"


def _child(element: etree._Element, name: str) -> etree._Element | None:
    for child in element:
        if local_name(child) == name:
            return child
    return None


def _child_text(element: etree._Element, name: str) -> str:
    child = _child(element, name)
    return "".join(child.itertext()) if child is not None else ""


def version_codes() -> tuple[str, ...]:
    """Every GPO bill version code checker knows, in the user guide's order."""
    return tuple(dict.fromkeys(STAGES.values()))


def recorded_versions(ref: BillRef, is_recorded: Callable[[str], bool]) -> list[tuple[str, str]]:
    """(code, govinfo XML URL) of each version of the bill that has a recording."""
    versions = []
    for code in version_codes():
        url = govinfo_xml_url(replace(ref, version=code))
        if is_recorded(url):
            versions.append((code, url))
    return versions

