"""The shape the code keeps: small functions and classes, and claims/ never imports factcheck."""
from __future__ import annotations

import ast

import pytest

from conftest import ROOT

MAX_FUNCTION_LINES = 60
MAX_CLASS_LINES = 250
PACKAGES = ("claims", "factcheck")


def sources():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def lines(node: ast.AST) -> int:
    return node.end_lineno - node.lineno + 1


def test_no_function_over_60_lines_and_no_class_over_250():
    too_long = [f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({lines(node)} lines)"
                for path, tree in sources() for node in ast.walk(tree)
                if (isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and lines(node) > MAX_FUNCTION_LINES)
                or (isinstance(node, ast.ClassDef) and lines(node) > MAX_CLASS_LINES)]
    assert not too_long, "split these:\n" + "\n".join(too_long)


def test_the_measure_sees_a_long_function():
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    node = ast.parse(f"def f():\n{body}\n").body[0]
    assert lines(node) == MAX_FUNCTION_LINES + 1


def test_claims_knows_language_not_markets():
    """claims/ never imports factcheck (the catalog reaches it as a Vocabulary)."""
    offending = []
    for path, tree in sources():
        if path.relative_to(ROOT).parts[0] != "claims":
            continue
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
            offending += [f"{path.relative_to(ROOT)}:{node.lineno}" for n in names if n.split(".")[0] == "factcheck"]
    assert not offending


@pytest.mark.parametrize("table", ["modality", "qualifiers"])
def test_a_rule_that_reads_the_text_names_the_words_it_needs(table, vocabulary):
    """Every positive example of a table whose rules declare triggers holds one of its
    rule's trigger words: the triggers are enough to find every text a rule can decide."""
    import re

    from claims.rules import unmark
    from claims.rules.modality import MODALITY
    from claims.rules.qualifiers import QUALIFIERS

    for rule in {"modality": MODALITY, "qualifiers": QUALIFIERS}[table]:
        assert rule.triggers, rule.name
        pattern = re.compile("|".join(rule.triggers), re.I)
        for example in rule.examples:
            assert pattern.search(unmark(example)[0]), (rule.name, example)


def test_a_qualifier_pattern_never_matches_without_its_trigger_words():
    """The extractor runs a qualifier pattern only where its trigger words occur: every
    match of every pattern over the test sentences and the dev documents holds one."""
    import re

    from claims.rules.qualifiers import RULE_TRIGGERS

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT.parent / "shared/eval/dev").glob("*.txt"))]
    texts += [e for rule, _ in RULE_TRIGGERS for e in rule.examples + rule.counter]
    for rule, trigger in RULE_TRIGGERS:
        for text in texts:
            for m in rule.pattern.finditer(text):
                assert trigger.search(m.group(0)), (rule.name, m.group(0))
