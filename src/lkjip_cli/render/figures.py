"""The ``::: gambar`` names of one year's data and the figure each draws.

``struktur-organisasi`` (the organisation chart of ``instansi.yaml``) and the
trend charts of :mod:`.charts` (``tren-<indikator|sasaran>``, ``garis-…``,
``tren-rpjmd``). A name exists only when its data does, so that ``lkjip
check`` accepts exactly what ``lkjip build`` can draw.
"""

from __future__ import annotations

from lkjip_cli.model import DataTahun
from lkjip_cli.model.instansi import UnitOrganisasi
from lkjip_cli.render import charts
from lkjip_cli.render.blocks import Figure
from lkjip_cli.report import Report


def names(data: DataTahun, report: Report) -> list[str]:
    """Every figure name this data can draw."""
    found = ["struktur-organisasi"] if data.instansi.struktur is not None else []
    trends = [n for n in charts.names(report) if charts.trend(n, report) is not None]
    return found + trends + [f"garis-{n.removeprefix('tren-')}" for n in trends]


def hint(name: str, data: DataTahun, report: Report) -> str:
    """Why ``name`` is no figure of this data, and what is."""
    if name == "struktur-organisasi":
        return (
            "gambar 'struktur-organisasi' tidak dapat digambar: "
            "isi 'struktur' (bagan organisasi) di instansi.yaml"
        )
    key = name.removeprefix("garis-").removeprefix("tren-")
    if name.startswith(("tren-", "garis-")) and (key == "rpjmd" or key.startswith("rpjmd-")):
        return (
            f"gambar '{name}' tidak dapat digambar: datanya kosong ('rpjmd' di realisasi.yaml "
            f"memuat {len(report.rpjmd)} indikator RPJMD); isi datanya atau hapus arahan ini"
        )
    if name.startswith(("tren-", "garis-")) and key in report.sasaran:
        return (
            f"gambar '{name}' tidak dapat digambar: sasaran '{key}' tidak memiliki indikator "
            "bertarget (target di pk.yaml); isi datanya atau hapus arahan ini"
        )
    shown = [n for n in names(data, report) if not n.startswith("garis-")]
    return (
        f"gambar '{name}' tidak dikenal; yang ada: {', '.join(shown)}"
        " (awalan 'garis-' menggambar realisasi sebagai garis)"
    )


def build(name: str, data: DataTahun, report: Report, draw: bool) -> Figure | None:
    """The figure ``name``, or none when it has no data (or, unlaid, without ``draw``)."""
    if name == "struktur-organisasi" and data.instansi.struktur is not None:
        if not draw:  # laying out the chart is the costly part; a check needs none of it
            return None
        from lkjip_cli.render import orgchart

        struktur = data.instansi.struktur
        return Figure(
            orgchart.struktur_organisasi(struktur),
            name,
            "",
            f"Struktur Organisasi {data.instansi.nama}",
            alt=uraian_struktur(struktur),
        )
    trend = charts.trend(name, report)
    if trend is None:
        return None
    return Figure(trend.chart, name, "", trend.caption, alt=trend.alt)


def uraian_struktur(unit: UnitOrganisasi) -> str:
    """The chart in words, for readers who cannot see it (alt text)."""

    def uraian(u: UnitOrganisasi) -> str:
        notes = [
            x for x in (u.jabatan, "garis koordinasi" if u.garis == "koordinasi" else None) if x
        ]
        text = f"{u.nama} ({'; '.join(notes)})" if notes else u.nama
        if u.bawahan:
            text += " membawahi [" + "; ".join(uraian(b) for b in u.bawahan) + "]"
        return text

    return f"Bagan struktur organisasi: {uraian(unit)}"
