"""Under load (issue 6, point 6): 10,000 claims over 500 recorded sources, checked from replay.

    .venv/bin/python benchmarks/load.py [--sources 500] [--claims 10000] [--no-tracemalloc]

Synthetic recordings of real text: each of the N sources is an HTML page at a made-up URL
(https://www.whitehouse.gov/briefing-room/synthetic-load/<i>/) whose paragraphs are runs taken from two
real White House texts (../shared/data/wh-briefings, public domain), recorded into cassettes in a
temporary directory as if fetched. The claims cite them: exact quotes cut from a page, quotes with one
word changed, statements (a sentence of the page), amounts ("$N million" with the words before it as
subject) and quotes that are on no page, in rotation. The run is checker.pipeline.verify on a replay-only
SourceStore, as `checker verify --record none` does.

Printed: wall time and claims/s of the run (without tracing), the process's peak resident set
(ru_maxrss, the whole process: Python, the texts and the claims included), and, in a second run of the
same claims under tracemalloc, the peak of traced Python allocations (slower; --no-tracemalloc skips it).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from dataclasses import dataclass
from html import escape
from pathlib import Path

from checker.fetch.cassette import Recording, cassette_path, write_cassette
from checker.fetch.store import SourceStore
from checker.models import Claim, Kind, Result
from checker.pipeline import verify

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "wh-briefings"
URL = "https://www.whitehouse.gov/briefing-room/synthetic-load/{}/"
_SENTENCE = re.compile(r"[^.!?]+[.!?]")
_AMOUNT = re.compile(r"\$\d[\d,.]*\s+(?:million|billion)")


@dataclass(frozen=True)
class Source:
    url: str
    title: str
    paragraphs: tuple[str, ...]

    def html(self) -> bytes:
        body = "".join(f"<p>{escape(p, quote=False)}</p>\n" for p in self.paragraphs)
        return (f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(self.title)}</title></head>"
                f"<body><main><article><h1>{escape(self.title)}</h1>\n{body}</article></main></body></html>"
                ).encode("utf-8")


def real_texts(data: Path = DATA) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) of every White House Markdown text, front matter dropped, paragraphs joined."""
    texts = []
    for path in sorted(data.rglob("*.md")):
        if path.name == "README.md":
            continue
        raw = path.read_text(encoding="utf-8")
        title = ""
        if raw.startswith("---"):
            front, _, raw = raw[3:].partition("\n---")
            found = re.search(r"^title:\s*(.+)$", front, re.M)
            title = found.group(1).strip().strip("'\"").replace("\\_", " ") if found else ""
        paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", raw)]
        paragraphs = [p for p in paragraphs if len(p.split()) >= 12]
        if len(paragraphs) >= 3:
            texts.append((title or path.stem, paragraphs))
    return texts


def build_sources(texts: list[tuple[str, list[str]]], count: int, seed: int = 6) -> list[Source]:
    """`count` synthetic pages, each a run of up to 25 paragraphs from one text and up to 15 from another."""
    rng = random.Random(seed)
    sources = []
    for i in range(count):
        (title, first), (_, second) = rng.sample(texts, 2)
        start = rng.randrange(max(1, len(first) - 5))
        other = rng.randrange(max(1, len(second) - 5))
        paragraphs = tuple(first[start:start + 25] + second[other:other + 15])
        sources.append(Source(URL.format(i), title, paragraphs))
    return sources


def record(sources: list[Source], cassettes: Path) -> None:
    """Write one cassette per source, as a live fetch in record mode would."""
    for source in sources:
        headers = {"Content-Type": "text/html; charset=utf-8", "X-Checker-Provenance": "synthetic"}
        write_cassette(cassette_path(cassettes, source.url), [Recording(source.url, 200, headers, source.html())])


def make_claims(sources: list[Source], count: int, seed: int = 6) -> list[Claim]:
    """`count` claims in rotation: exact quote, quote with a word changed, statement, amount, absent quote."""
    rng = random.Random(seed)
    claims = []
    for i in range(count):
        source = sources[i % len(sources)]
        sentences = [s.strip() for p in source.paragraphs for s in _SENTENCE.findall(p) if 8 <= len(s.split()) <= 40]
        sentence = rng.choice(sentences) if sentences else source.paragraphs[0]
        words = sentence.split()
        family = i % 5
        cid = f"load-{i}"
        if family == 0:
            claims.append(Claim(cid, " ".join(words[: min(len(words), 20)]), Kind.QUOTE, sources=(source.url,)))
        elif family == 1:
            at = rng.randrange(len(words))
            changed = words[:at] + ["absolutely"] + words[at + 1:]
            claims.append(Claim(cid, " ".join(changed), Kind.QUOTE, sources=(source.url,)))
        elif family == 2:
            claims.append(Claim(cid, sentence, Kind.STATEMENT, sources=(source.url,)))
        elif family == 3:
            claims.append(_amount_claim(cid, source, sentence))
        else:
            other = sources[(i + len(sources) // 2) % len(sources)]
            claims.append(Claim(cid, " ".join(other.paragraphs[-1].split()[:15]), Kind.QUOTE, sources=(source.url,)))
    return claims


def _amount_claim(cid: str, source: Source, fallback: str) -> Claim:
    for paragraph in source.paragraphs:
        found = _AMOUNT.search(paragraph)
        if found:
            subject = " ".join(paragraph[: found.start()].split()[-6:])
            return Claim(cid, paragraph, Kind.AMOUNT, expected=found.group(0), subject=subject, sources=(source.url,))
    return Claim(cid, fallback, Kind.STATEMENT, sources=(source.url,))


@dataclass(frozen=True)
class Figures:
    sources: int
    claims: int
    seconds: float
    maxrss_mib: float
    traced_peak_mib: float | None
    verdicts: dict[str, int]

    @property
    def per_second(self) -> float:
        return self.claims / self.seconds if self.seconds else 0.0


def run(claims: list[Claim], cassettes: Path, traced: bool = True, workers: int = 8) -> tuple[list[Result], Figures]:
    """verify() from replay; timed untraced, then (traced=True) again under tracemalloc for the peak."""
    started = time.perf_counter()
    results = verify(claims, SourceStore(cassettes), workers=workers)
    seconds = time.perf_counter() - started
    peak = None
    if traced:
        tracemalloc.start()
        try:
            verify(claims, SourceStore(cassettes), workers=workers)
            peak = tracemalloc.get_traced_memory()[1] / 2**20
        finally:
            tracemalloc.stop()
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    verdicts = Counter(result.verdict.value for result in results)
    return results, Figures(len({u for c in claims for u in c.sources}), len(results), seconds, maxrss, peak,
                            dict(sorted(verdicts.items())))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=500)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--no-tracemalloc", action="store_true", help="skip the second, traced run")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"the White House texts are not here: {DATA}", file=sys.stderr)
        return 2
    sources = build_sources(real_texts(), args.sources)
    claims = make_claims(sources, args.claims)
    with tempfile.TemporaryDirectory(prefix="checker-load-") as tmp:
        record(sources, Path(tmp))
        size = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file())
        results, figures = run(claims, Path(tmp), traced=not args.no_tracemalloc)
    assert len(results) == len(claims)
    print(f"{figures.sources} synthetic recorded sources (real White House text, {size / 2**20:.1f} MiB of cassettes), "
          f"{figures.claims} claims, from replay")
    print(f"wall time     {figures.seconds:.1f} s ({figures.per_second:.0f} claims/s)")
    print(f"peak RSS      {figures.maxrss_mib:.0f} MiB (ru_maxrss, whole process)")
    if figures.traced_peak_mib is not None:
        print(f"traced peak   {figures.traced_peak_mib:.0f} MiB (tracemalloc, second run)")
    print("verdicts      " + ", ".join(f"{k} {v}" for k, v in figures.verdicts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
