"""A small canvas over Pillow for the charts: rectangles, straight lines, text, PNG bytes.

Every chart is made of axis-aligned rectangles and horizontal or vertical
lines, so coordinates snap to whole pixels and the picture is drawn at its
final resolution; only the text is anti-aliased (by FreeType). The fonts are
the DejaVu Sans shipped in ``templates/fonts``, laid out by FreeType alone
(never libraqm, which a machine may or may not have): the same data gives the
same bytes everywhere, and the PNG carries no software name or date.

Pillow is imported inside the functions: ``lkjip check`` never draws.
"""

from __future__ import annotations

import functools
import io
import math
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image
    from PIL.ImageFont import FreeTypeFont

_FONTS = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
Dash = tuple[float, float]
"""A dash pattern: pixels drawn, pixels skipped."""


@functools.cache
def _font_bytes(bold: bool) -> bytes:
    from lkjip_cli.render.jinja import templates_dir

    return (templates_dir() / "fonts" / _FONTS[bold]).read_bytes()


@functools.cache
def font(px: float, bold: bool = False) -> FreeTypeFont:
    """DejaVu Sans (bold or regular) at ``px`` pixels to the em."""
    from PIL import ImageFont

    return ImageFont.truetype(
        io.BytesIO(_font_bytes(bold)), px, layout_engine=ImageFont.Layout.BASIC
    )


def text_width(text: str, px: float, bold: bool = False) -> float:
    """The advance width of ``text`` in pixels."""
    return font(px, bold).getlength(text)


@functools.cache
def ascent(px: float, bold: bool = False) -> float:
    """Height above the baseline of a tall letter ("l"): where a text's top is."""
    return -font(px, bold).getbbox("l", anchor="ls")[1]


@functools.cache
def descent(px: float, bold: bool = False) -> float:
    """Depth below the baseline of a descender ("p"): where a text's bottom is."""
    return font(px, bold).getbbox("p", anchor="ls")[3]


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width``, as ``measure`` measures."""
    lines: list[str] = []
    for word in text.split():
        if lines and measure(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _dashes(a: float, b: float, dash: Dash) -> Iterator[tuple[float, float]]:
    """The drawn pieces of a line from ``a`` to ``b``; the pattern starts at ``a``."""
    on, off = dash
    sign = 1.0 if b >= a else -1.0
    length = abs(b - a)
    start = 0.0
    while start < length:
        end = min(start + on, length)
        yield min(a + sign * start, a + sign * end), max(a + sign * start, a + sign * end)
        start += on + off


class Canvas:
    """A white RGB picture ``width`` × ``height`` pixels at ``dpi``; lengths in pixels."""

    def __init__(self, width: int, height: int, dpi: int) -> None:
        from PIL import Image, ImageDraw

        self.width, self.height, self.dpi = width, height, dpi
        self.image: Image.Image = Image.new("RGB", (width, height), "white")
        self._draw = ImageDraw.Draw(self.image)

    @classmethod
    def inches(cls, size: tuple[float, float], dpi: int) -> Canvas:
        """A canvas of ``size`` inches at ``dpi``, whole pixels cut off as matplotlib did."""
        return cls(int(size[0] * dpi + 1e-6), int(size[1] * dpi + 1e-6), dpi)

    def px(self, pt: float) -> float:
        """Points (1/72 inch) in pixels."""
        return pt * self.dpi / 72

    def stroke(self, pt: float) -> int:
        """A line ``pt`` points wide in whole pixels, at least one."""
        return max(1, math.floor(self.px(pt) + 0.5))

    def rect(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        fill: str,
        outline: str | None = None,
        width: int = 0,
    ) -> None:
        """A filled rectangle; its outline, ``width`` pixels, centred on the edges."""
        left, top, right, bottom = round(x0), round(y0), round(x1), round(y1)
        if outline and width:
            out = width // 2
            self._box(left - out, top - out, right - out + width, bottom - out + width, outline)
            self._box(left - out + width, top - out + width, right - out, bottom - out, fill)
        else:
            self._box(left, top, right, bottom, fill)

    def _box(self, left: int, top: int, right: int, bottom: int, color: str) -> None:
        # Pillow's rectangle includes its right and bottom edges: pixels [left, right).
        if right > left and bottom > top:
            self._draw.rectangle((left, top, right - 1, bottom - 1), fill=color)

    def line(
        self,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        color: str,
        width: int,
        dash: Dash | None = None,
        cap: bool = False,
    ) -> None:
        """A horizontal or vertical line ``width`` pixels wide, centred on its coordinates.

        ``cap`` extends a solid line by half its width at both ends, so that two
        lines meeting at a corner leave no notch.
        """
        extend = width / 2 if cap else 0.0
        if y0 == y1:
            top = round(y0 - width / 2)
            lo, hi = sorted((x0, x1))
            for a, b in _dashes(x0, x1, dash) if dash else [(lo - extend, hi + extend)]:
                self._box(round(a), top, round(b), top + width, color)
        elif x0 == x1:
            left = round(x0 - width / 2)
            lo, hi = sorted((y0, y1))
            for a, b in _dashes(y0, y1, dash) if dash else [(lo - extend, hi + extend)]:
                self._box(left, round(a), left + width, round(b), color)
        else:
            raise ValueError("only horizontal and vertical lines are drawn")

    def text(
        self,
        x: float,
        y: float,
        text: str,
        px: float,
        color: str = "black",
        bold: bool = False,
        anchor: str = "ls",
    ) -> None:
        """``text`` at ``px`` pixels to the em; ``anchor`` as Pillow's ("ms": middle, baseline)."""
        self._draw.text((x, y), text, fill=color, font=font(px, bold), anchor=anchor)

    def text_up(
        self, x: float, y: float, text: str, px: float, color: str = "black", bold: bool = False
    ) -> None:
        """``text`` read bottom to top, its baseline at column ``x``, centred on row ``y``."""
        from PIL import Image, ImageDraw

        face = font(px, bold)
        top, bottom = face.getmetrics()
        length = face.getlength(text)
        margin = 2
        strip = Image.new("L", (math.ceil(length) + 2 * margin, top + bottom + 2 * margin), 0)
        ImageDraw.Draw(strip).text((margin, margin + top), text, fill=255, font=face, anchor="ls")
        # A quarter turn moves (u, v) to (v, w - 1 - u): the baseline v = margin + top
        # becomes the column margin + top, the text's middle its centre row.
        upright = strip.transpose(Image.Transpose.ROTATE_90)
        left = round(x - (margin + top))
        upper = round(y - (strip.width - 1 - margin - length / 2))
        self.image.paste(color, (left, upper), upright)

    def png(self) -> bytes:
        """The picture as PNG bytes: its resolution, no software name or date."""
        buffer = io.BytesIO()
        self.image.save(buffer, "PNG", compress_level=6, dpi=(self.dpi, self.dpi))
        return buffer.getvalue()
