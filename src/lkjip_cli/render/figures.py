"""The ``::: gambar`` names of one year's data and the figure each draws.

``struktur-organisasi`` (the organisation chart of ``instansi.yaml``),
``tren-rpjmd`` (the RPJMD indicator) and ``tren-S1``, ``tren-S2``, … (the first
indicator of each sasaran). A name exists only when its data does, so that
``lkjip check`` accepts exactly what ``lkjip build`` can draw.
"""

from __future__ import annotations

from lkjip_cli.model import DataTahun
from lkjip_cli.model.instansi import UnitOrganisasi
from lkjip_cli.render.blocks import Figure
from lkjip_cli.report import Report


def names(data: DataTahun, report: Report) -> list[str]:
    """Every figure name this data can draw."""
    found = ["struktur-organisasi"] if data.instansi.struktur is not None else []
    if report.rpjmd:
        found.append("tren-rpjmd")
    found += [f"tren-{key}" for key, s in report.sasaran.items() if s.indikator]
    return found


def hint(name: str) -> str:
    """Why a known kind of figure cannot be drawn for this data, when that is the case."""
    if name == "struktur-organisasi":
        return (
            "gambar 'struktur-organisasi' tidak dapat digambar: "
            "isi 'struktur' (bagan organisasi) di instansi.yaml"
        )
    return ""


def build(name: str, data: DataTahun, report: Report, draw: bool) -> Figure | None:
    """The figure ``name`` (no image when not ``draw``), or none when it has no data."""
    # imported here: Pillow stays off the path of `lkjip check`
    from lkjip_cli.render import charts, orgchart

    if name == "struktur-organisasi" and data.instansi.struktur is not None:
        struktur = data.instansi.struktur
        return Figure(
            orgchart.struktur_organisasi(struktur) if draw else b"",
            name,
            "",
            f"Struktur Organisasi {data.instansi.nama}",
            alt=uraian_struktur(struktur),
        )
    if name == "tren-rpjmd" and report.rpjmd:
        r = report.rpjmd[0]
        years = sorted(r.realisasi)
        caption = f"Grafik Pencapaian Target IKU {data.instansi.daerah}"
        if years:
            caption += f" Tahun {years[0]} - {years[-1]}"
        return Figure(charts.tren_rpjmd(r) if draw else b"", name, "", caption, alt=r.nama)
    if name.startswith("tren-") and name[5:] in report.sasaran:
        inds = [report.indikator[i] for i in report.sasaran[name[5:]].indikator]
        if inds:
            ind = inds[0]
            years = sorted({*ind.riwayat, report.tahun})
            caption = (
                f"Grafik Pencapaian Target IKU {data.instansi.nama_singkat} "
                f"Tahun {years[0]} - {years[-1]}"
            )
            png = charts.tren_indikator(ind, report.tahun) if draw else b""
            return Figure(png, name, "", caption, alt=ind.nama)
    return None


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
