"""The spaCy side: a ``market_claims`` component and the pipeline that hosts it.

``nlp.add_pipe("market_claims")`` works in any English pipeline once this package is
installed (the factory is registered through the ``spacy_factories`` entry point). The
component writes every claim's number as a span to ``doc.spans["market_claims"]`` (spans
may overlap: a range and its bounds, a change and its level) and the typed claims to
``doc._.claims`` (each span's claim is ``span._.claim``).

- Sentence boundaries: those a pipeline set (sentencizer, senter, parser) are used;
  without any, the component splits sentences itself with :mod:`claims.sentences` (the
  rules of the fast path), so ``spacy.blank("en")`` plus this component is enough.
- Serialisation: claims are stored on the Doc as plain data (``doc._.market_claims_data``,
  msgpack-safe) and ``doc._.claims`` rebuilds the typed :class:`Claim` objects from it, so
  claims survive ``doc.to_bytes()``, ``DocBin`` and ``nlp.pipe(..., n_process=2)``. On the
  Doc that the component made, the typed objects are kept (``span._.claim is
  doc._.claims[i]``); a Doc read back from bytes rebuilds equal ones.
- Settings: ``span_key`` is config; the instrument vocabulary (set with
  ``set_vocabulary``) is written by ``nlp.to_disk()`` and read back by ``spacy.load()``.
"""
from __future__ import annotations

import bisect
import copy
import dataclasses
import enum
import json
import re
import sys
import typing
import weakref
from datetime import date
from pathlib import Path

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .extractor import Extractor
from .model import Claim, Vocabulary, VocabularyEntry
from .normalize import Normalized, normalize, restore
from .sentences import line_break_ends, split

SPAN_KEY = "market_claims"
VOCABULARY_FILE = "vocabulary.json"
_TYPED: "weakref.WeakKeyDictionary[Doc, tuple[list, list[Claim]]]" = weakref.WeakKeyDictionary()


def _doc_claims(doc: Doc) -> list[Claim] | None:
    """The typed claims of ``doc``, rebuilt from its plain data when not cached."""
    data = doc._.market_claims_data
    if data is None:
        return None
    cached = _TYPED.get(doc)
    if cached is not None and cached[0] is data:
        return cached[1]
    typed = [_rebuild(Claim, item) for item in data]
    _TYPED[doc] = (data, typed)
    return typed


def _span_claim(span: Span) -> Claim | None:
    """The claim a span of ``doc.spans[key]`` stands for (same offsets and kind)."""
    data = span.doc._.market_claims_data or []
    for i, item in enumerate(data):
        if list(item.get("_span") or ()) == [span.start_char, span.end_char] and item.get("kind") == span.label_:
            return _doc_claims(span.doc)[i]
    return None


def _get_reference(doc: Doc) -> str | None:
    return doc._.market_claims_reference


def _set_reference(doc: Doc, value) -> None:
    """A date or ``YYYY-MM-DD``, kept as the string (serialisable)."""
    doc._.market_claims_reference = value.isoformat() if isinstance(value, date) else value


for _name, _kwargs in (("market_claims_data", {"default": None}), ("market_claims_reference", {"default": None}),
                       ("claims", {"getter": _doc_claims}),
                       ("reference_date", {"getter": _get_reference, "setter": _set_reference})):
    Doc.set_extension(_name, force=True, **_kwargs)
Span.set_extension("claim", getter=_span_claim, force=True)


def _plain(claim: Claim, shared: dict[int, dict] | None = None) -> dict:
    """A claim as msgpack-safe data (enums as their values, tuples as lists): the form
    ``dataclasses.asdict`` gives, built field by field. The nested records a document's
    claims share (the same context cues sit on up to 40 claims, the same time phrase on
    many) are converted once per document through ``shared`` (keyed by object id, valid
    while the claims live) and their plain dicts shared too: the data is read-only.
    ``asdict`` deep-copied every cue of every claim, which made the component about 5x
    the fast path on claim-dense text."""
    return {name: _plain_value(getattr(claim, name), {} if shared is None else shared)
            for name in _field_names(Claim)}


def _plain_value(value, shared: dict[int, dict]):
    if value is None or type(value) in (str, int, float, bool):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        got = shared.get(id(value))
        if got is None:
            got = shared[id(value)] = {name: _plain_value(getattr(value, name), shared)
                                       for name in _field_names(type(value))}
        return got
    if isinstance(value, (list, tuple)):
        return [_plain_value(v, shared) for v in value]
    if isinstance(value, dict):
        return {k: _plain_value(v, shared) for k, v in value.items()}
    return copy.deepcopy(value)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _rebuild(cls, data: dict):
    """An instance of the dataclass ``cls`` from :func:`_plain` data, nested dataclasses,
    lists of them and enums included; keys that are no field are ignored."""
    hints = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))  # names as its own module sees them
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data and f.init:
            kwargs[f.name] = _typed(hints.get(f.name), data[f.name])
    return cls(**kwargs)


def _typed(hint, value):
    if value is None or hint is None:
        return value
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    origin = typing.get_origin(hint)
    if origin in (list, tuple) and args and isinstance(value, (list, tuple)):  # DocBin gives tuples
        items = [_typed(args[0], v) for v in value]
        return items if origin is list else tuple(items)
    target = hint if not args or origin in (list, tuple) else args[0]
    if isinstance(value, dict) and dataclasses.is_dataclass(target):
        return _rebuild(target, value)
    if isinstance(target, type) and issubclass(target, enum.Enum):
        return target(value)
    return value


class MarketClaims:
    """Finds numeric market claims; the instrument vocabulary can be set after creation."""

    def __init__(self, nlp: Language, name: str, span_key: str = SPAN_KEY):
        self.name = name
        self.span_key = span_key
        self.vocabulary = Vocabulary()
        self.extractor = Extractor(self.vocabulary)

    def set_vocabulary(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.extractor = Extractor(vocabulary)

    def __call__(self, doc: Doc) -> Doc:
        ref = doc._.reference_date
        if isinstance(ref, str):
            ref = date.fromisoformat(ref)
        norm = normalize(doc.text)  # read like the fast path; spans stay in doc.text
        claims = self.extractor.run(norm.text, self._sentences(doc, norm), ref)
        restore(claims, norm)
        spans, data, shared = [], [], {}
        for claim in claims:
            span = doc.char_span(claim.start, claim.end, label=claim.kind, alignment_mode="expand")
            item = _plain(claim, shared)
            item["_span"] = [span.start_char, span.end_char] if span is not None else None
            if span is not None:
                spans.append(span)
            data.append(item)
        doc.spans[self.span_key] = spans
        doc._.market_claims_data = data
        _TYPED[doc] = (data, claims)
        return doc

    @staticmethod
    def _sentences(doc: Doc, norm: Normalized) -> list[tuple[int, int]]:
        """The pipeline's sentences when it set any (as offsets of the normalised text),
        else this package's own split of the normalised text."""
        if not len(doc):
            return []
        if doc.has_annotation("SENT_START"):
            spans = ((norm.to_text(s.start_char), norm.to_text(s.end_char)) for s in doc.sents)
            return [(a, b) for a, b in spans if a < b]
        return split(norm.text)

    # -- settings: the vocabulary travels with nlp.to_disk() / spacy.load() -------------
    def _vocabulary_json(self) -> str:
        return json.dumps([dataclasses.asdict(e) for e in self.vocabulary.entries], ensure_ascii=False)

    def _load_vocabulary_json(self, text: str) -> None:
        self.set_vocabulary(Vocabulary([VocabularyEntry(**e) for e in json.loads(text)]))

    def to_bytes(self, *, exclude=()) -> bytes:
        return self._vocabulary_json().encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=()) -> "MarketClaims":
        self._load_vocabulary_json(data.decode("utf-8"))
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / VOCABULARY_FILE).write_text(self._vocabulary_json(), encoding="utf-8")

    def from_disk(self, path, *, exclude=()) -> "MarketClaims":
        file = Path(path) / VOCABULARY_FILE
        if file.exists():
            self._load_vocabulary_json(file.read_text(encoding="utf-8"))
        return self


@Language.factory("market_claims", default_config={"span_key": SPAN_KEY},
                  assigns=["doc._.claims", "doc._.market_claims_data", "doc.spans"])
def make_market_claims(nlp: Language, name: str, span_key: str) -> MarketClaims:
    return MarketClaims(nlp, name, span_key)


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Line structure the sentencizer cannot see: a blank line, a title or dateline line
    without a full stop, or a bullet starts a new sentence (the rule of
    :func:`claims.sentences.line_break_ends`, shared with the fast splitter). Line ends
    are read as :mod:`claims.normalize` reads them (CR, CR LF, the Unicode separators).

    Linear in the text: ``doc.text`` is built once and each line's start found by
    bisection in one list of line-end offsets (building ``doc.text`` per line break made
    64 KB of hard-wrapped prose take seconds)."""
    if doc.has_annotation("DEP"):
        return doc  # a parser's sentences are kept (its boundaries cannot be set by hand)
    text = doc.text
    ends = [m.start() for m in LINE_END.finditer(text)]
    array = doc.to_array([SENT_START])  # set in one go: each Token.is_sent_start assignment scans the Doc
    starts = array.view("int64")  # 1 starts a sentence, -1 does not, 0 unknown
    for token in doc[:-1]:
        ws = token.whitespace_ if LINE_END.search(token.whitespace_) else (token.text if token.is_space else "")
        if not LINE_END.search(ws):
            continue
        nxt = doc[token.i + 1]
        if nxt.is_space and token.i + 2 < len(doc):
            nxt = doc[token.i + 2]
        k = bisect.bisect_left(ends, token.idx)
        line_start = ends[k - 1] + 1 if k else 0
        line = text[line_start:token.idx + len(token.text)].strip()
        if _line_ends(ws) >= 2 or line_break_ends(line, text[nxt.idx:nxt.idx + 40]):
            starts[nxt.i] = 1
        elif starts[nxt.i] == 1 and not token.is_space:
            starts[nxt.i] = -1
    doc.from_array([SENT_START], array)
    return doc


LINE_END = re.compile("[\n\r\x85\u2028\u2029]")


def _line_ends(ws: str) -> int:
    """How many line ends a stretch of whitespace holds (CR LF is one, a paragraph
    separator two: a blank line)."""
    return len(LINE_END.findall(ws.replace("\r\n", "\n"))) + ws.count("\u2029")


def make_pipeline() -> Language:
    """Blank English with sentence splitting and the claims component. No statistical model."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("line_breaks")
    nlp.add_pipe("market_claims")
    return nlp
