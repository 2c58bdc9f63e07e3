"""The spaCy side: a ``market_claims`` component and the pipeline that hosts it.

``nlp.add_pipe("market_claims")`` works in any English pipeline once this package is
installed (the factory is registered through the ``spacy_factories`` entry point). The
component writes every claim's number as a span to ``doc.spans["market_claims"]`` (spans
may overlap: a range and its bounds, a change and its level) and the typed claims to
``doc._.claims``.
"""
from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from .extractor import Extractor
from .model import Vocabulary

SPAN_KEY = "market_claims"

if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)
if not Doc.has_extension("reference_date"):
    Doc.set_extension("reference_date", default=None)
if not Span.has_extension("claim"):
    Span.set_extension("claim", default=None)


class MarketClaims:
    """Finds numeric market claims; the instrument vocabulary can be set after creation."""

    def __init__(self, nlp: Language, name: str, span_key: str = SPAN_KEY):
        self.name = name
        self.span_key = span_key
        self.extractor = Extractor(Vocabulary())

    def set_vocabulary(self, vocabulary: Vocabulary) -> None:
        self.extractor = Extractor(vocabulary)

    def __call__(self, doc: Doc) -> Doc:
        ref = doc._.reference_date
        if isinstance(ref, str):
            ref = date.fromisoformat(ref)
        sentences = [(s.start_char, s.end_char) for s in doc.sents] if len(doc) else []
        claims = self.extractor.run(doc.text, sentences, ref)
        spans = []
        for claim in claims:
            span = doc.char_span(claim.start, claim.end, label=claim.kind, alignment_mode="expand")
            if span is not None:
                span._.claim = claim
                spans.append(span)
        doc.spans[self.span_key] = spans
        doc._.claims = claims
        return doc


@Language.factory("market_claims", default_config={"span_key": SPAN_KEY})
def make_market_claims(nlp: Language, name: str, span_key: str) -> MarketClaims:
    return MarketClaims(nlp, name, span_key)


LINE_END_PUNCT = tuple('.!?:;"\')”’')
BULLET = ("-", "*", "•", "–", "—")


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Line structure the sentencizer cannot see: a blank line, a title or dateline line
    without a full stop, or a bullet starts a new sentence. A single line break inside a
    hard-wrapped paragraph does not."""
    for token in doc[:-1]:
        ws = token.whitespace_ if "\n" in token.whitespace_ else (token.text if token.is_space else "")
        if "\n" not in ws:
            continue
        nxt = doc[token.i + 1]
        if nxt.is_space and token.i + 2 < len(doc):
            nxt = doc[token.i + 2]
        line_start = doc.text.rfind("\n", 0, token.idx) + 1
        line = doc.text[line_start:token.idx + len(token.text)].strip()
        blank = ws.count("\n") >= 2
        title = len(line) < 60 and (nxt.text[:1].isupper() or nxt.text[:1].isdigit())
        if blank or line.endswith(LINE_END_PUNCT) or nxt.text.startswith(BULLET) or title:
            nxt.is_sent_start = True
        elif nxt.is_sent_start and not token.is_space:
            nxt.is_sent_start = False
    return doc


def make_pipeline() -> Language:
    """Blank English with sentence splitting and the claims component. No statistical model."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("line_breaks")
    nlp.add_pipe("market_claims")
    return nlp
