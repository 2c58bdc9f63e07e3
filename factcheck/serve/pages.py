"""The desk's own pages (the review pages are :mod:`factcheck.render.html`): the front
page where a reviewer pastes text or uploads a file, and error pages. Everything shown
goes through :func:`html.escape`."""
from __future__ import annotations

import html

from ..render.style import BASE

E = html.escape


def page(title: str, body: str, home: bool = True) -> str:
    back = '<p><a href="/">← the desk</a></p>' if home else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(title)}</title><style>{BASE}</style></head><body>
<header>{back}<h1>{E(title)}</h1><p>Check the numbers in market commentary against market data.</p></header>
<main class="desk">{body}</main></body></html>
"""


def front(recent: list, batch: bool, baseline: str, limit: int) -> str:
    """The paste/upload form, the documents reviewed so far and the batch link."""
    items = "".join(f'<li><a href="/doc/{E(key)}">{E(doc.name)}</a> · {E(doc.published or "date from the text")} · '
                    f'{E(" ".join(doc.text.split())[:90])}…</li>' for key, doc in recent)
    recent_html = f'<section class="panel"><h2>Reviewed here</h2><ul>{items}</ul></section>' if items else ""
    batch_html = '<section class="panel"><h2>Folder</h2><p><a href="/batch/">Every document of the folder, ' \
                 'with its review page</a></p></section>' if batch else ""
    form = f"""<section class="panel"><form method="post" action="/check" enctype="multipart/form-data">
<label class="field" for="text">Paste an article</label>
<textarea id="text" name="text" placeholder="The 10-year JGB yield rose 6 basis points to 2.33% on Tuesday..."></textarea>
<label class="field" for="file">or upload a file (.txt, .md, .html)</label>
<input id="file" type="file" name="file" accept=".txt,.md,.html,.htm,text/plain,text/html">
<label class="field" for="date">Publication date (optional; else the date in the text, else inferred)</label>
<input id="date" type="date" name="date">
<p><button type="submit" id="submit">Check</button></p>
<p class="hint">Up to {limit:,} bytes. Decisions are saved to <code>{E(baseline)}</code>
(<code>factcheck check --baseline</code> reads it).</p></form></section>"""
    return page("factcheck review desk", form + batch_html + recent_html, home=False)


def error(title: str, message: str) -> str:
    return page(title, f'<section class="panel"><p class="err">{E(message)}</p>'
                       '<p><a href="/">Back to the desk</a></p></section>')
