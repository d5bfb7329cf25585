"""lkjip: compile an agency's yearly performance report (LKjIP) from YAML data."""

from __future__ import annotations

__version__ = "0.1.0"

from lkjip_cli.api import CheckResult, check, load, resolve

__all__ = ["CheckResult", "__version__", "check", "load", "resolve"]
