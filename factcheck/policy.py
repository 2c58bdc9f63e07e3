"""The verification policy: VERDICTS.md defaults shipped as ``data/policy.toml``,
overridable by a user file (``--policy``). Per-series allowances live in the catalog."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import PolicyError
from .resources_access import resource


@dataclass(frozen=True)
class Policy:
    lag_days: int = 3
    misdated_window_months: int = 18
    loose_years: int = 1
    multi_decade_years: int = 20
    index_points_pp: float = 0.3
    yield_percent_change_pp: float = 0.3
    spread_sum_legs: bool = True


def _from_doc(doc: dict, where: str) -> Policy:
    try:
        return Policy(
            lag_days=int(doc.get("time", {}).get("lag_days", 3)),
            misdated_window_months=int(doc.get("time", {}).get("misdated_window_months", 18)),
            loose_years=int(doc.get("superlatives", {}).get("loose_years", 1)),
            multi_decade_years=int(doc.get("superlatives", {}).get("multi_decade_years", 20)),
            index_points_pp=float(doc.get("changes", {}).get("index_points_pp", 0.3)),
            yield_percent_change_pp=float(doc.get("changes", {}).get("yield_percent_change_pp", 0.3)),
            spread_sum_legs=bool(doc.get("spread", {}).get("sum_legs", True)),
        )
    except (TypeError, ValueError) as exc:
        raise PolicyError(f"{where}: {exc}") from None


def load_policy(path: str | Path | None = None) -> Policy:
    if path is None:
        text, where = resource("policy.toml").read_text(encoding="utf-8"), "policy.toml"
    else:
        try:
            text, where = Path(path).read_text(encoding="utf-8"), str(path)
        except OSError as exc:
            raise PolicyError(f"cannot read policy file {path}: {exc.strerror}") from None
    try:
        return _from_doc(tomllib.loads(text), where)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{where}: not valid TOML: {exc}") from None
