"""The report's charts (Gambar 1.1, 3.1, 3.2) as deterministic PNG bytes.

matplotlib is imported inside the functions: ``lkjip check`` never draws, and
importing matplotlib costs more than the rest of the start-up together. Values
stay ``Decimal`` until the moment they are plotted; every label is formatted
from the exact value by :mod:`lkjip_cli.numbers`. The same data gives the same
bytes: a fixed size and resolution, matplotlib's own default style whatever the
user's matplotlibrc says, and no software or date metadata in the PNG.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from lkjip_cli.model.instansi import UnitOrganisasi
from lkjip_cli.numbers import format_decimal_id
from lkjip_cli.report import IndikatorHasil, RpjmdHasil

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure
    from matplotlib.typing import RcKeyType

SIZE = (7.5, 4.0)
"""Figure size in inches (fits the portrait text width at 15 cm)."""
DPI = 150
REALISASI = "#2f5597"
TARGET = "#c00000"
BASELINE = "#7f7f7f"

_STYLE: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans",  # shipped with matplotlib: the same glyphs everywhere
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "legend.fontsize": 8,
    "legend.frameon": False,
}


def label(value: Decimal, satuan: str = "%") -> str:
    """A bar's label: ``95,38%`` for percentages, ``60,15`` for other units."""
    text = format_decimal_id(value)
    return f"{text}%" if satuan == "%" else text


def _axis_title(satuan: str) -> str:
    return "Persentase (%)" if satuan == "%" else satuan.capitalize()


@contextmanager
def _figure(size: tuple[float, float] = SIZE, dpi: int = DPI) -> Iterator[tuple[Figure, Axes]]:
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with matplotlib.rc_context():
        # Matplotlib's own defaults, not the user's matplotlibrc: same data, same picture.
        matplotlib.rcdefaults()
        with matplotlib.rc_context(rc=_STYLE):
            fig = Figure(figsize=size, dpi=dpi)
            FigureCanvasAgg(fig)
            ax = fig.add_subplot()
            yield fig, ax


def _png(fig: Figure, dpi: int = DPI) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def _y_axis(ax: Axes, highest: Decimal) -> float:
    """Start at zero, leave room above the tallest bar, Indonesian ticks; the top."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    top = float(highest) * 1.18 if highest > 0 else 1.0
    ax.set_ylim(0, top)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
    ax.yaxis.set_major_formatter(FuncFormatter(_tick))
    ax.grid(axis="y", color="#d9d9d9", linewidth=0.6)
    ax.set_axisbelow(True)
    return top


def _tick(value: float, _pos: int | None) -> str:
    # Ticks are multiples of 1, 2 or 5 × 10^k: one decimal place is enough below 1.
    return format_decimal_id(Decimal(float(value)), 1)


def _label_bars(ax: Axes, bars: Any, texts: list[str], top: float) -> None:
    """Each value inside the top of its bar (above it when the bar is too short).

    Inside, the labels never collide with a target or baseline line drawn just
    above the bars.
    """
    for bar, text in zip(bars, texts, strict=True):
        height = bar.get_height()
        inside = height >= 0.12 * top
        ax.annotate(
            text,
            xy=(bar.get_x() + bar.get_width() / 2, height),
            xytext=(0, -4 if inside else 3),
            textcoords="offset points",
            ha="center",
            va="top" if inside else "bottom",
            color="white" if inside else "black",
            fontweight="bold" if inside else None,
        )


def _legend(ax: Axes) -> None:
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3)


def tren_indikator(ind: IndikatorHasil, tahun: int) -> bytes:
    """Gambar 3.1: the indicator's realization per year, with this year's target."""
    values = dict(ind.riwayat)
    if ind.realisasi is not None:
        values[tahun] = ind.realisasi
    years = sorted({*values, tahun})  # this year has its place even before it is realized
    shown = [y for y in years if y in values]
    highest = max(
        [*values.values(), *([ind.target] if ind.target is not None else [])], default=Decimal(0)
    )
    with _figure() as (fig, ax):
        top = _y_axis(ax, highest)
        bars = ax.bar(
            [years.index(y) for y in shown],
            [float(values[y]) for y in shown],
            width=0.55,
            color=REALISASI,
            label="Realisasi",
        )
        _label_bars(ax, bars, [label(values[y], ind.satuan) for y in shown], top)
        ax.set_xticks(list(range(len(years))), [str(y) for y in years])
        ax.set_xlim(-0.6, len(years) - 0.4)
        if ind.target is not None:
            x = years.index(tahun)
            ax.hlines(
                float(ind.target),
                x - 0.38,
                x + 0.38,
                colors=TARGET,
                linewidths=2,
                linestyles="--",
                label=f"Target {tahun}: {label(ind.target, ind.satuan)}",
            )
        ax.set_xlabel("Tahun")
        ax.set_ylabel(_axis_title(ind.satuan))
        ax.set_title(ind.nama)
        _legend(ax)
        fig.tight_layout()
        return _png(fig)


def tren_rpjmd(r: RpjmdHasil) -> bytes:
    """Gambar 3.2: the RPJMD indicator's target and realization per year, and its baseline."""
    years = sorted({*r.target, *r.realisasi})
    width = 0.38
    values = [*r.target.values(), *r.realisasi.values()]
    if r.target_awal is not None:
        values.append(r.target_awal)
    with _figure() as (fig, ax):
        top = _y_axis(ax, max(values, default=Decimal(0)))
        if r.target_awal is not None:
            ax.axhline(
                float(r.target_awal),
                color=BASELINE,
                linewidth=1.2,
                linestyle="--",
                label=f"Target Awal RPJMD: {label(r.target_awal, r.satuan)}",
            )
        for offset, series, name, color in (
            (-width / 2, r.target, "Target", TARGET),
            (width / 2, r.realisasi, "Realisasi", REALISASI),
        ):
            shown = [(i, series[y]) for i, y in enumerate(years) if y in series]
            bars = ax.bar(
                [i + offset for i, _ in shown],
                [float(v) for _, v in shown],
                width=width,
                color=color,
                label=name,
            )
            _label_bars(ax, bars, [label(v, r.satuan) for _, v in shown], top)
        ax.set_xticks(list(range(len(years))), [str(y) for y in years])
        ax.set_xlabel("Tahun")
        ax.set_ylabel(_axis_title(r.satuan))
        ax.set_title(r.nama)
        _legend(ax)
        fig.tight_layout()
        return _png(fig)


# --- Gambar 1.1: the organisation chart --------------------------------------------

ORG_WIDTH = 15 / 2.54
"""Width in inches of the organisation chart: the text width, so it prints at its own size."""
ORG_DPI = 200
"""Sharper than the bar charts: the chart is mostly small text."""
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
_ORG_MIN_SCALE = 0.75
"""Smallest text, relative to the sizes above, when long words must fit narrow boxes."""
_ORG_EDGE = "#1f3864"
_ORG_FILL = "#ffffff"
_ORG_HEAD_FILL = "#dae3f3"


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


def _text_width(renderer: RendererBase, dpi: int) -> Callable[[str, float, str], float]:
    """The width in inches of a text at a size (points) and weight, as Agg draws it."""
    from matplotlib.font_manager import FontProperties

    def width(text: str, size: float, weight: str) -> float:
        font = FontProperties(family=_STYLE["font.family"], size=size, weight=weight)
        return renderer.get_text_width_height_descent(text, font, ismath=False)[0] / dpi

    return width


def _wrap(text: str, width: float, fits: Callable[[str], float]) -> list[str]:
    """Greedy word wrap of ``text`` into lines no wider than ``width`` inches."""
    lines: list[str] = []
    for word in text.split():
        if lines and fits(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def struktur_organisasi(unit: UnitOrganisasi) -> bytes:
    """Gambar 1.1: the organisation chart, top down, from ``instansi.struktur``.

    Each box holds the unit's name and, smaller, its head's title. Lines of
    command are solid, lines of coordination dashed. The width is the report's
    text width; the height follows from the number of rows.
    """
    from matplotlib.patches import Rectangle

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

    with _figure((ORG_WIDTH, 1.0), ORG_DPI) as (fig, ax):
        measure = _text_width(fig.canvas.get_renderer(), ORG_DPI)  # type: ignore[attr-defined]
        # A word is never broken: when the longest one is wider than its box (many
        # units side by side), every text gets smaller, down to a floor.
        scale = 1.0
        for b in boxes:
            for text, size, weight in (
                (b.unit.nama, _ORG_NAME_PT, "bold"),
                (b.unit.jabatan or "", _ORG_JABATAN_PT, "normal"),
            ):
                for word in text.split():
                    if (wide := measure(word, size, weight)) > 0:  # not e.g. U+200B alone
                        scale = min(scale, 0.98 * inner(b) / wide)
        scale = max(scale, _ORG_MIN_SCALE)
        name_pt, jabatan_pt = _ORG_NAME_PT * scale, _ORG_JABATAN_PT * scale
        name_pitch = name_pt * _ORG_LEADING / 72
        jabatan_pitch = jabatan_pt * _ORG_LEADING / 72
        for b in boxes:
            b.name = _wrap(b.unit.nama, inner(b), lambda t: measure(t, name_pt, "bold"))
            if b.unit.jabatan:
                b.jabatan = _wrap(
                    b.unit.jabatan, inner(b), lambda t: measure(t, jabatan_pt, "normal")
                )

        def block(b: _Box) -> float:
            return (
                len(b.name) * name_pitch
                + len(b.jabatan) * jabatan_pitch
                + (0.03 if b.jabatan else 0.0)
            )

        # Every box of a row has the height of the row's fullest box.
        heights = [2 * _ORG_PAD + max(block(b) for b in boxes if b.row == r) for r in range(rows)]
        total = 2 * _ORG_MARGIN + sum(heights) + (rows - 1) * _ORG_VGAP
        fig.set_size_inches(ORG_WIDTH, total)
        ax.set_position((0.0, 0.0, 1.0, 1.0))
        ax.set_xlim(0, ORG_WIDTH)
        ax.set_ylim(0, total)
        ax.set_axis_off()

        def cx(b: _Box) -> float:
            return x0 + b.x * slot

        def top(b: _Box) -> float:
            return total - _ORG_MARGIN - sum(heights[: b.row]) - b.row * _ORG_VGAP

        def bottom(b: _Box) -> float:
            return top(b) - heights[b.row]

        def half(b: _Box) -> float:
            return (head_width if b is head else width) / 2

        def line(xs: list[float], ys: list[float], garis: str, cap: str = "butt") -> None:
            ax.plot(
                xs,
                ys,
                color=_ORG_EDGE,
                linewidth=0.9,
                solid_capstyle=cap,
                linestyle=(0, (4, 2.5)) if garis == "koordinasi" else "-",
                zorder=1,
            )

        def hang(x: float, y: float, children: list[_Box]) -> None:
            """Children below a horizontal line at ``y`` that leaves the vertical line at ``x``.

            One line per side (segments that meet end to end leave a seam in the
            anti-aliasing), solid as far as the last unit under command, dashed beyond.
            """
            for side in (
                [c for c in children if cx(c) < x - 1e-6],
                [c for c in children if cx(c) > x + 1e-6],
            ):
                if not side:
                    continue
                solid = max(
                    (abs(cx(c) - x) for c in side if c.unit.garis == "komando"), default=0.0
                )
                far = max(abs(cx(c) - x) for c in side)
                sign = 1 if cx(side[0]) > x else -1
                if solid:
                    line([x, x + sign * solid], [y, y], "komando", cap="projecting")
                if far > solid:
                    line([x + sign * solid, x + sign * far], [y, y], "koordinasi")
            for c in children:
                line([cx(c), cx(c)], [y, top(c)], c.unit.garis)

        for b in boxes:
            ax.add_patch(
                Rectangle(
                    (cx(b) - half(b), bottom(b)),
                    2 * half(b),
                    heights[b.row],
                    facecolor=_ORG_HEAD_FILL if b is head else _ORG_FILL,
                    edgecolor=_ORG_EDGE,
                    linewidth=0.9,
                    zorder=2,
                )
            )
            y = (top(b) + bottom(b)) / 2 + block(b) / 2
            for text in b.name:
                ax.text(
                    cx(b),
                    y - name_pitch / 2,
                    text,
                    ha="center",
                    va="center_baseline",
                    fontsize=name_pt,
                    fontweight="bold",
                    zorder=3,
                )
                y -= name_pitch
            y -= 0.03
            for text in b.jabatan:
                ax.text(
                    cx(b),
                    y - jabatan_pitch / 2,
                    text,
                    ha="center",
                    va="center_baseline",
                    fontsize=jabatan_pt,
                    zorder=3,
                )
                y -= jabatan_pitch

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
                    hang(cx(parent), top(group[0]) + _ORG_VGAP / 2, group)
            bus = top(hanging[0]) + _ORG_VGAP / 2
            garis = (
                "komando"
                if any(c.unit.garis == "komando" for c in parent.children)
                else "koordinasi"
            )
            # A unit straight below, on a line like the vertical one: one line down to it.
            straight = [
                c for c in hanging if abs(cx(c) - cx(parent)) < 1e-6 and c.unit.garis == garis
            ]
            line(
                [cx(parent), cx(parent)],
                [bottom(parent), top(straight[0]) if straight else bus],
                garis,
            )
            hang(cx(parent), bus, [c for c in hanging if c not in straight])
        return _png(fig, ORG_DPI)
