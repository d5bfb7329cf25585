"""The report's trend charts (Gambar 3.1, 3.2) as deterministic PNG bytes.

Values stay ``Decimal`` until the moment they are plotted; every label is
formatted from the exact value by :mod:`lkjip_cli.numbers`. The same data gives
the same bytes at a fixed size and resolution (see :mod:`.plotting`, which
also keeps matplotlib off the start-up path). The organisation chart
(Gambar 1.1) is drawn by :mod:`.orgchart` and re-exported here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from lkjip_cli.numbers import format_decimal_id
from lkjip_cli.render.orgchart import ORG_DPI as ORG_DPI
from lkjip_cli.render.orgchart import ORG_WIDTH as ORG_WIDTH
from lkjip_cli.render.orgchart import struktur_organisasi as struktur_organisasi
from lkjip_cli.render.plotting import figure, png_bytes
from lkjip_cli.report import IndikatorHasil, RpjmdHasil

if TYPE_CHECKING:
    from matplotlib.axes import Axes

SIZE = (7.5, 4.0)
"""Figure size in inches (fits the portrait text width at 15 cm)."""
DPI = 150
REALISASI = "#2f5597"
TARGET = "#c00000"
BASELINE = "#7f7f7f"


def label(value: Decimal, satuan: str = "%") -> str:
    """A bar's label: ``95,38%`` for percentages, ``60,15`` for other units."""
    text = format_decimal_id(value)
    return f"{text}%" if satuan == "%" else text


def _axis_title(satuan: str) -> str:
    return "Persentase (%)" if satuan == "%" else satuan.capitalize()


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
    with figure(SIZE, DPI) as (fig, ax):
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
        return png_bytes(fig, DPI)


def tren_rpjmd(r: RpjmdHasil) -> bytes:
    """Gambar 3.2: the RPJMD indicator's target and realization per year, and its baseline."""
    years = sorted({*r.target, *r.realisasi})
    width = 0.38
    values = [*r.target.values(), *r.realisasi.values()]
    if r.target_awal is not None:
        values.append(r.target_awal)
    with figure(SIZE, DPI) as (fig, ax):
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
        return png_bytes(fig, DPI)
