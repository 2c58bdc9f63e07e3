"""Every exception factcheck raises, in one tree, so callers can catch by kind."""
from __future__ import annotations


# The exit status of a defect in the program itself (sysexits' EX_SOFTWARE): a claim whose
# check failed (the report is complete otherwise), an unexpected exception, or tables that
# disagree (ConfigurationError). Distinct from 1, which `--fail-on` uses.
INTERNAL_EXIT = 70


class FactcheckError(Exception):
    """Base of all factcheck errors. ``exit_code`` is what the CLI exits with."""

    exit_code = 1


class UsageError(FactcheckError):
    """An option's value is invalid (a malformed URL, an unknown format)."""

    exit_code = 2


class InputError(FactcheckError):
    """The document could not be read (missing, not text, wrong encoding, too large)."""

    exit_code = 4


class CatalogError(FactcheckError):
    """The series catalog (shipped or user-supplied) is invalid; the message names the entry."""

    exit_code = 5


class DataError(FactcheckError):
    """Market data is missing or damaged (a snapshot file failed its checksum)."""

    exit_code = 5


class SourceError(DataError):
    """A live data source failed (down, unauthorized, empty, or answered in the wrong format)."""

    def __init__(self, source: str, message: str):
        from .redact import redact

        super().__init__(redact(f"{source}: {message}"))  # no key ever reaches a message
        self.source = source
        self.reason = redact(message)


class SourceDown(SourceError):
    """The source did not answer usefully: timeout, connection error, 5xx, 429 after retries."""


class Unauthorized(SourceError):
    """The source refused the request: missing or invalid API key, 401/403."""


class EmptyResponse(SourceError):
    """The source answered in the right format but with no observations."""


class FormatError(SourceError):
    """The body is not what the source's format promises (an HTML page with status 200, a
    truncated file, a changed header)."""


class QueryError(SourceError):
    """The request itself is invalid (unknown series code, bad dates) before any I/O."""


class ConfigurationError(FactcheckError):
    """The program's own tables disagree (a qualifier kind the extractor can produce has no
    checker): a defect found at import, never at a user's document."""

    exit_code = INTERNAL_EXIT


class PolicyError(FactcheckError):
    """The tolerance policy file is invalid."""

    exit_code = 5
