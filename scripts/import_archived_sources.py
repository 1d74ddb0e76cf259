"""Import the archived copies that claims.csv cites from ../shared/data/wh-briefings into cassettes/.

Each White House document there is a text scraped from bidenwhitehouse.archives.gov with a YAML
header giving its `source_url`. A claims.csv source URL equal to a `source_url` gets that file as
its recorded response, through `checker import`, with the provenance said.

    .venv/bin/python scripts/import_archived_sources.py [claims.csv] [--cassettes DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WH_BRIEFINGS = ROOT.parent / "shared" / "data" / "wh-briefings"
ORIGIN = ("brian14708/wh-briefings @ 737ca03a (CC0): text of the bidenwhitehouse.archives.gov page, "
          "scraped by that project; a US government work")


def source_urls(folder: Path) -> dict[Path, str]:
    """Every file of the collection by the source_url in its header."""
    from checker.fetch.importer import split_front_matter

    found = {}
    for file in sorted(folder.rglob("*.md")):
        fields, _ = split_front_matter(file.read_bytes())
        if fields.get("source_url"):
            found[str(fields["source_url"])] = file
    return found


def main() -> int:
    from checker.claims import load_claims
    from checker.cli import main as checker

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", nargs="?", default=str(ROOT / "claims.csv"))
    parser.add_argument("--cassettes", default=str(ROOT / "cassettes"))
    args = parser.parse_args()
    if not WH_BRIEFINGS.is_dir():
        print(f"{WH_BRIEFINGS} is absent: clone the project beside ../shared", file=sys.stderr)
        return 2
    by_url = source_urls(WH_BRIEFINGS)
    cited = dict.fromkeys(url for claim in load_claims(args.claims).claims for url in claim.sources)
    for url in cited:
        file = by_url.get(url)
        if file is None:
            continue
        relative = file.relative_to(WH_BRIEFINGS.parent.parent)
        code = checker(["import", url, str(file), "--cassettes", args.cassettes, "--content-type", "text/markdown",
                        "--origin", ORIGIN, "--note", f"archived copy: shared/{relative}"])
        if code:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main())
