"""The other series a claim may be about, when its own is not certain.

The resolver maps a claim with a confidence: a series named in the claim's sentence is
certain, one taken from context (an issuer named earlier, the series of the previous claim)
is not. For an uncertain mapping the verifier also reads the claim against the series the
words nearby name (:func:`candidates`): another tenor of the same issuer, the same tenor of
another issuer, another instrument of the same kind. A claim the data refute on its
series but bear out on such a candidate is not flagged: it is unverifiable, "series
ambiguous", with both named.
"""
from __future__ import annotations

from claims import Claim, Cue

from ..catalog import Catalog, Series
from ..resolve import Mapping
from ..store import SeriesData, Store

CERTAIN = 0.9  # a mapping at least this confident has no candidates
NEARBY = 300  # characters before the claim's sentence in which a cue still names a candidate
MOST = 3


def candidates(c: Claim, m: Mapping, catalog: Catalog, store: Store) -> tuple[tuple[Series, SeriesData], ...]:
    """Up to :data:`MOST` other series the claim may be about, nearest named first."""
    mapped = catalog.get(m.series_id) if m.series_id and not m.spread else None
    if mapped is None or m.confidence >= CERTAIN:
        return ()
    out: dict[str, tuple[Series, SeriesData]] = {}
    for cue in c.cues:
        if cue.start < c.sentence_start - NEARBY or cue.start > c.sentence_start + len(c.sentence):
            continue
        s = _named(cue, mapped, catalog)
        data = store.get(s.id) if s is not None else None
        if s is not None and data is not None and s.id != mapped.id and s.id not in out:
            out[s.id] = (s, data)
    return tuple(out.values())[:MOST]


def _named(cue: Cue, mapped: Series, catalog: Catalog) -> Series | None:
    """The series a cue names in the place of ``mapped``: a series of the same kind and unit."""
    s = None
    if cue.kind == "instrument":
        s = catalog.get(cue.value)
    elif cue.kind == "tenor" and mapped.asset_class == "yield":
        s = catalog.yield_series(mapped.country, int(cue.value))
    elif cue.kind in ("country", "family") and mapped.asset_class == "yield" and mapped.tenor:
        s = catalog.yield_series(cue.value, mapped.tenor)
    if s is None or s.asset_class != mapped.asset_class or s.unit != mapped.unit or not s.tracked:
        return None
    return s
