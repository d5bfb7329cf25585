"""Every dependency has a lower bound that ``make test-min`` can install exactly."""

from __future__ import annotations

import importlib.util
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _lowest_deps() -> object:
    spec = importlib.util.spec_from_file_location(
        "lowest_deps", ROOT / "scripts" / "lowest_deps.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_dependency_is_pinned_at_its_lower_bound_for_test_min() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "dependencies"
    ]
    pins = _lowest_deps().lowest()  # type: ignore[attr-defined]
    assert len(pins) == len(declared)
    for requirement, pin in zip(declared, pins, strict=True):
        name, version = pin.split("==")
        assert requirement.replace(" ", "") == f"{name}>={version}"
        assert re.fullmatch(r"\d+(\.\d+)*", version), pin
    # the bounds the test suite was run with at their lowest (README, Development)
    assert "typer==0.29" in pins


def test_a_dependency_without_a_lower_bound_is_refused(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\ndependencies = ["typer"]\n', encoding="utf-8")
    with pytest.raises(SystemExit, match="typer"):
        _lowest_deps().lowest(pyproject)  # type: ignore[attr-defined]
