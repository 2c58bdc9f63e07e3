"""One extractor and one checker are shared by every thread of a process (the Dask engine
runs several threads per worker): concurrent documents must not see each other's state."""
import sys
from concurrent.futures import ThreadPoolExecutor

import claims
from factcheck import check_text

DOCUMENTS = [
    "The 10-year JGB yield rose 6 basis points to 2.33% on Tuesday, the highest since 1999.",
    "The Nikkei 225 plunged 12.4%, or 4,451 points, to 31,458.42 on Monday, its biggest point decline on record.",
    "The yen strengthened to as much as 141.7 per dollar. Strategists see it at 150 by year-end.",
    "The BoJ lifted its policy rate from -0.1% to a range of 0 to 0.1% in March 2024.",
    "The US-Japan 10-year gap is back to 330 basis points. The 30-year JGB closed at a record 2.28%.",
    "Dollar-yen bounced back to around 150 after a 1.9% drop on Monday; the Nikkei is up 18% this year.",
    "The 10-year note yield was last at 3.78%, after Friday's 3.80% close, while the S&P 500 rose 1.2%.",
    "Ten-year JGB yields are at 2.1% this week, against 1.05% a year earlier, near 2.2% since the vote.",
]
DATES = ["2026-01-20", "2024-08-05", "2024-08-05", "2026-03-10", "2024-10-28", "2025-04-07", "2024-08-05", "2026-03-10"]


def claims_of(i: int) -> list[tuple]:
    report = check_text(DOCUMENTS[i], DATES[i]).to_dict()
    return [(c["value_span"], c["kind"], c["value"], c["date"], c["qualifiers"], c["verdict"]["label"])
            for c in report["claims"]]


def test_check_text_from_eight_threads_gives_the_single_threaded_claims():
    alone = [claims_of(i) for i in range(len(DOCUMENTS))]
    assert all(alone)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads as often as the interpreter allows
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            for _ in range(6):
                order = list(range(len(DOCUMENTS))) * 3
                got = list(pool.map(claims_of, order))
                assert got == [alone[i] for i in order]
    finally:
        sys.setswitchinterval(interval)


def test_extract_from_threads_with_one_vocabulary(vocabulary):
    alone = [[c.to_dict() for c in claims.extract(d, "2026-01-21", vocabulary)] for d in DOCUMENTS]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            order = list(range(len(DOCUMENTS))) * 8
            got = list(pool.map(lambda i: [c.to_dict() for c in claims.extract(DOCUMENTS[i], "2026-01-21", vocabulary)],
                                order))
        assert got == [alone[i] for i in order]
    finally:
        sys.setswitchinterval(interval)
