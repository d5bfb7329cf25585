"""Filters that choose words from the figures: every direction, equality, a missing figure."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lkjip_cli.cli import app
from lkjip_cli.render.jinja import NARRATIVE_FILTERS, FilterValueError
from lkjip_cli.render.sandbox import NarrativeError, render_narrative

ROOT = Path(__file__).resolve().parents[3]


def render(source: str, **context: Any) -> str:
    return render_narrative(source, "narasi/bab-3.md", {"tahun": 2024, **context})


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("naik_turun", ("kenaikan", "penurunan", "perubahan")),
        ("naik_atau_turun", ("naik", "turun", "tetap")),
        ("meningkat_menurun", ("meningkat", "menurun", "tetap")),
    ],
)
def test_a_change_in_words(name: str, words: tuple[str, str, str]) -> None:
    up, down, same = words
    change = NARRATIVE_FILTERS[name]
    # the sign of one figure (a difference) ...
    assert (change(Decimal("0.01")), change(Decimal("-0.01")), change(0)) == (up, down, same)
    # ... or a figure against an earlier one: 95,38 against 95,37, 96,70 and itself
    now = Decimal("95.38")
    assert change(now, Decimal("95.37")) == up
    assert change(now, Decimal("96.70")) == down
    assert change(now, Decimal("95.380")) == same
    assert change(None) == "-" and change(now, None) == "-"
    with pytest.raises(FilterValueError):
        change(0.5)  # a float lost exactness somewhere: refused


def test_banding() -> None:
    banding = NARRATIVE_FILTERS["banding"]
    assert banding(Decimal("95.38"), Decimal("94.25")) == "lebih tinggi"
    assert banding(Decimal("94.25"), Decimal("95.38")) == "lebih rendah"
    assert banding(Decimal("94.25"), Decimal("94.250")) == "sama dengan"
    assert banding(Decimal("95.38"), Decimal("94.25"), "dari") == "lebih tinggi dari"
    assert banding(1, 2, "dari") == "lebih rendah dari"
    assert banding(2, 2, "dari") == "sama dengan"  # "sama dengan dari" would be wrong
    assert banding(None, 2) == "-"
    with pytest.raises(FilterValueError):
        banding(1, 2, "daripada")


class _Indikator:
    def __init__(self, polaritas: str, target: Any, realisasi: Any) -> None:
        self.polaritas, self.target, self.realisasi = polaritas, target, realisasi
        self.capaian = Decimal(999)  # must not decide for an indicator: its figures do


class _Sasaran:
    def __init__(self, capaian: Any) -> None:
        self.capaian = capaian


def test_status_target_by_polarity() -> None:
    status = NARRATIVE_FILTERS["status_target"]
    # higher is better: 100 of a target of 100 is met, 95,38 is not
    assert status(_Indikator("naik", 100, 100)) == "tercapai"
    assert status(_Indikator("naik", 100, Decimal("95.38"))) == "belum tercapai"
    assert status(_Indikator("naik", 100, 101)) == "tercapai"
    # lower is better: 98,5 deaths against a target of 105 is met, 112,3 is not
    assert status(_Indikator("turun", 105, Decimal("98.5"))) == "tercapai"
    assert status(_Indikator("turun", 105, 105)) == "tercapai"
    assert status(_Indikator("turun", 105, Decimal("112.3"))) == "belum tercapai"
    assert status(_Indikator("naik", 100, None)) == "-"
    # a sasaran: its mean capaian against 100%
    assert status(_Sasaran(Decimal("95.38"))) == "belum tercapai"
    assert status(_Sasaran(100)) == "tercapai"
    assert status(_Sasaran(None)) == "-"
    assert status(_Sasaran(100), "terpenuhi", "belum terpenuhi") == "terpenuhi"
    assert status(_Sasaran(99), "terpenuhi", "belum terpenuhi") == "belum terpenuhi"
    with pytest.raises(FilterValueError, match="indikator atau sasaran"):
        status(Decimal(1))


def test_kapital() -> None:
    assert render("{{ x | naik_turun | kapital }} kinerja", x=Decimal("-1")) == "Penurunan kinerja"
    assert NARRATIVE_FILTERS["kapital"]("") == ""


def test_in_a_narrative() -> None:
    text = render(
        "Dibandingkan tahun {{ tahun - 1 }} realisasi {{ a | naik_atau_turun(b) }}; "
        "capaian ini {{ a | banding(c) }}, {{ a | banding(b, 'dari') }} {{ b }}.",
        a=Decimal("95.38"),
        b=Decimal("95.37"),
        c=Decimal("96"),
    )
    assert text == (
        "Dibandingkan tahun 2023 realisasi naik; capaian ini lebih rendah, lebih tinggi dari 95.37."
    )


def test_a_wrong_argument_is_a_finding_not_a_crash() -> None:
    with pytest.raises(NarrativeError) as err:
        render("{{ 1 | banding(2, 'lebih') }}")
    assert "banding" in err.value.message


def test_the_2024_claims_follow_the_benchmark(tmp_path: Path) -> None:
    """data/2024 says "lebih tinggi" than Lombok Tengah; a higher benchmark flips it."""
    year = tmp_path / "2024"
    shutil.copytree(ROOT / "data" / "2024", year)
    realisasi = year / "realisasi.yaml"
    text = realisasi.read_text(encoding="utf-8")
    assert text.count("      realisasi: 94,25\n") == 1
    realisasi.write_text(text.replace("      realisasi: 94,25\n", "      realisasi: 97,10\n"))

    def report(directory: Path, out: Path) -> str:
        result = CliRunner().invoke(
            app, ["build", str(directory), "--out", str(out), "--format", "md"]
        )
        assert result.exit_code == 0, result.output
        return (out / "lkjip-2024.md").read_text(encoding="utf-8")

    before = report(ROOT / "data" / "2024", tmp_path / "sebelum")
    after = report(year, tmp_path / "sesudah")
    # 95,38 against 94,25, then against 97,10
    assert "maka capaian ini lebih tinggi." in before
    assert "maka angka capaian lebih tinggi, selisih 1,13%" in before
    assert "maka capaian ini lebih rendah." in after
    assert "maka angka capaian lebih rendah, selisih 1,72%" in after
    assert "lebih tinggi" not in after.split("maka capaian ini")[1].split(".")[0]
