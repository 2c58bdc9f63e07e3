"""The HTML review page: one self-contained file (no network, no JavaScript).

The article is shown with each claim highlighted in place and coloured by verdict; each
highlight links to its card and each card back to its highlight. Cards list the flags
first, the strongest first (:mod:`.flags`), each with its evidence sentence, the stated
and observed numbers in the claim's unit (:mod:`.units`), the readings tried (on demand,
in a ``<details>``), a source link and a small chart drawn from the report's own data.
Filters by verdict and series are CSS checkboxes. Under 700 px the page is one column.

Given ``RenderOptions.review_action`` (the desk), each card also carries a form to accept,
override or comment on its verdict. Every piece of document text goes through
:func:`html.escape`: an article containing markup shows it as text and runs nothing.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote

from ..report import LABELS, Report
from ..sources.registry import lookup
from .chart import chart_svg
from .flags import readings, review_order, strength
from .options import RenderOptions
from .style import COLOURS, page_css
from .units import difference_line, observed_value

E = html.escape


def css_id(value: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", value.lower()).strip("-") or "none"


def series_key(claim: dict) -> str:
    return (claim.get("series") or {}).get("id") or (claim.get("instrument") or {}).get("id") or "none"


def source_links(claim: dict) -> str:
    """Links to the pages of the sources the verdict's observations came from (pages from
    the source registry)."""
    links = {}
    for o in claim["verdict"]["observed"]:
        head, _, code = str(o.get("source", "")).partition(":")
        info = lookup(head)
        if info is not None and info.page and (code or "{code}" not in info.page):
            url = info.page_for(quote(code, safe=""))
            links[url] = f'<a href="{E(url)}" rel="noopener noreferrer">{E(o["source"])}</a>'
    return " · ".join(links.values())


def highlight_anchors(claims: list[dict]) -> dict[int, int]:
    """Claim number -> the number of the highlight that shows it (overlapping spans: the
    first one wins the highlight, the others link to it)."""
    anchors, end, owner = {}, -1, 0
    for i in sorted(range(len(claims)), key=lambda i: claims[i]["value_span"][0]):
        s, e = claims[i]["value_span"]
        if s >= end:
            owner, end = i + 1, e
        anchors[i + 1] = owner
    return anchors


def highlighted(text: str, claims: list[dict]) -> str:
    out, pos = [], 0
    anchors = highlight_anchors(claims)
    for i in sorted(range(len(claims)), key=lambda i: claims[i]["value_span"][0]):
        c, n = claims[i], i + 1
        s, e = c["value_span"]
        if anchors[n] != n:
            continue
        label = c["verdict"]["label"]
        out.append(E(text[pos:s]))
        out.append(f'<a class="hl v-{label} s-{css_id(series_key(c))}" id="t{n}" href="#c{n}" '
                   f'title="{E(label)}: {E(c["verdict"]["explanation"])}"><mark>{E(text[s:e])}</mark>'
                   f'<sup>{n}</sup></a>')
        pos = e
    out.append(E(text[pos:]))
    return "".join(out).replace("\n\n", "</p><p>").replace("\n", "<br>")


def _observed_table(claim: dict) -> str:
    rows = "".join(f"<tr><td>{E(str(o.get('date')))}</td><td>{E(observed_value(claim, o.get('value'), o.get('field', '')))}"
                   f"</td><td>{E(str(o.get('source', '')))}</td><td>{E(str(o.get('field', '')))}</td></tr>"
                   for o in claim["verdict"]["observed"])
    if not rows:
        return ""
    return f'<table class="obs"><tr><th>date</th><th>value</th><th>source</th><th>field</th></tr>{rows}</table>'


def readings_block(claim: dict) -> str:
    """The readings the verdict tried, folded away until asked for."""
    tried = readings(claim["verdict"])
    if not tried:
        return ""
    rows = []
    for r in tried:
        seen = ", ".join(f"{E(observed_value(claim, v, 'close'))}" + (f" on {E(d)}" if d else "") for d, v in r.observed)
        held = {True: '<span class="held">held</span>', False: '<span class="failed">failed</span>'}.get(r.held, "not settled")
        rows.append(f"<tr><td>{E(r.name)}</td><td>{seen or '—'}</td><td>{held}</td><td>{E(r.note)}</td></tr>")
    return (f'<details class="readings"><summary>readings tried ({len(tried)})</summary><table class="obs">'
            f'<tr><th>reading</th><th>observed</th><th>result</th><th>note</th></tr>{"".join(rows)}</table></details>')


def review_block(claim: dict, action: str | None, n: int = 0) -> str:
    """The reviewer's recorded decision and, on the desk, the form to make one."""
    review = claim.get("review") or {}
    shown = ""
    if review:
        what = {"accept": "accepted", "override": f"overrode to {review.get('label')}",
                "comment": "commented"}.get(review.get("action"), "decided")
        note = f": “{E(review['note'])}”" if review.get("note") else ""
        shown = f'<p class="decision">Reviewer {E(what)} (tool said {E(str(review.get("was")))}){note}</p>'
    if not action:
        return shown
    current = review.get("label") if review.get("action") == "override" else claim["verdict"]["label"]
    options = "".join(f'<option value="{lab}"{" selected" if lab == current else ""}>{lab.replace("_", " ")}</option>'
                      for lab in LABELS)
    return (f'{shown}<form class="review" method="post" action="{E(action)}">'
            f'<input type="hidden" name="fingerprint" value="{E(claim["fingerprint"])}">'
            f'<input type="hidden" name="n" value="{n}">'
            f'<input type="hidden" name="text" value="{E(claim["text"])}">'
            f'<input type="hidden" name="was" value="{E(review.get("was") or claim["verdict"]["label"])}">'
            f'<input type="text" name="note" maxlength="500" placeholder="comment" aria-label="comment" '
            f'value="{E(review.get("note", ""))}">'
            f'<button name="action" value="accept">Accept</button>'
            f'<span class="ovr"><select name="label" aria-label="verdict">{options}</select>'
            f'<button name="action" value="override">Override</button></span>'
            f'<button name="action" value="comment">Comment</button></form>')


def card(n: int, claim: dict, anchor: int, action: str | None) -> str:
    v = claim["verdict"]
    label, colour = v["label"], COLOURS.get(v["label"], "#334155")
    series = (claim.get("series") or {}).get("name") or (claim.get("instrument") or {}).get("name") or "no series"
    numbers = difference_line(claim)
    power = strength(v)
    power = f' <span class="strength" title="how far outside its allowance">strength {power:.2f}</span>' \
        if power is not None else ""
    link = source_links(claim)
    return (f'<section class="card v-{label} s-{css_id(series_key(claim))}" id="c{n}">'
            f'<h3><span class="badge" style="background:{colour}">{E(label)}</span>{power} '
            f'<a class="num" href="#t{anchor}" title="back to the text">#{n} ↑</a> '
            f'<q>{E(" ".join(claim["text"].split()))}</q></h3>'
            f'<p class="meta">{E(series)} · {E(claim.get("date") or "no date")} · {E(claim["kind"])}</p>'
            f'{f"<p class=numbers>{E(numbers)}</p>" if numbers else ""}'
            f'<p class="evidence">{E(v["explanation"])}</p>'
            f'{readings_block(claim)}{chart_svg(claim, colour)}{_observed_table(claim)}'
            f'{f"<p class=src>source: {link}</p>" if link else ""}'
            f'<p class="sentence">“{E(" ".join(claim["sentence"].split()))}”</p>'
            f'{review_block(claim, action, n)}</section>')


def filters(claims: list[dict]) -> tuple[str, str, str]:
    """CSS-only filters: the checkboxes are siblings placed before .filters and .page, so
    ``#fv-x:not(:checked) ~ .page .v-x`` can hide a verdict; labels anywhere toggle them."""
    inputs, chips, rules = [], [], []
    labels = [lab for lab in LABELS if any(c["verdict"]["label"] == lab for c in claims)]
    groups = [("fv", lab, lab, f"{lab.replace('_', ' ')} ({sum(c['verdict']['label'] == lab for c in claims)})", "v")
              for lab in labels]
    groups += [("fs", css_id(sid), sid, sid, "s") for sid in sorted({series_key(c) for c in claims})]
    for prefix, key, _, text, cls in groups:
        inputs.append(f'<input type="checkbox" class="f" id="{prefix}-{key}" checked>')
        style = f' style="border-color:{COLOURS[key]}"' if prefix == "fv" else ""
        chips.append(f'<label for="{prefix}-{key}" class="chip{" series" if prefix == "fs" else ""}"{style}>{E(text)}</label>')
        rules.append(f"#{prefix}-{key}:not(:checked) ~ .page .card.{cls}-{key}{{display:none}}"
                     f"#{prefix}-{key}:not(:checked) ~ .page a.hl.{cls}-{key} mark{{background:none;outline:none}}"
                     f"#{prefix}-{key}:not(:checked) ~ .filters label[for={prefix}-{key}]"
                     "{opacity:.45;text-decoration:line-through}")
    return "".join(inputs), "".join(chips), "".join(rules)


def header(d: dict, title: str, home: str | None) -> str:
    doc = d["document"]
    inference = doc.get("reference_inference") or {}
    window = inference.get("window")
    ref_note = f" (inferred from {inference.get('agreeing')} of {inference.get('claims')} claims, " \
               f"{window[0]}..{window[1]})" if window else ""
    summary = " · ".join(f"{k.replace('_', ' ')} {v}" for k, v in d["summary"].items() if v)
    warnings = "".join(f'<p class="warn">warning: {E(w)}</p>' for w in d.get("warnings", []))
    back = f'<p><a class="home" href="{E(home)}">← back</a></p>' if home else ""
    return (f"<header>{back}<h1>{E(title)}</h1><p>reference date {E(str(doc['reference_date']))} "
            f"({E(doc['reference_date_basis'])}){E(ref_note)} · data to {E(str(doc.get('data_vintage')))}</p>"
            f"<p>{E(summary)}</p>{warnings}</header>")


def render_html(report: Report, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    d = options.report_dict if options.report_dict is not None else report.to_dict()
    claims = d["claims"]
    title = options.title or f"factcheck: {report.path or 'document'}"
    anchors = highlight_anchors(claims)
    cards = "".join(card(i + 1, claims[i], anchors[i + 1], options.review_action) for i in review_order(claims))
    inputs, chips, rules = filters(claims)
    article = highlighted(report.text, claims) if report.text is not None else "<em>(text not available)</em>"
    forms = "form-action 'self'" if options.review_action else "form-action 'none'"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; {forms}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(title)}</title>
<style>{page_css()}{rules}</style></head>
<body>
{header(d, title, options.home_url)}
{inputs}
<div class="filters">filter: {chips}</div>
<div class="page">
<article><p>{article}</p></article>
<aside>{cards}</aside>
</div>
</body></html>
"""
