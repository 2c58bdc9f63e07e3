"""Build the recorded payloads the fetcher tests replay, from the real files in
../shared/market-data/raw and the layouts of ../shared/market-data/SOURCES.md.

Run once from the repository root: python tests/payloads/make_payloads.py
(the outputs are committed; the tests do not need ../shared for them)."""
from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE.parents[2] / "shared" / "market-data" / "raw"


def main() -> None:
    dgs10 = (RAW / "fred/recent_2025-12_2026-09/DGS10.csv").read_bytes().splitlines(keepends=True)
    (HERE / "fred_dgs10.csv").write_bytes(dgs10[0] + b"".join(dgs10[-60:]))  # current header, empty = missing
    legacy = (RAW / "fred/long/NIKKEI225.csv").read_bytes().splitlines(keepends=True)
    (HERE / "fred_nikkei225_legacy.csv").write_bytes(legacy[0] + b"".join(legacy[-40:]))  # DATE header, '.' = missing
    rows = [line.decode().strip().split(",") for line in dgs10[-10:]]
    api = {"realtime_start": "2026-09-18", "realtime_end": "2026-09-18", "observation_start": rows[0][0],
           "observation_end": rows[-1][0], "units": "lin", "output_type": 1, "file_type": "json",
           "order_by": "observation_date", "sort_order": "asc", "count": len(rows), "offset": 0, "limit": 100000,
           "observations": [{"realtime_start": "2026-09-18", "realtime_end": "2026-09-18", "date": d,
                             "value": v if v else "."} for d, v in rows]}
    (HERE / "fred_api_dgs10.json").write_text(json.dumps(api, indent=1))
    (HERE / "fred_api_bad_key.json").write_text(json.dumps({
        "error_code": 400, "error_message": "Bad Request.  The value for variable api_key is not a 32 character "
                                            "alpha-numeric lower-case string.  Read https://fred.stlouisfed.org/docs/"
                                            "api/api_key.html for more information."}))
    mof = (RAW / "mof/jgbcme_all.csv").read_bytes().split(b"\r\n")
    (HERE / "mof_historical.csv").write_bytes(b"\r\n".join(mof[:2] + mof[-24:]))  # CRLF, ends with CRLF
    current = ("Interest Rate (July 2026),,,,,,,,,,,,,,,(Unit : %)\r\n"
               "Date,1Y,2Y,3Y,4Y,5Y,6Y,7Y,8Y,9Y,10Y,15Y,20Y,25Y,30Y,40Y\r\n"
               "2026/6/30,1.165,1.382,1.531,1.755,1.937,2.075,2.231,2.398,2.553,2.69,3.271,3.625,3.883,3.873,3.792\r\n"
               "2026/7/1,1.17,1.39,1.54,1.76,1.94,2.08,2.24,2.41,2.56,2.70,3.28,3.63,3.89,3.88,3.80\r\n"
               ",,,,,,,,,,,,,,,\r\n").encode("ascii")
    footer = "※最新のCSVがダウンロードできない場合は、ブラウザのキャッシュをクリアしてください。\r\n".encode("shift_jis")
    (HERE / "mof_current_with_footer.csv").write_bytes(current + footer)
    (HERE / "ustreasury_2023.csv").write_text(
        'Date,"1 Mo","2 Mo","3 Mo","4 Mo","6 Mo","1 Yr","2 Yr","3 Yr","5 Yr","7 Yr","10 Yr","20 Yr","30 Yr"\n'
        "09/01/2023,5.51,5.55,5.53,5.58,5.47,5.36,4.87,4.57,4.29,4.27,4.18,4.48,4.29\n"
        "08/31/2023,5.52,5.55,5.56,5.61,5.48,5.37,4.85,4.54,4.23,4.19,4.09,4.39,4.20\n")
    (HERE / "boj_call_rate.json").write_text(json.dumps({
        "STATUS": 200, "MESSAGEID": "M181000I", "MESSAGE": "", "DATE": "2026-09-18T09:00:00.000+09:00",
        "PARAMETER": {"db": "FM01", "code": "STRDCLUCON", "format": "json", "lang": "en", "startDate": "202609",
                      "endDate": "202609"},
        "NEXTPOSITION": None,
        "RESULTSET": [{"SERIES_CODE": "STRDCLUCON", "NAME_OF_TIME_SERIES": "Call Rate, Uncollateralized Overnight",
                       "UNIT": "percent per annum", "FREQUENCY": "DAILY", "CATEGORY": "Call Rate",
                       "LAST_UPDATE": 20260918,
                       "VALUES": {"SURVEY_DATES": [20260916, 20260917], "VALUES": [0.977, None]}}]}))
    (HERE / "boj_bad_db.json").write_text(json.dumps({
        "STATUS": 400, "MESSAGEID": "M181005E", "MESSAGE": "DB名が正しくありません。",
        "DATE": "2026-09-18T09:00:00.000+09:00", "PARAMETER": None, "NEXTPOSITION": None, "RESULTSET": []},
        ensure_ascii=False))
    (HERE / "html_200.html").write_text("<!DOCTYPE html><html><head><title>ページが見つかりません</title></head>"
                                        "<body>Not found</body></html>\n")


if __name__ == "__main__":
    main()
