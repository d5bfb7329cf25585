"""The report's trend charts as :class:`~.graphics.Chart` data, named by a ``::: gambar`` line.

``::: gambar tren-<indikator>`` charts an indicator's realization per year as
bars with this year's target as a line; ``garis-<indikator>`` draws the
realization as a line too. ``tren-rpjmd`` (``tren-rpjmd-2`` for the second)
charts an RPJMD indicator's target and realization per year with its
baseline. ``tren-<sasaran>`` (``tren-S1``) is the first indicator of that
sasaran. Values stay exact ``Decimal``; each format draws them from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from lkjip_cli.render.graphics import Chart, Series
from lkjip_cli.report import IndikatorHasil, Report, RpjmdHasil
from lkjip_cli.satuan import persen

REALISASI = "2F5597"
TARGET = "C00000"
BASELINE = "7F7F7F"
Kind = Literal["bar", "line"]
_PREFIXES: dict[str, Kind] = {"tren-": "bar", "garis-": "line"}


@dataclass(frozen=True)
class Trend:
    """A chart with the caption and the text alternative the figure gets."""

    chart: Chart
    caption: str
    alt: str


def axis_title(satuan: str) -> str:
    """The value axis' title: ``Persentase (%)`` for percentages, else the unit."""
    return "Persentase (%)" if persen(satuan) else satuan.capitalize()


def years_text(years: list[int]) -> str:
    """``Tahun 2022 - 2024``; one year alone is ``Tahun 2024``."""
    if not years:
        return ""
    if years[0] == years[-1]:
        return f"Tahun {years[0]}"
    return f"Tahun {years[0]} - {years[-1]}"


def places(values: list[Decimal]) -> int:
    """Decimal places of the labels: as many as the data has, at most two (counts print
    whole, ``1.234``; computed percentages ``95,38``)."""
    digits = (max(0, -int(v.normalize().as_tuple().exponent)) for v in values)
    return min(2, max(digits, default=0))


def _chart(title: str, satuan: str, years: list[int], series: list[Series]) -> Chart:
    values = [v for s in series for v in s.values if v is not None]
    return Chart(
        title=title,
        categories=tuple(str(y) for y in years),
        series=tuple(series),
        x_title="Tahun",
        y_title=axis_title(satuan),
        suffix="%" if persen(satuan) else "",
        places=places(values),
    )


def _uraian(chart: Chart, nama: str) -> str:
    """The chart's values in words, for readers who cannot see it."""
    parts = []
    for s in chart.series:
        shown = [
            f"{year} {chart.label(v)}"
            for year, v in zip(chart.categories, s.values, strict=True)
            if v is not None
        ]
        if shown:
            parts.append(f"{s.name}: {', '.join(shown)}")
    return f"Grafik {nama}. " + "; ".join(parts) + "."


def tren_indikator(ind: IndikatorHasil, tahun: int, kind: Kind = "bar") -> Chart:
    """An indicator's realization per year, as bars or a line, and this year's target."""
    values = dict(ind.riwayat)
    if ind.realisasi is not None:
        values[tahun] = ind.realisasi
    years = sorted({*values, tahun})  # this year has its place even before it is realized
    series = [Series("Realisasi", tuple(values.get(y) for y in years), kind, REALISASI)]
    if ind.target is not None:
        target = tuple(ind.target if y == tahun else None for y in years)
        series.append(Series(f"Target {tahun}", target, "line", TARGET))
    return _chart(ind.nama, ind.satuan, years, series)


def tren_rpjmd(r: RpjmdHasil, kind: Kind = "bar") -> Chart:
    """An RPJMD indicator's realization per year (bars or a line), its target and baseline."""
    years = sorted({*r.target, *r.realisasi})
    series = [
        Series("Realisasi", tuple(r.realisasi.get(y) for y in years), kind, REALISASI),
        Series("Target", tuple(r.target.get(y) for y in years), "line", TARGET),
    ]
    if r.target_awal is not None:
        awal = tuple(r.target_awal for _ in years)
        series.append(Series("Target Awal RPJMD", awal, "line", BASELINE, True, False))
    return _chart(r.nama, r.satuan, years, series)


def names(report: Report) -> list[str]:
    """The chart names a narrative may place, for an error message."""
    rpjmd = ["tren-rpjmd", *(f"tren-rpjmd-{i}" for i in range(2, len(report.rpjmd) + 1))]
    return [
        *rpjmd,
        *(f"tren-{k}" for k in report.sasaran),
        *(f"tren-{k}" for k in report.indikator),
    ]


def trend(name: str, report: Report) -> Trend | None:
    """The chart a ``::: gambar`` name asks for, or None when it names nothing charted."""
    for prefix, kind in _PREFIXES.items():
        if name.startswith(prefix):
            return _resolve(name.removeprefix(prefix), kind, report)
    return None


def _resolve(key: str, kind: Kind, report: Report) -> Trend | None:
    if key == "rpjmd" or key.startswith("rpjmd-"):
        number = key.removeprefix("rpjmd").removeprefix("-") or "1"
        if not number.isdigit() or not 1 <= int(number) <= len(report.rpjmd):
            return None
        r = report.rpjmd[int(number) - 1]
        chart = tren_rpjmd(r, kind)
        caption = f"Grafik Target dan Realisasi Indikator RPJMD {r.nama} " + years_text(
            [int(c) for c in chart.categories]
        )
        return Trend(chart, caption, _uraian(chart, r.nama))
    if key in report.sasaran:
        first = report.sasaran[key].indikator[:1]
        if not first:
            return None
        key = first[0]
    ind = report.indikator.get(key)
    if ind is None:
        return None
    chart = tren_indikator(ind, report.tahun, kind)
    what = "Realisasi dan Target" if ind.target is not None else "Realisasi"
    caption = f"Grafik {what} {ind.nama} " + years_text([int(c) for c in chart.categories])
    return Trend(chart, caption, _uraian(chart, ind.nama))
