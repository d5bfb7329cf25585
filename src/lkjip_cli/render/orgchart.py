"""Gambar 1.1: the organisation chart, laid out top down, as a :class:`~.graphics.Diagram`.

:func:`_layout` places the units (the Sekretariat and coordination units beside
the line from the head to the bidang); :func:`struktur_organisasi` sizes the
boxes to their text, wrapped with the body font's widths (:mod:`.metrics`), and
places them with the connecting lines. The SVG and the DOCX writers draw the
same diagram.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from lkjip_cli.model.instansi import UnitOrganisasi
from lkjip_cli.render.graphics import Box, Diagram, Line, TextLine
from lkjip_cli.render.metrics import text_width, wrap

ORG_WIDTH = 15 / 2.54
"""Width in inches of the organisation chart: the text width, so it prints at its own size."""
_ORG_MARGIN = 0.04
_ORG_HGAP = 0.14
"""Horizontal space between two boxes side by side, inches."""
_ORG_VGAP = 0.30
"""Vertical space between two rows of boxes, inches (the connectors run in it)."""
_ORG_MAX_SLOT = 1.9
"""Widest box and its gap, inches: a small chart does not stretch to the full width."""
_ORG_PAD = 0.06
_ORG_NAME_PT = 7.5
_ORG_JABATAN_PT = 6.5
_ORG_LEADING = 1.22
_GAP_PT = 2.0
"""Space between a unit's name and its head's title."""
_ORG_MIN_SCALE = 0.75
"""Smallest text, relative to the sizes above, when long words must fit narrow boxes."""
_ORG_LINE_PT = 0.9
"""Width of the boxes' edges and the connecting lines."""
_ORG_EDGE = "1F3864"
_ORG_FILL = "FFFFFF"
_ORG_HEAD_FILL = "DAE3F3"


@dataclass(eq=False)
class _Box:
    """A unit placed on the chart: its centre in slots (one slot = a box and its gap), its row."""

    unit: UnitOrganisasi
    x: float
    row: int
    children: list[_Box] = field(default_factory=list)
    name: list[str] = field(default_factory=list)
    jabatan: list[str] = field(default_factory=list)

    def walk(self) -> Iterator[_Box]:
        yield self
        for child in self.children:
            yield from child.walk()

    def depth(self) -> int:
        return 1 + max((c.depth() for c in self.children), default=0)

    def span(self) -> tuple[float, float]:
        xs = [b.x for b in self.walk()]
        return min(xs) - 0.5, max(xs) + 0.5

    def shift(self, dx: float) -> None:
        for b in self.walk():
            b.x += dx


def _tree(unit: UnitOrganisasi, row: int, left: float) -> _Box:
    """A plain tidy tree: leaves side by side from ``left``, each parent over its children."""
    box = _Box(unit, left + 0.5, row)
    edge = left
    for child in unit.bawahan:
        sub = _tree(child, row + 1, edge)
        box.children.append(sub)
        edge = sub.span()[1]
    if box.children:
        box.x = (box.children[0].x + box.children[-1].x) / 2
    return box


def _is_staff(unit: UnitOrganisasi) -> bool:
    """The Sekretariat: a staff unit, drawn beside the line from the head to the bidang."""
    return unit.garis == "komando" and unit.nama.casefold().startswith("sekretariat")


def _layout(root: UnitOrganisasi) -> _Box:
    """The head on top, the Sekretariat right of the vertical line below it, coordination
    units (Kelompok Jabatan Fungsional, UPT) left of it, the other units in a row below.

    Without such side units, or with nothing else below the head, a plain tree.
    """
    right = [u for u in root.bawahan if _is_staff(u)]
    left = [u for u in root.bawahan if u.garis == "koordinasi"]
    main = [u for u in root.bawahan if not _is_staff(u) and u.garis == "komando"]
    if not main or not (left or right):
        return _tree(root, 0, 0.0)
    band = [_tree(u, 1, 0.0) for u in (*left, *right)]
    below = 1 + max(b.depth() for b in band)
    head = _Box(root, 0.0, 0)
    edge = 0.0
    row: list[_Box] = []
    for unit in main:
        sub = _tree(unit, below, edge)
        row.append(sub)
        edge = sub.span()[1]
    trunk = head.x = (row[0].x + row[-1].x) / 2
    # The side units stand over a box of the row below when they can: one slot and a
    # half from the vertical line when the row has an even number of units, one otherwise.
    gap = 1.0 if len(main) % 2 == 0 else 0.5
    edge = trunk + gap
    for sub in band[len(left) :]:
        sub.shift(edge - sub.span()[0])
        edge = sub.span()[1]
    edge = trunk - gap
    for sub in reversed(band[: len(left)]):
        sub.shift(edge - sub.span()[1])
        edge = sub.span()[0]
    head.children = [*band, *row]
    head.shift(-head.span()[0])
    return head


def _measure(text: str, size: float, bold: bool) -> float:
    """The width in inches of a text at a size in points."""
    return text_width(text, size, bold) / 72


def struktur_organisasi(unit: UnitOrganisasi) -> Diagram:
    """Gambar 1.1: the organisation chart, top down, from ``instansi.struktur``.

    Each box holds the unit's name and, smaller, its head's title. Lines of
    command are solid, lines of coordination dashed. The width is the report's
    text width; the height follows from the number of rows.
    """
    head = _layout(unit)
    boxes = list(head.walk())
    # In slots; the head's box is wider than one (at most 1.5 slots).
    lo = min(head.x - 0.75, *(b.x - 0.5 for b in boxes))
    hi = max(head.x + 0.75, *(b.x + 0.5 for b in boxes))
    usable = ORG_WIDTH - 2 * _ORG_MARGIN
    slot = min(usable / (hi - lo), _ORG_MAX_SLOT)
    x0 = _ORG_MARGIN + (usable - slot * (hi - lo)) / 2 - lo * slot
    width = slot - _ORG_HGAP
    head_width = min(1.5 * width, usable)
    rows = 1 + max(b.row for b in boxes)

    def inner(b: _Box) -> float:
        return (head_width if b is head else width) - 2 * _ORG_PAD

    # A word is never broken: when the longest one is wider than its box (many
    # units side by side), every text gets smaller, down to a floor.
    scale = 1.0
    for b in boxes:
        for text, size, bold in (
            (b.unit.nama, _ORG_NAME_PT, True),
            (b.unit.jabatan or "", _ORG_JABATAN_PT, False),
        ):
            for word in text.split():
                if (wide := _measure(word, size, bold)) > 0:
                    scale = min(scale, 0.98 * inner(b) / wide)
    scale = max(scale, _ORG_MIN_SCALE)
    # Word sets type in half points: the sizes are, so that Word and the SVG agree.
    name_pt = math.floor(_ORG_NAME_PT * scale * 2) / 2
    jabatan_pt = math.floor(_ORG_JABATAN_PT * scale * 2) / 2
    texts: dict[int, tuple[TextLine, ...]] = {}
    for b in boxes:
        lines = [
            TextLine(t, name_pt, True)
            for t in wrap(b.unit.nama, inner(b), lambda t: _measure(t, name_pt, True))
        ]
        if b.unit.jabatan:
            lines += [
                TextLine(t, jabatan_pt)
                for t in wrap(b.unit.jabatan, inner(b), lambda t: _measure(t, jabatan_pt, False))
            ]
        texts[id(b)] = tuple(lines)

    def block(b: _Box) -> float:
        """Height in inches of a box's text: its lines and the gap before the title."""
        lines = texts[id(b)]
        gap = _GAP_PT if any(not t.bold for t in lines) and lines[0].bold else 0.0
        return (sum(t.size_pt * _ORG_LEADING for t in lines) + gap) / 72

    # Every box of a row has the height of the row's fullest box.
    heights = [2 * _ORG_PAD + max(block(b) for b in boxes if b.row == r) for r in range(rows)]
    total = 2 * _ORG_MARGIN + sum(heights) + (rows - 1) * _ORG_VGAP

    def cx(b: _Box) -> float:
        return x0 + b.x * slot

    def top(b: _Box) -> float:
        """Inches from the top of the drawing."""
        return _ORG_MARGIN + sum(heights[: b.row]) + b.row * _ORG_VGAP

    def bottom(b: _Box) -> float:
        return top(b) + heights[b.row]

    def half(b: _Box) -> float:
        return (head_width if b is head else width) / 2

    drawn: list[Line] = []

    def line(xs: list[float], ys: list[float], garis: str) -> None:
        drawn.append(
            Line(
                72 * xs[0],
                72 * ys[0],
                72 * xs[1],
                72 * ys[1],
                _ORG_EDGE,
                _ORG_LINE_PT,
                dashed=garis == "koordinasi",
            )
        )

    def hang(x: float, y: float, children: list[_Box]) -> None:
        """Children below a horizontal line at ``y`` that leaves the vertical line at ``x``.

        One line per side (so that the dashes run on evenly), solid as far as
        the last unit under command, dashed beyond.
        """
        for side in (
            [c for c in children if cx(c) < x - 1e-6],
            [c for c in children if cx(c) > x + 1e-6],
        ):
            if not side:
                continue
            solid = max((abs(cx(c) - x) for c in side if c.unit.garis == "komando"), default=0.0)
            far = max(abs(cx(c) - x) for c in side)
            sign = 1 if cx(side[0]) > x else -1
            if solid:
                line([x, x + sign * solid], [y, y], "komando")
            if far > solid:
                line([x + sign * solid, x + sign * far], [y, y], "koordinasi")
        for c in children:
            line([cx(c), cx(c)], [y, top(c)], c.unit.garis)

    for parent in boxes:
        if not parent.children:
            continue
        # Children in the next row hang from a line halfway between the rows. The
        # head's side units (see _layout) stand in the rows between it and the others.
        side = [c for c in parent.children if c.row == parent.row + 1]
        hanging = [c for c in parent.children if c.row > parent.row + 1]
        if not hanging:
            side, hanging = [], side
        for group in ([c for c in side if c.x < parent.x], [c for c in side if c.x > parent.x]):
            if len(group) == 1:  # joins the vertical line at its middle
                c = group[0]
                y = (top(c) + bottom(c)) / 2
                edge = cx(c) - half(c) if c.x > parent.x else cx(c) + half(c)
                line([cx(parent), edge], [y, y], c.unit.garis)
            elif group:  # hang from a line above them
                hang(cx(parent), top(group[0]) - _ORG_VGAP / 2, group)
        bus = top(hanging[0]) - _ORG_VGAP / 2
        garis = (
            "komando" if any(c.unit.garis == "komando" for c in parent.children) else "koordinasi"
        )
        # A unit straight below, on a line like the vertical one: one line down to it.
        straight = [c for c in hanging if abs(cx(c) - cx(parent)) < 1e-6 and c.unit.garis == garis]
        line(
            [cx(parent), cx(parent)],
            [bottom(parent), top(straight[0]) if straight else bus],
            garis,
        )
        hang(cx(parent), bus, [c for c in hanging if c not in straight])

    placed = tuple(
        Box(
            72 * (cx(b) - half(b)),
            72 * top(b),
            72 * 2 * half(b),
            72 * heights[b.row],
            _ORG_HEAD_FILL if b is head else _ORG_FILL,
            _ORG_EDGE,
            _ORG_LINE_PT,
            texts[id(b)],
            _ORG_LEADING,
            _GAP_PT,
        )
        for b in boxes
    )
    return Diagram(72 * ORG_WIDTH, 72 * total, placed, tuple(drawn))
