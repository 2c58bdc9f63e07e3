"""One claim per series family the second data pass added, checked end to end against the
shipped snapshot: the real value holds, a wrong one does not. Sentences are our own; the
values are the published closes (EIA, LBMA, JPX, FRED, Cboe, Yahoo bars)."""
import pytest

from conftest import by_text

CASES = [  # text, reference date, literal, series, verdict for the real value
    ("The Topix closed at 3,783.57 on Monday.", "2026-02-09", "3,783.57", "topix", "accurate"),
    ("The Topix closed at 3,900.00 on Monday.", "2026-02-09", "3,900.00", "topix", "inaccurate"),
    ("The Nasdaq Composite rose 2.18% on Friday.", "2026-02-06", "2.18%", "nasdaq_comp", "accurate"),
    ("The Nasdaq Composite rose 3.5% on Friday.", "2026-02-06", "3.5%", "nasdaq_comp", "inaccurate"),
    ("The Dow closed at 50,115.67 on Friday.", "2026-02-06", "50,115.67", "djia", "accurate"),
    ("The Dow closed at 52,000 on Friday.", "2026-02-06", "52,000", "djia", "inaccurate"),
    ("Wall Street's fear gauge fell to 17.76 on Friday.", "2026-02-06", "17.76", "vix", "accurate"),
    ("Wall Street's fear gauge fell to 14.2 on Friday.", "2026-02-06", "14.2", "vix", "inaccurate"),
    ("Brent crude settled at $70.45 a barrel on Friday.", "2026-02-06", "$70.45", "brent", "accurate"),
    ("Brent crude settled at $75.10 a barrel on Friday.", "2026-02-06", "$75.10", "brent", "inaccurate"),
    ("U.S. crude rose 87 cents to $63.77 a barrel on Friday.", "2026-02-06", "87", "wti", "accurate"),
    ("U.S. crude rose 87 cents to $63.77 a barrel on Friday.", "2026-02-06", "$63.77", "wti", "accurate"),
    ("U.S. crude fell 87 cents on Friday.", "2026-02-06", "87", "wti", "inaccurate"),
    ("Spot gold was at $4,948 an ounce on Friday.", "2026-02-06", "$4,948", "gold", "accurate"),
    ("Spot gold was at $5,300 an ounce on Friday.", "2026-02-06", "$5,300", "gold", "inaccurate"),
    ("The euro traded at $1.1886 on Monday.", "2026-01-26", "$1.1886", "eurusd", "accurate"),
    ("The euro traded at $1.25 on Monday.", "2026-01-26", "$1.25", "eurusd", "inaccurate"),
    ("Sterling rose to $1.3589 on Thursday.", "2025-06-12", "$1.3589", "gbpusd", "accurate"),
    ("The yuan weakened to 7.1585 per dollar on Tuesday.", "2023-06-13", "7.1585", "usdcny", "accurate"),
    ("The PBOC set the yuan midpoint at 6.7928 per dollar on Tuesday.", "2026-07-28", "6.7928", "usdcny_fixing",
     "accurate"),
    ("The 5-year Treasury yield rose to 4.41% on Wednesday.", "2026-07-22", "4.41%", "ust_5y", "accurate"),
    ("The 5-year Treasury yield rose to 4.60% on Wednesday.", "2026-07-22", "4.60%", "ust_5y", "inaccurate"),
    ("The 1-year Treasury yield rose to 4.11% on Wednesday.", "2026-07-22", "4.11%", "ust_1y", "accurate"),
    ("The 3-month T-bill yield was 3.89% on Wednesday.", "2026-07-22", "3.89%", "ust_3m", "accurate"),
    ("The German 10-year yield averaged 2.81% in January.", "2026-02-15", "2.81%", "bund_10y", "accurate"),
    ("The German 10-year yield averaged 3.4% in January.", "2026-02-15", "3.4%", "bund_10y", "inaccurate"),
    ("The average 30-year mortgage rate rose to 6.49% this week.", "2026-06-26", "6.49%", "mortgage_30y", "accurate"),
    ("The Fed kept the bottom of its target range at 3.50% on Wednesday.", "2026-07-29", "3.50%", "fed_funds_lower",
     "accurate"),
]


@pytest.mark.parametrize("text,date,literal,series,label", CASES)
def test_new_family_end_to_end(check, text, date, literal, series, label):
    c = by_text(check(text, date), literal)
    assert c["series"]["id"] == series
    assert c["verdict"]["label"] == label, c["verdict"]["explanation"]


@pytest.mark.parametrize("text,date,literal,value,label", [
    ("Oil prices fell, with Brent down $1.28 at $69.87.", "2026-02-05", "$1.28", -1.28, "accurate"),
    ("Spot gold was up $100.75 at $4,948 an ounce.", "2026-02-06", "$100.75", 100.75, "accurate"),
    ("Gold rose $48 to $4,948 an ounce on Friday.", "2026-02-06", "$48", 48.0, "inaccurate"),
    ("WTI gained 87 cents to settle at $63.77.", "2026-02-06", "87", 0.87, "accurate"),
])
def test_dollar_and_cent_moves_are_moves(check, text, date, literal, value, label):
    """The extractor reads "$1.28" and "87 cents" as amounts; next to a level they moved to,
    or in cents, they are the day's move in dollars."""
    c = by_text(check(text, date), literal)
    assert c["kind"] == "change" and c["value"] == pytest.approx(value)
    assert c["verdict"]["label"] == label, c["verdict"]["explanation"]


def test_dollar_price_takes_the_series_unit(check):
    """"the euro at $1.19" is EUR/USD 1.19, explained without yen."""
    c = by_text(check("The euro traded at $1.1886 on Monday.", "2026-01-26"), "$1.1886")
    assert c["unit"] == "fx" and "yen" not in c["verdict"]["explanation"] and "1.1886" in c["verdict"]["explanation"]


INTRADAY = [  # a level inside the day's range needs the bars; the close alone would refute it
    ("The VIX touched 20.31 intraday on Thursday.", "2026-07-24", "20.31", "accurate", "cboe:VIX"),
    ("The VIX touched 24 intraday on Thursday.", "2026-07-24", "24", "inaccurate", "cboe:VIX"),
    ("The dollar rose as high as 163.95 yen on Thursday.", "2026-07-24", "163.95", "accurate", "yahoo:USDJPY=X"),
    ("The Nikkei touched 69,000 intraday on Tuesday.", "2026-08-19", "69,000", "accurate", "yahoo:^N225"),
    ("The S&P 500 touched 7,713 intraday on Tuesday.", "2026-08-19", "7,713", "accurate", "yahoo:^GSPC"),
]


@pytest.mark.parametrize("text,date,literal,label,bars", INTRADAY)
def test_intraday_bars_for_every_series_that_has_them(check, text, date, literal, label, bars):
    c = by_text(check(text, date), literal)
    v = c["verdict"]
    assert v["label"] == label, v["explanation"]
    assert v["observed"][0]["field"] == "intraday high" and v["observed"][0]["source"] == bars


def test_catalog_says_which_series_have_intraday_bars(store):
    from factcheck.catalog import load_catalog

    catalog = load_catalog()
    with_bars = {s.id for s in catalog if s.intraday_source}
    assert with_bars == {"usdjpy", "nikkei225", "sp500", "nasdaq_comp", "djia", "vix"}
    for sid in with_bars:
        assert store.get(sid).frame["high"].notna().sum() > 200, sid
    for sid in ("topix", "brent", "gold", "ust_10y"):
        assert "high" not in store.get(sid).frame.columns, sid


def test_yen_moves_stay_in_yen_and_other_pairs_in_four_decimals(check):
    yen = by_text(check("The dollar rose 0.68 yen on Thursday.", "2024-11-14"), "0.68 yen")
    assert "+0.68 yen" in yen["verdict"]["explanation"]
    euro = by_text(check("The euro traded at $1.25 on Monday.", "2026-01-26"), "$1.25")
    assert "1.1886" in euro["verdict"]["explanation"] and "yen" not in euro["verdict"]["explanation"]


def test_an_unknown_index_after_an_appositive_is_not_the_previous_index(check):
    text = ("The Topix dropped 3.8% on Monday. South Korea's Kospi, heavy with chipmakers, tumbled 5.9% to "
            "5,012.40.")
    claims = check(text, "2026-03-09")
    for literal in ("5.9%", "5,012.40"):
        c = by_text(claims, literal)
        assert c["series"] is None and "KOSPI" in c["verdict"]["explanation"]


def test_futures_named_after_an_index_are_not_the_index(check):
    c = by_text(check("Nikkei futures traded at 39,100 in Chicago.", "2025-01-28"), "39,100")
    assert c["series"] is None


def test_a_stated_policy_range_is_reported_as_stated(check):
    c = by_text(check("The Fed cut rates by 25 basis points to 4.00%-4.25% on Wednesday.", "2025-09-17"),
                "4.00%-4.25%")
    assert c["value"] == 4.125 and c["verdict"]["label"] == "accurate"
