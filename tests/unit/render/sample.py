"""A small Dokumen with one of every block, for the writers' tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from lkjip_cli.render.blocks import (
    Cell,
    Dokumen,
    Figure,
    Heading,
    Index,
    ListBlock,
    ListItem,
    PageBreak,
    Paragraph,
    Run,
    Section,
    Signature,
    Signatures,
    Table,
    plain,
)
from lkjip_cli.render.graphics import Chart, Series

TITLE = "LAPORAN KINERJA INSTANSI PEMERINTAH DINAS SOSIAL KABUPATEN BLITAR TAHUN 2024"


def tiny_chart(values: tuple[str, ...] = ("96.70", "95.37", "95.38"), target: str = "100") -> Chart:
    """A small chart: three years of realization as bars, this year's target as a line."""
    years = tuple(str(2022 + i) for i in range(len(values)))
    target_values = (*([None] * (len(values) - 1)), Decimal(target))
    return Chart(
        title="Persentase PMKS yang tertangani",
        categories=years,
        series=(
            Series("Realisasi", tuple(Decimal(v) for v in values), "bar", "2F5597"),
            Series("Target 2024", target_values, "line", "C00000"),
        ),
        x_title="Tahun",
        y_title="Persentase (%)",
        suffix="%",
    )


ROWS = 45
"""Body rows of Tabel 2.1 before its total: enough to run onto a second page."""


def _thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _pmks_table() -> Table:
    """Tabel 2.1: a two-row header with colspan and rowspan, a bold total row."""
    header = (
        (
            Cell("No", align="center", bold=True, rowspan=2),
            Cell("Jenis PMKS", align="center", bold=True, rowspan=2),
            Cell("Jumlah", align="center", bold=True, colspan=3),
        ),
        (
            Cell("L", align="center", bold=True),
            Cell("P", align="center", bold=True),
            Cell("Total", align="center", bold=True),
        ),
    )
    body = []
    for i in range(1, ROWS + 1):
        men, women = 10 * i + 3, 7 * i + 1
        body.append(
            (
                Cell(str(i), align="center"),
                Cell(f"Kategori PMKS nomor {i}"),
                Cell(_thousands(men), align="right"),
                Cell(_thousands(women), align="right"),
                Cell(_thousands(men + women), align="right"),
            )
        )
    men_total = sum(10 * i + 3 for i in range(1, ROWS + 1))
    women_total = sum(7 * i + 1 for i in range(1, ROWS + 1))
    body.append(
        (
            Cell("Jumlah", colspan=2, align="center"),
            Cell(_thousands(men_total), align="right"),
            Cell(_thousands(women_total), align="right"),
            Cell(_thousands(men_total + women_total), align="right"),
        )
    )
    return Table(
        header=header,
        body=tuple(body),
        widths=(0.6, 4, 1.2, 1.2, 1.4),
        label="pmks",
        number="2.1",
        caption="Data PMKS Kabupaten Blitar Tahun 2024",
        bold_rows=frozenset({ROWS}),
        small=True,
    )


def _simple_table(number: str, caption: str) -> Table:
    return Table(
        header=(
            (Cell("Uraian", align="center", bold=True), Cell("Nilai", align="center", bold=True)),
        ),
        body=(
            (Cell("Pagu anggaran"), Cell("Rp. 17.223.131.900,00", align="right")),
            (Cell("Realisasi\nper 31 Desember"), Cell("Rp. 16.430.210.100,00", align="right")),
        ),
        widths=(3, 2),
        number=number,
        caption=caption,
    )


def _wide_table() -> Table:
    header = (tuple(Cell(f"Kolom {i}", align="center", bold=True) for i in range(1, 11)),)
    body = tuple(tuple(Cell(f"{r}.{c}", align="right") for c in range(1, 11)) for r in range(1, 6))
    return Table(header=header, body=body, widths=(1,) * 10)


def _list() -> ListBlock:
    return ListBlock(
        items=(
            ListItem(
                plain("Meningkatnya kualitas pelayanan sosial;"),
                children=ListBlock(
                    items=(
                        ListItem(plain("rehabilitasi sosial;")),
                        ListItem(plain("perlindungan dan jaminan sosial.")),
                    ),
                    marker="lower-alpha",
                ),
            ),
            ListItem(
                (Run("Menurunnya "), Run("angka PMKS", bold=True), Run(".")),
            ),
        )
    )


def _signature(office: str, name: str, align: Literal["left", "right", "center"]) -> Signature:
    return Signature(
        lines_above=("Blitar, 28 Februari 2025", office, "KABUPATEN BLITAR"),
        name=name,
        below=("Pembina Utama Muda", "NIP. 19700101 199003 1 001"),
        align=align,
    )


def sample_dokumen(paper: Literal["A4", "F4"] = "A4") -> Dokumen:
    """Cover, indexes, two chapters, a landscape appendix with signatures."""
    body = "Dinas Sosial melaksanakan urusan pemerintahan bidang sosial. " * 6
    blocks = (
        Paragraph(
            plain("LAPORAN KINERJA INSTANSI PEMERINTAH"), align="center", style="cover-title"
        ),
        Paragraph(plain("(LKjIP)"), align="center", style="cover-title"),
        Paragraph(plain("DINAS SOSIAL KABUPATEN BLITAR"), align="center", style="cover"),
        Paragraph(plain("TAHUN 2024"), align="center", style="cover"),
        Section(numbering="lower-roman", restart=True),
        Heading(1, "KATA PENGANTAR"),
        Paragraph(plain(body)),
        _signature("KEPALA DINAS SOSIAL", "Drs. NAMA KEPALA DINAS, M.Si", "right"),
        Index("toc", "DAFTAR ISI"),
        Index("tables", "DAFTAR TABEL"),
        Index("figures", "DAFTAR GAMBAR"),
        Section(numbering="decimal", restart=True),
        Heading(1, "PENDAHULUAN", label="BAB I"),
        Heading(2, "A. Gambaran Umum"),
        Paragraph((Run("Dinas Sosial "), Run("Kabupaten Blitar", italic=True), Run(". " + body))),
        _list(),
        Heading(3, "1. Struktur Organisasi"),
        _simple_table("1.1", "Pagu dan Realisasi Anggaran"),
        Paragraph(plain("Catatan: angka dalam rupiah."), style="small"),
        Heading(1, "PERENCANAAN KINERJA", label="BAB II"),
        Heading(2, "A. Data PMKS"),
        Paragraph(plain(body)),
        _pmks_table(),
        _simple_table("2.2", "Realisasi Anggaran per Program"),
        Paragraph(plain("Capaian kinerja sasaran"), style="center-bold"),
        Figure(
            tiny_chart(),
            label="capaian",
            number="2.1",
            caption="Capaian Kinerja 2020–2024",
            width_cm=12,
            alt="Grafik capaian",
        ),
        PageBreak(),
        Paragraph(plain(body)),
        Section(orientation="landscape", numbering="decimal"),
        Heading(1, "LAMPIRAN"),
        _wide_table(),
        Signatures(
            left=_signature("PIHAK KEDUA", "BUPATI BLITAR", "left"),
            right=_signature("PIHAK PERTAMA", "KEPALA DINAS SOSIAL", "right"),
        ),
    )
    return Dokumen(
        title=TITLE,
        subject="LKjIP 2024",
        author="Dinas Sosial Kabupaten Blitar",
        date=dt.date(2025, 2, 28),
        paper=paper,
        blocks=blocks,
    )
