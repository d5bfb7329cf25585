"""Lampiran: the Rencana Aksi, one landscape table over the whole DPA tree.

Program rows (bold) carry the program's indicators, its original allocation
and the person in charge; kegiatan rows their indicators and allocation; sub
kegiatan rows their action plan. Every amount is the DPA's ``pagu_murni``
(the plan is made on the original budget) and the TOTAL row is their sum.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from lkjip_cli.model import DataTahun
from lkjip_cli.model.anggaran import IndikatorProgram, Triwulan
from lkjip_cli.numbers import format_decimal_id, format_money_plain
from lkjip_cli.render.blocks import Block, Cell, Heading, Row, Table
from lkjip_cli.render.lampiran._common import (
    cell,
    head_of_agency,
    place_date,
    section,
    signature,
    title,
)
from lkjip_cli.report import Report

TRIWULAN: tuple[Triwulan, ...] = ("I", "II", "III", "IV")
MARK = "V"
"""What marks a quarter in which a sub kegiatan runs (as the reference prints it)."""

COLUMNS = 11
WIDTHS = (4.2, 4.2, 2.0, 1.7, 2.8, 0.75, 0.75, 0.75, 0.75, 4.0, 2.8)

# An indicator as printed: name, unit, target.
Indikator = tuple[str, str, str]


def rencana_aksi(data: DataTahun, report: Report, label: str) -> list[Block]:
    """The Rencana Aksi appendix."""
    tempat, tanggal, kepala = head_of_agency(data)
    return [
        section("landscape"),
        Heading(1, f"Rencana Aksi Tahun {report.tahun}", label=label),
        *title(f"RENCANA AKSI PERJANJIAN KINERJA TAHUN {report.tahun}", data.instansi.nama.upper()),
        table(report),
        signature(kepala, (place_date(tempat, tanggal, report.tahun), f"{kepala.jabatan},")),
    ]


def _indikator(items: Sequence[IndikatorProgram]) -> list[Indikator]:
    numbered = len(items) > 1
    return [
        (f"{i}. {x.nama}" if numbered else x.nama, x.satuan, format_decimal_id(x.target))
        for i, x in enumerate(items, 1)
    ]


def _rows(
    nama: str,
    indikator: list[Indikator],
    anggaran: Decimal,
    triwulan: Sequence[str] = (),
    kegiatan: str | None = "",
    penanggung_jawab: str | None = "",
    *,
    bold: bool = False,
) -> list[Row]:
    """One node of the tree: a row per indicator, the other columns spanning them."""
    lines = indikator or [("-", "-", "-")]
    span = len(lines)
    rows: list[Row] = []
    for i, (ind, satuan, target) in enumerate(lines):
        own = (
            cell(ind, bold=bold),
            cell(satuan, align="center", bold=bold),
            cell(target, align="center", bold=bold),
        )
        if i:
            rows.append(own)
            continue
        marks = tuple(
            cell(MARK if q in triwulan else "", align="center", rowspan=span) for q in TRIWULAN
        )
        rows.append(
            (
                cell(nama, rowspan=span, bold=bold),
                *own,
                cell(format_money_plain(anggaran), align="right", rowspan=span, bold=bold),
                *marks,
                cell(kegiatan or "", rowspan=span),
                cell(penanggung_jawab or "", rowspan=span),
            )
        )
    return rows


def header() -> tuple[Row, ...]:
    """Two header rows; the quarters sit under one spanning title."""

    def top(text: str) -> Cell:
        return cell(text, align="center", bold=True, rowspan=2)

    first = (
        top("PROGRAM / KEGIATAN / SUB KEGIATAN"),
        top("INDIKATOR PROGRAM / KEGIATAN / SUB KEGIATAN"),
        top("SATUAN"),
        top("TARGET"),
        top("ANGGARAN (Rp)"),
        cell("TARGET PELAKSANAAN PER TRIWULAN", align="center", bold=True, colspan=4),
        top("KEGIATAN YANG DILAKSANAKAN"),
        top("PENANGGUNG JAWAB"),
    )
    second = tuple(cell(q, align="center", bold=True) for q in TRIWULAN)
    return (first, second)


def table(report: Report) -> Table:
    """The whole tree with a TOTAL row."""
    body: list[Row] = []
    bold: set[int] = set()
    for p in report.anggaran.program:
        rows = _rows(
            p.nama.upper(),
            _indikator(p.indikator),
            p.pagu_murni,
            penanggung_jawab=p.penanggung_jawab,
            bold=True,
        )
        bold.update(range(len(body), len(body) + len(rows)))
        body += rows
        for k in p.kegiatan:
            body += _rows(k.nama, _indikator(k.indikator), k.pagu_murni)
            for s in k.sub_kegiatan:
                ra = s.rencana_aksi
                if ra is None:
                    body += _rows(s.nama, [], s.pagu_murni)
                    continue
                body += _rows(
                    s.nama,
                    [(ra.indikator, ra.satuan, format_decimal_id(ra.target))],
                    s.pagu_murni,
                    ra.triwulan,
                    ra.kegiatan,
                    ra.penanggung_jawab,
                )
    bold.add(len(body))
    body.append(
        (
            cell("TOTAL", align="center", bold=True, colspan=4),
            cell(format_money_plain(report.anggaran.pagu_murni), align="right", bold=True),
            cell("", colspan=COLUMNS - 5),
        )
    )
    return Table(
        header=header(), body=tuple(body), widths=WIDTHS, bold_rows=frozenset(bold), small=True
    )
