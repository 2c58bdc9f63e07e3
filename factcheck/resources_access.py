"""Access to the data files shipped in ``data/`` (installed as ``factcheck.resources``)."""
from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    node = files("factcheck.resources")
    for part in parts:
        node = node / part
    return node
