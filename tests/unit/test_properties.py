"""Property tests cannot fail CI by chance: CI=true derandomizes every one of them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import settings

TESTS = Path(__file__).resolve().parents[1]


def test_the_ci_profile_draws_the_same_examples_every_run() -> None:
    ci = settings.get_profile("ci")
    assert ci.derandomize and ci.database is None and ci.deadline is None
    if os.environ.get("CI", "").strip().lower() == "true":
        assert settings.default.derandomize and settings.default.database is None


def test_every_property_test_runs_under_the_ci_profile() -> None:
    # tests/conftest.py refuses, at collection under CI=true, any @given whose own
    # settings would make it random again
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=TESTS.parent,
        env={**os.environ, "CI": "true"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "tests/unit/test_loader.py" in done.stdout
