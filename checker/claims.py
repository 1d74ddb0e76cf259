"""claims.csv -> Claim values, and every problem found, each with its row and column.

Pure: `parse_claims` takes the file's bytes. A row with an error is reported and left out;
a row with only warnings is kept. Nothing here raises on bad rows: problems are data.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from checker.errors import ClaimsFileError
from checker.models import Claim, Kind

COLUMNS = ("id", "claim", "kind", "expected", "subject", "speaker", "sources", "as_of", "notes", "language")
OPTIONAL_COLUMNS = ("language",)  # added after the first version: a file without it is not warned about
REQUIRED_COLUMNS = ("id", "claim", "kind")
NUMBER_KINDS = (Kind.AMOUNT, Kind.COUNT, Kind.ORDINAL)
SOURCE_SEPARATOR = "|"

_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]+)[\"“”«»]")
# Characters removed from every cell: C0/C1 controls (but tab, CR, LF), DEL, bidirectional embeddings,
# overrides and isolates (they make text display in another order than it reads), and a stray BOM.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufeff]")
_SHOWN_LIMIT = 80


@dataclass(frozen=True)
class Problem:
    """One thing wrong in claims.csv. `row` is the file line the record starts on (header = 1)."""

    row: int
    column: str
    code: str  # stable slug, e.g. unknown_kind, duplicate_id, bad_url
    message: str
    severity: str = "error"  # "error" drops the row; "warning" keeps it

    def describe(self, filename: str = "claims.csv") -> str:
        where = f"{filename}:{self.row}" + (f": {self.column}" if self.column else "")
        return f"{where}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class ClaimsFile:
    claims: tuple[Claim, ...]
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")


def load_claims(path: str | Path) -> ClaimsFile:
    """Read and validate a claims file. Raises ClaimsFileError only when the file cannot be read."""
    path = Path(path)
    try:
        content = path.read_bytes()
    except FileNotFoundError:
        raise ClaimsFileError(f"{path}: no such file (give the path of a claims CSV file)") from None
    except IsADirectoryError:
        raise ClaimsFileError(f"{path}: is a folder, not a claims CSV file") from None
    except OSError as exc:
        raise ClaimsFileError(f"{path}: cannot read it ({exc.strerror})") from None
    return parse_claims(content)


def parse_claims(content: bytes) -> ClaimsFile:
    """Validate the bytes of a claims CSV file, collecting every problem at once."""
    text, problems = _decode(content)
    if not text.strip():
        return ClaimsFile((), (Problem(1, "", "empty_file", "the file is empty; the first line must be the header"),))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [_CONTROL.sub("", name).strip().lower() for name in next(reader)]
    except csv.Error as exc:
        return ClaimsFile((), (*problems, Problem(1, "", "unreadable_row", _csv_complaint(exc))))
    header_problems = _check_header(header)
    problems.extend(header_problems)
    if any(p.severity == "error" for p in header_problems):
        return ClaimsFile((), tuple(problems))

    claims: list[Claim] = []
    first_row_of_id: dict[str, int] = {}
    row_start = reader.line_num + 1
    while True:
        row = row_start
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(row, "", "unreadable_row", _csv_complaint(exc)))
            row_start = reader.line_num + 1
            continue
        row_start = reader.line_num + 1
        if not any(value.strip() for value in values):
            continue
        cells, row_problems = _cells(header, values, row)
        claim, cell_problems = _claim_from_cells(cells, row)
        row_problems.extend(cell_problems)
        if claim is not None:
            if claim.id in first_row_of_id:
                row_problems.append(Problem(
                    row, "id", "duplicate_id",
                    f"duplicate id '{shown(claim.id)}' (first used on row {first_row_of_id[claim.id]}); "
                    "ids must be unique",
                ))
            else:
                first_row_of_id[claim.id] = row
        problems.extend(row_problems)
        if claim is not None and not any(p.severity == "error" for p in row_problems):
            claims.append(claim)
    return ClaimsFile(tuple(claims), tuple(sorted(problems, key=lambda p: p.row)))


def _csv_complaint(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return f"a cell is longer than {csv.field_size_limit():,} characters (an unclosed double quote?); row skipped"
    return f"the row cannot be read as CSV ({exc}); row skipped"


def shown(value: str) -> str:
    """A cell's value as a message quotes it: line breaks and tabs visible, long values cut."""
    value = value.replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")
    return value if len(value) <= _SHOWN_LIMIT else value[: _SHOWN_LIMIT - 1] + "…"


def _decode(content: bytes) -> tuple[str, list[Problem]]:
    """UTF-8 (with or without BOM); a line that is not UTF-8 is read as cp1252 and reported.

    Lines are split as the csv reader counts them (LF, CR LF or a lone CR), so the row of an
    encoding warning is the row of the other problems.
    """
    if content.startswith(b"\xef\xbb\xbf"):
        content = content[3:]
    try:
        return content.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    problems = []
    lines = []
    for number, raw in enumerate(content.splitlines(keepends=True), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
            problems.append(Problem(
                number, "", "encoding",
                "line is not UTF-8; read as Windows-1252 (save the file as UTF-8)", "warning",
            ))
    return "".join(lines), problems


def _check_header(header: list[str]) -> list[Problem]:
    problems = []
    for column in REQUIRED_COLUMNS:
        if column not in header:
            problems.append(Problem(1, column, "missing_column",
                                    f"missing column '{column}'; the header must name {', '.join(REQUIRED_COLUMNS)}"))
    for column in COLUMNS:
        if column not in header and column not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
            problems.append(Problem(1, column, "missing_column",
                                    f"missing column '{column}'; read as empty", "warning"))
    for column in header:
        if column not in COLUMNS:
            problems.append(Problem(1, column or "(blank)", "unknown_column",
                                    f"unknown column '{shown(column)}' ignored; columns are {', '.join(COLUMNS)}",
                                    "warning"))
    seen = set()
    for column in header:
        if column in seen and column in COLUMNS:
            problems.append(Problem(1, column, "duplicate_column", f"column '{column}' appears twice"))
        seen.add(column)
    return problems


def _cells(header: list[str], values: list[str], row: int) -> tuple[dict[str, str], list[Problem]]:
    problems = []
    if len(values) > len(header):
        extra = [v for v in values[len(header):] if v.strip()]
        if extra:
            problems.append(Problem(row, "", "extra_values",
                                    f"{len(values)} values for {len(header)} columns; a comma inside a cell "
                                    "needs the cell in double quotes"))
    cells = {name: "" for name in COLUMNS}
    for name, value in zip(header, values):
        if name in cells:
            hidden = sorted(set(_CONTROL.findall(value)))
            if hidden:
                value = _CONTROL.sub("", value)
                names = ", ".join(f"U+{ord(char):04X}" for char in hidden)
                problems.append(Problem(row, name, "control_characters",
                                        f"invisible control characters removed ({names})", "warning"))
            cells[name] = value.strip()
    return cells, problems


def _claim_from_cells(cells: dict[str, str], row: int) -> tuple[Claim | None, list[Problem]]:
    problems: list[Problem] = []
    claim_id = cells["id"]
    if not claim_id:
        problems.append(Problem(row, "id", "missing_id", "missing id; give each claim a short unique id such as aid-600m"))
    elif not _ID_PATTERN.match(claim_id):
        problems.append(Problem(row, "id", "bad_id",
                                f"id '{shown(claim_id)}' may hold only letters, digits, '.', '_' and '-'"))
    if not cells["claim"]:
        problems.append(Problem(row, "claim", "missing_claim", "missing claim text"))

    kind = _kind(cells["kind"], row, problems)
    sources = _sources(cells["sources"], row, problems)
    as_of = _as_of(cells["as_of"], row, problems)
    if kind is not None:
        _check_kind_fields(kind, cells, row, problems)
    if kind is None or not claim_id:
        return None, problems
    claim = Claim(
        id=claim_id, claim=cells["claim"], kind=kind, expected=cells["expected"], subject=cells["subject"],
        speaker=cells["speaker"], sources=sources, as_of=as_of, notes=cells["notes"], language=cells["language"],
        row=row,
    )
    if kind is Kind.QUOTE and not claim.expected:
        quoted = _QUOTED.search(claim.claim)
        if quoted:
            claim = replace(claim, expected=quoted.group(1).strip())
    return claim, problems


def _kind(value: str, row: int, problems: list[Problem]) -> Kind | None:
    try:
        return Kind(value.lower())
    except ValueError:
        said = f"unknown kind '{shown(value)}'" if value else "missing kind"
        problems.append(Problem(row, "kind", "unknown_kind",
                                f"{said}; use one of {', '.join(k.value for k in Kind)}"))
        return None


def _sources(value: str, row: int, problems: list[Problem]) -> tuple[str, ...]:
    urls = tuple(url.strip() for url in value.split(SOURCE_SEPARATOR) if url.strip())
    if not urls:
        problems.append(Problem(row, "sources", "no_sources",
                                "no source given; the claim will be reported as unchecked", "warning"))
    for url in urls:
        complaint = url_problem(url)
        if complaint and not _is_bill_reference(url):
            from checker.fetch.cassette import redact_url

            problems.append(Problem(row, "sources", "bad_url", f"{complaint}: '{shown(redact_url(url))}'"))
    return urls


def _is_bill_reference(url: str) -> bool:
    """Imported only for a source that is not a plain URL: checker.fetch.bills loads lxml and the
    extractors, which `checker validate` does not otherwise need (benchmarks/startup.py)."""
    from checker.fetch.bills import parse_bill_reference

    return parse_bill_reference(url) is not None


def url_problem(url: str) -> str:
    """Why `url` cannot be a source ('' when it can)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return "not a valid URL"
    if parts.scheme.lower() not in ("http", "https"):
        return "only http and https URLs can be sources"
    if not parts.hostname:
        return "URL has no host"
    if parts.username or parts.password:
        return "URL holds credentials; remove the user name and password"
    if any(ch.isspace() for ch in url):
        return "URL holds white space; separate several sources with '|'"
    return ""


def _as_of(value: str, row: int, problems: list[Problem]) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(Problem(row, "as_of", "bad_date", f"'{shown(value)}' is not a date; write it as YYYY-MM-DD"))
        return None


def _check_kind_fields(kind: Kind, cells: dict[str, str], row: int, problems: list[Problem]) -> None:
    if kind in NUMBER_KINDS:
        from checker.numbers import parse_quantity

        column = "expected" if cells["expected"] else "claim"
        if parse_quantity(cells[column]) is None:
            problems.append(Problem(row, column, "bad_number",
                                    f"no number can be read in '{shown(cells[column])}'; write it as in '$600 million', "
                                    "'36,000', 'more than 50' or '21st'"))
    elif kind is Kind.ATTRIBUTION:
        for column, what in (("subject", "the person"), ("expected", "the title given")):
            if not cells[column]:
                problems.append(Problem(row, column, "missing_field", f"an attribution needs {what} in '{column}'"))
    elif kind is Kind.QUOTE:
        if not cells["expected"] and not _QUOTED.search(cells["claim"]):
            problems.append(Problem(row, "expected", "missing_field",
                                    "a quote needs the quoted words in 'expected' (or in quote marks in 'claim')"))
        if not cells["speaker"]:
            problems.append(Problem(row, "speaker", "missing_field",
                                    "no speaker given; the quote's attribution will not be checked", "warning"))
    elif kind is Kind.WORDING and not cells["expected"]:
        problems.append(Problem(row, "expected", "missing_field", "a wording claim needs the words in 'expected'"))
