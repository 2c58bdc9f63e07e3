"""Date inference lays each figure on the calendar once, however often the text repeats it.

A fit holds a few calendar-long arrays; a document of thousands of identical lines used to
build and keep one per line before the repeats were dropped (80 KB of short claim lines
took 15 s undated and grew faster than the text). The first figure of a kind that fits is
the one kept, as before.
"""
from types import SimpleNamespace as NS

from factcheck import datefit


def _claim(value, kind="level", unit="pct"):
    return NS(value=value, kind=kind, unit=unit)


def test_a_repeated_figure_is_fitted_once(monkeypatch):
    calls = []

    def fake_fit(c, m, *rest):
        calls.append(c)
        return NS(claim=c, series_id=m.series_id)

    monkeypatch.setattr(datefit, "fit", fake_fit)
    jgb, ust = NS(series_id="jgb_10y"), NS(series_id="ust_10y")
    found = [_claim(1.23), _claim(1.23), _claim(1.23), _claim(1.23), _claim(2.0, "change", "bp")]
    mappings = [jgb, jgb, jgb, ust, jgb]
    fits = datefit.distinct_fits(found, mappings, None, None, None, None)
    assert [(f.series_id, f.claim.value) for f in fits] == [("jgb_10y", 1.23), ("ust_10y", 1.23), ("jgb_10y", 2.0)]
    assert len(calls) == 3


def test_a_figure_that_does_not_fit_leaves_its_repeat_a_chance(monkeypatch):
    first = _claim(1.23)

    def fake_fit(c, m, *rest):
        return None if c is first else NS(claim=c, series_id=m.series_id)

    monkeypatch.setattr(datefit, "fit", fake_fit)
    jgb = NS(series_id="jgb_10y")
    second = _claim(1.23)
    fits = datefit.distinct_fits([first, second], [jgb, jgb], None, None, None, None)
    assert [f.claim for f in fits] == [second]
