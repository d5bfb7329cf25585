"""matplotlib set-up shared by every chart: style, figure and PNG bytes.

matplotlib is imported inside the functions: ``lkjip check`` never draws, and
importing matplotlib costs more than the rest of the start-up together. The
same data gives the same bytes: matplotlib's own default style whatever the
user's matplotlibrc says, and no software or date metadata in the PNG.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

STYLE: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib: the same glyphs everywhere
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "legend.fontsize": 8,
    "legend.frameon": False,
}
"""The charts' rc settings, over matplotlib's defaults."""


@contextmanager
def figure(size: tuple[float, float], dpi: int) -> Iterator[tuple[Figure, Axes]]:
    """A figure and its axes, drawn with :data:`STYLE` over matplotlib's defaults."""
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context():
        # Matplotlib's own defaults, not the user's matplotlibrc: same data, same picture.
        matplotlib.rcdefaults()
        with matplotlib.rc_context(rc=STYLE):
            fig = Figure(figsize=size, dpi=dpi)
            FigureCanvasAgg(fig)
            ax = fig.add_subplot()
            yield fig, ax


def png_bytes(fig: Figure, dpi: int) -> bytes:
    """The figure as PNG bytes, without software metadata."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()
