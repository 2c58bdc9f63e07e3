"""A report dict as the text of a JSON file, fast: what ``factcheck batch`` writes for
every document.

Python's ``json`` module encodes with its C encoder only without ``indent``; with an
indent it falls back to pure Python, which cost about 0.65 ms for a real-dev-size report
(a tenth of a batch document's time). ``orjson`` writes the same text as
``json.dumps(d, indent=2, ensure_ascii=False)`` in about 0.015 ms (measured on the
real-dev reports; its floats are the shortest repr too, so a reader gets equal values,
though a tiny float may be spelled ``0.00001`` where ``json`` writes ``1e-05``). Batch files
are indented by two spaces, as ``factcheck check --format json`` writes them.

A value orjson does not take (an integer beyond 64 bits, an unknown type) goes to ``json``
with the same layout, so a file is always written when ``json`` could write it.
"""
from __future__ import annotations

import json

import orjson

_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS


def json_bytes(value) -> bytes:
    """``value`` as UTF-8 JSON text indented by two spaces, ending with a line end.
    NaN and infinities must have been taken out (:func:`factcheck.report.finite`): strict
    readers refuse them, and orjson would write ``null`` where ``json`` writes ``NaN``."""
    try:
        return orjson.dumps(value, option=_OPTIONS) + b"\n"
    except orjson.JSONEncodeError:
        return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
