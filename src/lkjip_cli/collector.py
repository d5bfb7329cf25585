"""When Python's cyclic garbage collector runs: paused for lkjip's own work, on for a narrative's.

Loading, checking and writing a year allocate objects that nearly all stay
alive (YAML nodes and positions, models, the Report, the blocks, the
writers' element trees) and form no garbage cycles worth finding. With
CPython's default thresholds (700, 10, 10) a growing heap gets a full
collection every 70,000 or so new objects until it is large enough for the
25 % rule to space them out; every one of them walks the whole heap, so each
copy of the budget tree cost more than the one before (the collections took
1.9 s of a 3.9 s check at 100 times data/2024). :func:`paused` keeps the
collector off meanwhile; the few cycles made are collected afterwards.

A narrative's loops are the planner's code, not lkjip's: whatever garbage
they make must stay collectable, so the sandbox renders inside
:func:`running`, which collects only what is made inside it.

The ``lkjip`` command goes further (``cli.main``): its process ends with the
command, so the collector stays off from start to end but for the narratives.
A library caller keeps its own setting: :func:`paused` gives it back, at the
price of one pass over what was made meanwhile.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager


def paused() -> AbstractContextManager[None]:
    """The collector off inside; afterwards as it was before, also after an error."""
    return _collecting(False)


@contextmanager
def running() -> Iterator[None]:
    """The collector on inside (even within :func:`paused`); afterwards as it was.

    What exists on entry (the data, the Report) is frozen meanwhile: the
    collections inside look only at what the code inside makes, so they cost
    the same however large the year is. Objects frozen by the caller stay
    frozen.
    """
    had_frozen = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        with _collecting(True):
            yield
    finally:
        if not had_frozen:
            gc.unfreeze()


@contextmanager
def _collecting(enabled: bool) -> Iterator[None]:
    was_enabled = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        yield
    finally:
        (gc.enable if was_enabled else gc.disable)()
