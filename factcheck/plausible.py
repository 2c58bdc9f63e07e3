"""Whether a level can be about a series at all, judged from the series' own recent data.

The catalog's ``value_range`` says what a series could ever be (the JGB 2-year was 12% in
1980); this says what it could plausibly be around the claim's date. A value far outside
the range the series moved in over the year before that date is evidence that the number is
about something else (4.275% next to "the 10-year JGB" in 2026 is the Treasury's yield; "164"
next to "Wall Street" in a dollar-yen story is the dollar-yen forecast): the resolver then
tries the next instrument named, and reports none rather than flag a number about another
instrument. The margins are wide on purpose: a writer's error (the 10-year JGB "at 3%" when
it stood at 2.3%) must stay a claim about that series, so that it can be refuted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

from claims import Claim

from .catalog import Series
from .store import Store

LOOKBACK = timedelta(days=365)
# how far outside the year's low-high a level may be and still be about the series: in
# percentage points for rates (a yield moves 1-2 points in a bad year), as a factor for
# prices and indexes (an index may halve, a currency move a quarter in a year)
RATE_MARGIN = 1.5
PRICE_FACTOR = {"fx": 1.15, "index": 1.6}


def claim_day(c: Claim, reference: date | None) -> date | None:
    """The last day the claim can speak of: its own date (a month or year: its end), else
    the document's reference date."""
    value = c.time.value if c.time is not None and c.time.value else None
    if not value:
        return reference
    try:
        if len(value) >= 10:
            return date.fromisoformat(value[:10])
        year = int(value[:4])
        if len(value) >= 7:
            month = int(value[5:7])
            return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        return date(year, 12, 31)
    except ValueError:
        return reference


YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass
class RecentRange:
    """The plausibility hook the resolver calls (``far_from``) with a series and a level."""

    store: Store
    reference: date | None

    def far_from(self, s: Series, c: Claim) -> str | None:
        """Why ``c`` (a level in ``s``'s unit) cannot be about ``s`` at its date, or ``None``."""
        day = claim_day(c, self.reference)
        data = self.store.get(s.id) if day is not None else None
        if data is None or s.asset_class not in ("yield", "rate", "policy_rate", "fx", "index"):
            return None
        days = data.columns.days
        if not len(days) or day < data.first or day - LOOKBACK > data.last:
            return None  # outside the data (a date of 1900 or 2200 is read, not evidence)
        # the days from a year before to ``day``, both included, found by bisection
        lo = int(np.searchsorted(days, pd.Timestamp(max(day - LOOKBACK, data.first)).value, side="left"))
        hi = int(np.searchsorted(days, pd.Timestamp(day).value, side="right"))
        if hi - lo < 5:
            return None  # no data near that date: no evidence either way
        window = data.columns.value[lo:hi]
        low, high = float(window.min()), float(window.max())
        value = c.value
        if s.asset_class in ("yield", "rate", "policy_rate"):
            inside = low - RATE_MARGIN <= value <= high + RATE_MARGIN
        else:
            factor = PRICE_FACTOR[s.asset_class]
            inside = low / factor <= value <= high * factor
        if inside:
            return None
        return (f"{c.text.strip()} is far from where {s.name} traded in the year to {day} "
                f"({low:,.4g} to {high:,.4g}): the number is about something else")

    def speaks_of_another_time(self, c: Claim) -> bool:
        """The claim may be about a time other than the one its date says, so a level far
        from the recent range is no evidence against its only candidate: a forecast, a
        record or a "highest since", or a sentence that names another year ("an all-time
        high of 7.59 in June of 1984")."""
        day = claim_day(c, self.reference)
        if not c.checkable or c.qualifiers:
            return True
        return day is not None and any(int(y) != day.year for y in YEAR.findall(c.sentence))
