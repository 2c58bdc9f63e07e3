"""A small "%" move of a yield is read in percentage points (factcheck.verify.kinds.
points_reading): translated and non-native prose writes "fell 0.09%" for nine basis points.
More sentences in other registers than the ones beside that rule's own tests."""
from __future__ import annotations


def _result(checker, text, day, literal):
    report = checker.check(text, day)
    return next(r for r in report.results if r.claim.text == literal)


def test_translated_news_yield_move_with_percent_sign_holds_as_points(checker):
    # UST 10-year: 4.45% on 2024-05-14, 4.36% on 2024-05-15
    text = ("(Machine translation) In New York, the yield of the 10-year US Treasury fell "
            "0.09% from the previous day to 4.36% on the 15th.")
    r = _result(checker, text, "2024-05-15", "0.09%")
    assert r.verdict.label.supports
    assert "percentage points" in r.verdict.explanation


def test_non_native_desk_mail_jgb_move_with_percent_sign(checker):
    # JGB 10-year: 0.946% on 2024-05-13, 0.969% on 2024-05-14
    text = "Dear all, today JGB 10 year yield is going up 0.023% and closing 0.969%, please check."
    r = _result(checker, text, "2024-05-14", "0.023%")
    assert r.verdict.label.supports


def test_wrong_direction_stays_flagged_under_both_readings(checker):
    text = ("(Machine translation) The yield of the 10-year US Treasury rose 0.09% from the "
            "previous day to 4.36% on the 15th.")
    r = _result(checker, text, "2024-05-15", "0.09%")
    assert r.verdict.label.refutes
    assert "percentage points" in r.verdict.explanation


def test_large_percent_move_of_a_yield_is_not_read_as_points(checker):
    # a relative change: 4.45% -> 4.36% is about -2%; "fell 2%" holds as stated, and a
    # 'fell 9%' is no small figure to re-read
    text = "The 10-year Treasury yield fell 9% on May 15."
    r = _result(checker, text, "2024-05-15", "9%")
    assert "percentage points" not in r.verdict.explanation
