"""``lkjip init``: a neutral year for any agency, checked and built through the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lkjip_cli import api
from lkjip_cli.cli import app
from lkjip_cli.model import FILES

runner = CliRunner()

INIT = ["--nama", "Badan Pendapatan Kota Tepian", "--daerah", "Kota Tepian", "--tahun", "2026"]


def _init(target: Path) -> None:
    result = runner.invoke(app, ["init", str(target), *INIT])
    assert result.exit_code == 0, result.output


def test_init_check_build(tmp_path: Path) -> None:
    target = tmp_path / "data" / "2026"
    result = runner.invoke(app, ["init", str(target), *INIT])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{target} dibuat: 13 berkas.\n")
    assert "(sekarang: 0 galat, 2 peringatan)" in result.stdout
    for name in FILES:
        if name != "tabel":
            assert (target / name).is_file(), name

    check = runner.invoke(app, ["check", str(target)])
    assert check.exit_code == 0, check.output
    rules = sorted(
        line.split("[")[1].split("]")[0] for line in check.stdout.splitlines() if "[" in line
    )
    # only what a planner fills in: the DPA amounts and the PK's date
    assert rules == ["tahun-baru.pagu-belum-diisi", "tahun-baru.tanggal-pk-belum-diisi"]

    out = tmp_path / "keluaran"
    build = runner.invoke(app, ["build", str(target), "--out", str(out)])
    assert build.exit_code == 0, build.output
    assert {p.name for p in out.iterdir()} >= {
        "lkjip-2026.docx",
        "lkjip-2026.md",
        "lkjip-2026.html",
    }
    report = (out / "lkjip-2026.md").read_text(encoding="utf-8")
    assert "Badan Pendapatan Kota Tepian Tahun 2026" in report
    assert "kewenangan Kota Tepian" in report
    assert "Dibanding tahun 2025" in report  # years in the prose come from the data
    assert "ISI" not in report.replace("DAFTAR ISI", "")  # the fill-in notes stay in the data


def test_every_value_to_fill_is_marked(tmp_path: Path) -> None:
    target = tmp_path / "baru"
    _init(target)
    for path in sorted(target.rglob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "# ISI" in text or "{# ISI" in text, path
            assert "@@" not in text, path  # every template token replaced


def test_names_come_only_from_the_options(tmp_path: Path) -> None:
    target = tmp_path / "baru"
    result = runner.invoke(
        app,
        ["init", str(target), "--nama", 'Dinas "A" \\ B', "--daerah", "Kab: C", "--tahun", "2030"],
    )
    assert result.exit_code == 0, result.output
    data, findings = api.load(target)
    assert data is not None, findings
    assert data.instansi.nama == 'Dinas "A" \\ B'
    assert data.instansi.daerah == "Kab: C"
    assert data.instansi.pemerintah == "Pemerintah Kab: C"
    assert data.config.tahun == 2030


def test_refuses_a_directory_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "ada").mkdir()
    (tmp_path / "ada" / "catatan.txt").write_text("x")
    result = runner.invoke(app, ["init", str(tmp_path / "ada"), *INIT])
    assert result.exit_code == 2
    assert "sudah ada dan tidak kosong" in result.stderr
    assert [p.name for p in (tmp_path / "ada").iterdir()] == ["catatan.txt"]


def test_fills_an_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "kosong").mkdir()
    _init(tmp_path / "kosong")
    assert (tmp_path / "kosong" / "lkjip.yaml").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--nama", " ", "--daerah", "X", "--tahun", "2026"], "--nama harus berupa satu baris"),
        (["--nama", "A", "--daerah", "X", "--tahun", "1900"], "--tahun 1900 di luar"),
    ],
)
def test_refuses_bad_options(tmp_path: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "x"), *args])
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "x").exists()


def test_options_are_required(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "x"), "--nama", "A", "--tahun", "2026"])
    assert result.exit_code == 2
    assert result.stderr.endswith("galat: opsi --daerah wajib diisi\n")


def test_the_budget_sentence_says_whether_the_revision_changed_the_pagu(tmp_path: Path) -> None:
    target = tmp_path / "2026"
    _init(target)
    sentence = "disediakan anggaran sebesar Rp. {}, yang {}, dengan rincian"

    def built() -> str:
        out = tmp_path / "keluaran"
        result = runner.invoke(app, ["build", str(target), "--out", str(out), "-f", "md"])
        assert result.exit_code == 0, result.output
        return (out / "lkjip-2026.md").read_text(encoding="utf-8")

    assert sentence.format("0,00", "tidak berubah dalam perubahan anggaran") in built()
    anggaran = target / "anggaran.yaml"
    text = anggaran.read_text(encoding="utf-8")
    text = text.replace("pagu_murni: 0 ", "pagu_murni: 1.200.000 ", 1)
    anggaran.write_text(text.replace("pagu_perubahan: 0 ", "pagu_perubahan: 1.000.000 ", 1))
    assert (
        sentence.format("1.200.000,00", "dalam perubahan anggaran turun menjadi Rp. 1.000.000,00")
        in built()
    )
