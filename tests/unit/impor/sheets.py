"""Helpers of the import tests: a SIPD-like workbook, a copy of data/2024, the command."""

from __future__ import annotations

import difflib
from pathlib import Path

from openpyxl import Workbook
from typer.testing import CliRunner

from lkjip_cli.cli import app

ROOT = Path(__file__).resolve().parents[3]
RUNNER = CliRunner()

KEGIATAN = "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah"
PMKS_LAIN = (
    "Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial (PMKS) Lainnya Bukan Korban "
    "HIV/AIDS dan NAPZA di Luar Panti Sosial"
)
EXPECTED_DIFF = {
    ("            realisasi: 4.000.000", "            realisasi: 3.500.000"),
    ("            realisasi: 386.109.333,54", "            realisasi: 386.609.333,54"),
}
"""(old line, new line) of every line the import may change."""


def sipd_workbook(path: Path, rows: list[list[object]] | None = None) -> Path:
    """A workbook shaped like a SIPD realization export."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Realisasi"
    ws["A1"] = "LAPORAN REALISASI ANGGARAN SUB KEGIATAN TAHUN 2024"
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["Kode Sub Kegiatan", "Nama Sub Kegiatan", "Pagu", None, "Realisasi", "Ket."])
    ws.append([None, None, "Murni", "Perubahan", None, None])
    for area in ("A3:A4", "B3:B4", "C3:D3", "E3:E4", "F3:F4"):
        ws.merge_cells(area)
    for row in rows if rows is not None else default_rows():
        ws.append(row)
    wb.save(path)
    return path


def default_rows() -> list[list[object]]:
    """Kegiatan row, two changed sub kegiatan, an unchanged one, an unknown one, a repeat."""
    return [
        ["1.06.01.2.08", KEGIATAN, 487276000, 464023610, 455388173.54, None],
        ["1.06.01.2.08.0001", "Penyediaan Jasa Surat Menyurat", 5722000, 4000000, 3500000.0, ""],
        ["1.06.01.2.08.0004", "penyediaan jasa  pelayanan umum kantor", 411640000.0,
         "393.034.610", "386.609.333,54", "teks"],
        ["1.06.01.2.08.0099", "Sub Kegiatan Yang Belum Ada", 1000, 1000, 500, None],
        ["1.06.01.2.08.0001", "Penyediaan Jasa Surat Menyurat", 5722000, 4000000, 3500000, ""],
        ["", PMKS_LAIN, None, None, None, None],
        ["", "Penyediaan Permakanan", 57000000, 61500000, "58.560.000", None],
    ]  # fmt: skip


def changed_lines(before: str, after: str) -> set[tuple[str, str]]:
    """(old, new) pairs of the lines a diff replaces; any other change fails the test."""
    pairs: set[tuple[str, str]] = set()
    matcher = difflib.SequenceMatcher(a=before.splitlines(), b=after.splitlines())
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        assert op == "replace" and a2 - a1 == b2 - b1, (op, before.splitlines()[a1:a2])
        pairs.update(zip(before.splitlines()[a1:a2], after.splitlines()[b1:b2], strict=True))
    return pairs


def run(*args: str) -> tuple[int, str]:
    result = RUNNER.invoke(app, ["impor", "anggaran", *args])
    return result.exit_code, result.output
