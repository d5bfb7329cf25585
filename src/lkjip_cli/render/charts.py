"""The report's trend charts (Gambar 3.1, 3.2) as deterministic PNG bytes.

Values stay ``Decimal`` until they become pixels; every label is formatted
from the exact value by :mod:`lkjip_cli.numbers`. The same data gives the same
bytes at a fixed size and resolution (see :mod:`.plotting`, which also keeps
Pillow off the start-up path). The organisation chart (Gambar 1.1) is drawn by
:mod:`.orgchart` and re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from lkjip_cli.numbers import format_decimal_id
from lkjip_cli.render.orgchart import ORG_DPI as ORG_DPI
from lkjip_cli.render.orgchart import ORG_WIDTH as ORG_WIDTH
from lkjip_cli.render.orgchart import struktur_organisasi as struktur_organisasi
from lkjip_cli.render.plotting import Canvas, Dash, ascent, descent, text_width, wrap
from lkjip_cli.report import IndikatorHasil, RpjmdHasil
from lkjip_cli.satuan import persen

SIZE = (7.5, 4.0)
"""Figure size in inches (fits the portrait text width at 15 cm)."""
DPI = 150
REALISASI = "#2f5597"
TARGET = "#c00000"
BASELINE = "#7f7f7f"
GRID = "#d9d9d9"

# Type sizes and distances in points, as matplotlib's defaults drew these charts before.
_TEXT_PT = 9.0
_TITLE_PT = 10.0
_LEGEND_PT = 8.0
_PAD_PT = 1.08 * _TEXT_PT
"""White border around everything drawn."""
_TITLE_GAP_PT = 6.0
_LABEL_GAP_PT = 4.0
"""Between an axis' tick labels and its title."""
_TICK_PT = 3.5
"""Length of a tick, and the gap from it to its label."""
_SPINE_PT = 0.8
_GRID_PT = 0.6
_HEADROOM = Decimal("1.18")
"""The y axis reaches this much above the highest value: room for the labels above bars."""


def label(value: Decimal, satuan: str = "%") -> str:
    """A bar's label: ``95,38%`` for percentages, ``60,15`` for other units."""
    text = format_decimal_id(value)
    return f"{text}%" if persen(satuan) else text


def _axis_title(satuan: str) -> str:
    return "Persentase (%)" if persen(satuan) else satuan.capitalize()


def ticks(top: Decimal) -> list[Decimal]:
    """0 and the multiples of a round step up to ``top``, at most six steps.

    The step is the smallest of 1, 2, 2.5 or 5 × 10^k that is at least a sixth
    of ``top``: 118 gives 0, 20, …, 100; 13.88 gives 0, 2.5, …, 12.5.
    """
    if top <= 0:
        return [Decimal(0)]
    rough = top / 6
    unit = Decimal(10) ** rough.adjusted()
    step = next(m * unit for m in (1, 2, Decimal("2.5"), 5, 10) if m * unit >= rough)
    return [step * i for i in range(int(top // step) + 1)]


def _tick_labels(values: list[Decimal]) -> list[str]:
    """``0``, ``2,5``, ``0,25``: as many decimal places as the tick has, at least one."""
    return [format_decimal_id(v, max(1, -int(v.normalize().as_tuple().exponent))) for v in values]


def _fit(text: str, room: float, px: float) -> tuple[list[str], float]:
    """``text`` wrapped into lines no longer than ``room``; smaller when a word is longer."""
    lines = wrap(text, room, lambda t: text_width(t, px))

    def longest() -> float:
        return max((text_width(t, px) for t in lines), default=0.0)

    # Glyph advances are whole pixels: a smaller size is not exactly proportionally narrower.
    while (wide := longest()) > room:
        px *= 0.99 * room / wide
    return lines, px


@dataclass(frozen=True)
class _Entry:
    """A legend entry: a line (its width in points and dashes) or, without, a bar's colour."""

    text: str
    color: str
    line_pt: float = 0.0
    dash_pt: Dash | None = None


def _dash(width_pt: float) -> Dash:
    """matplotlib's ``--``: 3.7 and 1.6 line widths."""
    return 3.7 * width_pt, 1.6 * width_pt


class _Plot:
    """One bar chart: the axes box placed around measured text, and its drawing."""

    def __init__(
        self,
        title: str,
        satuan: str,
        years: list[int],
        xlim: tuple[float, float],
        highest: Decimal,
        legend: list[_Entry],
    ) -> None:
        self.canvas = c = Canvas.inches(SIZE, DPI)
        self.years, self.xlim, self.legend = years, xlim, legend
        self.top_value = highest * _HEADROOM if highest > 0 else Decimal(1)
        self.ticks = ticks(self.top_value)
        self.tick_labels = _tick_labels(self.ticks)
        self.text_px, self.legend_px = c.px(_TEXT_PT), c.px(_LEGEND_PT)
        self.pad = pad = c.px(_PAD_PT)
        tick = c.px(_TICK_PT)

        # Bottom up: the legend, the axis title, the year labels, the ticks.
        self.legend_y = c.height - pad - c.px(0.4 * _LEGEND_PT) - descent(self.legend_px)
        legend_top = self.legend_y - ascent(self.legend_px) - c.px(0.4 * _LEGEND_PT)
        self.xlabel_y = legend_top - c.px(_LEGEND_PT) - descent(self.text_px)
        years_bottom = self.xlabel_y - ascent(self.text_px) - c.px(_LABEL_GAP_PT)
        self.years_y = years_bottom - descent(self.text_px)
        self.bottom = self.years_y - ascent(self.text_px) - 2 * tick
        # Top down: the title, on as many lines as it needs.
        self.title, self.title_px = _fit(title, c.width - 2 * pad, c.px(_TITLE_PT))
        self.title_y = pad + ascent(self.title_px)
        self.top = (
            self.title_y
            + max(len(self.title) - 1, 0) * 1.2 * self.title_px
            + descent(self.title_px)
            + c.px(_TITLE_GAP_PT)
        )
        # Left to right: the axis title (turned, as many lines as it needs along the
        # axis), its gap, the widest tick label, the ticks.
        self.ylabel, self.ylabel_px = _fit(
            _axis_title(satuan), self.bottom - self.top, self.text_px
        )
        self.ylabel_x = pad + ascent(self.ylabel_px)
        last = self.ylabel_x + max(len(self.ylabel) - 1, 0) * 1.2 * self.ylabel_px
        widest = max(text_width(t, self.text_px) for t in self.tick_labels)
        self.left = last + descent(self.ylabel_px) + c.px(_LABEL_GAP_PT) + widest + 2 * tick
        self.right = c.width - pad

    def x(self, value: float) -> float:
        """Pixel column of an x value (year slots are 0, 1, …)."""
        lo, hi = self.xlim
        return self.left + (value - lo) / (hi - lo) * (self.right - self.left)

    def y(self, value: Decimal) -> float:
        """Pixel row of a value, clipped to the axes."""
        share = min(max(value / self.top_value, Decimal(0)), Decimal(1))
        return self.bottom - float(share) * (self.bottom - self.top)

    def grid(self) -> None:
        c = self.canvas
        for value in self.ticks:
            c.line(self.left, self.y(value), self.right, self.y(value), GRID, c.stroke(_GRID_PT))

    def bars(self, slots: list[float], values: list[Decimal], width: float, color: str) -> None:
        for slot, value in zip(slots, values, strict=True):
            self.canvas.rect(
                self.x(slot - width / 2),
                self.y(value),
                self.x(slot + width / 2),
                self.bottom,
                color,
            )

    def bar_labels(self, slots: list[float], values: list[Decimal], texts: list[str]) -> None:
        """Each value inside the top of its bar (above it when the bar is too short).

        Inside, the labels never collide with a target or baseline line drawn
        just above the bars.
        """
        c, px = self.canvas, self.text_px
        for slot, value, text in zip(slots, values, texts, strict=True):
            top = self.y(value)
            if value >= Decimal("0.12") * self.top_value:
                y = top + c.px(4) + ascent(px, bold=True)
                c.text(self.x(slot), y, text, px, "white", bold=True, anchor="ms")
            else:
                c.text(self.x(slot), top - c.px(3) - descent(px), text, px, anchor="ms")

    def dashed(self, x0: float, x1: float, value: Decimal, entry: _Entry) -> None:
        """A dashed line at ``value`` from pixel column ``x0`` to ``x1``, drawn as ``entry``."""
        c = self.canvas
        width = c.stroke(entry.line_pt)
        c.line(x0, self.y(value), x1, self.y(value), entry.color, width, self._dash(entry))

    def _dash(self, entry: _Entry) -> Dash | None:
        if entry.dash_pt is None:
            return None
        return self.canvas.px(entry.dash_pt[0]), self.canvas.px(entry.dash_pt[1])

    def frame(self) -> None:
        """Spines, ticks and their labels, axis titles, the title and the legend."""
        c, px = self.canvas, self.text_px
        spine, tick = c.stroke(_SPINE_PT), c.px(_TICK_PT)
        c.line(self.left, self.top, self.left, self.bottom, "black", spine, cap=True)
        c.line(self.left, self.bottom, self.right, self.bottom, "black", spine, cap=True)
        for value, text in zip(self.ticks, self.tick_labels, strict=True):
            y = self.y(value)
            c.line(self.left - tick, y, self.left, y, "black", spine)
            c.text(self.left - 2 * tick, y, text, px, anchor="rm")
        for i, year in enumerate(self.years):
            x = self.x(i)
            c.line(x, self.bottom, x, self.bottom + tick, "black", spine)
            c.text(x, self.years_y, str(year), px, anchor="ms")
        middle = (self.left + self.right) / 2
        c.text(middle, self.xlabel_y, "Tahun", px, anchor="ms")
        for i, line in enumerate(self.ylabel):
            x = self.ylabel_x + i * 1.2 * self.ylabel_px
            c.text_up(x, (self.top + self.bottom) / 2, line, self.ylabel_px)
        for i, line in enumerate(self.title):
            # Over the axes like the other texts, unless that pushes it off the picture.
            half = text_width(line, self.title_px) / 2
            x = min(max(middle, self.pad + half), c.width - self.pad - half)
            c.text(x, self.title_y + i * 1.2 * self.title_px, line, self.title_px, anchor="ms")
        self._legend(middle)

    def _legend(self, middle: float) -> None:
        """The entries in one row centred under the axes: a handle, then its text."""
        c, px = self.canvas, self.legend_px
        handle, gap, spacing = 2.0 * px, 0.8 * px, 2.0 * px
        widths = [handle + gap + text_width(e.text, px) for e in self.legend]
        x = middle - (sum(widths) + spacing * (len(widths) - 1)) / 2
        y = self.legend_y - ascent(px) / 2
        for entry, width in zip(self.legend, widths, strict=True):
            if entry.line_pt:
                stroke = c.stroke(entry.line_pt)
                c.line(x, y, x + handle, y, entry.color, stroke, self._dash(entry))
            else:
                c.rect(x, y - 0.35 * px, x + handle, y + 0.35 * px, entry.color)
            c.text(x + handle + gap, self.legend_y, entry.text, px, anchor="ls")
            x += width + spacing


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
    legend = [_Entry("Realisasi", REALISASI)]
    if ind.target is not None:
        text = f"Target {tahun}: {label(ind.target, ind.satuan)}"
        legend.insert(0, _Entry(text, TARGET, 2.0, _dash(2.0)))
    plot = _Plot(ind.nama, ind.satuan, years, (-0.6, len(years) - 0.4), highest, legend)
    slots = [float(years.index(y)) for y in shown]
    bars = [values[y] for y in shown]
    plot.grid()
    plot.bars(slots, bars, 0.55, REALISASI)
    if ind.target is not None:
        x = years.index(tahun)
        plot.dashed(plot.x(x - 0.38), plot.x(x + 0.38), ind.target, legend[0])
    plot.frame()
    plot.bar_labels(slots, bars, [label(v, ind.satuan) for v in bars])
    return plot.canvas.png()


def tren_rpjmd(r: RpjmdHasil) -> bytes:
    """Gambar 3.2: the RPJMD indicator's target and realization per year, and its baseline."""
    years = sorted({*r.target, *r.realisasi})
    width = 0.38
    values = [*r.target.values(), *r.realisasi.values()]
    if r.target_awal is not None:
        values.append(r.target_awal)
    # The bars' span and 5 % of it on either side, as matplotlib's automatic limits.
    lo, hi = -width, max(len(years) - 1, 0) + width
    margin = 0.05 * (hi - lo)
    legend = [_Entry("Target", TARGET), _Entry("Realisasi", REALISASI)]
    if r.target_awal is not None:
        text = f"Target Awal RPJMD: {label(r.target_awal, r.satuan)}"
        legend.insert(0, _Entry(text, BASELINE, 1.2, _dash(1.2)))
    xlim = (lo - margin, hi + margin)
    plot = _Plot(r.nama, r.satuan, years, xlim, max(values, default=Decimal(0)), legend)
    plot.grid()
    placed: list[tuple[list[float], list[Decimal]]] = []
    for offset, by_year, color in (
        (-width / 2, r.target, TARGET),
        (width / 2, r.realisasi, REALISASI),
    ):
        shown = [(i + offset, by_year[y]) for i, y in enumerate(years) if y in by_year]
        placed.append(([s for s, _ in shown], [v for _, v in shown]))
        plot.bars(*placed[-1], width, color)
    if r.target_awal is not None:
        plot.dashed(plot.left, plot.right, r.target_awal, legend[0])
    plot.frame()
    for slots, bars in placed:
        plot.bar_labels(slots, bars, [label(v, r.satuan) for v in bars])
    return plot.canvas.png()
