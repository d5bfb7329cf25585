"""A small report as blocks, for the Markdown and HTML writers' golden and escaping tests.

:mod:`.sample` (shared with the DOCX tests) is exercised too; this one is the
writers' own, so that the reviewed golden Markdown changes only with them. It
has one of everything a writer must handle: a cover, front matter with indexes,
chapters with headings of three levels, text that looks like Markdown or HTML,
nested and lettered lists, a table with stacked headers, spans, bold totals and
a pipe in a cell, a layout table, a figure, a landscape section and signatures.
"""

from __future__ import annotations

import datetime as dt

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

from .sample import tiny_chart

__all__ = ["CASCADE", "LAYOUT", "PMKS", "sample_dokumen", "tiny_chart"]


def head(*titles: str) -> tuple[Cell, ...]:
    """A header row of centred bold cells."""
    return tuple(Cell(t, align="center", bold=True) for t in titles)


PMKS = Table(
    header=(
        (
            Cell("No", rowspan=2, align="center", bold=True),
            Cell("Jenis PMKS", rowspan=2, align="center", bold=True),
            Cell("Jumlah (orang)", colspan=2, align="center", bold=True),
        ),
        head("2023", "2024"),
    ),
    body=(
        (
            Cell("1.", align="center"),
            Cell("Keluarga fakir miskin"),
            Cell("103.110", align="right"),
            Cell("103.110", align="right"),
        ),
        (
            Cell("2.", align="center", rowspan=2),
            Cell("Penyandang Disabilitas\na) Fisik"),
            Cell("278", align="right"),
            Cell("-", align="right"),
        ),
        (Cell("b) Mental | Intelektual"), Cell("106", align="right"), Cell("-", align="right")),
        (
            Cell("3.", align="center"),
            Cell("<script>alert('x')</script> & *bukan* tebal"),
            Cell("0", align="right"),
            Cell("0", align="right"),
        ),
        (
            Cell("Jumlah", colspan=2, align="center"),
            Cell("103.494", align="right"),
            Cell("103.110", align="right"),
        ),
    ),
    widths=(1, 6, 2.5, 2.5),
    label="pmks",
    number="3.8",
    caption="Data PMKS di Kabupaten Blitar Tahun 2024",
    bold_rows=frozenset({4}),
)

CASCADE = Table(
    header=(head("Sasaran", "Program", "Kegiatan", "Sub Kegiatan", "Indikator", "Target"),),
    body=(
        (
            Cell("Meningkatnya Kesejahteraan PMKS", rowspan=2),
            Cell("Program Rehabilitasi Sosial"),
            Cell("Rehabilitasi Sosial Dasar"),
            Cell("Pemberian Layanan Reunifikasi Keluarga"),
            Cell("Jumlah anak yang dipulangkan"),
            Cell("12 anak", align="center"),
        ),
        (
            Cell("Program Perlindungan dan Jaminan Sosial"),
            Cell("Pengelolaan Data Fakir Miskin"),
            Cell("Pendataan DTKS"),
            Cell("Jumlah data yang diverifikasi"),
            Cell("95,39%", align="center"),
        ),
    ),
    widths=(3, 3, 3, 3, 3, 1.5),
    label="cascade",
    number="3.9",
    caption="Cascading Kinerja",
    small=True,
)

LAYOUT = Table(
    header=(),
    body=((Cell("Nama"), Cell(": Dinas Sosial")), (Cell("Alamat"), Cell(": Jl. Semeru No. 50"))),
    widths=(1, 3),
    borders=False,
)

SIGNATURE = Signature(
    lines_above=("Blitar, 28 Februari 2025", "Plt. KEPALA DINAS SOSIAL", "KABUPATEN BLITAR"),
    name="MIKHAEL MANKAM INDORO, M.Si",
    below=("Pembina Utama Muda", "NIP. 19670929 199202 1 002"),
)


def sample_dokumen() -> Dokumen:
    """The sample report."""
    headings = (
        (1, "KATA PENGANTAR"),
        (1, "DAFTAR ISI"),
        (1, "BAB I PENDAHULUAN"),
        (2, "A. Penjelasan Umum Organisasi"),
        (3, "1. Sasaran Meningkatnya Kesejahteraan PMKS"),
        (1, "BAB III AKUNTABILITAS KINERJA"),
        (1, "LAMPIRAN"),
    )
    blocks = (
        Section("portrait", "none"),
        Paragraph(plain("PEMERINTAH KABUPATEN BLITAR"), align="center", style="cover"),
        Paragraph(
            plain("LAPORAN KINERJA INSTANSI PEMERINTAH"), align="center", style="cover-title"
        ),
        Paragraph(plain("TAHUN 2024"), align="center", style="cover-title"),
        Section("portrait", "lower-roman", restart=True),
        Heading(1, "KATA PENGANTAR"),
        Paragraph(
            (
                Run("Segala puji syukur atas kehadirat Allah SWT. Laporan "),
                Run("LKjIP", bold=True),
                Run(" memuat "),
                Run("refocusing", italic=True),
                Run(" anggaran sebesar Rp. 17.223.131.900,00 (95,39%)."),
            )
        ),
        Signature(SIGNATURE.lines_above, SIGNATURE.name, SIGNATURE.below),
        PageBreak(),
        Heading(1, "DAFTAR ISI"),
        Index("toc", "", entries=headings),
        Heading(1, "DAFTAR TABEL"),
        Index(
            "tables",
            "",
            entries=(
                (1, "Tabel 3.8 Data PMKS di Kabupaten Blitar Tahun 2024"),
                (1, "Tabel 3.9 Cascading Kinerja"),
            ),
        ),
        Heading(1, "DAFTAR GAMBAR"),
        Index("figures", ""),
        Section("portrait", "decimal", restart=True),
        Heading(1, "PENDAHULUAN", label="BAB I"),
        Heading(2, "A. Penjelasan Umum Organisasi"),
        Paragraph(
            plain(
                "2024. Tahun ini <b>bukan</b> HTML, *bukan* tebal, _bukan_ miring, [bukan](tautan) "
                "dan `bukan` kode; 100% & a|b."
            )
        ),
        Paragraph(plain("# bukan judul\n- bukan daftar\n+ 1 lagi")),
        Paragraph(plain("Dinas Sosial menyelenggarakan fungsi:")),
        ListBlock(
            (
                ListItem(plain("Penetapan kebijakan teknis di bidang sosial;")),
                ListItem(
                    plain("Pengoordinasian penyelenggaraan urusan pemerintahan:"),
                    ListBlock(
                        (
                            ListItem(plain("pelayanan umum; dan")),
                            ListItem(plain("1. pembinaan UPT.")),
                        ),
                        marker="lower-alpha",
                    ),
                ),
            )
        ),
        ListBlock(
            (
                ListItem(plain("Isu strategis pertama")),
                ListItem((Run("Isu ", bold=True), Run("kedua"))),
            ),
            ordered=False,
            marker="bullet",
        ),
        Heading(3, "1. Sasaran Meningkatnya Kesejahteraan PMKS"),
        Paragraph(plain("Data PMKS di Kabupaten Blitar Tahun 2024 dijabarkan sebagai berikut:")),
        PMKS,
        Figure(
            tiny_chart(),
            label="tren-S1",
            number="3.1",
            caption="Grafik Pencapaian Target IKU Dinas Sosial Tahun 2021 - 2024",
            alt="Capaian IKU 2021-2024",
        ),
        Section("portrait", "decimal"),
        Heading(1, "AKUNTABILITAS KINERJA", label="BAB III"),
        Paragraph(plain("Bab ini sengaja pendek."), style="center-bold", align="center"),
        Heading(4, "a) Rincian tanpa nomor", in_toc=False),
        LAYOUT,
        Index("figures", "Gambar dalam bab ini"),
        Section("landscape", "decimal"),
        Heading(1, "LAMPIRAN"),
        CASCADE,
        Signatures(
            left=Signature(("PIHAK KEDUA,", "BUPATI BLITAR"), "RINI SYARIFAH", align="left"),
            right=Signature(
                ("PIHAK PERTAMA,", "KEPALA DINAS SOSIAL"), SIGNATURE.name, SIGNATURE.below
            ),
        ),
    )
    return Dokumen(
        title="Laporan Kinerja Instansi Pemerintah Dinas Sosial Kabupaten Blitar Tahun 2024",
        subject="LKjIP 2024",
        author="Dinas Sosial Kabupaten Blitar",
        date=dt.date(2025, 2, 28),
        paper="A4",
        blocks=blocks,
    )
