"""Stale figures: a level the text states as current that the data show only on an earlier
day ("the 10-year trading around 2.37%" in a piece written three weeks after the 10-year
was last there). Such a figure is ``misdated``, naming the latest day it fits and how long
before the piece that was; it never moves the piece's date (see :mod:`factcheck.refdate`).

This is the one place the verifier asks that question; the level checkers call
:func:`stale_level` after a figure dated by the document itself fails.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Callable

import pandas as pd

from claims import DateBasis

from . import explain
from .case import Case
from ..labels import Label
from .verdict import Verdict

STALE_DAYS = 45  # how far back a present-tense figure may be found before it is no longer "stale" but wrong


def stale_level(k: Case, holds: Callable[[float], bool]) -> Verdict | None:
    """A figure dated by the document (not by a phrase of its own) that fails on its day
    but held on a day within :data:`STALE_DAYS` before it: ``misdated``, naming the latest
    such day; ``None`` otherwise. Only in a document whose date was worked out from its
    figures: there the date is the latest event it reports and a figure that fits only an
    earlier day was carried over; in a dated document the same figure is simply wrong."""
    c = k.c
    if not k.inferred_reference or c.date_basis not in (DateBasis.REFERENCE, DateBasis.SESSION) or c.time is None or c.time.precision != "day":
        return None
    earlier = k.data.span(k.start - timedelta(days=STALE_DAYS), k.start - timedelta(days=1))
    hits = earlier.where(holds)
    if not hits:
        return None
    when: pd.Timestamp = earlier.ts(hits[-1])
    value = float(earlier.value[hits[-1]])
    now = k.data.span(k.start, k.end)
    text = explain.stale_level(c, k.s, when, value, k.data.source_at(when), k.end,
                               float(now.value[-1]) if not now.empty else None)
    return Verdict(Label.MISDATED, text, "stale", [k.obs(when)] + ([k.obs(now.ts(-1))] if not now.empty else []),
                   None, c.precision)
