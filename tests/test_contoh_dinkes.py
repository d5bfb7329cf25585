"""The second example agency, a Dinas Kesehatan (examples/dinkes-2024), end to end.

Every expected figure comes from the hand calculation in
``examples/dinkes-2024/PERHITUNGAN.md`` (worked from the data files, not read
off lkjip's output); each test names the line of that calculation it checks.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
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
    assert "Dinas Sosial" not in markdown and "Blitar" not in markdown


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
    assert shown(report.sasaran["S3"].efisiensi) == Decimal("0.65")
