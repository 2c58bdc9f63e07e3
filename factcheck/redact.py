"""Secrets out of every message: API keys in query strings, the configured FRED key
wherever it appears, and user:password parts of URLs (a mirror given in
``FACTCHECK_SOURCES_URL`` may carry them). :class:`~factcheck.errors.SourceError` passes
its message through here, so no error about a source can print a key."""
from __future__ import annotations

import os
import re

SECRET_PARAMS = re.compile(r"(api_key|apikey|api-key|key|token|access_token|password)=[^&\s'\"]+", re.I)
USERINFO = re.compile(r"(?<=//)[^/@\s'\"]+@")
SECRET_ENV = ("FRED_API_KEY",)


def redact(text: str) -> str:
    """``text`` with every secret replaced by ``***``."""
    text = SECRET_PARAMS.sub(lambda m: f"{m.group(1)}=***", text)
    text = USERINFO.sub("***@", text)
    for name in SECRET_ENV:
        value = os.environ.get(name)
        if value and len(value) >= 4:
            text = text.replace(value, "***")
    return text
