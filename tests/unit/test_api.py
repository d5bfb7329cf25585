"""The library API: what check does to the process around it (the garbage collector)."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lkjip_cli import api, checks
from lkjip_cli.render import document, writers

DATA = Path(__file__).resolve().parents[2] / "data" / "2024"


@pytest.fixture
def collections() -> Iterator[list[int]]:
    """The generation of every collection the cyclic garbage collector runs meanwhile."""
    seen: list[int] = []

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.collect()  # start from a clean heap, not from the garbage of earlier tests
    gc.callbacks.append(record)
    try:
        yield seen
    finally:
        gc.callbacks.remove(record)


def test_no_garbage_collection_while_loading_and_checking(
    collections: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each full collection walks the whole heap, and a growing heap gets one every
    # 70,000 or so new objects: time grew faster than the tree. Loading data/2024
    # alone would run some 50 collections.
    until_rules_done: list[int] = []
    run = checks.run

    def spy(*args: Any) -> Any:
        found = run(*args)
        until_rules_done.extend(collections)
        return found

    monkeypatch.setattr(checks, "run", spy)
    result = api.check(DATA, narratives=False)
    assert result.report is not None
    assert until_rules_done == []
    assert gc.isenabled()


def test_narratives_render_with_the_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    # a narrative's loops are the planner's code: their garbage must stay collectable
    enabled: list[bool] = []
    check_narratives = document.check_narratives

    def spy(*args: Any) -> Any:
        enabled.append(gc.isenabled())
        return check_narratives(*args)

    monkeypatch.setattr(document, "check_narratives", spy)
    api.check(DATA)
    assert enabled == [True]


def test_check_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        api.check(DATA, narratives=False)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_is_back_on_after_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any) -> Any:
        raise RuntimeError("rusak")

    monkeypatch.setattr(api, "compute", broken)
    with pytest.raises(RuntimeError):
        api.check(DATA, narratives=False)
    assert gc.isenabled()


def test_the_document_and_the_writers_are_built_with_the_collector_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, bool] = {}

    def spy(name: str, real: Any) -> Any:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            seen[name] = gc.isenabled()
            return real(*args, **kwargs)

        return wrapped

    for name, label in (("docx", "word"), ("md", "text")):
        real = writers.WRITERS[name]
        monkeypatch.setitem(
            writers.WRITERS, name, dataclasses.replace(real, write=spy(label, real.write))
        )
    monkeypatch.setattr(document, "build_document", spy("document", document.build_document))
    result = api.build(DATA, tmp_path, ("docx", "md"))
    assert len(result.written) == 5  # docx, md and the three charts
    # the narratives inside the document render with it running (test_collector.py)
    assert seen == {"document": False, "word": False, "text": False}
    assert gc.isenabled()
