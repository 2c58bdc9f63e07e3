"""``factcheck serve``: the review desk, a small local web app (Starlette on uvicorn, the
optional extra ``factcheck[serve]``).

A reviewer pastes an article or uploads a file, reads the review page (the HTML report
with a form on every card), and accepts, overrides or comments on each verdict; the
decisions go to a baseline file that ``factcheck check --baseline`` reads. With
``--batch-dir`` the desk also shows a folder's batch index with every document's review
page. ``POST /api/check`` answers with the ``factcheck.report/1`` JSON.

It binds 127.0.0.1 unless told otherwise, refuses bodies over the size limit (413),
refuses cross-site form posts, and escapes everything it shows.
"""
from __future__ import annotations

from .app import create_app
from .desk import DeskConfig

__all__ = ["create_app", "DeskConfig"]
