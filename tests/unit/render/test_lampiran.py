"""The appendices as blocks: order, sections, amounts from the DPA, marks, spans, signatures.

Amounts are checked against sums worked by hand from the small fixture
(tests/fixtures/valid/lampiran/anggaran.yaml states them); the 2024 data is
rendered as a smoke test with the totals the reference's own tables support.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_cli.compute import compute
from lkjip_cli.model import DataTahun
from lkjip_cli.numbers import format_money_plain
from lkjip_cli.render.blocks import (
    Block,
    Cell,
    Heading,
    Letterhead,
    PageBreak,
    Paragraph,
    Row,
    Section,
    Signature,
    Signatures,
    Table,
)
from lkjip_cli.render.lampiran import cascade, lampiran
from lkjip_cli.render.pictures import Picture
from lkjip_cli.report import Report
from lkjip_cli.validate import load

ROOT = Path(__file__).resolve().parents[3]
FIXTURE = ROOT / "tests" / "fixtures" / "valid" / "lampiran"
DATA_2024 = ROOT / "data" / "2024"

NIP = "NIP. 19700101 199503 2 001"


def _load(path: Path) -> tuple[DataTahun, Report]:
    data = load(path).data
    assert data is not None, f"{path} does not load"
    return data, compute(data)


@pytest.fixture(scope="module")
def fixture() -> tuple[DataTahun, Report]:
    return _load(FIXTURE)


@pytest.fixture(scope="module")
def blocks(fixture: tuple[DataTahun, Report]) -> list[Block]:
    return lampiran(*fixture)


def _year_2024() -> tuple[DataTahun, Report]:
    if not (DATA_2024 / "anggaran.yaml").exists():
        pytest.skip("data/2024 is not there yet")
    result = load(DATA_2024)
    if result.data is None:
        pytest.skip("data/2024 does not load yet")
    return result.data, compute(result.data)


# -- helpers ---------------------------------------------------------------------------------


def parts(blocks: Sequence[Block]) -> dict[str, list[Block]]:
    """The blocks of each appendix by its label, from the section that opens it."""
    out: dict[str, list[Block]] = {}
    current: list[Block] = []
    for i, b in enumerate(blocks):
        if isinstance(b, Heading) and b.level == 1:
            assert b.label is not None and i > 0
            start = i - 2 if isinstance(blocks[i - 1], Letterhead) else i - 1
            opening = blocks[start]
            assert isinstance(opening, Section), f"{b.label} does not open a section"
            if current:
                # that section (and letterhead) belong to this appendix, not the one before
                del current[start - i :]
            current = out.setdefault(b.label, list(blocks[start:i]))
        if current:
            current.append(b)
    return out


def tables(blocks: Sequence[Block]) -> list[Table]:
    return [b for b in blocks if isinstance(b, Table)]


def texts(row: Row) -> list[str]:
    return [c.text for c in row]


def row_starting(table: Table, first: str) -> Row:
    matches = [r for r in table.body if r and r[0].text == first]
    assert len(matches) == 1, f"{first!r}: {len(matches)} rows"
    return matches[0]


def occupancy(rows: Sequence[Row]) -> list[int]:
    """Columns each row covers, counting cells that reach down from rows above."""
    widths = []
    carry: list[tuple[int, int]] = []  # (rows still covered, columns)
    for row in rows:
        widths.append(sum(cols for _, cols in carry) + sum(c.colspan for c in row))
        carry = [(left - 1, cols) for left, cols in carry if left > 1]
        carry += [(c.rowspan - 1, c.colspan) for c in row if c.rowspan > 1]
    assert not carry, "a rowspan reaches past the last row"
    return widths


def assert_grid(table: Table) -> None:
    columns = len(table.widths)
    if table.header:
        assert occupancy(table.header) == [columns] * len(table.header)
    assert occupancy(table.body) == [columns] * len(table.body)


# -- order and sections ----------------------------------------------------------------------


def test_appendices_in_order_each_opening_a_section(blocks: list[Block]) -> None:
    headings = [b for b in blocks if isinstance(b, Heading)]
    assert [(h.label, h.text) for h in headings] == [
        ("LAMPIRAN I", "Perjanjian Kinerja Tahun 2024"),
        ("LAMPIRAN II", "Perjanjian Kinerja Perubahan Tahun 2024"),
        ("LAMPIRAN III", "Indikator Kinerja Utama Tahun 2024"),
        ("LAMPIRAN IV", "Rencana Aksi Tahun 2024"),
        ("LAMPIRAN V", "Cascading Kinerja Tahun 2024"),
    ]
    assert all(h.level == 1 and h.in_toc for h in headings)
    assert isinstance(blocks[0], Section)
    assert sum(len(p) for p in parts(blocks).values()) == len(blocks)  # nothing outside them


def test_orientations_and_page_numbers_continue(blocks: list[Block]) -> None:
    by_part = parts(blocks)
    sections = [b for b in blocks if isinstance(b, Section)]
    assert all(s.numbering == "decimal" and not s.restart for s in sections)

    def orientations(label: str) -> list[str]:
        return [b.orientation for b in by_part[label] if isinstance(b, Section)]

    assert orientations("LAMPIRAN I") == ["portrait"]
    assert orientations("LAMPIRAN II") == ["portrait"]
    assert orientations("LAMPIRAN III") == ["portrait", "landscape"]  # decree, then the matrix
    assert orientations("LAMPIRAN IV") == ["landscape"]
    assert orientations("LAMPIRAN V") == ["landscape"]


def test_without_pk_perubahan_the_labels_close_up(fixture: tuple[DataTahun, Report]) -> None:
    data, report = fixture
    data = dataclasses.replace(data, pk=data.pk.model_copy(update={"perubahan": None}))
    headings = [b for b in lampiran(data, report) if isinstance(b, Heading)]
    assert [h.label for h in headings] == [
        "LAMPIRAN I",
        "LAMPIRAN II",
        "LAMPIRAN III",
        "LAMPIRAN IV",
    ]
    assert "Perubahan" not in " ".join(h.text for h in headings)


def test_every_table_is_a_full_grid(blocks: list[Block]) -> None:
    for table in tables(blocks):
        assert_grid(table)


# -- PK and PK Perubahan ---------------------------------------------------------------------


def test_pk_agreement_page(blocks: list[Block]) -> None:
    pk = parts(blocks)["LAMPIRAN I"]
    first = next(b for b in pk if isinstance(b, Paragraph))
    assert first.runs[0].text.startswith(
        "Dalam rangka mewujudkan manajemen pemerintah yang efektif"
    )
    pihak = tables(pk)[0]
    assert not pihak.borders
    assert [texts(r) for r in pihak.body] == [
        ["Nama", ":", "SITI AMINAH, S.Sos"],
        ["Jabatan", ":", "Kepala Dinas Sosial Kabupaten Contoh"],
        ["selanjutnya disebut pihak pertama"],
        ["Nama", ":", "H. Budi Santoso"],
        ["Jabatan", ":", "Bupati Contoh"],
        ["selaku atasan pihak pertama, selanjutnya disebut pihak kedua"],
    ]
    assert any(
        isinstance(b, Paragraph) and b.runs[0].text.startswith("Pihak pertama berjanji") for b in pk
    )
    assert any(isinstance(b, PageBreak) for b in pk)


def test_pk_signatures(blocks: list[Block]) -> None:
    by_part = parts(blocks)
    murni = [b for b in by_part["LAMPIRAN I"] if isinstance(b, Signatures)]
    assert len(murni) == 2  # under the agreement and under its annex
    for sig in murni:
        assert sig.left.name == "H. Budi Santoso"
        assert sig.right.name == "SITI AMINAH, S.Sos"
        assert sig.right.below == ("Pembina Utama Muda", NIP)
        assert "Contoh, 12 Juni 2024" in sig.right.lines_above
        assert len(sig.left.lines_above) == len(sig.right.lines_above)
    assert murni[0].left.lines_above[-1] == "PIHAK KEDUA,"
    assert murni[0].right.lines_above[-1] == "PIHAK PERTAMA,"
    assert murni[1].left.lines_above[-1] == "Bupati Contoh,"
    assert murni[1].right.lines_above[-1] == "Kepala Dinas Sosial Kabupaten Contoh,"

    perubahan = [b for b in by_part["LAMPIRAN II"] if isinstance(b, Signatures)]
    assert len(perubahan) == 2
    for sig in perubahan:
        assert sig.left.name == "Dr. ANDI WIJAYA"
        # no date in the data: a form to be dated, never an invented date
        assert "Contoh, ............ 2024" in sig.right.lines_above


def test_pk_targets_with_units(blocks: list[Block]) -> None:
    by_part = parts(blocks)
    murni = tables(by_part["LAMPIRAN I"])[1]
    assert [texts(r) for r in murni.header] == [
        ["No.", "Sasaran Strategis", "Indikator Kinerja", "Target"],
        ["(1)", "(2)", "(3)", "(4)"],
    ]
    assert [texts(r) for r in murni.body] == [
        ["1", "Meningkatnya Kesejahteraan PMKS", "Persentase PMKS yang tertangani", "100%"],
        ["2", "Meningkatnya Akuntabilitas Kinerja Perangkat Daerah", "Nilai SAKIP", "80"],
    ]
    perubahan = tables(by_part["LAMPIRAN II"])[1]
    assert [r[-1].text for r in perubahan.body] == ["95,50%", "70"]


def test_pk_budget_is_the_dpa(blocks: list[Block]) -> None:
    by_part = parts(blocks)
    murni = tables(by_part["LAMPIRAN I"])[2]
    assert [texts(r) for r in murni.body] == [
        ["", "Program Utama"],
        ["1", "Program Rehabilitasi Sosial", "1.250.500"],  # 1.000.000 + 250.500
        ["", "Program Penunjang"],
        ["2", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "2.509.500"],
        ["Jumlah", "3.760.000"],
    ]
    assert murni.bold_rows == frozenset({0, 2, 4})
    perubahan = tables(by_part["LAMPIRAN II"])[2]
    amounts = [r[-1].text for r in perubahan.body]
    # 1.200.000 + 300.000,50 ; 1.800.000 + 500.000 + 10.000 ; their sum
    assert amounts == [
        "Program Utama",
        "1.500.000,50",
        "Program Penunjang",
        "2.310.000",
        "3.810.000,50",
    ]


def test_pk_without_program_list_takes_every_dpa_program(
    fixture: tuple[DataTahun, Report],
) -> None:
    data, report = fixture
    murni = data.pk.murni.model_copy(update={"program": []})
    data = dataclasses.replace(data, pk=data.pk.model_copy(update={"murni": murni}))
    table = tables(parts(lampiran(data, report))["LAMPIRAN I"])[2]
    assert [r[-1].text for r in table.body] == [
        "Program Utama",
        "2.509.500",
        "1.250.500",
        "3.760.000",
    ]


# -- IKU ---------------------------------------------------------------------------------------


def test_iku_decree(blocks: list[Block]) -> None:
    iku = parts(blocks)["LAMPIRAN III"]
    lines = [b.runs[0].text for b in iku if isinstance(b, Paragraph)]
    # the letterhead opens the page, before the appendix's heading
    assert isinstance(iku[1], Letterhead) and isinstance(iku[2], Heading)
    assert (iku[1].issuer, iku[1].agency) == ("PEMERINTAH KABUPATEN CONTOH", "DINAS SOSIAL")
    assert iku[1].contact == (
        "Jl. Merdeka No. 1, Telp. 123456, Website: www.dinsos.contoh.go.id, "
        "Email: dinsos@contoh.go.id"
    )
    for expected in (
        "KEPUTUSAN KEPALA DINAS SOSIAL",
        "NOMOR: 12 TAHUN 2024",
        "TENTANG",
        "KEPALA DINAS SOSIAL,",
    ):
        assert expected in lines
    considerations, decisions = tables(iku)[:2]
    assert not considerations.borders and not decisions.borders
    assert [texts(r) for r in considerations.body] == [
        ["Menimbang", ":", "a.", "Bahwa perlu menetapkan Indikator Kinerja Utama;"],
        ["", "", "b.", "Bahwa penetapan itu diatur dengan Keputusan Kepala Dinas."],
        ["Mengingat", ":", "1.", "Undang-Undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial;"],
        ["", "", "2.", "Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP;"],
        ["", "", "3.", "Peraturan Bupati Contoh Nomor 5 Tahun 2020."],
    ]
    assert "MEMUTUSKAN" in lines
    rows = [texts(r) for r in decisions.body]
    assert rows[0] == [
        "Menetapkan",
        ":",
        "KEPUTUSAN KEPALA DINAS SOSIAL KABUPATEN CONTOH TENTANG "
        "PENETAPAN INDIKATOR KINERJA UTAMA DI LINGKUNGAN DINAS SOSIAL KABUPATEN "
        "CONTOH",
    ]
    assert [r[0] for r in rows[1:]] == ["KESATU", "KEDUA"]
    sig = next(b for b in iku if isinstance(b, Signature))
    assert sig.name == "SITI AMINAH, S.Sos"
    # label and value apart: the writers align the colons
    assert sig.dated == (("Ditetapkan di", "Contoh"), ("Pada tanggal", "2 Januari 2024"))
    assert sig.lines_above == ("KEPALA DINAS SOSIAL,",)
    assert sig.below == ("Pembina Utama Muda", NIP)


def test_iku_matrix_lists_key_indicators_only(blocks: list[Block]) -> None:
    matrix = tables(parts(blocks)["LAMPIRAN III"])[2]
    assert texts(matrix.header[0]) == [
        "NO.",
        "TUJUAN STRATEGIS",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA UTAMA",
        "PENJELASAN (FORMULASI PERHITUNGAN)",
        "PROGRAM",
        "SUMBER DATA",
    ]
    assert [texts(r) for r in matrix.body] == [
        [
            "1",
            "Menurunnya Angka PMKS",
            "Meningkatnya Kesejahteraan PMKS",
            "Persentase PMKS yang tertangani",
            "Jumlah PMKS yang tertangani ÷ Jumlah PMKS × 100%",
            "Program Rehabilitasi Sosial",
            "Laporan triwulan",
        ]
    ]


def test_iku_without_decree_is_only_the_matrix(fixture: tuple[DataTahun, Report]) -> None:
    data, report = fixture
    data = dataclasses.replace(data, iku=data.iku.model_copy(update={"keputusan": None}))
    iku = parts(lampiran(data, report))["LAMPIRAN III"]
    assert [b.orientation for b in iku if isinstance(b, Section)] == ["landscape"]
    assert len(tables(iku)) == 1
    assert not any(isinstance(b, Signature) for b in iku)
    lines = [b.runs[0].text for b in iku if isinstance(b, Paragraph)]
    assert not any(line.startswith("Sasaran RPJMD") for line in lines)


# -- Rencana Aksi --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rencana_aksi(blocks: list[Block]) -> Table:
    found = tables(parts(blocks)["LAMPIRAN IV"])
    assert len(found) == 1
    return found[0]


def test_rencana_aksi_header(rencana_aksi: Table) -> None:
    first, second = rencana_aksi.header
    assert [(c.text, c.colspan, c.rowspan) for c in first][5] == (
        "TARGET PELAKSANAAN PER TRIWULAN",
        4,
        1,
    )
    assert texts(second) == ["I", "II", "III", "IV"]
    assert rencana_aksi.small
    assert len(rencana_aksi.widths) == 11


def test_rencana_aksi_total_is_the_sum_of_pagu_murni(
    rencana_aksi: Table, fixture: tuple[DataTahun, Report]
) -> None:
    data, _ = fixture
    by_hand = sum(
        (s.pagu_murni for p in data.anggaran.program for k in p.kegiatan for s in k.sub_kegiatan),
        Decimal(0),
    )
    assert by_hand == Decimal(3_760_000)
    total = rencana_aksi.body[-1]
    assert texts(total) == ["TOTAL", format_money_plain(by_hand), ""]
    assert (total[0].colspan, total[2].colspan) == (4, 6)
    assert len(rencana_aksi.body) - 1 in rencana_aksi.bold_rows


def test_rencana_aksi_rows(rencana_aksi: Table) -> None:
    program = row_starting(
        rencana_aksi, "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
    )
    assert texts(program)[1:5] == [
        "Rata-rata capaian kinerja program penunjang",
        "%",
        "100",
        "2.509.500",
    ]
    assert program[-1].text == "Sekretaris Dinas"
    assert rencana_aksi.body.index(program) in rencana_aksi.bold_rows

    permakanan = row_starting(rencana_aksi, "Penyediaan Permakanan")
    assert texts(permakanan) == [
        "Penyediaan Permakanan",
        "Jumlah Orang yang Mendapatkan Permakanan",
        "orang",
        "200",
        "1.000.000",
        "V",
        "",
        "V",
        "",
        "Pemberian paket sembako",
        "",
    ]
    sandang = row_starting(rencana_aksi, "Penyediaan Sandang")
    assert texts(sandang)[3:] == [
        "1.250",
        "250.500",
        "",
        "V",
        "V",
        "V",
        "Pemberian sandang",
        "Kepala Seksi Rehabilitasi",
    ]
    assert rencana_aksi.body.index(sandang) not in rencana_aksi.bold_rows

    tamu = row_starting(rencana_aksi, "Fasilitasi Kunjungan Tamu")
    assert texts(tamu)[1:5] == ["-", "-", "-", "10.000"]


def test_rencana_aksi_kegiatan_with_two_indicators(rencana_aksi: Table) -> None:
    row = row_starting(rencana_aksi, "Rehabilitasi Sosial Dasar di Luar Panti")
    at = rencana_aksi.body.index(row)
    assert row[0].rowspan == 2 and row[4].rowspan == 2
    assert row[1].text == "1. Persentase PPKS yang dijangkau"
    assert row[4].text == "1.250.500"
    assert texts(rencana_aksi.body[at + 1]) == [
        "2. Jumlah Jenis Layanan Rehabilitasi",
        "layanan",
        "4",
    ]


def test_rencana_aksi_signed(blocks: list[Block]) -> None:
    sig = parts(blocks)["LAMPIRAN IV"][-1]
    assert isinstance(sig, Signature)
    assert sig.name == "SITI AMINAH, S.Sos" and NIP in sig.below


# -- Cascade -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cascades(blocks: list[Block]) -> list[Table]:
    return tables(parts(blocks)["LAMPIRAN V"])


def test_one_cascade_per_program(cascades: list[Table], blocks: list[Block]) -> None:
    # per program: the levels above the kegiatan (one wide column), then its kegiatan
    assert [len(t.widths) for t in cascades] == [1 + 3, 3 + 3, 1 + 3, 2 + 3]
    assert all(t.small for t in cascades)
    assert [t.repeat_rows for t in cascades] == [0, 2, 0, 2]
    part = parts(blocks)["LAMPIRAN V"]
    assert sum(isinstance(b, PageBreak) for b in part) == 1
    signed = [b for b in part if isinstance(b, Signature)]
    assert len(signed) == 2 and all(NIP in s.below for s in signed)
    # each program signed right after its last table (the DOCX signs inside it)
    assert all(isinstance(part[part.index(s) - 1], Table) for s in signed)


def _levels(table: Table) -> list[str]:
    """The level of each row: the cell before the PK where a row carries it, else the last."""
    kajian = {"Kajian Strategis Daerah", "Kajian Strategis Bidang Urusan", "Kajian Manajerial"}
    kajian.add("Kinerja Operasional")
    return [(r[-2] if r[0].text in kajian else r[-1]).text for r in table.body]


def test_cascade_levels_and_spans(cascades: list[Table]) -> None:
    above, penunjang = cascades[:2]
    assert _levels(above) == [
        "Misi RPJMD",
        "Tujuan RPJMD",
        "Sasaran RPJMD",
        "Tujuan Renstra PD",
        "Sasaran PD",
        "Indikator Sasaran PD",
        "Program PD",
        "Indikator Program PD",
    ]
    firsts = (0, 3, 6)  # first row of each band: it carries the PK column too
    left = [(r[0].text, r[0].rowspan) for i, r in enumerate(above.body) if i in firsts]
    assert left == [
        ("Kajian Strategis Daerah", 3),
        ("Kajian Strategis Bidang Urusan", 3),
        ("Kajian Manajerial", 2),
    ]
    right = [r[-1].text for i, r in enumerate(above.body) if i in firsts]
    assert right == ["PK KEPALA DAERAH", "PK KEPALA OPD", "PK ESELON III"]
    assert above.body[0][1].text == "Misi II RPJMD: Meningkatkan Kesejahteraan Sosial Masyarakat"
    # the names first (they repeat on every page), then the indicators, then the staff
    assert _levels(penunjang) == [
        "Kegiatan PD",
        "Sub Kegiatan",
        "Indikator Kegiatan PD",
        "Indikator Sub Kegiatan",
        "Sasaran Staf",
        "Indikator Sasaran Staf",
    ]
    # every row carries its analysis and PK: a page of the table never lacks them
    assert [(r[0].text, r[-1].text) for r in penunjang.body] == [
        ("Kajian Manajerial", "PK ESELON III"),
        ("Kinerja Operasional", "PK JF/ESELON IV"),
        ("Kajian Manajerial", "PK ESELON III"),
        ("Kinerja Operasional", "PK JF/ESELON IV"),
        ("Kinerja Operasional", "PK STAF"),
        ("Kinerja Operasional", "PK STAF"),
    ]
    # a kegiatan spans its own sub kegiatan
    assert [(c.text, c.colspan) for c in penunjang.body[0][1:-2]] == [
        ("Administrasi Keuangan Perangkat Daerah", 1),
        ("Administrasi Umum Perangkat Daerah", 2),
    ]
    for table in cascades:
        assert_grid(table)


def test_cascade_content(cascades: list[Table]) -> None:
    above, penunjang, above_rehabilitasi, rehabilitasi = cascades
    assert above.body[3][1].text == (
        "Tujuan PD (Renstra): Meningkatnya Akuntabilitas Kinerja\nIndikator Tujuan PD Renstra: -"
    )
    assert above.body[5][0].text == "Indikator Sasaran PD: Nilai SAKIP"
    assert above_rehabilitasi.body[3][1].text == (
        "Tujuan PD (Renstra): Menurunnya Angka PMKS\n"
        "Indikator Tujuan PD Renstra: Persentase Angka "
        "Penurunan PMKS"
    )
    staff = texts(penunjang.body[5])[1:-2]
    assert staff == [
        "Menyiapkan draft laporan gaji",
        "1. Menyusun rencana kebutuhan\n2. Menyusun laporan pengadaan",
        "-",
    ]
    assert texts(rehabilitasi.body[2])[1:-2] == [
        "1. Persentase PPKS yang dijangkau\n2. Jumlah Jenis Layanan Rehabilitasi"
    ]
    assert texts(rehabilitasi.body[3])[1:-2] == [
        "Jumlah Orang yang Mendapatkan Permakanan",
        "Jumlah Orang yang Menerima Pakaian",
    ]


def test_wide_programs_are_cut_between_kegiatan(
    fixture: tuple[DataTahun, Report], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cascade, "MAKS_KOLOM", 2)
    part = parts(lampiran(*fixture))["LAMPIRAN V"]
    found = tables(part)
    # penunjang: levels, kegiatan of 1 and 2 sub kegiatan; rehabilitasi: levels, one of 2
    assert [len(t.widths) - 3 for t in found] == [1, 1, 2, 1, 2]
    titles = [b.runs[0].text for b in part if isinstance(b, Paragraph)]
    assert titles == [
        "CASCADING KINERJA PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA "
        "(BAGIAN 1 DARI 2)",
        "CASCADING KINERJA PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA "
        "(BAGIAN 2 DARI 2)",
        "CASCADING KINERJA PROGRAM REHABILITASI SOSIAL",
    ]
    # the levels above once per program; every part of kegiatan repeats its names
    assert [t.repeat_rows for t in found] == [0, 2, 2, 0, 2]
    assert found[0].body[6][1].text.startswith("Program PD: Program Penunjang")
    assert sum(isinstance(b, PageBreak) for b in part) == 2  # each part on a new page
    assert sum(isinstance(b, Signature) for b in part) == 2  # one per program
    for table in found:
        assert_grid(table)


def test_a_kegiatan_wider_than_a_run_is_cut_evenly(fixture: tuple[DataTahun, Report]) -> None:
    _, report = fixture
    penunjang = report.program["penunjang"]
    assert [[len(k.sub_kegiatan) for k in part] for part in cascade.parts(penunjang, 2)] == [
        [1],
        [2],
    ]
    # a kegiatan of two sub kegiatan in runs of one: each run carries its name
    cut = cascade.parts(penunjang, 1)
    assert [[len(k.sub_kegiatan) for k in part] for part in cut] == [[1], [1], [1]]
    wide = penunjang.kegiatan[1]
    assert [part[0].nama for part in cut[1:]] == [wide.nama, wide.nama]
    assert [s for part in cut[1:] for s in part[0].sub_kegiatan] == wide.sub_kegiatan
    assert len(cascade.parts(penunjang, None)) == 1
    # 13 sub kegiatan, at most 8 a run: 7 and 6, not 8 and 5
    thirteen = wide.model_copy(update={"sub_kegiatan": (wide.sub_kegiatan * 7)[:13]})
    program = penunjang.model_copy(update={"kegiatan": [thirteen]})
    assert [[len(k.sub_kegiatan) for k in part] for part in cascade.parts(program, 8)] == [
        [7],
        [6],
    ]


def test_cascade_widths_stay_sane_for_many_columns(cascades: list[Table]) -> None:
    for table in cascades:
        labels = (table.widths[0], table.widths[-2], table.widths[-1])
        content = sum(table.widths[1:-2])
        assert labels == (cascade.LABEL_WIDTH,) * 3
        assert content == pytest.approx(cascade.CONTENT_WIDTH)


# -- 2024 --------------------------------------------------------------------------------------


def test_2024_smoke() -> None:
    data, report = _year_2024()
    blocks = lampiran(data, report)
    by_part = parts(blocks)
    assert list(by_part) == [f"LAMPIRAN {n}" for n in ("I", "II", "III", "IV", "V")]
    for table in tables(blocks):
        assert_grid(table)
    # the DPA's sums: PK 13.890.985.682 (murni) and 17.223.131.900 (perubahan)
    assert tables(by_part["LAMPIRAN I"])[2].body[-1][-1].text == "13.890.985.682"
    assert tables(by_part["LAMPIRAN II"])[2].body[-1][-1].text == "17.223.131.900"
    assert tables(by_part["LAMPIRAN IV"])[0].body[-1][1].text == "13.890.985.682"
    # at most 8 columns, cut between kegiatan: Program Penunjang's 17 sub kegiatan
    # (kegiatan of 2, 2, 6, 1, 3, 3) in 4 | 7 | 6, Program Rehabilitasi Sosial's 13 (8, 5)
    # in 8 | 5; the four other programs whole
    assert cascade.MAKS_KOLOM == 8
    kegiatan = [t for t in tables(by_part["LAMPIRAN V"]) if t.repeat_rows]
    columns = [len(t.widths) - 3 for t in kegiatan]
    assert columns == [4, 7, 6, 5, 1, 8, 5, 3, 6]
    signed = [b for b in by_part["LAMPIRAN V"] if isinstance(b, Signature)]
    assert len(signed) == report.anggaran.jumlah_program


def test_2024_cascade_as_the_reference_prints_it(monkeypatch: pytest.MonkeyPatch) -> None:
    data, report = _year_2024()
    monkeypatch.setattr(cascade, "MAKS_KOLOM", None)
    found = tables(parts(lampiran(data, report))["LAMPIRAN V"])
    assert len(found) == 2 * report.anggaran.jumlah_program  # levels, kegiatan
    assert max(len(t.widths) for t in found) == 17 + 3  # Program Penunjang: 17 sub kegiatan
    for table in found:
        assert_grid(table)


def _cells(blocks: Sequence[Block]) -> list[Cell]:
    return [c for t in tables(blocks) for r in (*t.header, *t.body) for c in r]


def test_2024_no_empty_placeholders() -> None:
    data, report = _year_2024()
    for c in _cells(lampiran(data, report)):
        assert "None" not in c.text


def test_letterheads_open_the_agreements_and_the_decree_with_the_logo(
    fixture: tuple[DataTahun, Report],
) -> None:
    logo = Picture(b"\x89PNG", "png", 2, 3, "Logo Pemerintah Kabupaten Contoh", "logo.png")
    made = lampiran(*fixture, logo)
    heads = [i for i, b in enumerate(made) if isinstance(b, Letterhead)]
    # each on the first page of its appendix: after the section, before the heading
    assert [getattr(made[i + 1], "label", None) for i in heads] == [
        "LAMPIRAN I",
        "LAMPIRAN II",
        "LAMPIRAN III",
    ]
    assert all(isinstance(made[i - 1], Section) for i in heads)
    assert all(getattr(made[i], "logo", None) is logo for i in heads)
    without = [b for b in lampiran(*fixture) if isinstance(b, Letterhead)]
    assert len(without) == 3 and all(b.logo is None for b in without)
