"""The series catalog: the SERIES.md ids, validation, user extensions, mapping."""
import re

import pytest

from factcheck.catalog import load_catalog, parse_catalog
from factcheck.errors import CatalogError

from conftest import by_text, require_shared


def test_every_series_md_id_exists_with_data():
    spec = (require_shared() / "spec/SERIES.md").read_text()
    ids = set(re.findall(r"`?\b((?:jgb|ust)_\d+y|usdjpy|nikkei225|sp500|boj_policy_rate|fed_funds_upper|fed_funds_effective)\b", spec))
    ids |= {f"jgb_{n}y" for n in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40)}
    catalog = load_catalog()
    from factcheck.store import Store

    store = Store(catalog)
    for sid in sorted(ids):
        assert catalog.get(sid) is not None, sid
        data = store.get(sid)
        assert data is not None and str(data.last) >= "2025-06", sid


def test_invalid_entries_are_clear_errors():
    with pytest.raises(CatalogError, match="lacks unit"):
        parse_catalog('[[series]]\nid = "x"\nname = "X"\nasset_class = "index"\n', "user.toml")
    with pytest.raises(CatalogError, match="asset_class"):
        parse_catalog('[[series]]\nid = "x"\nname = "X"\nunit = "points"\nasset_class = "bond"\n', "user.toml")
    with pytest.raises(CatalogError, match="not valid TOML"):
        parse_catalog("[[series]\n", "user.toml")


def test_user_catalog_adds_series_with_own_csv(tmp_path, monkeypatch):
    (tmp_path / "kospi.csv").write_text("date,close\n2026-01-19,4900.1\n2026-01-20,4885.75\n")
    (tmp_path / "mine.toml").write_text(
        '[[series]]\nid = "kospi"\nname = "KOSPI"\naliases = ["KOSPI", "Korean stocks"]\ncountry = "KR"\n'
        'asset_class = "index"\nunit = "points"\ndata_file = "kospi.csv"\nbasis_allowance_pct = 1.0\n'
        'change_allowance_pp = 0.3\nvalue_range = [100.0, 20000.0]\n')
    from factcheck.api import Checker
    from factcheck.store import Store
    from factcheck.policy import load_policy

    catalog = load_catalog(str(tmp_path / "mine.toml"))
    checker = Checker(catalog, Store(catalog), load_policy())
    claims = checker.check("The KOSPI closed at 4,885.75 on Tuesday.", "2026-01-21").to_dict()["claims"]
    c = by_text(claims, "4,885.75")
    assert c["series"]["id"] == "kospi" and c["verdict"]["label"] == "accurate"
    assert c["verdict"]["observed"][0]["source"] == "user:kospi.csv"


@pytest.mark.parametrize("text, date, expected", [
    ("The 10-year JGB yield rose 2 basis points to 2.10%.", "2026-01-05", "jgb_10y"),
    ("Treasuries slid. The 10-year yield climbed to 4.20%.", "2026-01-05", "ust_10y"),
    ("JGBs slid. The 10-year yield climbed to 2.10%.", "2026-01-05", "jgb_10y"),
    ("The yen weakened to 157.2 per dollar.", "2026-01-05", "usdjpy"),
    ("The dollar rose to 157.2 yen.", "2026-01-05", "usdjpy"),
    ("The U.S. 30-year Treasury closed at 4.85%.", "2026-01-05", "ust_30y"),
    ("The BoJ kept its policy rate at 0.75%.", "2026-01-05", "boj_policy_rate"),
    ("The effective fed funds rate is 3.64%.", "2026-01-05", "fed_funds_effective"),
])
def test_mapping(check, text, date, expected):
    claims = check(text, date)
    assert claims[-1]["series"]["id"] == expected


def test_ten_year_after_treasury_paragraph_vs_jgb_paragraph(check):
    us = "U.S. Treasuries sold off on Friday as payrolls surprised.\n\nThe 10-year yield ended at 4.18%."
    jp = "Japanese government bonds sold off on Friday.\n\nThe 10-year yield ended at 2.08%."
    assert check(us, "2026-01-12")[-1]["series"]["id"] == "ust_10y"
    assert check(jp, "2026-01-12")[-1]["series"]["id"] == "jgb_10y"


def test_unknown_instrument_abstains(check):
    c = check("The Kuala Lumpur composite rose 1.2% on Tuesday.", "2026-01-21")[0]
    assert c["series"] is None and c["verdict"]["label"] == "unverifiable"
    c = check("The MSCI Asia Pacific index dropped 2.2%.", "2026-01-21")[0]
    assert c["series"] is None and c["instrument"]["id"] == "msci_apac"
    assert "no data source" in c["verdict"]["explanation"]


def test_series_cli_list_search_show(tmp_path):
    from typer.testing import CliRunner

    from factcheck.cli import app

    runner = CliRunner()
    r = runner.invoke(app, ["series", "list"])
    assert r.exit_code == 0 and "jgb_10y" in r.stdout and "2026-06-30" in r.stdout
    r = runner.invoke(app, ["series", "search", "japan 30 year"])
    assert r.exit_code == 0 and r.stdout.splitlines()[0].startswith("jgb_30y")
    r = runner.invoke(app, ["series", "show", "usdjpy"])
    assert r.exit_code == 0 and "fred:DEXJPUS" in r.stdout and "1971-01-04" in r.stdout
    r = runner.invoke(app, ["series", "show", "jgb10"])
    assert r.exit_code == 3 and "jgb_10y" in r.stderr


def test_user_catalog_through_the_cli(tmp_path):
    from typer.testing import CliRunner

    from factcheck.cli import app

    (tmp_path / "kospi.csv").write_text("date,close\n2026-01-19,4900.1\n2026-01-20,4885.75\n")
    cat = tmp_path / "mine.toml"
    cat.write_text('[[series]]\nid = "kospi"\nname = "KOSPI"\naliases = ["KOSPI"]\ncountry = "KR"\n'
                   'asset_class = "index"\nunit = "points"\ndata_file = "kospi.csv"\nbasis_allowance_pct = 1.0\n'
                   'value_range = [100.0, 20000.0]\n')
    runner = CliRunner()
    r = runner.invoke(app, ["series", "show", "kospi", "--catalog", str(cat)])
    assert r.exit_code == 0 and "user: 2026-01-19 .. 2026-01-20" in r.stdout
    r = runner.invoke(app, ["check", "-", "--date", "2026-01-21", "--format", "json", "--catalog", str(cat)],
                      input="The KOSPI closed at 4,885.75 on Tuesday.")
    import json

    c = json.loads(r.stdout)["claims"][0]
    assert c["series"]["id"] == "kospi" and c["verdict"]["label"] == "accurate"


def test_known_series_without_data_says_what_to_fetch(check):
    c = check("The 7-year Treasury yield rose to 4.1% on Tuesday.", "2026-01-21")[0]
    assert c["series"] is None and c["instrument"]["id"] == "ust_7y"
    assert "factcheck data update ust_7y" in c["verdict"]["explanation"]


def test_bund_tenor_takes_its_issuer(check):
    c = check("The 10-year Bund yield rose to 2.9% on Tuesday.", "2026-01-21")[0]
    assert c["series"]["id"] == "bund_10y"


def test_company_shares_and_macro_rates_are_not_index_or_yield_claims(check):
    text = ("The Nikkei 225 rose 2.3% to a record 57,650.54. Toyota shares jumped 4.1%, while SoftBank Group fell 2%. "
            "The 30-year mortgage rate averaged 6.1%. About 70% of economists expect a cut.")
    claims = check(text, "2026-02-10")
    # the mortgage rate is its own series, not the 30-year Treasury; a share of economists is no claim
    assert [c["series"] and c["series"]["id"] for c in claims] == ["nikkei225", "nikkei225", None, None, "mortgage_30y"]
    assert "Toyota" in claims[2]["verdict"]["explanation"]


def test_value_outside_the_series_range_is_a_misread(check):
    c = check("The 10-year JGB yield jumped to 240% on Tuesday.", "2026-01-21")[0]
    assert c["series"] is None and "plausible range" in c["verdict"]["explanation"]


def test_desk_note_shorthand_maps(check):
    text = ("Asia rates desk, 21 Jan 2026\n\n- UST 10y: 4.29%, 2y 3.60%\n- JGB 10y: 2.28%, 30y 3.65%\n\n"
            "Comment: 30s now 137bp over 10s.")
    got = [(c["text"], c["series"]["id"] if c["series"] else None) for c in check(text)]
    assert got == [("4.29%", "ust_10y"), ("3.60%", "ust_2y"), ("2.28%", "jgb_10y"), ("3.65%", "jgb_30y"),
                   ("137bp", "spread:jgb_30y:jgb_10y")]


def test_curve_names():
    from factcheck.markets_read import MarketReader as Resolver

    assert [Resolver.CURVE.search(t).groups()[:2] for t in ("2s10s", "2s/10s", "2-10s", "5s30s")] == [
        ("2", "10"), ("2", "10"), ("2", "10"), ("5", "30")]
    assert Resolver.CURVE.search("155bp over 10s") is None  # "10s" alone is one maturity, not "1" and "0"


def test_a_futures_contract_is_not_its_underlying(check):
    got = [(c["text"], c["series"]) for c in check("JGB 10-year futures fell 0.5 yen to 140.2.", "2024-07-30")]
    assert got == [("0.5 yen", None), ("140.2", None)]
    # market pricing is not a contract: the Fed's rate is still the subject
    c = check("Futures price another cut to 4% at Wednesday's meeting of the Fed.", "2025-10-27")[0]
    assert c["checkable"] is False


def test_banks_countries_and_spread_order_are_catalog_data(tmp_path):
    """A new central bank is one [[bank]] entry: its names become cues and its policy series
    is what policy words with it name; spread legs follow the countries' spread_rank."""
    from factcheck.api import Checker
    from factcheck.policy import load_policy
    from factcheck.store import Store

    user = tmp_path / "rba.toml"
    user.write_text('[[series]]\nid = "rba_cash_rate"\nname = "RBA cash rate target"\ncountry = "AU"\n'
                    'asset_class = "policy_rate"\nunit = "percent"\ntracked = false\n\n'
                    '[[bank]]\ncountry = "AU"\nname = "Reserve Bank of Australia"\nnames = ["Reserve Bank of Australia", "RBA"]\n'
                    'case_sensitive = true\npolicy_series = "rba_cash_rate"\n')
    catalog = parse_catalog(user.read_text(), str(user), base=load_catalog())
    assert catalog.markets.bank("AU").policy_series == "rba_cash_rate"
    checker = Checker(catalog, Store(catalog), load_policy())
    c = checker.check("The RBA raised its policy rate to 4.35% on Tuesday.", "2023-11-08").to_dict()["claims"][0]
    assert c["instrument"]["id"] == "rba_cash_rate" and c["verdict"]["label"] == "unverifiable"
    shipped = load_catalog().markets
    assert sorted(["JP", "US"], key=shipped.spread_rank) == ["US", "JP"]
    with pytest.raises(CatalogError, match="unknown policy_series"):
        parse_catalog('[[bank]]\ncountry = "AU"\nname = "RBA"\nnames = ["RBA"]\npolicy_series = "nope"\n', "u.toml",
                      base=load_catalog())
    with pytest.raises(CatalogError, match="'names' is empty"):
        parse_catalog('[[issuer]]\ncountry = "AU"\n', "u.toml", base=load_catalog())
