"""US Energy Information Administration spot prices (Brent RBRTE, WTI RWTC): in the shipped
snapshot, from EIA's daily series as republished by a public data package; FRED carries
the same data (DCOILBRENTEU, DCOILWTICO), which is what `data update` fetches."""
from __future__ import annotations

from .registry import SourceInfo, register_source

register_source(SourceInfo("eia", "EIA", page="https://www.eia.gov/dnav/pet/hist/{code}D.htm", shows_code=True,
                           note="snapshot only (FRED republishes the series)"))
