"""Advance widths of the body font, to lay out text the renderer will set.

The report's body font is Arial; LibreOffice substitutes the metric-compatible
Liberation Sans. The widths below are their advance widths in 1/1000 em for
ASCII and Latin-1 (regular and bold), so that the charts and the organisation
chart can wrap and place text without a font file or an image library.
Characters outside that range count as a wide average.
"""

from __future__ import annotations

from collections.abc import Callable

_FIRST = 32
_REGULAR = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 278 278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 "
    "556 833 722 778 667 778 722 667 611 722 667 944 667 667 611 278 278 278 469 556 333 556 "
    "556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 556 333 500 278 556 500 722 "
    "500 500 500 334 260 334 584"
)
_REGULAR_LATIN1 = (
    "278 333 556 556 556 556 260 556 333 737 370 556 584 333 737 552 400 549 333 333 333 576 "
    "537 333 333 333 365 556 834 834 834 611 667 667 667 667 667 667 1000 722 667 667 667 667 "
    "278 278 278 278 722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611 556 556 "
    "556 556 556 556 889 500 556 556 556 556 278 278 278 278 556 556 556 556 556 556 556 549 "
    "611 556 556 556 556 500 556 500"
)
_BOLD = (
    "278 333 474 556 556 889 722 238 333 333 389 584 278 333 278 278 556 556 556 556 556 556 "
    "556 556 556 556 333 333 584 584 584 611 975 722 722 722 722 667 611 778 722 278 556 722 "
    "611 833 722 778 667 778 722 667 611 722 667 944 667 667 611 333 278 333 584 556 333 556 "
    "611 556 611 556 333 611 611 278 278 556 278 889 611 611 611 611 389 556 333 611 556 778 "
    "556 556 500 389 280 389 584"
)
_BOLD_LATIN1 = (
    "278 333 556 556 556 556 280 556 333 737 370 556 584 333 737 552 400 549 333 333 333 576 "
    "556 333 333 333 365 556 834 834 834 611 722 722 722 722 722 722 1000 722 667 667 667 667 "
    "278 278 278 278 722 722 778 778 778 778 778 584 778 722 722 722 722 667 667 611 556 556 "
    "556 556 556 556 889 556 556 556 556 556 278 278 278 278 611 611 611 611 611 611 611 549 "
    "611 611 611 611 611 556 611 556"
)


def _table(ascii_widths: str, latin1_widths: str) -> dict[str, int]:
    table = {chr(_FIRST + i): int(w) for i, w in enumerate(ascii_widths.split())}
    table.update({chr(160 + i): int(w) for i, w in enumerate(latin1_widths.split())})
    return table


_WIDTHS = {False: _table(_REGULAR, _REGULAR_LATIN1), True: _table(_BOLD, _BOLD_LATIN1)}
_UNKNOWN = 722
"""Width of a character outside the table: a capital's, so text rather overflows less."""
FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif"
"""The body font as CSS and SVG name it."""


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """The width of ``text`` set in the body font at ``size_pt``, in points."""
    widths = _WIDTHS[bold]
    return sum(widths.get(ch, _UNKNOWN) for ch in text) * size_pt / 1000


def wrap(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width``, as ``measure`` measures.

    A word longer than ``width`` stands on a line of its own, unbroken.
    """
    lines: list[str] = []
    for word in text.split():
        if lines and measure(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines
