"""Judge each claim against the data, per VERDICTS.md, and explain the judgement.

Where things are:

* :mod:`.verifier`: the table from a claim's kind to its checker, and why a claim cannot
  be judged (no series, no date, no data);
* :mod:`.levels`, :mod:`.changes`, :mod:`.decisions`, :mod:`.spreads`, :mod:`.forecasts`:
  one checker per kind of claim;
* :mod:`.qualifiers`: one checker per qualifier kind, and the import-time check that every
  kind the extractor can produce has one;
* :mod:`.tolerance`: the ladder (accurate / approximately accurate / inaccurate) and the
  allowances;
* :mod:`.explain`: every sentence a verdict says;
* :mod:`.labels`: the verdict labels with their rating, colours and severity.

Every verdict carries the observations it used, the difference in the claim's unit, the
tolerance and one sentence a reader can check.
"""
from .explain import fmt, source_name
from ..labels import Label
from .moves import daily_changes
from .tolerance import EPS, change_tolerance, grade
from .verdict import Observed, Verdict
from .verifier import CHECKERS, Verifier

__all__ = ["Verifier", "Verdict", "Observed", "Label", "CHECKERS", "EPS", "grade", "change_tolerance",
           "daily_changes", "fmt", "source_name"]
