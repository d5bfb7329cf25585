"""Rules over the predikat scale: gaps, overlaps, empty bands, coverage."""

from __future__ import annotations

from conftest import Dataset

GOOD = """\
  - {dari: 91, sampai: null, predikat: Sangat Tinggi}
  - {dari: 76, sampai: 91, predikat: Tinggi}
  - {dari: 66, sampai: 76, predikat: Sedang}
  - {dari: 51, sampai: 66, predikat: Rendah}
  - {dari: null, sampai: 51, predikat: Sangat Rendah}
"""


def _scale(minimal: Dataset, bands: str) -> None:
    minimal.edit("lkjip.yaml", GOOD, bands)


def test_the_references_printed_scale_has_gaps_and_an_end(minimal: Dataset) -> None:
    # Tabel 3.1: 91–100, 76–90, 66–75, 51–65, ≤ 50, written as half-open bands
    _scale(
        minimal,
        """\
  - {dari: 91, sampai: 100, predikat: Sangat Tinggi}
  - {dari: 76, sampai: 90, predikat: Tinggi}
  - {dari: 66, sampai: 75, predikat: Sedang}
  - {dari: 51, sampai: 65, predikat: Rendah}
  - {dari: null, sampai: 50, predikat: Sangat Rendah}
""",
    )
    findings = [f for f in minimal.check() if f.rule.startswith("skala.")]
    assert sorted(f.rule for f in findings) == ["skala.celah"] * 4 + ["skala.tidak-mencakup"]
    gaps = sorted(
        f.message.split(" tidak memiliki")[0] for f in findings if f.rule == "skala.celah"
    )
    assert gaps == [
        "capaian dari 50% sampai kurang dari 51%",
        "capaian dari 65% sampai kurang dari 66%",
        "capaian dari 75% sampai kurang dari 76%",
        "capaian dari 90% sampai kurang dari 91%",
    ]
    [top] = [f for f in findings if f.rule == "skala.tidak-mencakup"]
    assert top.message.startswith("capaian 100% ke atas tidak memiliki predikat")
    assert top.position is not None
    assert top.position.line == minimal.line("lkjip.yaml", "sampai: 100")


def test_overlap(minimal: Dataset) -> None:
    minimal.edit(
        "lkjip.yaml",
        "{dari: 76, sampai: 91, predikat: Tinggi}",
        "{dari: 76, sampai: 92, predikat: Tinggi}",
    )
    [finding] = minimal.check()
    assert finding.rule == "skala.tumpang-tindih"
    assert finding.message.startswith(
        "capaian dari 91% sampai kurang dari 92% termasuk dua predikat"
    )


def test_two_open_ended_bands_overlap(minimal: Dataset) -> None:
    minimal.edit(
        "lkjip.yaml",
        "{dari: 76, sampai: 91, predikat: Tinggi}",
        "{dari: 76, sampai: null, predikat: Tinggi}",
    )
    assert minimal.rules() == ["skala.tumpang-tindih"]


def test_empty_band(minimal: Dataset) -> None:
    minimal.edit(
        "lkjip.yaml",
        "{dari: 66, sampai: 76, predikat: Sedang}",
        "{dari: 76, sampai: 66, predikat: Sedang}",
    )
    rules = minimal.rules()
    assert "skala.interval-kosong" in rules
    assert "skala.celah" in rules  # 66–76 now has no predikat


def test_low_end_not_covered(minimal: Dataset) -> None:
    minimal.edit(
        "lkjip.yaml",
        "{dari: null, sampai: 51, predikat: Sangat Rendah}",
        "{dari: 10, sampai: 51, predikat: Sangat Rendah}",
    )
    [finding] = minimal.check()
    assert finding.rule == "skala.tidak-mencakup"
    assert finding.message.startswith("capaian di bawah 10% tidak memiliki predikat")


def test_a_closed_top_is_fine_above_the_cap(minimal: Dataset) -> None:
    # capaian is capped at 120, and the top band reaches beyond it
    minimal.edit("lkjip.yaml", "batas_atas: null", "batas_atas: 120")
    minimal.edit(
        "lkjip.yaml",
        "{dari: 91, sampai: null, predikat: Sangat Tinggi}",
        "{dari: 91, sampai: 121, predikat: Sangat Tinggi}",
    )
    assert minimal.check() == []
    minimal.edit("lkjip.yaml", "sampai: 121", "sampai: 120")
    assert minimal.rules() == ["skala.tidak-mencakup"]


def test_default_scale_is_clean(minimal: Dataset) -> None:
    minimal.edit("lkjip.yaml", "predikat:\n" + GOOD, "")
    assert minimal.check() == []
