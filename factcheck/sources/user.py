"""Observations a user brought: `factcheck data import` and catalog entries with a
``data_file``. Their rows carry ``user:<file name>``."""
from __future__ import annotations

from .registry import SourceInfo, register_source

register_source(SourceInfo("user", "user data", note="your own data: `factcheck data import`"))
