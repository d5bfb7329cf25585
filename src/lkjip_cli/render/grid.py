"""A table's rows placed on a full grid, as the writers that cannot span read them.

The blocks hold rows as HTML does: a cell spanning rows is written once and the
rows below omit it. The Markdown, HTML and XLSX writers place those rows on a
rectangular grid first (:func:`grid`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from lkjip_cli.render.blocks import Cell, Row


class Slot(NamedTuple):
    """A grid position: the cell covering it, and whether the cell starts here."""

    # A tuple, not a frozen dataclass: a large report's grids hold millions of them.
    cell: Cell
    origin: bool


def grid(rows: Sequence[Row], columns: int = 0) -> list[list[Slot | None]]:
    """Place HTML-style rows (slots covered by a rowspan omitted) on a full grid."""
    out: list[list[Slot | None]] = []
    covered: dict[tuple[int, int], Slot] = {}
    for r, row in enumerate(rows):
        line: list[Slot | None] = []
        cells = iter(row)
        cell = next(cells, None)
        while cell is not None or (r, len(line)) in covered:
            if (r, len(line)) in covered:
                line.append(covered.pop((r, len(line))))
                continue
            assert cell is not None
            col = len(line)
            for dc in range(max(cell.colspan, 1)):
                line.append(Slot(cell, dc == 0))
                for dr in range(1, max(cell.rowspan, 1)):
                    covered[(r + dr, col + dc)] = Slot(cell, False)
            cell = next(cells, None)
        out.append(line)
    width = max([columns, *(len(line) for line in out)])
    for line in out:
        line.extend([None] * (width - len(line)))
    return out
