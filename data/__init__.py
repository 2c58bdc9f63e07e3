"""Data files shipped with factcheck (catalog, policy, offline snapshot).

This folder is installed as the package ``factcheck.resources`` so that code reads it
through ``importlib.resources`` in editable and regular installs alike.
"""
