"""Warnings an agency acknowledges in lkjip.yaml (issue 13 item 5), through the CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lkjip_cli.cli import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture()
def year(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "data" / "2024", tmp_path / "2024")
    return tmp_path / "2024"


def _acknowledge(year: Path, aturan: str, butir: str, alasan: str) -> int:
    """Append one acknowledgement to lkjip.yaml; the line it starts at."""
    path = year / "lkjip.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + f"  - aturan: {aturan}\n    butir: '{butir}'\n    alasan: {alasan}\n",
        encoding="utf-8",
    )
    return text.count("\n") + 1


def test_acknowledged_warnings_are_shown_and_counted_apart() -> None:
    result = runner.invoke(app, ["check", str(ROOT / "data" / "2024")])
    assert result.exit_code == 0
    assert "diakui [kelengkapan.tanpa-pembanding] indikator 'Nilai SAKIP'" in result.stdout
    assert "diakui [kelengkapan.tanpa-target-renstra] indikator 'Nilai SAKIP'" in result.stdout
    assert "      alasan: LKjIP acuan tidak menyajikan realisasi daerah lain" in result.stdout
    # the BLT gap is a real unexplained gap: not acknowledged
    assert "peringatan [tabel.batasan] tabel 'insentif_fiskal'" in result.stdout
    assert result.stdout.endswith("\n0 galat, 1 peringatan, 3 diakui\n")


def test_json_and_github_show_the_acknowledgement() -> None:
    data = str(ROOT / "data" / "2024")
    found = json.loads(runner.invoke(app, ["check", data, "-f", "json"]).stdout)
    acknowledged = [f for f in found if "diakui" in f]
    assert sorted(f["rule"] for f in acknowledged) == [
        "kelengkapan.tanpa-pembanding",
        "kelengkapan.tanpa-target-renstra",
        "tahun-baru.tanggal-pk-belum-diisi",
    ]
    assert all(f["severity"] == "warning" for f in acknowledged)
    github = runner.invoke(app, ["check", data, "-f", "github"]).stdout.splitlines()
    assert sum(line.startswith("::notice ") for line in github) == 3
    assert sum(line.startswith("::warning ") for line in github) == 1
    assert "(diakui: Renstra tidak menetapkan target" in "\n".join(github)


def test_strict_passes_when_every_warning_is_acknowledged(year: Path) -> None:
    assert runner.invoke(app, ["check", str(year), "--strict"]).exit_code == 1  # BLT
    _acknowledge(year, "tabel.batasan", "Bantuan Langsung Tunai", "uji")
    result = runner.invoke(app, ["check", str(year), "--strict"])
    assert result.exit_code == 0, result.stdout
    assert result.stdout.endswith("\n0 galat, 0 peringatan, 4 diakui\n")


def test_an_acknowledgement_matching_nothing_is_a_warning(year: Path) -> None:
    line = _acknowledge(year, "kelengkapan.tanpa-pembanding", "Indikator Lama", "dulu")
    result = runner.invoke(app, ["check", str(year), "--strict"])
    assert result.exit_code == 1
    assert (
        f"  {line}:5: peringatan [diakui.tidak-cocok] pengakuan "
        "'kelengkapan.tanpa-pembanding' untuk 'Indikator Lama' tidak cocok dengan temuan mana pun"
    ) in result.stdout


def test_an_error_cannot_be_acknowledged(year: Path) -> None:
    narasi = year / "narasi" / "bab-4.md"
    narasi.write_text(narasi.read_text(encoding="utf-8") + "\n{{ tahunn }}\n", encoding="utf-8")
    line = _acknowledge(year, "narasi.placeholder", "tahunn", "nanti")
    result = runner.invoke(app, ["check", str(year)])
    assert result.exit_code == 1
    assert "galat [narasi.placeholder] 'tahunn' tidak dikenal" in result.stdout
    assert (
        f"  {line}:5: peringatan [diakui.galat] 'narasi.placeholder' untuk 'tahunn' adalah "
        "galat dan tidak dapat diakui; perbaiki datanya"
    ) in result.stdout
