"""The second example agency, a Dinas Kesehatan (examples/dinkes-2024), end to end.

Every expected figure comes from the hand calculation in
``examples/dinkes-2024/PERHITUNGAN.md`` (worked from the data files, not read
off lkjip's output); each test names the line of that calculation it checks.
"""

from __future__ import annotations

import runpy
import shutil
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lkjip_cli import api
from lkjip_cli.cli import app
from lkjip_cli.report import Report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "dinkes-2024"


def shown(value: Decimal | None) -> Decimal:
    """A percentage as the report prints it: two decimals, half up."""
    assert value is not None
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.fixture(scope="module")
def report() -> Report:
    """The example's computed Report (checked clean)."""
    result = api.check(EXAMPLE)
    assert result.report is not None, result.findings
    return result.report


def test_check_is_clean_without_errors_or_warnings() -> None:
    result = api.check(EXAMPLE)
    assert [f"{f.rule} {f.message}" for f in result.findings] == []
    cli = CliRunner().invoke(app, ["check", str(EXAMPLE)])
    assert cli.exit_code == 0, cli.output


def test_build_writes_docx_markdown_and_html(tmp_path: Path) -> None:
    result = api.build(EXAMPLE, tmp_path)
    assert not [f for f in result.findings if f.severity == "error"], result.findings
    names = {p.name for p in result.written}
    assert {"lkjip-2024.docx", "lkjip-2024.md", "lkjip-2024.html"} <= names
    markdown = (tmp_path / "lkjip-2024.md").read_text(encoding="utf-8")
    # the AKI sentence of BAB III: realization, unit and capaian as printed
    assert "98,50 per 100.000 kelahiran hidup, lebih rendah dari target 105" in markdown
    assert "capaiannya 106,19%" in markdown
    # the declared tables, placed and numbered, with the health sector's own titles
    assert "**Tabel 3.4** Cakupan Imunisasi Dasar Lengkap per Kecamatan dan Puskesmas" in markdown
    assert "Capaian Standar Pelayanan Minimal Bidang Kesehatan Tahun 2024" in markdown
    assert "Status Akreditasi Puskesmas Kabupaten Sukamaju Tahun 2024" in markdown
    assert "Bidang Sosial" not in markdown
    assert "Dinas Sosial" not in markdown and "Blitar" not in markdown
    # cells and totals of the declared tables in the prose (PERHITUNGAN.md §1)
    assert "dari 5.877 sasaran bayi, 5.543 bayi mendapat imunisasi dasar lengkap" in markdown
    assert "dari 15 puskesmas, 13 puskesmas telah terakreditasi" in markdown
    html = (tmp_path / "lkjip-2024.html").read_text(encoding="utf-8")
    assert "Capaian Standar Pelayanan Minimal Bidang Kesehatan Tahun 2024" in html
    assert (tmp_path / "lkjip-2024.docx").stat().st_size > 0


def test_the_committed_xlsx_holds_what_its_script_writes() -> None:
    # cell by cell, not byte by byte: another openpyxl version may zip differently
    from openpyxl import load_workbook

    script = runpy.run_path(str(EXAMPLE / "tabel" / "buat_xlsx.py"))

    def cells(book: BytesIO | Path) -> list[tuple[object, ...]]:
        return list(load_workbook(book)["Akreditasi"].iter_rows(values_only=True))

    written = cells(BytesIO(script["workbook_bytes"]()))
    assert written == cells(EXAMPLE / "tabel" / "akreditasi.xlsx")
    assert len(written) == 16 and [row[4] for row in written[1:]].count(1) == 13


def test_aki_is_lower_is_better_with_the_default_method(report: Report) -> None:
    # PERHITUNGAN.md §2: (2 × 105 − 98,5) ÷ 105 × 100 = 106,1905 → 106,19 %
    aki = report.indikator["aki"]
    assert aki.polaritas == "turun"
    assert aki.target == Decimal(105) and aki.realisasi == Decimal("98.5")
    assert shown(aki.capaian) == Decimal("106.19")
    # not target ÷ realisasi (106,60 %): the default for turun is 2target-realisasi
    assert shown(aki.capaian) != Decimal("106.60")
    # §2, against the Renstra target 95: (2 × 95 − 98,5) ÷ 95 × 100 = 96,32 %
    assert shown(aki.capaian_renstra) == Decimal("96.32")
    # §2: 98,5 − 109,7 = −11,2 against 2023 (a decrease: better)
    assert aki.selisih_tahun[2023] == Decimal("-11.2")


def test_indicators_capaian(report: Report) -> None:
    # PERHITUNGAN.md §2
    expected = {
        "aki": "106.19",
        "idl": "99.28",
        "akreditasi": "96.30",
        "ikm": "102.88",
        "nilai_sakip": "98.08",
    }
    assert {k: shown(report.indikator[k].capaian) for k in expected} == {
        k: Decimal(v) for k, v in expected.items()
    }


def test_realizations_computed_from_the_declared_tables(report: Report) -> None:
    # PERHITUNGAN.md §1–2: 13 ÷ 15 × 100 = 86,6667 (XLSX rows); 5.543 ÷ 5.877 × 100 = 94,3168
    six = Decimal("0.000001")
    akreditasi = report.indikator["akreditasi"].realisasi
    idl = report.indikator["idl"].realisasi
    assert akreditasi is not None and idl is not None
    assert akreditasi.quantize(six) == Decimal("86.666667")
    assert shown(akreditasi) == Decimal("86.67")
    assert idl.quantize(six) == Decimal("94.316828")
    assert shown(report.indikator["akreditasi"].capaian) == Decimal("96.30")


def test_sasaran_capaian_is_the_mean_of_its_indicators(report: Report) -> None:
    # PERHITUNGAN.md §3: S1 = (106,1905 + 99,2809) ÷ 2 = 102,7357 → 102,74 %
    assert shown(report.sasaran["S1"].capaian) == Decimal("102.74")
    assert shown(report.sasaran["S2"].capaian) == Decimal("99.59")
    assert shown(report.sasaran["S3"].capaian) == Decimal("98.08")
    assert {s.predikat for s in report.sasaran.values()} == {"Sangat Tinggi"}


def test_budget_sums_and_serapan(report: Report) -> None:
    # PERHITUNGAN.md §4
    anggaran = report.anggaran
    assert (anggaran.jumlah_program, anggaran.jumlah_kegiatan, anggaran.jumlah_sub_kegiatan) == (
        4,
        9,
        15,
    )
    assert anggaran.pagu_murni == Decimal("49768750000")
    assert anggaran.pagu_perubahan == Decimal("50948745000")
    assert anggaran.realisasi == Decimal("49494404705")
    assert shown(anggaran.serapan) == Decimal("97.15")
    serapan = {p.id: shown(p.serapan) for p in anggaran.program}
    assert serapan == {
        "penunjang": Decimal("97.44"),
        "upaya_kesehatan": Decimal("96.10"),
        "sdm_kesehatan": Decimal("96.30"),
        "pemberdayaan": Decimal("94.69"),
    }


def test_sasaran_budget_and_efisiensi_capaian_minus_serapan(report: Report) -> None:
    # PERHITUNGAN.md §5 (efisiensi method capaian-serapan)
    s1 = report.sasaran["S1"]
    assert s1.program == ["upaya_kesehatan", "pemberdayaan"]
    assert s1.pagu == Decimal("8615600000") and s1.realisasi == Decimal("8274356530")
    assert shown(s1.serapan) == Decimal("96.04")
    assert shown(s1.efisiensi) == Decimal("6.70")
    # from the printed figures: 99,59 − 96,30 and 98,08 − 97,44 (the unrounded
    # 99,5872 − 96,3027 and 98,0833 − 97,4365 would print 3,28 and 0,65)
    assert report.sasaran["S2"].efisiensi == Decimal("3.29")
    assert report.sasaran["S3"].efisiensi == Decimal("0.64")


def _copy(tmp_path: Path) -> Path:
    """A copy of the example to mistype in."""
    return Path(shutil.copytree(EXAMPLE, tmp_path / "dinkes-2024"))


def test_a_mistyped_puskesmas_cell_is_found_at_its_group_row(tmp_path: Path) -> None:
    # PERHITUNGAN.md §1: Puskesmas Cempaka's IDL 338 typed 328 → 587 + 409 + 328 = 1.324,
    # while Kecamatan Sukamaju states 1.334
    root = _copy(tmp_path)
    table = root / "tabel" / "imunisasi.yaml"
    text = table.read_text(encoding="utf-8")
    row = "{nama: Puskesmas Cempaka, sasaran: 351, idl: 338}"
    assert text.count(row) == 1
    table.write_text(text.replace(row, row.replace("338", "328")), encoding="utf-8")
    line = text.splitlines().index("    idl: 1.334") + 1
    findings = api.check(root).findings
    assert [f.rule for f in findings] == ["tabel.rincian-tidak-cocok"]
    (finding,) = findings
    assert finding.severity == "error"
    assert finding.position is not None
    assert Path(finding.position.file).parts[-2:] == ("tabel", "imunisasi.yaml")
    assert finding.position.line == line
    assert "Kecamatan Sukamaju" in finding.message
    assert "1.334" in finding.message and "1.324" in finding.message
    assert "Puskesmas Cempaka" in finding.message and "338" in finding.message
    assert CliRunner().invoke(app, ["check", str(root)]).exit_code == 1


def test_a_word_in_a_number_cell_of_the_xlsx_is_found_at_its_cell(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    root = _copy(tmp_path)
    book = root / "tabel" / "akreditasi.xlsx"
    wb = load_workbook(book)
    sheet = wb["Akreditasi"]
    assert sheet["A8"].value == "Puskesmas Sendangrejo" and sheet["E8"].value == 0
    sheet["E8"] = "belum"
    wb.save(book)
    findings = api.check(root).findings
    assert [f.rule for f in findings] == ["input.angka-tidak-sah"]
    assert findings[0].position is not None
    assert findings[0].position.file.endswith("akreditasi.xlsx")
    assert findings[0].position.cell == "Akreditasi!E8"


@pytest.mark.parametrize(
    ("typed", "rules"), [("86,67", []), ("86,76", ["indikator.realisasi-tidak-cocok"])]
)
def test_a_typed_realization_is_checked_against_the_table(
    tmp_path: Path, typed: str, rules: list[str]
) -> None:
    # PERHITUNGAN.md §2: 13 ÷ 15 × 100 = 86,6667, which prints as 86,67 (two digits swapped: 86,76)
    root = _copy(tmp_path)
    realisasi = root / "realisasi.yaml"
    text = realisasi.read_text(encoding="utf-8")
    entry = next(line for line in text.splitlines() if line.startswith("  - indikator: akreditasi"))
    realisasi.write_text(
        text.replace(entry, f"  - indikator: akreditasi\n    realisasi: {typed}"), encoding="utf-8"
    )
    findings = api.check(root).findings
    assert [f.rule for f in findings] == rules
    if findings:
        line = text[: text.index(entry)].count("\n") + 2  # the inserted realisasi line
        assert findings[0].position is not None and findings[0].position.line == line
        assert "13" in findings[0].message and "15" in findings[0].message


def test_the_trend_charts_are_native_in_docx_and_svg_in_html(tmp_path: Path) -> None:
    # BAB III charts four figures: tren-S1 (AKI), tren-rpjmd, garis-akreditasi (any
    # indicator, as a line) and tren-S3. The accreditation chart's values are the
    # history typed in realisasi.yaml (66,67 and 80) and 2024's realization computed
    # from the table, 13 ÷ 15 × 100 (PERHITUNGAN.md), as Word stores a double.
    import zipfile

    from lxml import etree

    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
    api.build(EXAMPLE, tmp_path, ("docx", "html"))
    with zipfile.ZipFile(tmp_path / "lkjip-2024.docx") as package:
        charts = sorted(n for n in package.namelist() if n.startswith("word/charts/chart"))
        assert len(charts) == 4
        caches = {}
        for name in charts:
            root = etree.fromstring(package.read(name))
            for ser in root.xpath(".//c:ser", namespaces=ns):
                values = ser.xpath("./c:val/c:numRef/c:numCache/c:pt/c:v/text()", namespaces=ns)
                caches.setdefault(name, []).append([Decimal(v) for v in values])
    akreditasi = Decimal(13 * 100) / Decimal(15)
    stored = +akreditasi.quantize(Decimal("1e-13"))  # 15 significant digits
    (line_chart,) = [
        name for name, series in caches.items() if [Decimal("66.67"), Decimal(80), stored] in series
    ]
    with zipfile.ZipFile(tmp_path / "lkjip-2024.docx") as package:
        root = etree.fromstring(package.read(line_chart))
    assert root.xpath(".//c:lineChart", namespaces=ns)
    html = (tmp_path / "lkjip-2024.html").read_text(encoding="utf-8")
    svgs = [part.split("</svg>")[0] for part in html.split("<svg")[1:]]
    assert len(svgs) == 5  # the four charts and the organisation chart
    assert sum("Persentase puskesmas terakreditasi" in svg for svg in svgs) == 1
