"""Print lkjip's dependencies pinned at their lower bounds, for ``make test-min``.

Every dependency in pyproject.toml is declared as ``name>=X``; this prints
``name==X`` for each, so that pip installs exactly the oldest versions lkjip
claims to work with and the test suite can show whether it does.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
_LOWER = re.compile(r"^\s*([A-Za-z0-9._-]+)\s*>=\s*([^,;\s]+)\s*$")


def lowest(pyproject: Path = PYPROJECT) -> list[str]:
    """``name==X`` for every ``name>=X`` among the project's dependencies."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    pins = []
    for requirement in project["dependencies"]:
        match = _LOWER.match(requirement)
        if match is None:
            sys.exit(f"no plain lower bound (name>=X) in {requirement!r}")
        pins.append(f"{match.group(1)}=={match.group(2)}")
    return pins


if __name__ == "__main__":
    print(" ".join(lowest()))
