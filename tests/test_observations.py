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
