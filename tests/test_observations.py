"""factcheck.observations: a series' arrays answer as the pandas frame does."""
import numpy as np
import pandas as pd

from factcheck.observations import Columns


def frame(n: int = 400, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    days = pd.bdate_range("2024-01-01", periods=n)
    value = 150 + rng.normal(0, 1, n).cumsum()
    high = value + rng.uniform(0, 1, n)
    high[::7] = np.nan  # days without a bar read the close
    return pd.DataFrame({"value": value, "high": high, "low": value - 0.5}, index=days)


def test_columns_hold_the_frame_with_bars_filled_by_the_close():
    f = frame()
    col = Columns.of(f)
    assert np.array_equal(col.value, f["value"].to_numpy())
    assert np.array_equal(col.high, f["high"].fillna(f["value"]).to_numpy())
    assert np.array_equal(col.weekday, f.index.day_of_week.to_numpy())
    assert np.array_equal(col.month, f.index.month.to_numpy()) and np.array_equal(col.day, f.index.day.to_numpy())
    assert np.isnan(col.previous()[0]) and np.array_equal(col.previous()[1:], col.value[:-1])


def test_position_is_the_exact_day_or_none():
    f = frame()
    col = Columns.of(f)
    for i in (0, 17, len(f) - 1):
        assert col.position(f.index[i]) == i
    assert col.position(pd.Timestamp("2024-01-06")) is None  # a Saturday
    assert col.position(pd.Timestamp("1999-01-01")) is None and col.position(pd.Timestamp("2099-01-01")) is None


def test_on_calendar_equals_a_pandas_reindex():
    f = frame()
    col = Columns.of(f)
    mask = (col.value > np.median(col.value))
    for calendar in (pd.date_range("2023-06-01", "2025-03-01", freq="D"), pd.date_range("2024-03-01", "2024-04-01")):
        expected = pd.Series(mask, index=f.index).astype(float).reindex(calendar, fill_value=0.0).to_numpy()
        assert np.array_equal(col.on_calendar(mask, calendar.as_unit("ns").asi8), expected)
        assert np.array_equal(col.on_calendar(mask, calendar.as_unit("ns").asi8), expected)  # kept placement


def test_a_frame_in_seconds_is_read_in_nanoseconds():
    f = frame()
    f.index = f.index.as_unit("s")
    assert Columns.of(f).position(pd.Timestamp("2024-01-02")) == 1


def _series_data(f: pd.DataFrame):
    from factcheck.catalog import Series
    from factcheck.store import SeriesData

    f = f.copy()
    f["source"] = "test"
    return SeriesData(Series(id="t", name="T", aliases=(), country="JP", unit="fx", asset_class="fx"), f, "snapshot")


def test_a_window_answers_as_the_frame_slice():
    """SeriesData.span (the checkers' window) holds the rows window() gives, with the
    frame's own day labels, and sees bars only where the slice has a high."""
    from datetime import date

    f = frame()
    f.loc[f.index[40:60], "high"] = np.nan
    data = _series_data(f)
    for start, end in ((date(2024, 1, 1), date(2024, 1, 31)), (date(2024, 2, 26), date(2024, 3, 22)),
                       (date(2024, 1, 6), date(2024, 1, 7)), (date(2030, 1, 1), date(2030, 2, 1))):
        rows, frame_ = data.span(start, end), data.window(start, end)
        assert len(rows) == len(frame_) and rows.empty == frame_.empty
        assert np.array_equal(rows.value, frame_["value"].to_numpy())
        assert [rows.ts(i) for i in range(len(rows))] == list(frame_.index)
        assert rows.has_bars == bool(frame_["high"].notna().any())
        if len(rows):
            assert rows.ts(-1) == frame_.index[-1]
            assert rows.where(lambda v: v > frame_["value"].median()) == \
                [i for i, v in enumerate(frame_["value"]) if v > frame_["value"].median()]


def test_a_history_selects_as_pandas_does():
    """verify.history.History (the qualifier checks) picks the same days and values as the
    boolean selections of pandas it replaced, closes and intraday highs alike."""
    from factcheck.verify.history import History

    f = frame()
    data = _series_data(f)
    for column in ("value", "high"):
        series = f[column].dropna()
        h = History.of(data, column)
        day = series.index[250]
        prior, earlier = h.before(day), series[series.index < day]
        assert [prior.ts(i) for i in range(len(prior))] == list(earlier.index)
        level = float(earlier.median())
        beyond = prior.where(prior.values >= level)
        assert [beyond.ts(i) for i in range(len(beyond))] == list(earlier[earlier >= level].index)
        assert beyond.last() == (earlier[earlier >= level].index[-1], float(earlier[earlier >= level].iloc[-1]))
        assert prior.extreme(True) == (earlier.idxmax(), float(earlier.max()))
        assert prior.extreme(False) == (earlier.idxmin(), float(earlier.min()))
        assert h.at(day) == 250 and h.at(pd.Timestamp("2024-01-06")) is None
