"""Bad spreadsheets: one finding each, naming the sheet and cell (or CSV line); exit 1 or 2;
anggaran.yaml untouched."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from .sheets import run, sipd_workbook

SURAT = ["1.06.01.2.08.0001", "Penyediaan Jasa Surat Menyurat", 5722000, 4000000]
"""A known sub kegiatan; its realisasi cell (E5, the first data row) is the one spoiled."""


def untouched(year: Path) -> bytes:
    return (year / "anggaran.yaml").read_bytes()


def expect(year: Path, args: list[str], code: int, *texts: str) -> str:
    before = untouched(year)
    got, out = run(*args, "--tahun", str(year))
    assert got == code, out
    for text in texts:
        assert text in out, out
    assert out.count("galat [") == 1, out
    assert untouched(year) == before
    return out


def test_not_a_spreadsheet(year: Path, tmp_path: Path) -> None:
    fake = tmp_path / "laporan.xlsx"
    fake.write_text("ini bukan buku kerja", encoding="utf-8")
    expect(year, [str(fake)], 2, "laporan.xlsx: bukan berkas .xlsx")
    pdf = tmp_path / "laporan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    expect(year, [str(pdf)], 2, "laporan.pdf: bukan lembar kerja")


def test_password_protected_workbook(year: Path, tmp_path: Path) -> None:
    # Excel stores an encrypted workbook as an OLE compound file, not a zip
    locked = tmp_path / "terkunci.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    expect(year, [str(locked)], 2, "dilindungi kata sandi")


def test_corrupt_workbook(year: Path, tmp_path: Path) -> None:
    good = sipd_workbook(tmp_path / "baik.xlsx", [[*SURAT, 3500000]]).read_bytes()
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(good[: len(good) // 2])
    expect(year, [str(broken)], 2, "rusak.xlsx: buku kerja rusak")
    # a whole zip that lacks the workbook part
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    hollow = tmp_path / "kosong.xlsx"
    hollow.write_bytes(buffer.getvalue())
    expect(year, [str(hollow)], 2, "kosong.xlsx")


def test_missing_sheet(year: Path, tmp_path: Path) -> None:
    book = sipd_workbook(tmp_path / "s.xlsx", [[*SURAT, 3500000]])
    expect(
        year, [str(book), "--lembar", "Desember"], 2, "lembar 'Desember' tidak ada", "'Realisasi'"
    )


def test_missing_header(year: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["Uraian", "Jumlah Uang"])
    wb.active.append(["Penyediaan Jasa Surat Menyurat", 3500000])
    wb.save(tmp_path / "h.xlsx")
    expect(
        year, [str(tmp_path / "h.xlsx")], 2, "judul kolom sub kegiatan dan angka tidak ditemukan"
    )


def test_a_column_mapped_twice(year: Path, tmp_path: Path) -> None:
    book = sipd_workbook(tmp_path / "s.xlsx", [[*SURAT, 3500000]])
    args = [str(book), "--kolom", "pagu_murni=Pagu", "--kolom", "pagu_perubahan=pagu"]
    expect(year, args, 2, "dipetakan dua kali")


def test_a_header_standing_in_two_columns(year: Path, tmp_path: Path) -> None:
    csv = tmp_path / "dua.csv"
    csv.write_text(
        "nama_sub_giat,realisasi,realisasi\nPenyediaan Jasa Surat Menyurat,1,2\n", encoding="utf-8"
    )
    expect(year, [str(csv)], 2, "judul kolom realisasi ada di 2 kolom (B, C)")


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("sekitar 3 juta", "'sekitar 3 juta' bukan angka rupiah"),
        (-3500000, "negatif"),
        ("-3.500.000", "negatif"),
        (10**18, "19 angka sebelum koma terlalu besar"),
        ("1.000.000.000.000.000.000", "terlalu besar"),
        (0.001, "di bawah satu sen"),
    ],
)
def test_a_bad_amount_names_its_sheet_and_cell(
    year: Path,
    tmp_path: Path,
    cell: object,
    message: str,
) -> None:
    book = sipd_workbook(tmp_path / "s.xlsx", [[*SURAT, cell]])
    out = expect(year, [str(book)], 1, "lembar 'Realisasi' sel E5 (realisasi)", message)
    assert "5:5: galat [impor.bukan-angka]" in out


def test_a_bad_amount_in_a_csv_names_its_line(year: Path, tmp_path: Path) -> None:
    csv = tmp_path / "r.csv"
    csv.write_text(
        "nama_sub_giat;realisasi\n"
        '"Penyediaan Jasa\nSurat Menyurat";3.500.000\n'  # a quoted name over two lines
        "Penyediaan Jasa Pelayanan Umum Kantor;3,5 juta\n",
        encoding="utf-8",
    )
    expect(year, [str(csv)], 1, "baris 4 kolom 2 (realisasi)", "'3,5 juta' bukan angka rupiah")


def test_a_fifo_is_refused_without_waiting(year: Path, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipa.csv"
    os.mkfifo(fifo)
    expect(year, [str(fifo)], 2, "bukan berkas biasa melainkan FIFO")


def test_a_missing_file(year: Path, tmp_path: Path) -> None:
    expect(year, [str(tmp_path / "tidak-ada.xlsx")], 2, "tidak-ada.xlsx: berkas tidak ditemukan")


def test_mapping_file(year: Path, tmp_path: Path) -> None:
    book = sipd_workbook(tmp_path / "s.xlsx", [[*SURAT, 3500000, 3000000]])
    peta = tmp_path / "peta.yaml"
    peta.write_text("kolom:\n  realisasi: Ket.\n", encoding="utf-8")  # column F: 3.000.000
    code, out = run(str(book), "--tahun", str(year), "--peta", str(peta), "--periksa")
    assert code == 0, out
    assert "realisasi: 4.000.000 → 3.000.000" in out
    peta.write_text("kolom: [realisasi]\n", encoding="utf-8")
    code, out = run(str(book), "--tahun", str(year), "--peta", str(peta))
    assert code == 2 and "berkas pemetaan harus berisi 'kolom:'" in out
    code, out = run(str(book), "--tahun", str(year), "--peta", str(tmp_path / "nihil.yaml"))
    assert code == 2 and "--peta: berkas tidak ditemukan" in out


def test_kolom_option_of_an_unknown_field(year: Path, tmp_path: Path) -> None:
    book = sipd_workbook(tmp_path / "s.xlsx", [[*SURAT, 3500000]])
    code, out = run(str(book), "--tahun", str(year), "--kolom", "serapan=Persen")
    assert code == 2 and "kolom tidak dikenal: serapan" in out
    code, out = run(str(book), "--tahun", str(year), "--kolom", "realisasi")
    assert code == 2 and "tulis ISIAN=JUDUL" in out
