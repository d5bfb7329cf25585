"""What a figure shows, independent of the format that draws it.

A :class:`Chart` is data: categories, series of exact values and how each is
drawn (bars or a line); the DOCX writer makes a native Word chart of it, the
SVG writer (:mod:`.svg`) a vector drawing. A :class:`Diagram` is a finished
layout of boxes, lines and text in points (the organisation chart); both
writers draw it as it is. Each format draws from the same object, so a
figure shows the same values everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from lkjip_cli.numbers import format_number


@dataclass(frozen=True)
class Series:
    """One series of a chart: a value (or none) per category, drawn as bars or a line."""

    name: str
    values: tuple[Decimal | None, ...]
    kind: Literal["bar", "line"]
    color: str
    """RGB hex without ``#``: ``2F5597``."""
    dashed: bool = False
    labels: bool = True
    """Each value is labelled on the chart."""


@dataclass(frozen=True)
class Chart:
    """A chart over categories (years): its series, axis titles and number format."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    x_title: str
    y_title: str
    suffix: str = ""
    """Printed after every value label: ``%`` for percentages."""
    places: int = 2
    """Decimal places of the value labels."""
    height_cm: float = 8.0
    """Height of the chart; its width is the figure's."""

    def label(self, value: Decimal) -> str:
        """A value as the chart labels it: ``95,38%``."""
        return format_number(value, self.places) + self.suffix

    @property
    def number_format(self) -> str:
        """The label format as OOXML writes it, ``,`` grouping and ``.`` decimals
        (``#,##0.00"%"``); a reader prints it with its locale's separators."""
        decimals = "." + "0" * self.places if self.places else ""
        suffix = f'"{self.suffix}"' if self.suffix else ""
        return f"#,##0{decimals}{suffix}"


@dataclass(frozen=True)
class TextLine:
    """One line of text in a box."""

    text: str
    size_pt: float
    bold: bool = False


@dataclass(frozen=True)
class Box:
    """A filled, outlined rectangle with lines of text centred in it; points from top left."""

    x: float
    y: float
    width: float
    height: float
    fill: str
    stroke: str
    stroke_pt: float
    lines: tuple[TextLine, ...] = ()
    leading: float = 1.22
    """Line pitch as a multiple of the type size."""
    gap_pt: float = 2.0
    """Extra space before the first line of a smaller size (the title under a name)."""


@dataclass(frozen=True)
class Line:
    """A straight line, solid or dashed; points from top left."""

    x0: float
    y0: float
    x1: float
    y1: float
    color: str
    width_pt: float
    dashed: bool = False


@dataclass(frozen=True)
class Diagram:
    """A drawing laid out in points: lines under boxes."""

    width: float
    height: float
    boxes: tuple[Box, ...]
    lines: tuple[Line, ...]


def text_block(box: Box) -> list[tuple[TextLine, float]]:
    """Each line of ``box`` with its baseline's distance below the box's top, in points.

    The block of lines is centred vertically; a line's baseline sits at 0.8 of
    its pitch (the ascent of the body font plus half the extra leading).
    """
    pitches = [line.size_pt * box.leading for line in box.lines]
    gaps = [
        box.gap_pt if i and line.size_pt < box.lines[i - 1].size_pt else 0.0
        for i, line in enumerate(box.lines)
    ]
    top = (box.height - sum(pitches) - sum(gaps)) / 2
    out = []
    for line, pitch, gap in zip(box.lines, pitches, gaps, strict=True):
        top += gap
        out.append((line, top + 0.8 * pitch))
        top += pitch
    return out
