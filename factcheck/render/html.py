"""The HTML review page: one self-contained file (no network, no JavaScript).

The article is shown with each claim highlighted in place and coloured by verdict; a side
list holds the claims, mismatches first, each with its evidence sentence, a source link
and a small inline SVG chart of the series around the claim date with the claimed and
observed values marked. Filters by verdict and series are CSS checkboxes. Every piece
of document text goes through :func:`html.escape`: an article containing markup shows it
as text and runs nothing.
"""
from __future__ import annotations

import html
import re
from datetime import date, timedelta

from ..report import ClaimResult, Report
from ..store import Store

ORDER = ("inaccurate", "misdated", "approximately_accurate", "unverifiable", "not_checkable", "accurate")
COLOURS = {"accurate": "#1a7f37", "approximately_accurate": "#4d9a2a", "misdated": "#b7791f",
           "inaccurate": "#c62828", "unverifiable": "#6b7280", "not_checkable": "#2563eb"}
SOURCE_PAGES = {
    "fred": "https://fred.stlouisfed.org/series/{code}",
    "mof": "https://www.mof.go.jp/english/policy/jgbs/reference/interest_rate/index.htm",
    "boj_decisions": "https://www.boj.or.jp/en/mopo/mpmdeci/index.htm",
    "boj": "https://www.stat-search.boj.or.jp/",
    "ustreasury": "https://home.treasury.gov/resource-center/data-chart-center/interest-rates",
    "yahoo": "https://finance.yahoo.com/quote/{code}",
}

E = html.escape


def css_id(value: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", value.lower()).strip("-") or "none"


def series_key(r: ClaimResult) -> str:
    return r.mapping.series_id or (r.mapping.instrument.id if r.mapping.instrument else "none")


def source_link(r: ClaimResult, store: Store | None) -> str:
    if not r.mapping.series_id or r.mapping.spread:
        ids = list(r.mapping.spread or ())
    else:
        ids = [r.mapping.series_id]
    links = []
    for sid in ids:
        s = store.catalog.get(sid) if store else None
        if s is None or not s.sources:
            continue
        src = s.sources[0]
        pattern = SOURCE_PAGES.get(src["source"])
        if pattern:
            url = pattern.format(code=src["code"])
            links.append(f'<a href="{E(url)}" rel="noopener noreferrer">{E(src["source"])}: {E(src["code"])}</a>')
    return " · ".join(links)


def chart(r: ClaimResult, store: Store | None, width: int = 300, height: int = 110) -> str:
    """An inline SVG of the series around the claim's date: the line, the claimed value
    (dashed) and the observations the verdict used (dots)."""
    if store is None or not r.mapping.series_id or r.mapping.spread or not r.verdict.observed:
        return ""
    data = store.get(r.mapping.series_id)
    if data is None:
        return ""
    dates = [date.fromisoformat(o.date) for o in r.verdict.observed]
    centre = max(dates)
    frame = data.window(min(dates) - timedelta(days=40), centre + timedelta(days=20))["value"].dropna()
    if len(frame) < 2:
        return ""
    ys = [float(v) for v in frame.values]
    levels = r.claim.kind != "change" and r.claim.unit == data.series.unit  # the claimed level can be drawn
    claimed = [r.claim.value] if levels else []
    if levels and r.claim.range_low is not None:
        claimed = [r.claim.range_low, r.claim.range_high]
    marks = [(date.fromisoformat(o.date), o.value) for o in r.verdict.observed if o.field != "daily change"
             and o.field != "decision"]
    lo = min(ys + claimed + [v for _, v in marks])
    hi = max(ys + claimed + [v for _, v in marks])
    if hi - lo < 1e-9:
        hi, lo = hi + 1, lo - 1
    pad = (hi - lo) * 0.12
    lo, hi = lo - pad, hi + pad
    t0, t1 = frame.index[0].date(), frame.index[-1].date()
    span = max((t1 - t0).days, 1)

    def x(d: date) -> float:
        return 30 + (width - 40) * ((d - t0).days / span)

    def y(v: float) -> float:
        return 8 + (height - 28) * (1 - (v - lo) / (hi - lo))

    points = " ".join(f"{x(ts.date()):.1f},{y(float(v)):.1f}" for ts, v in frame.items())
    parts = [f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'role="img" aria-label="{E(data.series.name)} around {centre}">',
             f'<polyline fill="none" stroke="#334155" stroke-width="1.3" points="{points}"/>']
    colour = COLOURS.get(r.verdict.label, "#334155")
    for v in claimed:
        parts.append(f'<line class="claimed" x1="30" x2="{width - 10}" y1="{y(v):.1f}" y2="{y(v):.1f}" '
                     f'stroke="{colour}" stroke-dasharray="4 3"/>')
    for d, v in marks:
        if t0 <= d <= t1:
            parts.append(f'<circle class="observed" cx="{x(d):.1f}" cy="{y(v):.1f}" r="3.5" fill="{colour}"/>')
    parts.append(f'<text x="2" y="{y(hi - pad) + 4:.0f}" font-size="9">{E(_short(hi - pad))}</text>')
    parts.append(f'<text x="2" y="{y(lo + pad) + 4:.0f}" font-size="9">{E(_short(lo + pad))}</text>')
    parts.append(f'<text x="30" y="{height - 4}" font-size="9">{t0}</text>')
    parts.append(f'<text x="{width - 70}" y="{height - 4}" font-size="9">{t1}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _short(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.2f}"


def highlighted(text: str, results: list[ClaimResult], numbers: dict[int, int]) -> str:
    out, pos = [], 0
    for r in sorted(results, key=lambda r: r.claim.start):
        s, e = r.claim.start, r.claim.end
        if s < pos:
            continue  # overlapping spans: the first one wins the highlight
        out.append(E(text[pos:s]))
        n = numbers[id(r)]
        label = r.verdict.label
        out.append(f'<a class="hl v-{label} s-{css_id(series_key(r))}" href="#c{n}" '
                   f'title="{E(label)}: {E(r.verdict.explanation)}"><mark>{E(text[s:e])}</mark>'
                   f'<sup>{n}</sup></a>')
        pos = e
    out.append(E(text[pos:]))
    return "".join(out).replace("\n\n", "</p><p>").replace("\n", "<br>")


def render_html(report: Report, store: Store | None = None, title: str | None = None) -> str:
    results = report.results
    numbers = {id(r): i for i, r in enumerate(results, 1)}
    ordered = sorted(results, key=lambda r: (ORDER.index(r.verdict.label), r.claim.start))
    labels = [lab for lab in ORDER if any(r.verdict.label == lab for r in results)]
    series = sorted({series_key(r) for r in results})
    title = title or f"factcheck: {report.path or 'document'}"

    # CSS-only filters: the checkboxes are siblings placed before .filters and .page, so
    # "#fv-x:not(:checked) ~ .page .v-x" can hide a verdict; labels anywhere toggle them
    inputs, chips, rules = [], [], []
    for lab in labels:
        n = sum(1 for r in results if r.verdict.label == lab)
        inputs.append(f'<input type="checkbox" class="f" id="fv-{lab}" checked>')
        chips.append(f'<label for="fv-{lab}" class="chip" style="border-color:{COLOURS[lab]}">{lab} ({n})</label>')
        rules.append(f"#fv-{lab}:not(:checked) ~ .page .card.v-{lab}{{display:none}}"
                     f"#fv-{lab}:not(:checked) ~ .page a.hl.v-{lab} mark{{background:none;outline:none}}"
                     f"#fv-{lab}:not(:checked) ~ .filters label[for=fv-{lab}]{{opacity:.45;text-decoration:line-through}}")
    for sid in series:
        key = css_id(sid)
        inputs.append(f'<input type="checkbox" class="f" id="fs-{key}" checked>')
        chips.append(f'<label for="fs-{key}" class="chip series">{E(sid)}</label>')
        rules.append(f"#fs-{key}:not(:checked) ~ .page .card.s-{key}{{display:none}}"
                     f"#fs-{key}:not(:checked) ~ .page a.hl.s-{key} mark{{background:none;outline:none}}"
                     f"#fs-{key}:not(:checked) ~ .filters label[for=fs-{key}]{{opacity:.45;text-decoration:line-through}}")

    cards = []
    for r in ordered:
        n = numbers[id(r)]
        v = r.verdict
        obs = "".join(f"<tr><td>{E(o.date)}</td><td>{o.value:g}</td><td>{E(o.source)}</td><td>{E(o.field)}</td></tr>"
                      for o in v.observed)
        table = f'<table class="obs"><tr><th>date</th><th>value</th><th>source</th><th>field</th></tr>{obs}</table>' if obs else ""
        diff = "" if v.difference is None else f"difference {v.difference:+.4g} · tolerance {v.tolerance:.4g}"
        link = source_link(r, store)
        sname = r.mapping.name or (r.mapping.instrument.name if r.mapping.instrument else "no series")
        cards.append(
            f'<section class="card v-{v.label} s-{css_id(series_key(r))}" id="c{n}">'
            f'<h3><span class="badge" style="background:{COLOURS[v.label]}">{E(v.label)}</span> '
            f'<span class="num">#{n}</span> <q>{E(" ".join(r.claim.text.split()))}</q></h3>'
            f'<p class="meta">{E(sname)} · {E(r.claim.date or "no date")} · {E(r.claim.kind)}'
            f'{" · " + E(diff) if diff else ""}</p>'
            f'<p class="evidence">{E(v.explanation)}</p>'
            f'{chart(r, store)}{table}'
            f'{f"<p class=src>source: {link}</p>" if link else ""}'
            f'<p class="sentence">“{E(r.claim.sentence)}”</p></section>')
    doc = report
    inference = doc.reference_inference.get("window")
    ref_note = f" (inferred from {doc.reference_inference.get('agreeing')} of {doc.reference_inference.get('claims')} claims, {inference[0]}..{inference[1]})" if inference else ""
    summary = " · ".join(f"{k.replace('_', ' ')} {v}" for k, v in doc.summary.items() if v)
    article = highlighted(doc.text or "", results, numbers) if doc.text is not None else "<em>(text not available)</em>"
    warnings = "".join(f'<p class="warn">warning: {E(w)}</p>' for w in doc.warnings)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(title)}</title>
<style>
body{{font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#111827;background:#f8fafc}}
header{{padding:14px 22px;background:#0f172a;color:#f8fafc}} header h1{{font-size:18px;margin:0 0 4px}}
header p{{margin:2px 0;font-size:13px;color:#cbd5e1}}
.f{{position:absolute;opacity:0;pointer-events:none}}
.chip{{display:inline-block;margin:8px 4px 0 0;padding:2px 9px;border:2px solid #94a3b8;border-radius:12px;font-size:12px;cursor:pointer;background:#fff}}
.chip.series{{border-style:dashed}}
.filters{{padding:4px 22px 10px;background:#e2e8f0}}
.page{{display:flex;gap:22px;padding:18px 22px;align-items:flex-start}}
article{{flex:1 1 55%;background:#fff;padding:18px 24px;border-radius:8px;box-shadow:0 1px 3px #0002;max-width:760px}}
aside{{flex:1 1 45%;max-width:560px}}
a.hl{{color:inherit;text-decoration:none}} a.hl sup{{font-size:10px;color:#475569}}
mark{{padding:0 2px;border-radius:3px}}
{"".join(f"a.hl.v-{k} mark{{background:{c}2e;outline:2px solid {c}}}" for k, c in COLOURS.items())}
.card{{background:#fff;border-left:5px solid #94a3b8;border-radius:6px;padding:10px 14px;margin:0 0 12px;box-shadow:0 1px 2px #0002}}
{"".join(f".card.v-{k}{{border-left-color:{c}}}" for k, c in COLOURS.items())}
.card h3{{margin:0;font-size:15px}} .badge{{color:#fff;border-radius:4px;padding:1px 6px;font-size:12px}}
.num{{color:#64748b}} .meta{{margin:4px 0;color:#475569;font-size:12px}} .evidence{{margin:6px 0}}
.sentence{{color:#475569;font-size:12px;font-style:italic}} .src{{font-size:12px}}
table.obs{{border-collapse:collapse;font-size:12px;margin:6px 0}} table.obs td,table.obs th{{border:1px solid #e2e8f0;padding:1px 6px}}
svg.chart{{display:block;margin:6px 0;background:#f8fafc;border-radius:4px}}
.warn{{color:#fde68a}}
{"".join(rules)}
</style></head>
<body>
<header><h1>{E(title)}</h1>
<p>reference date {E(str(doc.reference_date))} ({E(doc.reference_date_basis)}){E(ref_note)} · data to {E(str(doc.data_vintage))}</p>
<p>{E(summary)}</p>{warnings}</header>
{"".join(inputs)}
<div class="filters">filter: {"".join(chips)}</div>
<div class="page">
<article><p>{article}</p></article>
<aside>{"".join(cards)}</aside>
</div>
</body></html>
"""
