"""claims: numeric claims in market commentary, found with a spaCy pipeline.

Public API::

    from claims import extract, Vocabulary, VocabularyEntry
    for claim in extract("The 10-year JGB yield rose 6 basis points to 2.33%.", reference_date="2026-01-20"):
        print(claim.text, claim.value, claim.unit, claim.kind, claim.date)

The package knows language, not markets: instrument names arrive as a
:class:`Vocabulary` from the caller (``factcheck`` builds one from its series catalog).
"""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from .model import Claim, Cue, TimeRef, Vocabulary, VocabularyEntry
from .normalize import Normalized, normalize, restore
from .units import DAILY_MOVE_UNITS, MARKET_UNITS, RATE_UNITS, Unit, change_between
from .values import Baseline, DateBasis, Kind, Modality, Qualifier, QualifierKind, Side, Threshold
from .rules.qualifiers import PRODUCED_KINDS as QUALIFIER_KINDS  # every kind the extractor can produce

__all__ = ["Claim", "Cue", "TimeRef", "Vocabulary", "VocabularyEntry", "extract", "pipeline", "clear_caches",
           "normalize", "Normalized", "restore",
           "Unit", "MARKET_UNITS", "RATE_UNITS", "DAILY_MOVE_UNITS", "change_between",
           "Kind", "Modality", "Threshold", "DateBasis", "Baseline", "Qualifier", "QualifierKind", "QUALIFIER_KINDS", "Side"]


@lru_cache(maxsize=1)
def _nlp():
    from .component import make_pipeline

    return make_pipeline()


def pipeline():
    """The shared pipeline (blank English + sentencizer + ``market_claims``)."""
    return _nlp()


def extract(text: str, reference_date: date | str | None = None,
            vocabulary: Vocabulary | None = None, rejected: list[tuple[int, int, str]] | None = None) -> list[Claim]:
    """Numeric claims in ``text``; relative dates resolve against ``reference_date``.

    This is the fast path: sentences come from :mod:`claims.sentences` (the same rules as
    the pipeline's sentencizer and ``line_breaks``), so text without claims is never
    tokenized. ``nlp.add_pipe("market_claims")`` gives the same claims on a spaCy Doc.
    The text is read through :func:`normalize` (invisible characters, full-width digits,
    odd spaces and line ends) and every offset of a claim points into ``text`` as given.
    ``rejected`` (if given) receives ``(start, end, rule)`` for every number that is not a
    claim, the rule of :mod:`claims.rules.nonclaims` saying why.
    """
    from .sentences import split

    if isinstance(reference_date, str):
        reference_date = date.fromisoformat(reference_date)
    norm = normalize(text)
    found = _extractor(vocabulary).run(norm.text, split(norm.text), reference_date, rejected)
    restore(found, norm, rejected)
    return found


def clear_caches() -> None:
    """Forget what is kept between calls (each extractor's last reading, the last texts'
    written dates and lower-cased copies), so a benchmark that times the same text twice
    times all of the work both times."""
    from .casefold import lowered
    from .dateline import find_written_date
    from .extractor import EXTRACTORS

    for extractor in list(EXTRACTORS):
        extractor.forget()
    find_written_date.cache_clear()
    lowered.cache_clear()


@lru_cache(maxsize=8)
def _extractor(vocabulary: Vocabulary | None):
    """One extractor per vocabulary (vocabularies hash by identity): its compiled cue
    index is built once and reused."""
    from .extractor import Extractor

    return Extractor(vocabulary)
