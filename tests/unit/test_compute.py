"""Derived figures, against hand calculation over data/2024 (never the printed ones)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_cli.compute import capaian, compute, efisiensi, predikat
from lkjip_cli.model.config import Config
from lkjip_cli.numbers import format_percent
from lkjip_cli.report import Report
from lkjip_cli.validate import load

DATA = Path(__file__).resolve().parents[2] / "data" / "2024"


@pytest.fixture(scope="module")
def report() -> Report:
    data = load(DATA).data
    assert data is not None
    return compute(data)


def test_budget_sums_from_the_leaves(report: Report) -> None:
    a = report.anggaran
    assert (a.jumlah_program, a.jumlah_kegiatan, a.jumlah_sub_kegiatan) == (6, 14, 45)
    # each level equals the sum of the level below
    for p in a.program:
        assert p.pagu_perubahan == sum(k.pagu_perubahan for k in p.kegiatan)
        for k in p.kegiatan:
            assert k.realisasi == sum(s.realisasi for s in k.sub_kegiatan)
    assert a.pagu_murni == sum(p.pagu_murni for p in a.program)
    # 16.162.638.086,54 ÷ 17.223.131.900 = 0,93842619…
    assert a.realisasi == Decimal("16162638086.54")
    assert format_percent(a.serapan) == "93,84%"


def test_sasaran_figures(report: Report) -> None:
    s1, s2 = report.sasaran["S1"], report.sasaran["S2"]
    # S1: PMKS 105.582 of 110.692 handled = 95,3836%, target 100
    assert format_percent(s1.capaian) == "95,38%"
    assert s1.predikat == "Sangat Tinggi"
    # programs of S1: all but Penunjang; 11.116.008.650 ÷ 11.854.989.245 = 93,7665%
    assert s1.pagu == Decimal("11854989245")
    assert format_percent(s1.serapan) == "93,77%"
    assert format_percent(s1.efisiensi) == "6,23%"
    # S2: SAKIP 60,15 of target 70 = 85,9286%; 5.046.629.436,54 ÷ 5.368.142.655 = 94,0107%
    assert format_percent(s2.capaian) == "85,93%"
    assert s2.predikat == "Tinggi"
    assert format_percent(s2.serapan) == "94,01%"
    assert format_percent(s2.efisiensi) == "5,99%"


def test_trends_and_benchmark(report: Report) -> None:
    ind = report.indikator["pmks_tertangani"]
    assert format_percent(ind.selisih_tahun[2023]) == "0,01%"  # 95,3836 − 95,37
    assert format_percent(ind.selisih_tahun[2022]) == "-1,32%"  # 95,3836 − 96,70
    assert format_percent(ind.selisih_pembanding) == "1,13%"  # 95,3836 − 94,25
    assert report.rpjmd[0].selisih == Decimal("0.43")  # 9,19 − 8,76
    total = report.tabel["pmks"].jumlah
    assert total is not None
    assert (total.nilai["jumlah"], total.nilai["tertangani"]) == (110692, 105582)
    assert (report.pegawai.jumlah, report.pegawai.asn) == (40, 26)


@pytest.mark.parametrize(
    ("target", "real", "polaritas", "metode", "cap", "expected"),
    [
        (Decimal(100), Decimal(95), "naik", None, None, Decimal(95)),
        (Decimal(0), Decimal(5), "naik", None, None, None),
        (Decimal(70), Decimal(0), "naik", None, None, Decimal(0)),
        (Decimal(70), Decimal(84), "naik", None, Decimal(100), Decimal(100)),
        (Decimal(70), Decimal(84), "naik", None, Decimal(120), Decimal(120)),
        (Decimal(10), Decimal(8), "turun", "target/realisasi", None, Decimal(125)),
        (Decimal(10), Decimal(0), "turun", "target/realisasi", None, None),
        (Decimal(10), Decimal(8), "turun", "2target-realisasi", None, Decimal(120)),
        (Decimal(10), Decimal(25), "turun", "2target-realisasi", None, Decimal(0)),
        (Decimal(0), Decimal(1), "turun", "2target-realisasi", None, None),
        (None, Decimal(1), "naik", None, None, None),
    ],
)
def test_capaian_edges(
    target: Decimal | None,
    real: Decimal,
    polaritas: str,
    metode: str | None,
    cap: Decimal | None,
    expected: Decimal | None,
) -> None:
    assert capaian(target, real, polaritas, metode, cap) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("91", "Sangat Tinggi"),
        ("90.996", "Sangat Tinggi"),
        ("90.994", "Tinggi"),
        ("76", "Tinggi"),
        ("75.99", "Sedang"),
        ("66", "Sedang"),
        ("51", "Rendah"),
        ("50.99", "Sangat Rendah"),
        ("0", "Sangat Rendah"),
        ("130", "Sangat Tinggi"),
    ],
)
def test_predikat_default_scale_is_gap_free(value: str, expected: str) -> None:
    assert predikat(Decimal(value), Config(tahun=2024).scale()) == expected


def test_efisiensi_methods() -> None:
    assert efisiensi(Decimal(95), Decimal("93.77"), "100-serapan") == Decimal("6.23")
    assert efisiensi(Decimal(95), Decimal("93.77"), "capaian-serapan") == Decimal("1.23")
    assert efisiensi(None, Decimal(50), "capaian-serapan") is None
    assert efisiensi(Decimal(95), None, "100-serapan") is None


@pytest.mark.parametrize(
    "root",
    [DATA, *sorted((DATA.parents[1] / "tests" / "fixtures" / "valid").iterdir())],
    ids=lambda p: p.name,
)
def test_the_report_is_what_validation_would_make_of_it(root: Path) -> None:
    """compute builds the Report without validating it (model_construct, type-checked by
    mypy instead): every value must already be what the model's validation would make."""
    data = load(root).data
    assert data is not None
    report = compute(data)
    assert Report.model_validate(report.model_dump()) == report
    # a declared table's cells are typed by its columns, not by the model: JSON keeps
    # their text, so the JSON round trip is checked without them
    plain = report.model_copy(update={"tabel": {}})
    assert Report.model_validate_json(plain.model_dump_json()) == plain
