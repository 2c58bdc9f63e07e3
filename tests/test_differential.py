"""Behaviour is unchanged where it should be: every recorded case of the differential
harness (tests/differential.py) gives the same report and the same claims as when it
was recorded. After a deliberate change of output, re-record and say why in the commit."""
from differential import SHARED, expected, first_difference, observe, text_of


def test_recorded_cases_give_the_same_reports_and_claims(checker, vocabulary):
    differences, skipped, compared = [], 0, 0
    for case in expected():
        text = text_of({"path": str(SHARED / case["path"])} if "path" in case else case)
        if text is None:
            skipped += 1  # ../shared is not beside this checkout
            continue
        now = observe(checker, vocabulary, text, case["published"])
        where = first_difference({"report": case["report"], "claims": case["claims"]}, now)
        compared += 1
        if where:
            differences.append(f"{case['id']}{where}")
    assert compared > 0
    assert not differences, f"{len(differences)} of {compared} cases differ:\n" + "\n".join(differences[:15])
