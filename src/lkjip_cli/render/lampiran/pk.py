"""Lampiran: the Perjanjian Kinerja (PK) and the PK Perubahan.

Each is the agreement page (parties, promise, signatures) followed by its
annex: the targets per sasaran and indicator, and the budget per program. The
budget is the DPA's — ``pagu_murni`` for the PK, ``pagu_perubahan`` for the PK
Perubahan — and the Jumlah row is the sum of the rows printed above it.
"""

from __future__ import annotations

from decimal import Decimal

from lkjip_cli.model import DataTahun
from lkjip_cli.model.pk import PerjanjianKinerja, ProgramPk
from lkjip_cli.numbers import format_decimal_id, format_money_plain
from lkjip_cli.render.blocks import Block, Heading, PageBreak, Row, Signatures, Table
from lkjip_cli.render.lampiran._common import (
    cell,
    head,
    kop,
    layout,
    paragraph,
    place_date,
    section,
    signatures,
    tempat_pk,
    title,
)
from lkjip_cli.render.tables._cells import nama, nilai
from lkjip_cli.report import Report

PEMBUKAAN = (
    "Dalam rangka mewujudkan manajemen pemerintah yang efektif, transparan dan akuntabel serta "
    "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
)
"""The opening of the agreement (PermenPANRB 53/2014, as the reference words it)."""

JANJI = (
    "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran "
    "perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah "
    "ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja "
    "tersebut menjadi tanggung jawab kami."
)
"""The first party's promise."""

KELOMPOK = {"utama": "Program Utama", "penunjang": "Program Penunjang"}
"""Group rows of the budget table, in print order."""


def murni(data: DataTahun, report: Report, label: str) -> list[Block]:
    """The original PK with its annex."""
    return _perjanjian(data, report, data.pk.murni, label, perubahan=False)


def perubahan(data: DataTahun, report: Report, label: str) -> list[Block]:
    """The revised PK with its annex; nothing when there is no revision."""
    if data.pk.perubahan is None:
        return []
    return _perjanjian(data, report, data.pk.perubahan, label, perubahan=True)


def judul(tahun: int, *, perubahan: bool) -> str:
    """``Perjanjian Kinerja Tahun 2024`` / ``Perjanjian Kinerja Perubahan Tahun 2024``."""
    return f"Perjanjian Kinerja {'Perubahan ' if perubahan else ''}Tahun {tahun}"


def _perjanjian(
    data: DataTahun, report: Report, pk: PerjanjianKinerja, label: str, *, perubahan: bool
) -> list[Block]:
    name = judul(report.tahun, perubahan=perubahan)
    return [
        section("portrait"),
        kop(data),
        Heading(1, name, label=label),
        paragraph(PEMBUKAAN),
        _pihak(pk),
        paragraph(JANJI),
        _tanda_tangan_pihak(pk, tempat_pk(data, pk), report.tahun),
        PageBreak(),
        *title(name.upper(), data.instansi.nama.upper()),
        target_table(data, report, pk),
        program_table(report, pk, perubahan=perubahan),
        _tanda_tangan_jabatan(pk, tempat_pk(data, pk), report.tahun),
    ]


def _pihak(pk: PerjanjianKinerja) -> Table:
    rows: list[Row] = []
    parties = (
        (pk.pihak_pertama, "selanjutnya disebut pihak pertama"),
        (pk.pihak_kedua, "selaku atasan pihak pertama, selanjutnya disebut pihak kedua"),
    )
    for who, role in parties:
        rows.append((cell("Nama"), cell(":"), cell(who.nama, bold=True)))
        rows.append((cell("Jabatan"), cell(":"), cell(who.jabatan)))
        rows.append((cell(role, colspan=3),))
    return layout(rows, (3, 0.5, 12))


def _tanda_tangan_pihak(pk: PerjanjianKinerja, tempat: str, tahun: int) -> Signatures:
    return signatures(
        pk.pihak_kedua,
        ("PIHAK KEDUA,",),
        pk.pihak_pertama,
        (place_date(tempat, pk.tanggal, tahun), "PIHAK PERTAMA,"),
    )


def _tanda_tangan_jabatan(pk: PerjanjianKinerja, tempat: str, tahun: int) -> Signatures:
    return signatures(
        pk.pihak_kedua,
        (f"{pk.pihak_kedua.jabatan},",),
        pk.pihak_pertama,
        (place_date(tempat, pk.tanggal, tahun), f"{pk.pihak_pertama.jabatan},"),
    )


def target_table(data: DataTahun, report: Report, pk: PerjanjianKinerja) -> Table:
    """Sasaran, indicator and target; indicators of one sasaran share its number and name."""
    names = {s.id: s.nama for s in data.renstra.all_sasaran()}
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for t in pk.target:
        ind = report.indikator.get(t.indikator)
        sasaran = ind.sasaran if ind else ""
        if ind is None:
            row = (t.indikator, format_decimal_id(t.target))
        else:
            row = (nama(ind.nama, ind.satuan), nilai(ind, t.target))
        if groups and groups[-1][0] == sasaran:
            groups[-1][1].append(row)
        else:
            groups.append((sasaran, [row]))
    body: list[Row] = []
    for number, (sasaran, rows) in enumerate(groups, 1):
        span = len(rows)
        for i, (indikator, target) in enumerate(rows):
            lead = (
                (
                    cell(number, align="center", rowspan=span),
                    cell(names.get(sasaran, sasaran), rowspan=span),
                )
                if i == 0
                else ()
            )
            body.append((*lead, cell(indikator), cell(target, align="center")))
    header = (
        head("No.", "Sasaran Strategis", "Indikator Kinerja", "Target"),
        head("(1)", "(2)", "(3)", "(4)"),
    )
    return Table(header=header, body=tuple(body), widths=(1, 6, 5, 2))


def program_rows(report: Report, pk: PerjanjianKinerja) -> list[ProgramPk]:
    """The PK's programs in its order; every DPA program when the PK lists none."""
    if pk.program:
        return list(pk.program)
    return [ProgramPk(program=p.id) for p in report.anggaran.program]


def anggaran(report: Report, program_id: str, *, perubahan: bool) -> Decimal | None:
    """A program's amount in the PK: the DPA's pagu perubahan or pagu murni."""
    p = report.program.get(program_id)
    if p is None:
        return None
    return p.pagu_perubahan if perubahan else p.pagu_murni


def program_table(report: Report, pk: PerjanjianKinerja, *, perubahan: bool) -> Table:
    """Programs grouped as Program Utama / Program Penunjang, amounts from the DPA."""
    rows = program_rows(report, pk)
    body: list[Row] = []
    bold: set[int] = set()
    total = Decimal(0)
    number = 0
    for kelompok, heading in KELOMPOK.items():
        members = [r for r in rows if r.kelompok == kelompok]
        if not members:
            continue
        bold.add(len(body))
        body.append((cell(""), cell(heading, bold=True, colspan=2)))
        for r in members:
            number += 1
            amount = anggaran(report, r.program, perubahan=perubahan)
            total += amount or 0
            nama = report.program[r.program].nama if r.program in report.program else r.program
            shown = None if amount is None else format_money_plain(amount)
            body.append((cell(number, align="center"), cell(nama), cell(shown, align="right")))
    bold.add(len(body))
    body.append(
        (
            cell("Jumlah", align="center", colspan=2, bold=True),
            cell(format_money_plain(total), align="right", bold=True),
        )
    )
    return Table(
        header=(head("No.", "Program", "Anggaran (Rp)"),),
        body=tuple(body),
        widths=(1, 9, 4),
        bold_rows=frozenset(bold),
    )
