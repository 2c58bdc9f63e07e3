"""The look shared by the review page, the batch index and the desk: colours per verdict
and one stylesheet. Under 700 px everything is one column and nothing is wider than the
screen (long words wrap, tables scroll inside their card, charts shrink)."""
from __future__ import annotations

from ..labels import Label

COLOURS = {label.value: label.style.hex for label in Label}

BASE = """
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#111827;background:#f8fafc;overflow-wrap:anywhere}
header{padding:14px 22px;background:#0f172a;color:#f8fafc} header h1{font-size:18px;margin:0 0 4px}
header p{margin:2px 0;font-size:13px;color:#cbd5e1} header a{color:#93c5fd}
main.desk{max-width:980px;margin:0 auto;padding:18px 22px}
.panel{background:#fff;padding:16px 20px;border-radius:8px;box-shadow:0 1px 3px #0002;margin:0 0 16px}
textarea{width:100%;min-height:14em;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;padding:8px}
input,select,button,textarea{font-size:15px;max-width:100%}
button{padding:5px 12px;border-radius:6px;border:1px solid #334155;background:#0f172a;color:#fff;cursor:pointer}
label.field{display:block;margin:10px 0 4px;font-weight:600}
table.index{border-collapse:collapse;width:100%;font-size:13px;background:#fff}
table.index th,table.index td{border-bottom:1px solid #e2e8f0;padding:5px 8px;text-align:right}
table.index th:first-child,table.index td:first-child{text-align:left}
table.index tr.error td{background:#fef2f2} td.err,.err{color:#b91c1c}
.scroll{overflow-x:auto}
.warn{color:#fde68a}
"""

REVIEW = """
.f{position:absolute;opacity:0;pointer-events:none}
.chip{display:inline-block;margin:8px 4px 0 0;padding:2px 9px;border:2px solid #94a3b8;border-radius:12px;font-size:12px;cursor:pointer;background:#fff}
.chip.series{border-style:dashed}
.filters{padding:4px 22px 10px;background:#e2e8f0}
.page{display:flex;gap:22px;padding:18px 22px;align-items:flex-start}
article{flex:1 1 55%;min-width:0;background:#fff;padding:18px 24px;border-radius:8px;box-shadow:0 1px 3px #0002;max-width:760px}
aside{flex:1 1 45%;min-width:0;max-width:560px}
a.hl{color:inherit;text-decoration:none} a.hl sup{font-size:10px;color:#475569}
mark{padding:0 2px;border-radius:3px}
a.hl:target mark{box-shadow:0 0 0 3px #0f172a}
.card{background:#fff;border-left:5px solid #94a3b8;border-radius:6px;padding:10px 14px;margin:0 0 12px;box-shadow:0 1px 2px #0002}
.card:target{box-shadow:0 0 0 3px #0f172a}
.card h3{margin:0;font-size:15px} .badge{color:#fff;border-radius:4px;padding:1px 6px;font-size:12px}
.strength{font-size:11px;color:#7f1d1d;background:#fee2e2;border-radius:4px;padding:1px 5px}
.num{color:#64748b;text-decoration:none} .meta{margin:4px 0;color:#475569;font-size:12px} .evidence{margin:6px 0}
.numbers{margin:4px 0;font-size:13px;font-variant-numeric:tabular-nums}
.sentence{color:#475569;font-size:12px;font-style:italic} .src{font-size:12px}
table.obs{border-collapse:collapse;font-size:12px;margin:6px 0;display:block;max-width:100%;overflow-x:auto}
table.obs td,table.obs th{border:1px solid #e2e8f0;padding:1px 6px}
svg.chart{display:block;margin:6px 0;background:#f8fafc;border-radius:4px;max-width:100%;height:auto}
details.readings summary{cursor:pointer;font-size:13px;color:#1e3a8a}
.held{color:#1a7f37;font-weight:600} .failed{color:#c62828;font-weight:600}
.decision{margin:6px 0;padding:4px 8px;background:#eff6ff;border-radius:4px;font-size:13px}
form.review{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0 0;align-items:center}
form.review input[type=text]{flex:1 1 12em;min-width:0;padding:4px 6px}
form.review .ovr{display:inline-flex;gap:4px;flex-wrap:wrap}
@media (max-width:700px){
 .page{flex-direction:column;padding:10px;gap:12px}
 article,aside{max-width:none;width:100%;flex:none}
 article{padding:12px 14px}
 header,.filters{padding-left:12px;padding-right:12px}
}
"""


def verdict_css() -> str:
    return "".join(f"a.hl.v-{k} mark{{background:{c}2e;outline:2px solid {c}}}.card.v-{k}{{border-left-color:{c}}}"
                   for k, c in COLOURS.items())


def page_css() -> str:
    """The review page's stylesheet."""
    return BASE + REVIEW + verdict_css()
