"""Reviewers' decisions: read back from a reviewed spreadsheet, kept in reviews.csv, shown in later reports.

A review is keyed by claim id and by the hash of the evidence the reviewer saw (`evidence_hash`, a
column of the exported sheet). When a later run finds other evidence for the claim (its source
changed, or another source now answers), the review is `stale`: the decision stands in reviews.csv
but reports say it was made on other evidence.

reviews.csv has one row per claim id (a newer decision replaces the older one), sorted by id, and is
replaced atomically: an import with any problem writes nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass, replace
from pathlib import Path

from checker.errors import InputError
from checker.models import Result, Verdict

REVIEW_COLUMNS = ("id", "verdict", "note", "reviewer", "evidence_hash", "checker_verdict", "reviewed_at")
DANGEROUS_LEADING = ("=", "+", "-", "@", "\t", "\r", "\n")


class ReviewImportError(InputError):
    """A reviewed sheet with problems; `problems` lists every one, each naming its row."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = tuple(problems)
        super().__init__(f"{source}: {len(problems)} problem(s), nothing imported:\n"
                         + "\n".join(f"  {problem}" for problem in problems))


@dataclass(frozen=True)
class Review:
    """A reviewer's decision on one claim, made on the evidence whose hash is `evidence_hash`."""

    claim_id: str
    verdict: Verdict
    note: str = ""
    reviewer: str = ""
    evidence_hash: str = ""
    checker_verdict: str = ""  # checker's verdict in the sheet the reviewer saw
    reviewed_at: str = ""
    stale: bool = False  # set against a run's results: the evidence is no longer what the reviewer saw

    def same_decision(self, other: Review) -> bool:
        return (self.verdict, self.note, self.reviewer, self.evidence_hash) == (
            other.verdict, other.note, other.reviewer, other.evidence_hash)


@dataclass(frozen=True)
class ImportSummary:
    """What an import changed: claim ids added, updated and unchanged, and rows with no decision."""

    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    skipped_rows: int


def evidence_hash(result: Result) -> str:
    """sha256 of the evidence texts a report shows for the result, in order ('' joined when there are none)."""
    joined = "\x1e".join(evidence.text for evidence in result.evidence)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def neutralise(value: str) -> str:
    """A cell a spreadsheet will not run as a formula: a leading = + - @ tab CR LF gets a ' before it.

    OWASP's CSV injection guidance; Excel, LibreOffice and Google Sheets read a leading ' as "text".
    """
    return "'" + value if value.startswith(DANGEROUS_LEADING) else value


def restore(value: str) -> str:
    """The value `neutralise` was given: the ' it added is removed."""
    return value[1:] if value.startswith("'") and value[1:].startswith(DANGEROUS_LEADING) else value


def parse_verdict(value: str) -> Verdict | None:
    """A verdict as a person may type it ('Partially supported', 'not-found'); None if it is none."""
    slug = "_".join(value.strip().lower().replace("-", " ").split())
    try:
        return Verdict(slug)
    except ValueError:
        return None


def with_staleness(reviews: dict[str, Review], results: tuple[Result, ...] | list[Result]) -> dict[str, Review]:
    """The reviews of the claims in `results`, each marked stale when its evidence is no longer the same."""
    current = {result.claim.id: evidence_hash(result) for result in results}
    return {claim_id: replace(review, stale=review.evidence_hash != current[claim_id])
            for claim_id, review in reviews.items() if claim_id in current}


def load_reviews(path: Path) -> dict[str, Review]:
    """reviews.csv as claim id -> Review; an absent file is no reviews. Raises InputError if it is malformed."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the reviews file ({exc})") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [column for column in ("id", "verdict", "evidence_hash") if column not in (reader.fieldnames or ())]
    if missing:
        raise InputError(f"{path}: not a reviews file: no column {', '.join(missing)}; "
                         f"its header must be {','.join(REVIEW_COLUMNS)}")
    reviews = {}
    for row_number, row in enumerate(reader, start=2):
        cells = {name: restore(value or "") for name, value in row.items() if name}
        verdict = parse_verdict(cells["verdict"])
        if verdict is None:
            raise InputError(f"{path}:{row_number}: verdict: unknown verdict {cells['verdict']!r}; "
                             f"use one of {', '.join(Verdict)}")
        reviews[cells["id"]] = Review(
            claim_id=cells["id"], verdict=verdict, note=cells.get("note", ""), reviewer=cells.get("reviewer", ""),
            evidence_hash=cells["evidence_hash"], checker_verdict=cells.get("checker_verdict", ""),
            reviewed_at=cells.get("reviewed_at", ""))
    return reviews


def render_reviews(reviews: dict[str, Review]) -> str:
    """reviews.csv text: one row per claim id, sorted, cells neutralised like every sheet checker writes."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(REVIEW_COLUMNS)
    for claim_id in sorted(reviews):
        review = reviews[claim_id]
        writer.writerow([neutralise(cell) for cell in (
            review.claim_id, review.verdict.value, review.note, review.reviewer, review.evidence_hash,
            review.checker_verdict, review.reviewed_at)])
    return out.getvalue()


def read_sheet(path: Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a reviewed CSV or XLSX export as (row number, cells), numbered as the sheet shows them.

    Raises InputError when the file cannot be read as either.
    """
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise InputError(f"{path}: not a .csv or .xlsx file; import the results.csv or results.xlsx "
                         "that `checker verify --format csv,xlsx` wrote")
    if not path.is_file():
        raise InputError(f"{path}: no such file (give the reviewed results.csv or results.xlsx)")
    try:
        table = _csv_table(path) if suffix == ".csv" else _xlsx_table(path)
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; save it as 'CSV UTF-8' and import it again") from None
    except Exception as exc:  # pandas and openpyxl raise many kinds on a file that is not what it says
        raise InputError(f"{path}: cannot read it as {suffix[1:].upper()} ({exc})") from None
    if not table:
        return []
    header = [_cell_text(name) for name in table[0]]
    return [(number, {name: restore(_cell_text(value)) for name, value in zip(header, values) if name})
            for number, values in enumerate(table[1:], start=2)
            if any(_cell_text(value) for value in values)]


def _csv_table(path: Path) -> list[list[object]]:
    """A CSV as rows of cells, with pandas: a sheet saved by a spreadsheet set to ';' is read too."""
    import pandas

    frame = pandas.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if len(frame.columns) == 1 and ";" in str(frame.columns[0]):
        frame = pandas.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig", sep=";")
    return [list(frame.columns), *(list(values) for values in frame.itertuples(index=False, name=None))]


def _xlsx_table(path: Path) -> list[list[object]]:
    """The first sheet of a workbook as rows of cells, read with openpyxl rather than pandas: a note a
    reviewer typed starting with = is a formula to Excel, and only its text (no computed value) says
    what they wrote."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    try:
        return [list(values) for values in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    value = getattr(value, "text", value)  # an array formula
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def reviews_from_sheet(rows: list[tuple[int, dict[str, str]]], claim_ids: set[str], source: str,
                       reviewed_at: str, claims_file: str = "the claims file") -> tuple[dict[str, Review], int]:
    """Every decision in the sheet's rows, and the number of rows with none. Raises ReviewImportError
    listing every problem (unknown verdict, unknown claim id, no evidence hash, one claim decided twice)."""
    header = set(rows[0][1]) if rows else set()
    missing = [column for column in ("id", "reviewer_verdict", "evidence_hash") if rows and column not in header]
    if missing:
        raise ReviewImportError(source, [f"no column {column}; import the sheet checker exported, "
                                         "with its header row" for column in missing])
    problems: list[str] = []
    decided: dict[str, tuple[int, Review]] = {}
    skipped = 0
    for row_number, cells in rows:
        claim_id, typed = cells.get("id", ""), cells.get("reviewer_verdict", "")
        if not typed:
            skipped += 1
            continue
        verdict = parse_verdict(typed)
        if verdict is None:
            problems.append(f"row {row_number}: reviewer_verdict: unknown verdict {typed!r}; "
                            f"use one of {', '.join(Verdict)}")
        if claim_id not in claim_ids:
            problems.append(f"row {row_number}: id: unknown claim id {claim_id!r}; it is not a claim in "
                            f"{claims_file}")
        if not cells.get("evidence_hash"):
            problems.append(f"row {row_number}: evidence_hash: empty; review a sheet exported by "
                            "`checker verify --format xlsx` (or csv) and keep that column")
        if claim_id in decided:
            problems.append(f"row {row_number}: id: claim {claim_id!r} is decided again (first in row "
                            f"{decided[claim_id][0]}); keep one decision per claim")
        if verdict is None or claim_id in decided:
            continue
        decided[claim_id] = (row_number, Review(
            claim_id=claim_id, verdict=verdict, note=cells.get("reviewer_note", ""),
            reviewer=cells.get("reviewer", ""), evidence_hash=cells.get("evidence_hash", ""),
            checker_verdict=cells.get("verdict", ""), reviewed_at=reviewed_at))
    if problems:
        raise ReviewImportError(source, problems)
    return {claim_id: review for claim_id, (_, review) in decided.items()}, skipped


def merge(kept: dict[str, Review], imported: dict[str, Review]) -> tuple[dict[str, Review], tuple[str, ...],
                                                                         tuple[str, ...], tuple[str, ...]]:
    """`kept` with `imported` laid over it: (merged, added ids, updated ids, unchanged ids).

    A decision identical to the kept one keeps its first `reviewed_at`.
    """
    merged = dict(kept)
    added, updated, unchanged = [], [], []
    for claim_id, review in imported.items():
        old = kept.get(claim_id)
        if old is None:
            added.append(claim_id)
            merged[claim_id] = review
        elif old.same_decision(review):
            unchanged.append(claim_id)
        else:
            updated.append(claim_id)
            merged[claim_id] = review
    return merged, tuple(added), tuple(updated), tuple(unchanged)


def import_reviews(sheet: Path, reviews_path: Path, claim_ids: set[str], reviewed_at: str,
                   claims_file: str = "the claims file") -> ImportSummary:
    """Read a reviewed sheet, validate every row, and merge its decisions into reviews.csv.

    Raises ReviewImportError (every problem, with its row) or InputError; reviews.csv is then untouched.
    """
    from checker.fetch.cassette import atomic_write

    rows = read_sheet(sheet)
    imported, skipped = reviews_from_sheet(rows, claim_ids, str(sheet), reviewed_at, claims_file)
    kept = load_reviews(reviews_path)
    merged, added, updated, unchanged = merge(kept, imported)
    if added or updated:
        atomic_write(reviews_path, render_reviews(merged).encode("utf-8"))
    return ImportSummary(added, updated, unchanged, skipped)
