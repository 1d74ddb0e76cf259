"""Run every reliability scenario (issue 6) and print the table: scenario | what was tried | outcome |
anything lost. Exits 1 if any scenario fails or loses something.

    .venv/bin/python benchmarks/reliability.py [--only SUBSTRING]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# tests/ first, and not benchmarks/: this file's name would shadow the tests/reliability package.
sys.path[:] = [str(ROOT / "tests"), str(ROOT)] + [p for p in sys.path[1:] if Path(p or ".").resolve() != ROOT / "benchmarks"]

from reliability.scenarios import Row, load_all, run_one  # noqa: E402

HEADER = ("scenario", "what was tried", "outcome", "anything lost")


def table(rows: list[Row]) -> str:
    """A Markdown table (pipes in cells escaped)."""
    def cell(text: str) -> str:
        return " ".join(text.split()).replace("|", "\\|")

    lines = ["| " + " | ".join(HEADER) + " |", "|" + "|".join("---" for _ in HEADER) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(cell(c) for c in (row.name, row.tried, row.outcome, row.lost)) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run only the scenarios whose name contains this")
    args = parser.parse_args(argv)
    scenarios = [s for name, s in load_all().items() if args.only.lower() in name.lower()]
    rows = []
    for item in scenarios:
        row = run_one(item)
        rows.append(row)
        print(f"{'ok  ' if row.passed else 'FAIL'} {row.seconds:6.2f} s  {row.name}", file=sys.stderr)
    print(table(rows))
    failed = [r for r in rows if not r.passed or r.lost != "nothing"]
    print(f"\n{len(rows)} scenarios, {len(rows) - len(failed)} passed, {len(failed)} failed or lost something")
    return 1 if failed or not rows else 0


if __name__ == "__main__":
    sys.exit(main())
