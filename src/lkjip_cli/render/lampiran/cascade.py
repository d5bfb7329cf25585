"""Lampiran: the performance cascade (Cascading Kinerja), landscape tables per program.

From the district's mission down to each staff member's indicators. On the
left the kind of analysis, on the right the level and the agreement (PK) each
band belongs to, labelled by ``lkjip.yaml``'s ``cascading.pk`` (the
reference's ``PK ESELON III`` … by default).

Each program starts on a new page with the levels above its kegiatan (mission
to program indicators), one wide column. Then its kegiatan, in runs of at most
:data:`MAKS_KOLOM` sub kegiatan cut between kegiatan (the reference prints the
17 sub kegiatan of Program Penunjang in one table, about 1,1 cm a column, words
broken letter by letter; a kegiatan of more is cut into even runs), each run on
its own page: a column per sub kegiatan, a kegiatan spanning its own. Unlike
the reference (kegiatan, its indicator, sub kegiatan, its indicator), the
kegiatan and sub kegiatan names come first and repeat at the top of every page
the run takes, and every row carries its analysis and PK: no page shows
indicators or staff targets without the names and labels of their columns.
``MAKS_KOLOM = None`` gives one run.
The signature is printed in the last table of the program (see
:func:`.docx.tables.build_table`), never alone on a page.
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
LABELS = (LABEL_WIDTH, LABEL_WIDTH)
"""The two label columns on the right: the level and the PK."""
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
    """The tables of every program, each from a new page; each program signed."""
    tempat, tanggal, kepala = head_of_agency(data)
    blocks: list[Block] = [
        section("landscape"),
        Heading(1, f"{JUDUL} Tahun {report.tahun}", label=label),
    ]
    for index, p in enumerate(report.anggaran.program):
        pieces = parts(p, MAKS_KOLOM)
        for n, kegiatan in enumerate(pieces, 1):
            if index or n > 1:
                blocks.append(PageBreak())
            name = f"CASCADING KINERJA {p.nama.upper()}"
            if len(pieces) > 1:
                name += f" (BAGIAN {n} DARI {len(pieces)})"
            blocks += title(name)
            if n == 1:
                blocks.append(levels(data, p))
            blocks.append(table(data, p, kegiatan))
        blocks.append(
            signature(kepala, (place_date(tempat, tanggal, report.tahun), f"{kepala.jabatan},"))
        )
    return blocks


def parts(p: ProgramHasil, most: int | None) -> list[list[KegiatanHasil]]:
    """The program's kegiatan in runs of at most ``most`` sub kegiatan, cut between kegiatan.

    A kegiatan of more than ``most`` sub kegiatan is cut into even runs of its own
    (13 → 7 + 6), each carrying its name and indicators: whole, its columns would be
    set too small to read.
    """
    if most is None:
        return [list(p.kegiatan)]
    out: list[list[KegiatanHasil]] = []
    width = 0
    for k in (piece for whole in p.kegiatan for piece in _cut(whole, most)):
        size = len(k.sub_kegiatan)
        if out and width + size <= most:
            out[-1].append(k)
            width += size
        else:
            out.append([k])
            width = size
    return out


def _cut(k: KegiatanHasil, most: int) -> list[KegiatanHasil]:
    """``k`` in even runs of at most ``most`` sub kegiatan (itself when it fits)."""
    subs = k.sub_kegiatan
    if len(subs) <= most:
        return [k]
    runs = -(-len(subs) // most)
    size = -(-len(subs) // runs)
    return [
        k.model_copy(update={"sub_kegiatan": subs[i : i + size]}) for i in range(0, len(subs), size)
    ]


def _find(data: DataTahun, sasaran_id: str) -> tuple[Tujuan | None, Sasaran | None]:
    for t in data.renstra.tujuan:
        for s in t.sasaran:
            if s.id == sasaran_id:
                return t, s
    return None, None


def _lines(*pairs: tuple[str, str | None]) -> str:
    """``Label: value`` lines, ``-`` for a missing value."""
    return "\n".join(f"{name}: {value or '-'}" for name, value in pairs)


def upper_bands(data: DataTahun, p: ProgramHasil) -> list[Band]:
    """The levels above the kegiatan of program ``p``, each one wide cell."""

    def wide(text: str) -> tuple[Cell, ...]:
        return (cell(text, align="center"),)

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
            ),
        ),
    ]


def kegiatan_bands(data: DataTahun, kegiatan: list[KegiatanHasil]) -> list[Band]:
    """The levels from ``kegiatan`` down to the staff: a column per sub kegiatan."""
    label = data.config.cascading.pk
    subs = [s for k in kegiatan for s in k.sub_kegiatan]
    return [
        Band(
            "Kajian Manajerial",
            label.program,
            (
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


ORDER = (0, 2, 1, 3, 4, 5)
"""The rows of :func:`kegiatan_bands` as printed: the names first, then the indicators."""
REPEATED_ROWS = 2
"""Rows of a kegiatan table repeated on each of its pages: kegiatan and sub kegiatan."""


def _rows(found: list[Band], *, merge: bool = True) -> list[Row]:
    """Rows of ``found``: analysis (left) and PK (right) span their band, the level beside.

    Without ``merge`` every row carries its analysis and PK itself.
    """
    body: list[Row] = []
    for band in found:
        span = len(band.rows) if merge else 1
        for i, (level, content) in enumerate(band.rows):
            first = i == 0 or not merge
            left = (cell(band.kajian, align="center", bold=True, rowspan=span),) if first else ()
            right = (cell(band.pk, align="center", bold=True, rowspan=span),) if first else ()
            body.append((*left, *content, cell(level, align="center", bold=True), *right))
    return body


def levels(data: DataTahun, p: ProgramHasil) -> Table:
    """The levels above the kegiatan of ``p``: the analysis, one wide column, the level, the PK."""
    body = _rows(upper_bands(data, p))
    return Table(
        header=(), body=tuple(body), widths=(LABEL_WIDTH, CONTENT_WIDTH, *LABELS), small=True
    )


def table(data: DataTahun, p: ProgramHasil, kegiatan: list[KegiatanHasil] | None = None) -> Table:
    """The kegiatan of program ``p`` (all, or ``kegiatan``) down to the staff.

    Columns: the analysis, a column per sub kegiatan, the level, the PK. The
    kegiatan and sub kegiatan rows repeat on every page the table takes.
    """
    kegiatan = list(p.kegiatan) if kegiatan is None else kegiatan
    rows = _rows(kegiatan_bands(data, kegiatan), merge=False)
    body = [rows[i] for i in ORDER]
    n = sum(len(k.sub_kegiatan) for k in kegiatan)
    widths = (LABEL_WIDTH, *([CONTENT_WIDTH / n] * n), *LABELS)
    return Table(header=(), body=tuple(body), widths=widths, small=True, repeat_rows=REPEATED_ROWS)
