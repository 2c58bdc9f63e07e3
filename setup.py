"""Package discovery, the one thing pyproject.toml cannot say here: every package under
``claims/`` and ``factcheck/`` is found on disk (a new subpackage ships without anyone
listing it), plus ``factcheck.resources``, which lives in ``data/`` (see
``[tool.setuptools.package-dir]``). Everything else is in pyproject.toml."""
from setuptools import find_packages, setup

setup(packages=find_packages(include=["claims", "claims.*", "factcheck", "factcheck.*"]) + ["factcheck.resources"])
