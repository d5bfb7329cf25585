"""Every command through typer's CliRunner: exit code and exact text."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lkjip_cli import __version__, api
from lkjip_cli.cli import app
from lkjip_cli.schemas import schemas

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MINIMAL = FIXTURES / "valid" / "minimal"
COMMANDS = tuple(
    c.name or c.callback.__name__  # type: ignore[union-attr]
    for c in app.registered_commands
)
"""Every command, including those added later: each must have Indonesian help."""

runner = CliRunner()

SHOW_MINIMAL = """\
LKjIP 2024 — Dinas Sosial Kabupaten Contoh

Anggaran
  Pagu murni           Rp. 1.300.000,00
  Pagu perubahan       Rp. 1.400.000,00
  Realisasi            Rp. 1.290.000,00
  Serapan                        92,14%
  Jumlah program                      2
  Jumlah kegiatan                     4
  Jumlah sub kegiatan                 8

Sasaran
  Sasaran  Capaian  Predikat       Pagu perubahan       Realisasi  Serapan  Efisiensi
  S1        95,00%  Sangat Tinggi  Rp. 800.000,00  Rp. 740.000,00   92,50%      7,50%
  S2       110,00%  Sangat Tinggi  Rp. 600.000,00  Rp. 550.000,00   91,67%      8,33%
  S1: Meningkatnya Kesejahteraan PMKS
  S2: Meningkatnya Akuntabilitas Kinerja

Indikator
  Indikator                        Sasaran  Target  Realisasi  Capaian  Predikat
  Persentase PMKS yang tertangani  S1         100%        95%   95,00%  Sangat Tinggi
  Nilai SAKIP                      S2           70         77  110,00%  Sangat Tinggi

Penggunaan Dana Insentif Fiskal Tahun 2024
  Pagu             Rp. 300.000,00
  Realisasi        Rp. 280.000,00
  Target Penerima              14
  Berhasil Salur               13
  Gagal Salur                   1

Data PMKS Tahun 2024
  Jumlah (orang)                100
  Jumlah Tertangani (orang)      95
  Persentase Tertangani      95,00%
"""


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data repository in a temporary directory, as the working directory: data/2024."""
    shutil.copytree(MINIMAL, tmp_path / "data" / "2024")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _break_a_number(project: Path) -> None:
    path = project / "data" / "2024" / "anggaran.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("pagu_murni: 100.000", "pagu_murni: 100.00", 1), encoding="utf-8")


# check


def test_check_clean_data(project: Path) -> None:
    result = runner.invoke(app, ["check", "2024"])
    assert result.exit_code == 0
    assert result.stdout == "tidak ada temuan\n"


def test_check_a_directory_path() -> None:
    result = runner.invoke(app, ["check", str(MINIMAL)])
    assert (result.exit_code, result.stdout) == (0, "tidak ada temuan\n")


def test_check_invalid_data_exits_1(project: Path) -> None:
    _break_a_number(project)
    result = runner.invoke(app, ["check", "2024"])
    assert result.exit_code == 1
    assert "[input.angka-tidak-sah]" in result.stdout
    assert result.stdout.endswith("\n1 galat, 0 peringatan\n")


def test_check_misindented_line_exits_2_in_words(project: Path) -> None:
    """An item's key one space short is named at its line, in Indonesian, exit 2."""
    path = project / "data" / "2024" / "realisasi.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    realisasi: 77", "   realisasi: 77", 1), encoding="utf-8")
    line = text[: text.index("    realisasi: 77")].count("\n") + 1
    result = runner.invoke(app, ["check", "2024"])
    assert result.exit_code == 2
    assert (
        f"  {line}:4: galat [input.tidak-terbaca] YAML tidak dapat dibaca: baris ini tidak "
        "sejajar dengan butir daftar di atasnya"
    ) in result.stdout
    assert "Traceback" not in result.stdout


def test_check_refuses_a_line_that_looks_like_a_directive(project: Path) -> None:
    """``::: tabel.pk`` or ``::: tabel`` would print as text: an error at its line, exit 1."""
    path = project / "data" / "2024" / "narasi" / "bab-2.md"
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text + "\n\n::: tabel.pk\n", encoding="utf-8")
    line = text.count("\n") + 3
    result = runner.invoke(app, ["check", "2024"])
    assert result.exit_code == 1
    assert (
        f"  {line}:1: galat [narasi.arahan-tidak-dikenal] baris '::: tabel.pk' bukan arahan "
        "yang sah dan akan tercetak apa adanya; tulis '::: jenis nama' dipisah spasi, mis. "
        "'::: tabel pegawai' (jenis: tabel, gambar, daftar, tanda-tangan)\n"
    ) in result.stdout


def test_check_missing_directory_exits_2(project: Path) -> None:
    result = runner.invoke(app, ["check", "2023"])
    assert result.exit_code == 2
    assert "direktori data tidak ditemukan" in result.stdout


def test_check_json_and_github_formats(project: Path) -> None:
    result = runner.invoke(app, ["check", "2024", "--format", "json"])
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])
    result = runner.invoke(app, ["check", "2024", "-f", "github"])
    assert (result.exit_code, result.stdout) == (0, "")


def test_github_annotations_name_files_from_the_repository_root(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GitHub places an annotation by its path from the repository root, wherever the
    # step ran: here from data/, on ./2024
    _break_a_number(project)
    monkeypatch.setenv("GITHUB_WORKSPACE", str(project))
    monkeypatch.chdir(project / "data")
    result = runner.invoke(app, ["check", "./2024", "-f", "github"])
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=data/2024/anggaran.yaml,line=")


def test_a_hostile_file_name_forges_no_annotation(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    narasi = project / "data" / "2024" / "narasi"
    narasi.mkdir(exist_ok=True)
    (narasi / "x\n::error file=a.yaml::pwned.md").write_text("teks\n", encoding="utf-8")
    for fmt in ("text", "json", "github"):
        result = runner.invoke(app, ["check", "2024", "-f", fmt])
        assert result.exit_code == 0, result.output
        commands = [
            line
            for line in re.split(r"\r\n|\r|\n", result.stdout)
            if line.lstrip().startswith("::")
        ]
        expected = ["::warning file=data/2024/narasi/x%0A%3A%3Aerror file=a.yaml%3A%3Apwned.md"]
        assert [c.split(",line=")[0] for c in commands] == (expected if fmt == "github" else [])


# show


def test_show_text(project: Path) -> None:
    result = runner.invoke(app, ["show", "2024"])
    assert result.exit_code == 0
    assert result.stdout == SHOW_MINIMAL
    assert result.stderr == ""


def test_show_json_is_the_whole_report(project: Path) -> None:
    result = runner.invoke(app, ["show", "2024", "--format", "json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["tahun"] == 2024
    assert report["anggaran"]["pagu_perubahan"] == "1400000"
    assert report["sasaran"]["S1"]["predikat"] == "Sangat Tinggi"
    assert report["indikator"]["nilai_sakip"]["capaian"] == "110"
    assert set(report) == set(api.check(MINIMAL).report.model_dump())  # type: ignore[union-attr]
    again = runner.invoke(app, ["show", "2024", "--format", "json"])
    assert again.stdout == result.stdout


def test_show_refuses_data_with_errors(project: Path) -> None:
    _break_a_number(project)
    result = runner.invoke(app, ["show", "2024"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "[input.angka-tidak-sah]" in result.stderr


def test_show_prints_the_figures_when_only_prose_has_errors(project: Path) -> None:
    """Right after lkjip new last year's prose names figures not filled yet."""
    bab = project / "data" / "2024" / "narasi" / "bab-4.md"
    bab.write_text("{{ indikator.tidak_ada.nama }}\n", encoding="utf-8")
    result = runner.invoke(app, ["show", "2024"])
    assert result.exit_code == 1
    assert result.stdout == SHOW_MINIMAL
    assert result.stderr.startswith("catatan: 1 galat, ")
    assert result.stderr.endswith("; lihat lkjip check 2024\n")


def test_show_notes_warnings_on_stderr(project: Path) -> None:
    path = project / "data" / "2024" / "pk.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("tanggal: 12 Juni 2024", "tanggal: null"),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["show", "2024"])
    assert result.exit_code == 0
    assert result.stdout == SHOW_MINIMAL
    assert result.stderr == "catatan: 0 galat, 1 peringatan; lihat lkjip check 2024\n"


# schema


def test_schema_writes_every_schema(tmp_path: Path) -> None:
    out = tmp_path / "skema"
    result = runner.invoke(app, ["schema", "--out", str(out)])
    assert result.exit_code == 0
    assert result.stdout == f"8 skema ditulis ke {out}\n"
    expected = schemas()
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    for name, text in expected.items():
        assert (out / name).read_text(encoding="utf-8") == text


def test_schema_default_directory(project: Path) -> None:
    result = runner.invoke(app, ["schema"])
    assert (result.exit_code, result.stdout) == (0, "8 skema ditulis ke schema\n")
    assert (project / "schema" / "anggaran.schema.json").is_file()


def test_schema_unwritable_target_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan direktori", encoding="utf-8")
    result = runner.invoke(app, ["schema", "--out", str(blocker)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"galat: tidak dapat menulis ke {blocker}: ")


# new


def test_new_year(project: Path) -> None:
    result = runner.invoke(app, ["new", "2025", "--from", "2024"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "data/2025 dibuat dari data/2024: 15 berkas.\n"
        "Narasi disalin apa adanya: perbarui isinya untuk tahun 2025.\n"
        "Isi setiap nilai bertanda '# ISI', periksa yang bertanda '# PERIKSA', lalu jalankan "
        "lkjip check data/2025 (sekarang: 0 galat, 17 peringatan).\n"
    )
    check = runner.invoke(app, ["check", "2025"])
    assert check.exit_code == 0
    assert check.stdout.endswith("\n0 galat, 17 peringatan\n")


def test_new_refuses_an_existing_year(project: Path) -> None:
    (project / "data" / "2025").mkdir()
    result = runner.invoke(app, ["new", "2025", "--from", "2024"])
    assert result.exit_code == 2
    assert result.stderr == (
        "galat: data/2025 sudah ada; lkjip new tidak menimpa data. Pindahkan atau hapus "
        "direktori itu bila memang ingin membuatnya ulang\n"
    )


def test_new_refuses_a_missing_source(project: Path) -> None:
    result = runner.invoke(app, ["new", "2024", "--from", "2023"])
    assert result.exit_code == 2
    assert result.stderr == "galat: direktori data sumber tidak ditemukan: data/2023\n"


def test_new_refuses_a_source_with_errors(project: Path) -> None:
    _break_a_number(project)
    result = runner.invoke(app, ["new", "2025", "--from", "2024"])
    assert result.exit_code == 1
    assert "[input.angka-tidak-sah]" in result.stderr
    assert not (project / "data" / "2025").exists()


def test_new_with_another_data_directory(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "tahun" / "2024")
    result = runner.invoke(
        app, ["new", "2025", "--from", "2024", "--data", str(tmp_path / "tahun")]
    )
    assert result.exit_code == 0
    assert (tmp_path / "tahun" / "2025" / "lkjip.yaml").is_file()


# version, help, usage errors, internal errors


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"lkjip {__version__}\n")


@pytest.mark.parametrize("args", [["--help"], ["-h"], *([c, "--help"] for c in COMMANDS)])
def test_help_is_indonesian(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Penggunaan: lkjip ")
    assert "Tampilkan bantuan ini lalu keluar." in result.stdout
    for english in (
        "Usage:",
        "Options:",
        "Arguments:",
        "Commands:",
        "Show this message",
        "[required]",
        "[default:",
    ):
        assert english not in result.stdout


def test_main_help_lists_commands_and_exit_codes() -> None:
    result = runner.invoke(app, ["--help"])
    assert "Perintah:" in result.stdout
    for command in COMMANDS:
        assert f"\n  {command} " in result.stdout
    assert "3 galat internal lkjip" in " ".join(result.stdout.split())


def test_missing_argument_is_a_usage_error() -> None:
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Penggunaan: lkjip check [OPSI] {DATA}\n"
        "Coba 'lkjip check --help' untuk bantuan.\n"
        "\n"
        "galat: argumen DATA wajib diisi\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["check", "2024", "--format", "xml"],
            "galat: nilai tidak sah untuk --format/-f: 'xml' bukan salah satu dari "
            "'text', 'json', 'github'\n",
        ),
        (
            ["chek", "2024"],
            "galat: perintah 'chek' tidak dikenal; maksud Anda 'check', 'schema'?\n",
        ),
        (["check", "--bogus", "2024"], "galat: opsi --bogus tidak dikenal\n"),
        (["check", "2024", "lagi"], "galat: argumen berlebih: lagi\n"),
        (["new", "2025"], "galat: opsi --from wajib diisi\n"),
        (
            ["new", "dua", "--from", "2024"],
            "galat: nilai tidak sah untuk TAHUN: 'dua' bukan bilangan bulat\n",
        ),
        (
            ["new", "2024", "--from", "2024"],
            "galat: tahun baru (2024) harus sesudah tahun sumber (2024)\n",
        ),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.endswith(message)


def test_no_arguments_shows_help_and_exits_2() -> None:
    result = runner.invoke(app, [])
    assert result.exit_code == 2
    assert result.stderr.startswith("Penggunaan: lkjip [OPSI] PERINTAH [ARGUMEN]...")


def test_internal_error_exits_3_without_traceback(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(path: Path) -> api.CheckResult:
        raise RuntimeError("boom")

    monkeypatch.delenv("LKJIP_DEBUG", raising=False)
    monkeypatch.setattr(api, "check", boom)
    result = runner.invoke(app, ["check", "2024"])
    assert result.exit_code == 3
    assert result.stderr == (
        "galat internal: RuntimeError: boom; laporkan ke pengembang "
        "(jalankan ulang dengan LKJIP_DEBUG=1 untuk rinciannya)\n"
    )
    assert "Traceback" not in result.output


def test_build_writes_every_format_and_is_deterministic(tmp_path: Path) -> None:
    from lkjip_cli.api import build, resolve

    root = Path(__file__).resolve().parents[2]
    first = build(resolve("2024", root), tmp_path / "a")
    second = build(resolve("2024", root), tmp_path / "b")
    names = sorted(p.name for p in first.written)
    assert names == [
        "gambar-1-1.svg",
        "gambar-3-1.svg",
        "gambar-3-2.svg",
        "lkjip-2024.docx",
        "lkjip-2024.html",
        "lkjip-2024.md",
    ]
    for a, b in zip(sorted(first.written), sorted(second.written), strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_build_with_bad_source_date_epoch_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lkjip_cli.api import build, resolve

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "kemarin")
    result = build(resolve("2024", Path(__file__).resolve().parents[2]), tmp_path / "out")
    assert result.written == []
    assert any("SOURCE_DATE_EPOCH" in f.message and f.unreadable for f in result.findings)
    assert not (tmp_path / "out").exists()


def test_build_command_lists_what_it_wrote(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "laporan"
    result = runner.invoke(
        app, ["build", str(root / "data" / "2024"), "--out", str(out), "--format", "md"]
    )
    assert result.exit_code == 0, result.output
    written = [line for line in result.stdout.splitlines() if line.startswith("ditulis: ")]
    assert written == [
        f"ditulis: {out / name}"
        for name in ("lkjip-2024.md", "gambar-1-1.svg", "gambar-3-1.svg", "gambar-3-2.svg")
    ]


def test_build_command_refuses_an_unknown_format() -> None:
    result = runner.invoke(app, ["build", "2024", "--format", "docx,odt"])
    assert result.exit_code == 2
    assert "bentuk tidak dikenal: odt" in result.output


def test_build_command_stops_on_errors_and_writes_nothing(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[2]
    data = tmp_path / "2024"
    shutil.copytree(root / "data" / "2024", data)
    path = data / "tabel" / "pmks.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("103.110", "103.11o", 1), "utf-8")
    out = tmp_path / "keluaran"
    result = runner.invoke(app, ["build", str(data), "--out", str(out)])
    assert result.exit_code == 1
    assert "laporan tidak disusun: perbaiki galat di atas lalu jalankan lagi." in result.output
    assert "pmks.yaml" in result.output
    assert not out.exists()


def test_the_entry_point_skips_the_last_garbage_collection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the whole heap is left to the operating system (0.07 s of a build), on every exit path
    from lkjip_cli import cli

    frozen: list[bool] = []
    monkeypatch.setattr(cli.gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(sys, "argv", ["lkjip", "--version"])
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 0
    assert frozen == [True]


def test_sigterm_unwinds_the_command_and_exits_143(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stopped CI job: the command's cleanup runs (it left LibreOffice and its profile)."""
    import signal

    from lkjip_cli import cli

    cleaned: list[bool] = []

    def command() -> None:
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the signal arrives before this ends
        finally:
            cleaned.append(True)

    previous = signal.getsignal(signal.SIGTERM)
    monkeypatch.setattr(cli, "app", command)
    try:
        with pytest.raises(SystemExit) as exited:
            cli.main()
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert exited.value.code == 143
    assert cleaned == [True]
    assert capsys.readouterr().err == "dibatalkan (SIGTERM)\n"


def test_python_m_lkjip_cli_is_the_lkjip_command() -> None:
    run = [sys.executable, "-m", "lkjip_cli"]
    version = subprocess.run([*run, "--version"], capture_output=True, text=True, check=False)
    assert (version.returncode, version.stdout) == (0, f"lkjip {__version__}\n")
    checked = subprocess.run(
        [*run, "check", str(MINIMAL)], capture_output=True, text=True, check=False
    )
    assert (checked.returncode, checked.stdout) == (0, "tidak ada temuan\n")
    usage = subprocess.run([*run, "cek"], capture_output=True, text=True, check=False)
    assert usage.returncode == 2
    assert "perintah 'cek' tidak dikenal" in usage.stderr
