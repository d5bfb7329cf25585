"""The library API has no process-wide side effects: no fork, the collector as it was."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from lkjip_cli import api

DATA = Path(__file__).resolve().parents[2] / "data" / "2024"


@pytest.fixture
def collector_state() -> Iterator[None]:
    """Whatever a test sets on the collector is undone after it."""
    enabled, threshold = gc.isenabled(), gc.get_threshold()
    yield
    gc.set_threshold(*threshold)
    (gc.enable if enabled else gc.disable)()


def _calls(tmp_path: Path) -> dict[str, Callable[[], object]]:
    return {
        "load": lambda: api.load(DATA),
        "check": lambda: api.check(DATA),
        "build": lambda: api.build(DATA, tmp_path / "out", ("docx", "md", "html")),
    }


@pytest.mark.parametrize("name", ["load", "check", "build"])
@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_left_as_the_caller_set_it(
    name: str, enabled: bool, tmp_path: Path, collector_state: None
) -> None:
    # a caller's own setting, deliberately not the default one
    gc.set_threshold(1234, 5, 6)
    (gc.enable if enabled else gc.disable)()
    frozen = gc.get_freeze_count()
    _calls(tmp_path)[name]()
    assert gc.isenabled() is enabled
    assert gc.get_threshold() == (1234, 5, 6)
    assert gc.get_freeze_count() == frozen


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_not_switched_while_the_library_works(
    enabled: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collector_state: None
) -> None:
    # not only restored afterwards: a caller's threads run meanwhile under its own setting
    seen: list[bool] = []

    def spy(real: Any) -> Any:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            seen.append(gc.isenabled())
            return real(*args, **kwargs)

        return wrapped

    for name in ("compute", "write_all"):
        monkeypatch.setattr(api, name, spy(getattr(api, name)))
    (gc.enable if enabled else gc.disable)()
    api.build(DATA, tmp_path, ("docx", "md", "html"))
    assert seen == [enabled] * 2


def test_the_collector_is_left_as_it_was_after_an_error(
    monkeypatch: pytest.MonkeyPatch, collector_state: None
) -> None:
    def broken(*args: Any) -> Any:
        raise RuntimeError("rusak")

    monkeypatch.setattr(api, "compute", broken)
    gc.disable()
    with pytest.raises(RuntimeError):
        api.check(DATA)
    assert not gc.isenabled()


def test_build_writes_every_format_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forked: list[str] = []

    def no_fork(*args: Any, **kwargs: Any) -> int:
        forked.append("fork")
        raise AssertionError("api.build must not fork the calling process")

    monkeypatch.setattr(os, "fork", no_fork)
    if hasattr(os, "forkpty"):
        monkeypatch.setattr(os, "forkpty", no_fork)
    result = api.build(DATA, tmp_path, ("docx", "md", "html"))
    assert forked == []
    # every format written all the same (names and bytes: test_cli.py)
    assert {p.suffix for p in result.written} == {".docx", ".md", ".html", ".svg"}
