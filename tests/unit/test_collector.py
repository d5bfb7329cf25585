"""The collector policy: paused for lkjip's own work, running for a narrative's loops."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from lkjip_cli import collector
from lkjip_cli.render.sandbox import render_narrative


@pytest.fixture(autouse=True)
def _restore() -> Iterator[None]:
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_paused_and_running_nest_and_restore() -> None:
    gc.enable()
    with collector.paused():
        assert not gc.isenabled()
        with collector.running():
            assert gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    with collector.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # a caller's choice is kept


def test_restored_after_an_error() -> None:
    gc.enable()
    with pytest.raises(KeyError), collector.paused():
        raise KeyError("x")
    assert gc.isenabled()
    gc.disable()
    with pytest.raises(KeyError), collector.running():
        raise KeyError("x")
    assert not gc.isenabled()


class _Probe:
    """Prints as its record of whether the collector ran while it was printed."""

    def __init__(self) -> None:
        self.seen: list[bool] = []

    def __str__(self) -> str:
        self.seen.append(gc.isenabled())
        return "ok"


def test_a_narrative_renders_with_the_collector_running_inside_a_pause() -> None:
    probe = _Probe()
    gc.enable()
    with collector.paused():
        assert render_narrative("{{ probe }}", "narasi/bab-1.md", {"probe": probe}) == "ok"
        assert not gc.isenabled()
    assert probe.seen and all(probe.seen)


def test_inside_running_only_new_objects_are_collected() -> None:
    gc.enable()
    gc.unfreeze()  # whatever an earlier test froze
    gc.collect()
    before = gc.get_freeze_count()
    with collector.paused(), collector.running():
        # what existed on entry is frozen: a collection inside does not walk it
        assert gc.isenabled()
        assert gc.get_freeze_count() > before
        cycle: list[object] = []
        cycle.append(cycle)
        del cycle
        assert gc.collect() >= 1  # the narrative's own garbage is still found
    assert gc.get_freeze_count() == before == 0
