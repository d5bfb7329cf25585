"""``lkjip check`` is as strict as ``lkjip build`` (issue 13 item 3), through the CLI.

The key property: for the real data, the example, the fixtures and narratives
broken in many ways, ``check`` exits 1 exactly when ``build`` refuses, and the
narrative findings of both are the same (rule, severity, position, message).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lkjip_cli import api
from lkjip_cli.cli import app

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "valid" / "minimal"
runner = CliRunner()

SOURCES = {
    "data-2024": ROOT / "data" / "2024",
    "dinkes-2024": ROOT / "examples" / "dinkes-2024",
    "minimal": MINIMAL,
    "lampiran": ROOT / "tests" / "fixtures" / "valid" / "lampiran",
    "seed-as-printed": ROOT / "tests" / "fixtures" / "seed-as-printed",
}

MUTATIONS: dict[str, tuple[str, str]] = {
    # name: (narrative file, line appended to it)
    "salah-ketik": ("bab-3.md", "Capaian {{ sasaran.S1.capain | persen }}."),
    "nama-tidak-ada": ("bab-4.md", "Tahun {{ tahunn }}."),
    "filter-salah": ("bab-1.md", "Nama {{ instansi.nama | persen }}."),
    "operasi-salah": ("bab-1.md", "Jumlah {{ 'a' + tahun }}."),
    "ref-bilangan": ("bab-2.md", "Lihat {{ ref(tahun) }}."),
    "ref-tidak-dikenal": ("bab-2.md", "Lihat {{ ref('tidak-ada') }}."),
    "arahan-tidak-dikenal": ("bab-2.md", "\n::: tabel tidak-ada\n"),
    "arahan-rusak": ("bab-2.md", "\n::: tabel.pk\n"),
    "filter-tidak-dikenal": ("bab-3.md", "{{ tahun | persn }} {{ sasaran.S1.capain }}"),
    "arahan-ganda": ("bab-4.md", "\n::: tanda-tangan laporan\n\n::: tanda-tangan laporan\n"),
    "sintaks": ("bab-1.md", "Baris {{ tahun }"),
    "gambar-tanpa-berkas": ("bab-3.md", "![Foto](foto/tidak-ada.png)\n\n![](foto/x.png)"),
    "filter-kedua-salah": ("bab-1.md", "{{ tahun | angka }} {{ instansi.nama | persen }}"),
    "perbandingan-salah": ("bab-1.md", "{% if instansi.nama > 1 %}x{% endif %} {{ tahunn }}"),
    "bersih": ("bab-1.md", "Tahun {{ tahun }}."),
}


def _run(*args: str) -> tuple[int, list[dict[str, object]]]:
    result = runner.invoke(app, list(args))
    assert result.exit_code in (0, 1), result.output
    text = result.stdout
    start = text.index("[")
    return result.exit_code, json.loads(text[start : text.rindex("]") + 1])


def _narrative(findings: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [
        (f["rule"], f["severity"], f["file"], f["line"], f["message"])
        for f in findings
        if str(f["rule"]).startswith("narasi.")
    ]


def _check_and_build(year: Path, out: Path) -> None:
    check_code, checked = _run("check", str(year), "--format", "json")
    build = runner.invoke(app, ["build", str(year), "--out", str(out), "--format", "md"])
    assert build.exit_code in (0, 1), build.output
    assert check_code == build.exit_code, (checked, build.output)
    assert (out / "lkjip-2024.md").is_file() == (build.exit_code == 0)
    built = api.build(year, out / "again", ("md",)).findings
    if any(f.severity == "error" and not f.rule.startswith("narasi.") for f in built):
        return  # the data stops the build before its narratives are rendered
    assert _narrative(checked) == [
        (f.rule, f.severity, f.position.file if f.position else None,
         f.position.line if f.position else None, f.message)
        for f in sorted(built, key=lambda f: f.sort_key())
        if f.rule.startswith("narasi.")
    ]  # fmt: skip


@pytest.mark.parametrize("source", sorted(SOURCES))
@pytest.mark.parametrize("mutation", [None, *sorted(MUTATIONS)])
def test_check_refuses_exactly_what_build_refuses(
    source: str, mutation: str | None, tmp_path: Path
) -> None:
    year = tmp_path / "2024"
    shutil.copytree(SOURCES[source], year)
    if mutation is not None:
        name, line = MUTATIONS[mutation]
        path = year / "narasi" / name
        path.parent.mkdir(exist_ok=True)
        before = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text(before + "\n" + line + "\n", encoding="utf-8")
    _check_and_build(year, tmp_path / "out")


def _append(year: Path, name: str, text: str) -> int:
    """Append ``text`` to narrative ``name``; the line it starts at."""
    path = year / "narasi" / name
    before = path.read_text(encoding="utf-8")
    path.write_text(before + "\n" + text + "\n", encoding="utf-8")
    return before.count("\n") + 2


def _check_narrative(year: Path, name: str, text: str) -> tuple[int, str]:
    """Append ``text`` to narrative ``name``, check (exit 1): its line and the output."""
    line = _append(year, name, text)
    result = runner.invoke(app, ["check", str(year)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    return line, result.stdout


@pytest.fixture()
def year(tmp_path: Path) -> Path:
    shutil.copytree(MINIMAL, tmp_path / "2024")
    return tmp_path / "2024"


def test_every_placeholder_problem_of_a_file_is_reported_in_one_run(year: Path) -> None:
    line = _append(
        year,
        "bab-3.md",
        "{{ sasaran.S9.nama }} {{ indikator.nilai_sakip.nma }}\n{{ instansi.nama | persen }}",
    )
    result = runner.invoke(app, ["check", str(year)])
    assert result.exit_code == 1
    assert f"  {line}:1: galat [narasi.placeholder] 'sasaran.S9' tidak dikenal" in result.stdout
    assert (
        f"  {line}:1: galat [narasi.placeholder] 'indikator.nilai_sakip.nma' tidak dikenal; "
        "maksud Anda 'indikator.nilai_sakip.nama'?"
    ) in result.stdout
    assert (
        f"  {line + 1}:1: galat [narasi.placeholder] 'instansi.nama | persen': filter 'persen' "
        "hanya menerima bilangan bulat atau Decimal, bukan str"
    ) in result.stdout
    assert "Error" not in result.stdout


@pytest.mark.parametrize(
    ("text", "failed"),
    [
        ("{{ tahun | angka }} dan {{ instansi.nama | persen }}", "instansi.nama | persen"),
        ("{{ instansi.nama | persen }} dan {{ tahun | angka }}", "instansi.nama | persen"),
        (
            "{{ instansi.nama | lower }} dan {{ anggaran.pagu_perubahan | rupiah | angka }}",
            "anggaran.pagu_perubahan | rupiah | angka",
        ),
    ],
)
def test_a_finding_names_the_filter_that_failed_of_two_on_a_line(
    year: Path, text: str, failed: str
) -> None:
    line, stdout = _check_narrative(year, "bab-1.md", text)
    [finding] = [t for t in stdout.splitlines() if "narasi.placeholder" in t]
    assert finding.startswith(f"  {line}:1: galat [narasi.placeholder] '{failed}': filter ")
    assert f"filter '{failed.rsplit(' | ', 1)[1]}' hanya menerima" in finding


def test_a_python_error_text_never_reaches_the_user(year: Path) -> None:
    line, stdout = _check_narrative(
        year, "bab-1.md", "{{ 'a' + tahun }} {{ anggaran.pagu_perubahan / 0 }}"
    )
    assert (
        f"  {line}:1: galat [narasi.placeholder] 'anggaran.pagu_perubahan / 0': pembagian "
        "dengan nol"
    ) in stdout
    assert (
        f"  {line}:1: galat [narasi.placeholder] ''a' + tahun': operasi '+' tidak dapat "
        "dijalankan pada teks dan bilangan"
    ) in stdout
    assert "TypeError" not in stdout


def test_ref_of_a_number_is_a_finding(year: Path) -> None:
    line, stdout = _check_narrative(
        year, "bab-2.md", "Lihat {{ ref(tahun) }} dan {{ ref() }}.\n{{ sasaran.S9.nama }}"
    )
    assert (
        f"  {line}:1: galat [narasi.placeholder] 'ref(tahun)': ref() membutuhkan nama tabel "
        "atau gambar sebagai teks dalam tanda kutip, misalnya ref('pegawai'), bukan int (2024)"
    ) in stdout
    assert (
        f"  {line}:1: galat [narasi.placeholder] 'ref()': ref() tidak menerima 0 argumen yang "
        "diberikan"
    ) in stdout
    # the render goes on: a problem after a refused ref() is reported in the same run
    assert f"  {line + 1}:1: galat [narasi.placeholder] 'sasaran.S9' tidak dikenal" in stdout


def test_a_directive_without_its_data_names_its_line_and_the_data(year: Path) -> None:
    line, stdout = _check_narrative(year, "bab-1.md", "::: daftar fungsi")
    assert (
        f"  {line}:1: galat [narasi.arahan-tanpa-data] '::: daftar fungsi' tidak dapat "
        "ditempatkan: datanya kosong ('fungsi' di instansi.yaml); isi datanya atau hapus "
        "arahan ini"
    ) in stdout
    built = runner.invoke(app, ["build", str(year), "--out", str(year.parent / "out")])
    assert built.exit_code == 1
    assert "[narasi.arahan-tanpa-data] '::: daftar fungsi'" in built.output
    assert not (year.parent / "out" / "lkjip-2024.docx").exists()


def test_a_directive_is_named_at_its_line_as_written(year: Path) -> None:
    # block tags and comments vanish from the rendered text: the line is the source's
    text = "{% if tahun > 2000 %}\nSatu.\n{% endif %}\n{#\n komentar\n#}\n::: daftar fungsi"
    line, stdout = _check_narrative(year, "bab-1.md", text)
    assert f"  {line + 6}:1: galat [narasi.arahan-tanpa-data] '::: daftar fungsi'" in stdout


def test_directives_are_checked_in_a_narrative_with_placeholder_problems(year: Path) -> None:
    line, stdout = _check_narrative(
        year, "bab-1.md", "{{ sasaran.S9.nama }}\n\n::: gambar tren-rpjmd-3\n\n::: tabel tidak-ada"
    )
    assert f"  {line}:1: galat [narasi.placeholder] 'sasaran.S9' tidak dikenal" in stdout
    assert (
        f"  {line + 2}:1: galat [narasi.gambar-tidak-dikenal] gambar 'tren-rpjmd-3' tidak dapat "
        "digambar: datanya kosong ('rpjmd' di realisasi.yaml memuat 1 indikator RPJMD); isi "
        "datanya atau hapus arahan ini"
    ) in stdout
    assert f"  {line + 4}:1: galat [narasi.tabel-tidak-dikenal] tabel 'tidak-ada'" in stdout


def test_a_missing_required_file_is_the_position_of_its_finding(year: Path) -> None:
    (year / "pk.yaml").unlink()
    result = runner.invoke(app, ["check", str(year), "--format", "json"])
    assert result.exit_code == 2
    [finding] = json.loads(result.stdout)
    assert finding["file"] == str(year / "pk.yaml")
    github = runner.invoke(app, ["check", str(year), "--format", "github"])
    assert f"::error file={year / 'pk.yaml'},line=1" in github.stdout


def test_a_split_decimal_quotes_the_users_own_number(year: Path) -> None:
    path = year / "realisasi.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "catatan_uji: {2022: 88,15}\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(year)])
    assert result.exit_code == 2, result.output
    assert "'88,15' terbelah menjadi '88' dan '15'" in result.output
    assert "96,70" not in result.output


def test_new_year_check_stops_with_what_to_fill(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "data" / "2024", tmp_path / "data" / "2024")
    monkeypatch.chdir(tmp_path)
    made = runner.invoke(app, ["new", "2025", "--from", "2024"])
    assert made.exit_code == 0, made.output
    result = runner.invoke(app, ["check", "2025"])
    assert result.exit_code == 1
    bab3 = (tmp_path / "data" / "2025" / "narasi" / "bab-3.md").read_text(encoding="utf-8")
    # the prose names the year before by `tahun - 1`: 2024 in the 2025 report
    line = next(i for i, t in enumerate(bab3.splitlines(), 1) if "selisih_tahun[tahun - 1]" in t)
    assert (
        f"  {line}:1: galat [narasi.placeholder] "
        "'indikator.pmks_tertangani.selisih_tahun[2024]' belum ada nilainya: realisasi "
        "indikator 'Persentase PMKS yang tertangani' tahun 2025 belum diisi; isi data tahun "
        "ini (realisasi.yaml dan yang ditandai # ISI"
    ) in result.stdout
    assert "riwayat[2023]" not in result.stdout  # it exists: not the one named
    assert "lkjip build akan berhenti" not in result.stdout


_SAKIP = """    realisasi: 77
    riwayat:
      2022: 70
      2023: 72
    pembanding:
      daerah: Kabupaten Pembanding
      tahun: 2024
      realisasi: 75
    tercetak:
      capaian: 110             # 77 ÷ PK Perubahan 70
      capaian_renstra: 102,67  # 77 ÷ Renstra 75 = 102,666…
      selisih_tahun:
        2023: 5                # 77 − 72
      selisih_pembanding: 2    # 77 − 75
"""


@pytest.mark.parametrize(
    ("kept", "failed", "missing"),
    [
        # the benchmark is missing, the realization is there
        (
            "    realisasi: 77\n    riwayat:\n      2022: 70\n      2023: 72\n",
            "pembanding.daerah",
            "pembanding indikator 'Nilai SAKIP' (realisasi daerah lain) tahun 2024 belum diisi; "
            "isi 'pembanding' indikator ini di realisasi.yaml (yang ditandai # ISI bila ada, "
            "lihat peringatan kelengkapan.tanpa-pembanding)",
        ),
        # the realization is missing, the benchmark is there
        (
            "    riwayat:\n      2022: 70\n      2023: 72\n    pembanding:\n"
            "      daerah: Kabupaten Pembanding\n      tahun: 2024\n      realisasi: 75\n",
            "selisih_tahun[2023]",
            "realisasi indikator 'Nilai SAKIP' tahun 2024 belum diisi; isi data tahun ini "
            "(realisasi.yaml dan yang ditandai # ISI, lihat peringatan "
            "kelengkapan.tanpa-realisasi)",
        ),
    ],
)
def test_an_unfilled_value_names_the_data_that_is_missing(
    year: Path, kept: str, failed: str, missing: str
) -> None:
    path = year / "realisasi.yaml"
    text = path.read_text(encoding="utf-8")
    assert _SAKIP in text
    path.write_text(text.replace(_SAKIP, kept), encoding="utf-8")
    line, stdout = _check_narrative(
        year,
        "bab-3.md",
        "{{ indikator.nilai_sakip.pembanding.daerah }} "
        "{{ indikator.nilai_sakip.selisih_tahun[2023] | desimal }}",
    )
    findings = [t for t in stdout.splitlines() if "narasi.placeholder" in t]
    assert findings == [
        f"  {line}:1: galat [narasi.placeholder] 'indikator.nilai_sakip.{failed}' belum ada "
        f"nilainya: {missing} atau sesuaikan narasinya"
    ]


def test_a_new_year_without_benchmark_names_the_benchmark_not_the_realization(
    year: Path,
) -> None:
    path = year / "realisasi.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(_SAKIP, "    riwayat:\n      2023: 72\n"), encoding="utf-8")
    line, stdout = _check_narrative(
        year,
        "bab-3.md",
        "{{ indikator.nilai_sakip.pembanding.daerah }} "
        "{{ indikator.nilai_sakip.selisih_tahun[2023] | desimal }}",
    )
    findings = {
        t.split("'")[1]: t.split(" nilainya: ")[1]
        for t in stdout.splitlines()
        if "narasi.placeholder" in t
    }
    assert findings["indikator.nilai_sakip.pembanding.daerah"].startswith(
        "pembanding indikator 'Nilai SAKIP' (realisasi daerah lain) tahun 2024 belum diisi"
    )
    assert findings["indikator.nilai_sakip.selisih_tahun[2023]"].startswith(
        "realisasi indikator 'Nilai SAKIP' tahun 2024 belum diisi"
    )
    assert str(line) in stdout


def _check_with(year: Path, old: str, new: str) -> str:
    """``lkjip check`` (exit 1) of ``year`` with ``old`` in realisasi.yaml typed as ``new``."""
    path = year / "realisasi.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = runner.invoke(app, ["check", str(year)])
    assert result.exit_code == 1
    return result.stdout


def test_a_malformed_value_drops_that_value_not_its_entry(year: Path) -> None:
    stdout = _check_with(year, "      2022: 90\n", "      2022: 9O\n")
    assert "indikator[1].riwayat.2022: '9O' bukan angka yang sah" in stdout
    # the rest of the entry (its benchmark, its 2023 figure) is still read
    assert "kelengkapan.tanpa-pembanding" not in stdout
    assert "kelengkapan.tanpa-riwayat" not in stdout
    assert "1 galat, 0 peringatan" in stdout


def test_a_dot_decimal_is_answered_with_the_users_own_number(year: Path) -> None:
    stdout = _check_with(year, "      2023: 93,50\n", "      2023: 93.5\n")
    assert "maksud Anda 93,5?" in stdout
    assert "95,39" not in stdout
