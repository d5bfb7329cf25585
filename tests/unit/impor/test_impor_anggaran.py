"""lkjip impor anggaran: a SIPD-like workbook and CSV into a copy of data/2024.

The sheets are written here with openpyxl as the exports look: a title row,
a header over two rows with merged cells, a kegiatan row above its sub
kegiatan, number and text cells, a row the budget does not know and a row
repeated. Two realisasi move between sub kegiatan of one kegiatan (4.000.000 →
3.500.000 and 386.109.333,54 → 386.609.333,54: the kegiatan's stated total
stays 4.000.000 + 386.109.333,54 = 3.500.000 + 386.609.333,54), so the data
still checks clean afterwards.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from lkjip_cli import api

from .sheets import EXPECTED_DIFF, KEGIATAN, ROOT, changed_lines, run, sipd_workbook


def test_workbook_import_changes_only_the_amounts_and_keeps_comments(
    year: Path, tmp_path: Path
) -> None:
    before = (year / "anggaran.yaml").read_text(encoding="utf-8")
    book = sipd_workbook(tmp_path / "sipd.xlsx")
    code, out = run(str(book), "--tahun", str(year))
    after = (year / "anggaran.yaml").read_text(encoding="utf-8")
    assert changed_lines(before, after) == EXPECTED_DIFF
    assert [line for line in before.splitlines() if "#" in line] == [
        line for line in after.splitlines() if "#" in line
    ]
    assert code == 0, out  # only warnings: the unknown row and the repeat
    assert "  realisasi: 4.000.000 → 3.500.000" in out
    assert "  realisasi: 386.109.333,54 → 386.609.333,54" in out
    # the total realisasi is unchanged: 500.000 moved within one kegiatan
    assert "  realisasi: 16.162.638.086,54 → 16.162.638.086,54" in out
    assert "lembar 'Realisasi' baris 8: sub kegiatan 'Sub Kegiatan Yang Belum Ada'" in out
    assert "[impor.tidak-dikenal]" in out
    assert "lembar 'Realisasi' baris 9" in out and "[impor.ganda]" in out
    assert "[impor.ambigu]" not in out  # Penyediaan Permakanan: its kegiatan row above says which
    checked = api.check(year)
    assert not [f for f in checked.findings if f.severity == "error"]
    built = api.build(year, tmp_path / "out", ("md",))
    assert built.written


def test_csv_import_with_indonesian_text_amounts(year: Path, tmp_path: Path) -> None:
    before = (year / "anggaran.yaml").read_text(encoding="utf-8")
    csv = tmp_path / "sipd.csv"
    csv.write_text(
        "kode_sub_giat;nama_sub_giat;pagumurni;pagu;realisasi\n"
        f"1.06.01.2.08;{KEGIATAN};487.276.000;464.023.610;455.388.173,54\n"
        "1.06.01.2.08.0001;Penyediaan Jasa Surat Menyurat;5722000;4000000;Rp. 3.500.000,00\n"
        '1.06.01.2.08.0004;"Penyediaan Jasa Pelayanan Umum Kantor";411640000;393034610;'
        "386609333.54\n",
        encoding="utf-8",
    )
    code, out = run(str(csv), "--tahun", str(year))
    assert code == 0, out
    after = (year / "anggaran.yaml").read_text(encoding="utf-8")
    assert changed_lines(before, after) == EXPECTED_DIFF


def test_periksa_shows_the_changes_and_writes_nothing(year: Path, tmp_path: Path) -> None:
    before = (year / "anggaran.yaml").read_bytes()
    code, out = run(str(sipd_workbook(tmp_path / "s.xlsx")), "--tahun", str(year), "--periksa")
    assert code == 0, out
    assert "Penyediaan Jasa Surat Menyurat\n  realisasi: 4.000.000 → 3.500.000" in out
    assert "Jumlah seluruh sub kegiatan (sebelum → sesudah):" in out
    assert "tidak ada yang ditulis" in out
    assert (year / "anggaran.yaml").read_bytes() == before


def test_a_stated_total_that_no_longer_matches_is_a_finding(year: Path, tmp_path: Path) -> None:
    rows = [["1.06.01.2.08.0001", "Penyediaan Jasa Surat Menyurat", 5722000, 4000000, 3000000]]
    code, out = run(str(sipd_workbook(tmp_path / "s.xlsx", rows)), "--tahun", str(year))
    assert code == 1
    assert "realisasi: 4.000.000 → 3.000.000" in out
    # the kegiatan states 4.000.000 + 66.989.000 ... ; it is now 1.000.000 less
    assert "[anggaran.jumlah-tidak-cocok]" in out


def test_kolom_option_maps_a_header_of_another_name(year: Path, tmp_path: Path) -> None:
    rows = [["1.06.01.2.08.0001", "Penyediaan Jasa Surat Menyurat", 5722000, 4000000, 3500000]]
    book = sipd_workbook(tmp_path / "s.xlsx", rows)
    code, out = run(str(book), "--tahun", str(year), "--periksa", "--kolom", "realisasi=Ket.")
    # "Ket." is now realisasi and is empty: nothing changes; "Realisasi" is no column of ours
    assert code == 0, out
    assert "0 berubah" in out


def test_the_amount_columns_read_are_named_and_a_missing_one_gets_a_hint(
    year: Path, tmp_path: Path
) -> None:
    rows = [["1.06.01.2.08.0001", "Penyediaan Jasa Surat Menyurat", 5722000, 4000000, 3500000]]
    book = sipd_workbook(tmp_path / "s.xlsx", rows)
    code, out = run(str(book), "--tahun", str(year), "--periksa")
    assert code == 0, out
    assert "Kolom angka terbaca: pagu murni (kolom C), pagu perubahan (kolom D), " in out
    assert "realisasi (kolom E)\n" in out

    from openpyxl import load_workbook

    wb = load_workbook(book)
    wb.active["E3"] = "Realisasi s.d. Desember"
    wb.save(book)
    code, out = run(str(book), "--tahun", str(year), "--periksa")
    # the pagu are as in anggaran.yaml: nothing changes, and the output says why
    assert code == 0, out
    assert (
        "Kolom angka terbaca: pagu murni (kolom C), pagu perubahan (kolom D); kolom realisasi "
        "tidak ditemukan, nilainya tidak diubah (bila judulnya lain, sebutkan dengan "
        '--kolom realisasi="JUDUL")\n' in out
    )
    assert "0 berubah" in out
    code, out = run(
        str(book), "--tahun", str(year), "--periksa", "--kolom", "realisasi=Realisasi s.d. Desember"
    )
    assert code == 0, out
    assert "realisasi: 4.000.000 → 3.500.000" in out
    assert "realisasi (kolom E)\n" in out


def test_new_year_scaffold_realisasi_gets_filled(tmp_path: Path) -> None:
    from lkjip_cli.scaffold import new_year

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data" / "2024", data / "2024")
    new_year(data, 2025, 2024)
    rows = [["", "Penyediaan Jasa Surat Menyurat", 5000000, "4.000.000", 3500000]]
    code, out = run(str(sipd_workbook(tmp_path / "s.xlsx", rows)), "--tahun", str(data / "2025"))
    # the year still has figures to fill; its prose names some: errors until filled
    assert code == 1, out
    assert "belum diisi" in out
    text = (data / "2025" / "anggaran.yaml").read_text(encoding="utf-8")
    assert "realisasi: - → 3.500.000" in out, out
    assert "pagu murni: 0 → 5.000.000" in out
    assert "pagu_murni: 5.000.000\n" in text
    assert "realisasi: 3.500.000\n" in text  # its "# ISI" mark goes: it is filled


def test_tambah_ke_adds_unknown_sub_kegiatan_under_the_named_kegiatan(
    year: Path, tmp_path: Path
) -> None:
    before = (year / "anggaran.yaml").read_text(encoding="utf-8").splitlines()
    rows = [["1.06.01.2.08.0099", "Sub Kegiatan Yang Belum Ada", 1000, "1.000", 500]]
    book = sipd_workbook(tmp_path / "s.xlsx", rows)
    code, out = run(str(book), "--tahun", str(year), "--tambah-ke", KEGIATAN)
    after = (year / "anggaran.yaml").read_text(encoding="utf-8").splitlines()
    added = [line for op, line in _ops(before, after) if op == "+"]
    assert [op for op, _ in _ops(before, after)] == ["+"] * 5  # nothing else changes
    assert added == [
        "          - kode: 1.06.01.2.08.0099",
        "            nama: Sub Kegiatan Yang Belum Ada",
        "            pagu_murni: 1.000",
        "            pagu_perubahan: 1.000",
        "            realisasi: 500",
    ]
    # it stands last among its kegiatan's sub kegiatan, before the next kegiatan
    at = after.index(added[0])
    nxt = next(line for line in after[at:] if line.startswith("      - nama:"))
    assert f"      - nama: {KEGIATAN}" in after[:at] and nxt != f"      - nama: {KEGIATAN}"
    assert f"Baru di kegiatan '{KEGIATAN}': Sub Kegiatan Yang Belum Ada" in out
    # the kegiatan's stated total no longer adds up: 1.000 more
    assert code == 1 and "[anggaran.jumlah-tidak-cocok]" in out


def test_tambah_ke_an_unknown_kegiatan_is_refused(year: Path, tmp_path: Path) -> None:
    before = (year / "anggaran.yaml").read_bytes()
    book = sipd_workbook(tmp_path / "s.xlsx")
    code, out = run(str(book), "--tahun", str(year), "--tambah-ke", "Kegiatan Khayalan")
    assert code == 2
    assert "--tambah-ke: kegiatan 'Kegiatan Khayalan' tidak ada di anggaran.yaml" in out
    assert (year / "anggaran.yaml").read_bytes() == before


def _ops(before: list[str], after: list[str]) -> list[tuple[str, str]]:
    return [
        (line[0], line[1:])
        for line in difflib.unified_diff(before, after, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
