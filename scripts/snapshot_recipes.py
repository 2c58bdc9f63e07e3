"""What each snapshot series is built from: the raw files in order, how far their overlaps
may differ, and where the intraday bars come from.

Stitching follows PROVENANCE.md ("Suggested stitching", both passes); every overlap is
checked again by the build (``snapshot_stitch``). Tolerances are exact (1e-9) wherever
PROVENANCE found the copies identical, and stated in the series' unit where two vendors
are joined. Paths are relative to the raw folder.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from snapshot_readers import cboe_bars, fred_csv, fred_json, mof_tenor, two_columns, yahoo_bars
from snapshot_stitch import Part, Tolerance

RECENT = "fred/recent_2025-12_2026-09"
CACHE = "fred_rewritten/risk-model/fred_cache.json"
EXACT = Tolerance()
MOF_TENORS = ["1Y", "2Y", "3Y", "4Y", "5Y", "6Y", "7Y", "8Y", "9Y", "10Y", "15Y", "20Y", "25Y", "30Y", "40Y"]


@dataclass(frozen=True)
class Recipe:
    """``drop`` removes dates that are no observation (date -> why); ``bars_match_close``
    is the relative tolerance within which a bar's own close must equal the series' close
    for the bar to be kept (None: bars from another vendor's price, kept as they are)."""

    id: str
    closes: tuple[Part, ...]
    tolerance: Tolerance = EXACT
    bars: tuple[Part, ...] = ()
    bars_tolerance: Tolerance = EXACT
    bars_match_close: float | None = None
    drop: dict[str, str] = field(default_factory=dict)


def fred(path: str, code: str, **kw) -> Part:
    return Part(path, f"fred:{code}", fred_csv, **kw)


def _jgb(tenor: str) -> Recipe:
    parts = [Part("mof/jgbcme_all.csv", "mof", partial(mof_tenor, tenor=tenor))]
    if tenor in ("2Y", "10Y"):  # the only tenors MoF data reach 2026-08 for (re-written copy)
        name = {"2Y": "japan-2-year-jgb-yield.csv", "10Y": "japan-10-year-jgb-yield.csv"}[tenor]
        parts.append(Part(f"mof_rewritten/{name}", "mof", two_columns))
    return Recipe(f"jgb_{tenor.lower()}", tuple(parts))


def _treasury(sid: str, code: str, extra: tuple[Part, ...]) -> Recipe:
    return Recipe(sid, (fred(f"fred/long/{code}.csv", code),) + extra)


YAHOO_VS_FRED_INDEX = Tolerance(absolute=0.05)  # Yahoo closes round float32 noise; FRED gives 2 decimals

RECIPES: list[Recipe] = [_jgb(t) for t in MOF_TENORS] + [
    _treasury("ust_10y", "DGS10", (fred(f"{RECENT}/DGS10.csv", "DGS10"),
                                   Part(CACHE, "fred:DGS10", partial(fred_json, code="DGS10"), check_only=True))),
    _treasury("ust_2y", "DGS2", (fred("fred/window_2021_2026/DGS2.csv", "DGS2"), fred(f"{RECENT}/DGS2.csv", "DGS2"))),
    _treasury("ust_30y", "DGS30", (fred("fred_rewritten/macro-watch/DGS30.csv", "DGS30"),)),
    _treasury("ust_5y", "DGS5", (fred("fred_rewritten/treasury-desk/DGS5.csv", "DGS5"),)),
    _treasury("ust_1y", "DGS1", (fred("fred_rewritten/treasury-desk/DGS1.csv", "DGS1"),)),
    _treasury("ust_3m", "DGS3MO", (fred("fred_rewritten/treasury-desk/DGS3MO.csv", "DGS3MO"),)),
    Recipe("bund_10y", (fred("fred/long/IRLTLT01DEM156N.csv", "IRLTLT01DEM156N"),)),
    Recipe("mortgage_30y", (fred("fred/long/MORTGAGE30US.csv", "MORTGAGE30US"),
                            fred("fred_rewritten/usd/MORTGAGE30US.csv", "MORTGAGE30US"))),
    Recipe("fed_funds_effective", (fred("fred/long/DFF.csv", "DFF"), fred("fred/window_2021_2026/DFF.csv", "DFF"))),
    Recipe("fed_funds_upper", (fred("fred_rewritten/risk-model/DFEDTARU.csv", "DFEDTARU"),
                               Part(CACHE, "fred:DFEDTARU", partial(fred_json, code="DFEDTARU")),
                               fred("fred/window_2021_2026/DFEDTARU.csv", "DFEDTARU", check_only=True))),
    Recipe("fed_funds_lower", (fred("fred_rewritten/risk-model/DFEDTARL.csv", "DFEDTARL"),
                               Part(CACHE, "fred:DFEDTARL", partial(fred_json, code="DFEDTARL")))),
    # USD/JPY: closes are the H.10 noon New York rate; bars are Yahoo's (a different price,
    # so they are not matched against the close)
    Recipe("usdjpy", (fred("fred/long/DEXJPUS.csv", "DEXJPUS"), fred(f"{RECENT}/DEXJPUS.csv", "DEXJPUS")),
           bars=(Part("yahoo/USDJPY_daily.csv", "yahoo:JPY=X", yahoo_bars),
                 Part("yahoo/automation-market/usdjpy.csv", "yahoo:USDJPY=X", yahoo_bars)),
           bars_tolerance=Tolerance(absolute=1e-4)),
    Recipe("eurusd", (Part("fred/long/DEXUSEU.csv", "fred:DEXUSEU", fred_csv),
                      fred("fred/window_2020_2025/DEXUSEU.csv", "DEXUSEU"),
                      fred("fred/window_2025_2026/DEXUSEU.csv", "DEXUSEU"), fred(f"{RECENT}/DEXUSEU.csv", "DEXUSEU"))),
    Recipe("gbpusd", (fred("fred/long/DEXUSUK.csv", "DEXUSUK"), fred("fred/window_2020_2025/DEXUSUK.csv", "DEXUSUK"))),
    Recipe("usdcny", (fred("fred/long/DEXCHUS.csv", "DEXCHUS"),)),
    Recipe("usdcny_fixing", (Part("pboc/usdcny_central_parity.csv", "pboc:central_parity", two_columns),)),
    Recipe("brent", (Part("eia/brent-daily.csv", "eia:RBRTE", two_columns), fred(f"{RECENT}/DCOILBRENTEU.csv", "DCOILBRENTEU"),
                     fred("fred/window_2010_2026/DCOILBRENTEU.csv", "DCOILBRENTEU", check_only=True))),
    Recipe("wti", (Part("eia/wti-daily.csv", "eia:RWTC", two_columns), fred(f"{RECENT}/DCOILWTICO.csv", "DCOILWTICO"))),
    Recipe("gold", (Part("lbma/gold_usd_daily.csv", "lbma:gold_pm", two_columns),)),
    Recipe("sp500", (Part("yahoo/automation-market/spx.csv", "yahoo:^GSPC", lambda p: yahoo_bars(p)["close"],
                          use_to="2021-04-13"),
                     fred("fred/window_2021_2026/SP500.csv", "SP500"), fred(f"{RECENT}/SP500.csv", "SP500")),
           tolerance=Tolerance(absolute=0.01, known={"2021-08-11": "Yahoo ^GSPC close 5.3 points off FRED (PROVENANCE)"}),
           bars=(Part("yahoo/automation-market/spx.csv", "yahoo:^GSPC", yahoo_bars),
                 Part("yahoo/daily-podcast-stk/daily_GSPC.csv", "yahoo:^GSPC", yahoo_bars, check_only=True)),
           bars_tolerance=Tolerance(absolute=1e-3), bars_match_close=5e-4),
    Recipe("nikkei225", (fred("fred/long/NIKKEI225.csv", "NIKKEI225"),
                         Part("yahoo/N225_daily.csv", "yahoo:^N225", lambda p: yahoo_bars(p)["close"].round(2),
                              use_from="2020-03-28"),
                         fred(f"{RECENT}/NIKKEI225.csv", "NIKKEI225")),
           tolerance=YAHOO_VS_FRED_INDEX,
           bars=(Part("yahoo/N225_daily.csv", "yahoo:^N225", yahoo_bars),
                 Part("yahoo/nikkei225_1y.csv", "yahoo:^N225", yahoo_bars),
                 Part("yahoo/automation-market/nkx.csv", "yahoo:^N225", yahoo_bars)),
           bars_tolerance=Tolerance(absolute=0.01),
           bars_match_close=5e-4),
    Recipe("topix", (Part("topix/topix.csv", "jpx:topix", two_columns),),
           drop={"2020-10-01": "TSE system outage, no trading: the file repeats 2020-09-30's close"}),
    Recipe("nasdaq_comp", (fred("fred_rewritten/macro-watch/NASDAQCOM.csv", "NASDAQCOM"),
                           Part("yahoo/daily-podcast-stk/daily_IXIC.csv", "yahoo:^IXIC", lambda p: yahoo_bars(p)["close"],
                                use_from="2026-08-21")),
           tolerance=Tolerance(absolute=0.01),
           bars=(Part("yahoo/automation-market/ndq.csv", "yahoo:^IXIC", yahoo_bars),
                 Part("yahoo/daily-podcast-stk/daily_IXIC.csv", "yahoo:^IXIC", yahoo_bars)),
           bars_tolerance=Tolerance(absolute=0.01), bars_match_close=5e-4),
    Recipe("djia", (fred("fred_rewritten/bachelor-project/DJIA.csv", "DJIA"),
                    Part("yahoo/daily-podcast-stk/daily_DJI.csv", "yahoo:^DJI", lambda p: yahoo_bars(p)["close"])),
           tolerance=Tolerance(absolute=0.01),
           bars=(Part("yahoo/daily-podcast-stk/daily_DJI.csv", "yahoo:^DJI", yahoo_bars),), bars_match_close=5e-4),
    Recipe("vix", (fred("fred/long/VIXCLS.csv", "VIXCLS"), fred(f"{RECENT}/VIXCLS.csv", "VIXCLS"),
                   Part(CACHE, "fred:VIXCLS", partial(fred_json, code="VIXCLS"), check_only=True),
                   Part("cboe/vix-daily.csv", "cboe:VIX", lambda p: cboe_bars(p)["close"], check_only=True)),
           bars=(Part("cboe/vix-daily.csv", "cboe:VIX", cboe_bars),
                 # Yahoo's bars differ from Cboe's on 79 of 9,203 days since 1990 (4 since 2020):
                 # compared where they are joined, from 2025 on
                 Part("yahoo/automation-market/vix.csv", "yahoo:^VIX", yahoo_bars, use_from="2026-07-24",
                      compare_from="2025-01-01")),
           bars_tolerance=Tolerance(absolute=0.01, known={"2026-02-06": "Yahoo ^VIX low/close differ from Cboe's"})),
]
