"""Lampiran: the performance cascade (Cascading Kinerja), landscape tables per program.

From the district's mission down to each staff member's indicators. A column
per sub kegiatan; the levels above a kegiatan span all the table's columns, a
kegiatan spans its own sub kegiatan. On the left the kind of analysis, on the
right the level of the agreement (PK) each band belongs to, labelled by
``lkjip.yaml``'s ``cascading.pk`` (the reference's ``PK ESELON III`` … by default).

The reference prints one table per program, even the 17 sub kegiatan of
Program Penunjang: on landscape A4 that leaves about 1,1 cm a column and words
break letter by letter over five pages. So a program wider than
:data:`MAKS_KOLOM` is printed in parts, cut between kegiatan, each part
repeating the levels above. ``MAKS_KOLOM = None`` gives the reference's
single table.
"""

from __future__ import annotations

from dataclasses import dataclass

from lkjip_cli.model import DataTahun
from lkjip_cli.model.renstra import Sasaran, Tujuan
from lkjip_cli.render.blocks import Block, Cell, Heading, PageBreak, Row, Table
from lkjip_cli.render.lampiran._common import (
    cell,
    head_of_agency,
    numbered,
    place_date,
    section,
    signature,
    title,
)
from lkjip_cli.report import KegiatanHasil, ProgramHasil, Report

JUDUL = "Cascading Kinerja"

LABEL_WIDTH = 2.5
"""Relative width of each of the three label columns."""
CONTENT_WIDTH = 18.2
"""Relative width shared by the sub kegiatan columns (landscape A4 is about 25,7 cm)."""
MAKS_KOLOM: int | None = 8
"""Most sub kegiatan columns in one table (about 2,3 cm each); None: never split."""


@dataclass(frozen=True)
class Band:
    """Rows of one level of the cascade: the analysis on the left, the PK on the right."""

    kajian: str
    pk: str
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]
    """(level name, content cells) of each row."""


def cascading(data: DataTahun, report: Report, label: str) -> list[Block]:
    """The tables of every program, each on its own page; each program signed."""
    tempat, tanggal, kepala = head_of_agency(data)
    blocks: list[Block] = [
        section("landscape"),
        Heading(1, f"{JUDUL} Tahun {report.tahun}", label=label),
    ]
    first = True
    for p in report.anggaran.program:
        pieces = parts(p, MAKS_KOLOM)
        for n, kegiatan in enumerate(pieces, 1):
            if not first:
                blocks.append(PageBreak())
            first = False
            name = f"CASCADING KINERJA {p.nama.upper()}"
            if len(pieces) > 1:
                name += f" (BAGIAN {n} DARI {len(pieces)})"
            blocks += title(name)
            blocks.append(table(data, p, kegiatan))
        blocks.append(
            signature(kepala, (place_date(tempat, tanggal, report.tahun), f"{kepala.jabatan},"))
        )
    return blocks


def parts(p: ProgramHasil, most: int | None) -> list[list[KegiatanHasil]]:
    """The program's kegiatan in runs of at most ``most`` sub kegiatan, cut between kegiatan.

    A kegiatan wider than ``most`` on its own stays whole: a kegiatan is never cut.
    """
    if most is None:
        return [list(p.kegiatan)]
    out: list[list[KegiatanHasil]] = []
    width = 0
    for k in p.kegiatan:
        size = len(k.sub_kegiatan)
        if out and width + size <= most:
            out[-1].append(k)
            width += size
        else:
            out.append([k])
            width = size
    return out


def _find(data: DataTahun, sasaran_id: str) -> tuple[Tujuan | None, Sasaran | None]:
    for t in data.renstra.tujuan:
        for s in t.sasaran:
            if s.id == sasaran_id:
                return t, s
    return None, None


def _lines(*pairs: tuple[str, str | None]) -> str:
    """``Label: value`` lines, ``-`` for a missing value."""
    return "\n".join(f"{name}: {value or '-'}" for name, value in pairs)


def bands(data: DataTahun, p: ProgramHasil, kegiatan: list[KegiatanHasil]) -> list[Band]:
    """The five levels of the cascade for ``kegiatan`` of program ``p``."""
    subs = [s for k in kegiatan for s in k.sub_kegiatan]
    width = len(subs)

    def wide(text: str) -> tuple[Cell, ...]:
        return (cell(text, align="center", colspan=width),)

    label = data.config.cascading.pk
    renstra = data.renstra
    rpjmd = renstra.rpjmd
    tujuan, sasaran = _find(data, p.sasaran)
    misi = f"Misi {renstra.misi_ke} RPJMD" if renstra.misi_ke else "Misi RPJMD"
    indikator_sasaran = [i.nama for i in data.iku.indikator if i.sasaran == p.sasaran]
    rpjmd_tujuan = rpjmd.tujuan if rpjmd else None
    rpjmd_indikator_tujuan = rpjmd.indikator_tujuan if rpjmd else None
    rpjmd_sasaran = rpjmd.sasaran if rpjmd else None
    rpjmd_indikator_sasaran = rpjmd.indikator_sasaran if rpjmd else None
    return [
        Band(
            "Kajian Strategis Daerah",
            label.daerah,
            (
                ("Misi RPJMD", wide(f"{misi}: {renstra.misi}")),
                (
                    "Tujuan RPJMD",
                    wide(
                        _lines(
                            ("Tujuan RPJMD", rpjmd_tujuan),
                            ("Indikator Tujuan RPJMD", rpjmd_indikator_tujuan),
                        )
                    ),
                ),
                (
                    "Sasaran RPJMD",
                    wide(
                        _lines(
                            ("Sasaran RPJMD", rpjmd_sasaran),
                            ("Indikator Sasaran RPJMD", rpjmd_indikator_sasaran),
                        )
                    ),
                ),
            ),
        ),
        Band(
            "Kajian Strategis Bidang Urusan",
            label.perangkat_daerah,
            (
                (
                    "Tujuan Renstra PD",
                    wide(
                        _lines(
                            ("Tujuan PD (Renstra)", tujuan.nama if tujuan else None),
                            ("Indikator Tujuan PD Renstra", tujuan.indikator if tujuan else None),
                        )
                    ),
                ),
                ("Sasaran PD", wide(_lines(("Sasaran PD", sasaran.nama if sasaran else None)))),
                (
                    "Indikator Sasaran PD",
                    wide(_lines(("Indikator Sasaran PD", "; ".join(indikator_sasaran)))),
                ),
            ),
        ),
        Band(
            "Kajian Manajerial",
            label.program,
            (
                ("Program PD", wide(f"Program PD: {p.nama}")),
                ("Indikator Program PD", wide(numbered([i.nama for i in p.indikator]))),
                (
                    "Kegiatan PD",
                    tuple(
                        cell(k.nama, align="center", colspan=len(k.sub_kegiatan)) for k in kegiatan
                    ),
                ),
                (
                    "Indikator Kegiatan PD",
                    tuple(
                        cell(
                            numbered([i.nama for i in k.indikator]),
                            align="center",
                            colspan=len(k.sub_kegiatan),
                        )
                        for k in kegiatan
                    ),
                ),
            ),
        ),
        Band(
            "Kinerja Operasional",
            label.sub_kegiatan,
            (
                ("Sub Kegiatan", tuple(cell(s.nama, align="center") for s in subs)),
                (
                    "Indikator Sub Kegiatan",
                    tuple(
                        cell(s.rencana_aksi.indikator if s.rencana_aksi else None, align="center")
                        for s in subs
                    ),
                ),
            ),
        ),
        Band(
            "Kinerja Operasional",
            label.staf,
            (
                (
                    "Sasaran Staf",
                    tuple(cell(s.kinerja.sasaran_staf if s.kinerja else None) for s in subs),
                ),
                (
                    "Indikator Sasaran Staf",
                    tuple(
                        cell(numbered(s.kinerja.indikator_staf) if s.kinerja else None)
                        for s in subs
                    ),
                ),
            ),
        ),
    ]


def table(data: DataTahun, p: ProgramHasil, kegiatan: list[KegiatanHasil] | None = None) -> Table:
    """The cascade of program ``p``, or of some of its ``kegiatan``.

    Columns: the analysis, a column per sub kegiatan, the level, the PK.
    """
    kegiatan = list(p.kegiatan) if kegiatan is None else kegiatan
    body: list[Row] = []
    for band in bands(data, p, kegiatan):
        span = len(band.rows)
        for i, (level, content) in enumerate(band.rows):
            left = (cell(band.kajian, align="center", bold=True, rowspan=span),) if i == 0 else ()
            right = (cell(band.pk, align="center", bold=True, rowspan=span),) if i == 0 else ()
            body.append((*left, *content, cell(level, align="center", bold=True), *right))
    n = sum(len(k.sub_kegiatan) for k in kegiatan)
    widths = (LABEL_WIDTH, *([CONTENT_WIDTH / n] * n), LABEL_WIDTH, LABEL_WIDTH)
    return Table(header=(), body=tuple(body), widths=widths, small=True)
