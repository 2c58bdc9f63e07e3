"""Fast forms of verifier helpers give what the plain forms they replaced gave."""
import random
import re
from types import SimpleNamespace

from factcheck.verify.hours import preceding


def plain_preceding(text: str, sentence_start: int) -> str:
    """The sentence before, as it was first written: split everything before the claim."""
    head = text[:sentence_start].rsplit("\n\n", 1)[-1].rstrip()
    parts = re.split(r"(?<=[.!?])\s+", head)
    return parts[-1] if parts and parts[-1] else ""


def test_preceding_sentence_equals_splitting_the_paragraph():
    rng = random.Random(11)
    pieces = ["The yen", " rose", ".", "!", "?", " ", "  ", "\n", "\n\n", "\n\n\n", "\t", "1.5%", "U.S.", "\u2029",
              "\u00a0", "x.y", ". ", "?\n", "(a)", "…"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        for start in range(len(text) + 1):
            got = preceding(text, SimpleNamespace(sentence_start=start))
            assert got == plain_preceding(text, start), (text, start)
