"""lkjip: compile an agency's yearly performance report (LKjIP) from YAML data."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = [
    "BuildResult",
    "CheckResult",
    "__version__",
    "build",
    "check",
    "load",
    "resolve",
]

if TYPE_CHECKING:
    from lkjip_cli.api import BuildResult, CheckResult, build, check, load, resolve


def __getattr__(name: str) -> object:
    """The API (:mod:`lkjip_cli.api`) loads on first use, not with the package.

    So the ``lkjip`` command (:mod:`lkjip_cli.__main__`) can turn the garbage
    collector off before lkjip and its libraries load.
    """
    if name in __all__:
        from lkjip_cli import api

        return getattr(api, name)
    raise AttributeError(f"module 'lkjip_cli' has no attribute {name!r}")
