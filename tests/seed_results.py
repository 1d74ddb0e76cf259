"""Results as checker gave them for four of the seed claims (claims.csv, the recorded White House briefings).

The claims, reasons and evidence are copied from a run of `checker verify claims.csv`; the evidence
texts are the briefings' own words (US government works). The backspace in the Modi evidence is
the only thing added: extracted text can carry such control characters, and XML 1.0 does not allow them.
"""

from checker.models import Claim, Evidence, Finding, Kind, Result, SourceCheck, Verdict
from checker.report import Run

BRIEFING_0916 = ("https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2022/09/16/press-briefing-by-"
                 "press-secretary-karine-jean-pierre-and-national-security-council-coordinator-for-strategic-"
                 "communications-john-kirby-september-16-2022/")
BRIEFING_0920 = ("https://bidenwhitehouse.archives.gov/briefing-room/press-briefings/2022/09/20/press-briefing-by-"
                 "press-secretary-karine-jean-pierre-and-national-security-advisor-jake-sullivan-2/")
DEFENSE = "https://www.defense.gov/News/Tag/215492/StartDate/44819/EndDate/44819"


def _result(claim: Claim, verdict: Verdict, score: float, reason: str, evidence: tuple[Evidence, ...],
            sources: tuple[SourceCheck, ...]) -> Result:
    return Result(claim, verdict, score, reason, evidence, sources)


AID = Evidence(BRIEFING_0916, "This is a $600 million package that includes ammunition\nfor those HIMARS systems that "
               "you’re all familiar with now — the High\nMobility Artillery Rocket Systems; tens of thousands of "
               "artillery\nrounds; additional counter unmanned aerial systems and mine-clearing\nequipment; small "
               "arms; and ammunition.", 7131, 7430, "para 27")
MODI = Evidence(BRIEFING_0920, "Q In Samarkand, on the sidelines of SCO Summit, India’s Prime Minister,\nNarendra "
                "Modi, bluntly told the Russian President Putin that this is not\nthe time for war in\x08 Ukraine.",
                20975, 21148, "para 85", "title: 'Prime Minister'; qualifier: India’s")

RESULTS = (
    _result(Claim("aid-600m", "On Thursday, the Biden administration announced an additional $600 million in weapons "
                  "to Ukraine, adding to the more than $50 billion in armaments and other assistance that has been "
                  "allocated to date.", Kind.AMOUNT, "$600 million", "Ukraine security assistance package",
                  sources=(BRIEFING_0916,), row=2),
            Verdict.SUPPORTED, 1.0,
            "source says $600 million for Ukraine security assistance package, as the claim says $600 million",
            (AID,), (SourceCheck(BRIEFING_0916, "ok", finding=Finding(Verdict.SUPPORTED, 1.0, "", (AID,))),)),
    _result(Claim("modi-title", "Similar tensions were on display in Putin’s discussion with Indian President "
                  "Narendra Modi.", Kind.ATTRIBUTION, "President", "Narendra Modi", sources=(BRIEFING_0920,), row=3),
            Verdict.CONTRADICTED, 0.0, "the source calls Narendra Modi 'Prime Minister', not 'President'",
            (MODI,), (SourceCheck(BRIEFING_0920, "ok", finding=Finding(Verdict.CONTRADICTED, 0.0, "", (MODI,))),)),
    _result(Claim("pkg-105mm", "The new arms shipment, the 21st such “drawdown” since the start of the war, includes "
                  "ammunition for the HIMARS missile system, 36,000 rounds of 105mm artillery, counter-battery radar "
                  "and a thousand precision-guided 155mm artillery rounds.", Kind.COUNT, "36,000",
                  "105mm artillery rounds", sources=(BRIEFING_0916, DEFENSE), row=4),
            Verdict.NOT_FOUND, 0.0,
            "no figure for 105mm artillery rounds in this source; 1 other source(s) not read (not_recorded)",
            (), (SourceCheck(BRIEFING_0916, "ok", finding=Finding(Verdict.NOT_FOUND, 0.0, "")),
                 SourceCheck(DEFENSE, "not_recorded", "no recording"))),
    _result(Claim("mcconnell-atacms", "“The Ukrainians need more weapons than what we’re giving them. They need to "
                  "start getting them faster, and they need new capabilities like long-range ATACMS missiles, large "
                  "drones and tanks,” McConnell said.", Kind.QUOTE, "The Ukrainians need more weapons than what "
                  "we’re giving them.", "long-range ATACMS missiles for Ukraine", "Mitch McConnell", row=20),
            Verdict.SOURCE_UNAVAILABLE, 0.0, "no_source: claims.csv names no source for this claim", (), ()),
)


def seed_run(**extra) -> Run:
    return Run(RESULTS, claims_file="claims.csv", generated_at="2026-11-24T19:30:00+00:00", checker_version="0.1.0",
               extra=extra)
