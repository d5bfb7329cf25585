"""lkjip: compile an agency's yearly performance report (LKjIP) from YAML data."""

from __future__ import annotations

__version__ = "0.1.0"

from lkjip_cli.api import BuildResult, CheckResult, build, check, load, resolve

__all__ = [
    "BuildResult",
    "CheckResult",
    "__version__",
    "build",
    "check",
    "load",
    "resolve",
]
