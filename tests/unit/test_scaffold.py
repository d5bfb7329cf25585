"""``lkjip new``: a new year from the last, which checks with only fill-in warnings."""

from __future__ import annotations

import shutil
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_cli import api
from lkjip_cli.findings import exit_code
from lkjip_cli.scaffold import ScaffoldError, new_year
from lkjip_cli.schemas import modeline

ROOT = Path(__file__).resolve().parents[2]
MINIMAL = ROOT / "tests" / "fixtures" / "valid" / "minimal"
DATA_2024 = ROOT / "data" / "2024"

FILL_IN = {
    "tahun-baru.pagu-belum-diisi",
    "tahun-baru.tanggal-pk-belum-diisi",
    "tahun-baru.tanggal-laporan",
    "tahun-baru.rpjmd-belum-diisi",
    "tahun-baru.tabel-belum-diisi",
    "kelengkapan.tanpa-realisasi",
    "kelengkapan.tanpa-pembanding",
    "narasi.placeholder",  # last year's prose names figures this year has not got yet
}
"""The warnings a year not yet filled should have, and no others."""

TABLES = {
    "tabel/spm.yaml": """\
judul: Rincian SPM Tahun {tahun}
kolom:
  - {id: nama, judul: Layanan, jenis: teks}
  - {id: satuan, judul: Satuan, jenis: teks}
  - {id: target, judul: Target, jenis: bilangan, jumlahkan: tidak}
  - {id: realisasi, judul: Realisasi, jenis: bilangan, jumlahkan: tidak}
baris:
  - nama: Rehabilitasi Sosial Dasar Anak Telantar di Luar Panti
    target: 60
    realisasi: 60
    rincian:
      - {nama: Layanan data dan pengaduan, satuan: orang, target: 60, realisasi: 60}
      - {nama: "Pemberian bimbingan fisik, mental, spiritual dan sosial", target: 3, realisasi: 3}
""",
}


@pytest.fixture()
def data_dir(tmp_path: Path) -> Path:
    """``data/`` holding 2024: the minimal year with the bansos, PSKS and SPM tables."""
    source = tmp_path / "data" / "2024"
    shutil.copytree(MINIMAL, source)
    for name, text in TABLES.items():
        (source / name).write_text(text, encoding="utf-8")
    assert exit_code(api.check(source).findings) == 0
    return tmp_path / "data"


def test_new_year_checks_with_only_fill_in_warnings(data_dir: Path) -> None:
    result = new_year(data_dir, 2025, 2024)
    assert result.findings == []
    assert result.skipped == []
    findings = api.check(data_dir / "2025").findings
    assert all(f.severity == "warning" for f in findings)
    assert Counter(f.rule for f in findings) == {
        "tahun-baru.pagu-belum-diisi": 8,
        "tahun-baru.tanggal-pk-belum-diisi": 1,
        "tahun-baru.tanggal-laporan": 1,
        "tahun-baru.rpjmd-belum-diisi": 1,
        "tahun-baru.tabel-belum-diisi": 3,  # pmks, spm, insentif_fiskal
        "kelengkapan.tanpa-realisasi": 2,
        "kelengkapan.tanpa-pembanding": 2,
    }


def test_warnings_say_what_to_fill_and_where(data_dir: Path) -> None:
    new_year(data_dir, 2025, 2024)
    findings = api.check(data_dir / "2025").findings
    by_rule = {f.rule: f for f in reversed(findings)}  # the first finding of each rule
    pagu = by_rule["tahun-baru.pagu-belum-diisi"]
    assert pagu.message == (
        "sub kegiatan 'Bantuan Permakanan': pagu_murni dan pagu_perubahan belum diisi (masih 0), "
        "realisasi belum diisi; isi dari DPA tahun 2025 dan realisasi anggarannya"
    )
    assert pagu.position is not None
    line = (
        (data_dir / "2025" / "anggaran.yaml")
        .read_text(encoding="utf-8")
        .splitlines()[pagu.position.line - 1]
    )
    assert line.strip() == "pagu_murni: 0  # ISI: pagu murni DPA 2025"
    assert by_rule["tahun-baru.tanggal-pk-belum-diisi"].message == (
        "tanggal penandatanganan PK tahun 2025 belum diisi (murni.tanggal); "
        "lampirannya akan mencetak '............ 2025' di tempatnya"
    )
    assert by_rule["tahun-baru.tanggal-laporan"].message == (
        "tanggal laporan 28 Februari 2025 tidak di tahun 2026; LKjIP 2025 ditandatangani awal "
        "tahun 2026, isi tanggal penandatanganannya"
    )
    assert by_rule["tahun-baru.rpjmd-belum-diisi"].message == (
        "indikator RPJMD 'Menurunnya angka PMKS': target dan realisasi tahun 2025 belum diisi "
        "(tambahkan '2025: ...' di bawah target dan realisasi)"
    )


def test_what_is_carried_over_and_what_is_emptied(data_dir: Path) -> None:
    new_year(data_dir, 2025, 2024)
    checked = api.check(data_dir / "2025")
    data, report = checked.data, checked.report
    assert data is not None and report is not None
    assert data.config.tahun == 2025
    # the program tree and the Rencana Aksi are carried over; amounts are emptied
    assert [p.id for p in data.anggaran.program] == ["bantuan", "penunjang"]
    assert report.anggaran.jumlah_sub_kegiatan == 8
    subs = [s for p in data.anggaran.program for k in p.kegiatan for s in k.sub_kegiatan]
    assert {(s.pagu_murni, s.pagu_perubahan, s.realisasi) for s in subs} == {(0, 0, None)}
    assert subs[0].rencana_aksi is not None and subs[0].rencana_aksi.anggaran is None
    assert data.anggaran.jumlah is None and data.anggaran.tercetak is None
    # last year's realization, as computed, moves into the history
    realisasi = {r.indikator: r for r in data.realisasi.indikator}
    assert realisasi["pmks_tertangani"].riwayat == {2022: 90, 2023: Decimal("93.50"), 2024: 95}
    assert realisasi["nilai_sakip"].riwayat == {2022: 70, 2023: 72, 2024: 77}
    assert realisasi["nilai_sakip"].realisasi is None
    assert all(r.pembanding is None and r.tercetak is None for r in realisasi.values())
    # the PK in force becomes the new, unsigned PK
    assert data.pk.perubahan is None
    assert data.pk.murni.tanggal is None
    assert [(t.indikator, t.target) for t in data.pk.murni.target] == [
        ("pmks_tertangani", 100),
        ("nilai_sakip", 70),
    ]
    assert data.pk.murni.jumlah is None
    # counts of the tables are emptied, their rows kept
    pmks = data.tabel["pmks"]
    assert {r.nilai["jumlah"] for r in pmks.baris} == {0}
    assert pmks.jumlah is not None and pmks.jumlah.nilai == {}  # stated totals dropped
    spm = data.tabel["spm"]
    assert spm.baris[0].rincian[1].nilai["nama"].startswith("Pemberian bimbingan fisik")
    assert data.renstra.periode.akhir == 2026
    assert (data_dir / "2025" / "narasi" / "bab-3.md").read_bytes() == (
        MINIMAL / "narasi" / "bab-3.md"
    ).read_bytes()


def test_files_are_text_with_their_schema_line(data_dir: Path) -> None:
    result = new_year(data_dir, 2025, 2024)
    for name in result.written:
        if name.endswith(".yaml"):
            text = (result.target / name).read_text(encoding="utf-8")
            if name.startswith("tabel/"):  # the source's line, or one a folder deeper
                assert text.splitlines()[0].endswith("schema/tabel.schema.json")
            else:
                assert text.splitlines()[0] == modeline(name)
    realisasi = (result.target / "realisasi.yaml").read_text(encoding="utf-8")
    assert "      2023: 93,50\n      2024: 95\n" in realisasi
    assert "    realisasi:  # ISI: realisasi 2025\n" in realisasi
    assert "# ISI bila ada: pembanding: {daerah: Kabupaten Pembanding, tahun: 2025" in realisasi
    spm = (result.target / "tabel" / "spm.yaml").read_text(encoding="utf-8")
    assert '- {nama: "Pemberian bimbingan fisik, mental, spiritual dan sosial", target: 0' in spm


def test_schema_line_of_the_source_is_kept(data_dir: Path) -> None:
    path = data_dir / "2024" / "tabel" / "spm.yaml"
    path.write_text("# yaml-language-server: $schema=../skema/tabel.json\n" + path.read_text())
    result = new_year(data_dir, 2025, 2024)
    first = (result.target / "tabel" / "spm.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../skema/tabel.json"


def test_refuses_to_overwrite(data_dir: Path) -> None:
    (data_dir / "2025").mkdir()
    with pytest.raises(ScaffoldError, match="sudah ada"):
        new_year(data_dir, 2025, 2024)


def test_refuses_a_missing_source_and_a_year_not_after_it(data_dir: Path) -> None:
    with pytest.raises(ScaffoldError, match="tidak ditemukan"):
        new_year(data_dir, 2024, 2023)
    with pytest.raises(ScaffoldError, match="harus sesudah"):
        new_year(data_dir, 2023, 2024)


def test_a_source_with_errors_writes_nothing(data_dir: Path) -> None:
    path = data_dir / "2024" / "anggaran.yaml"
    path.write_text(path.read_text().replace("pagu_murni: 100.000", "pagu_murni: 100.00", 1))
    result = new_year(data_dir, 2025, 2024)
    assert result.written == []
    assert [f.rule for f in result.findings] == ["input.angka-tidak-sah"]
    assert sorted(p.name for p in data_dir.iterdir()) == ["2024"]


def test_a_source_of_another_year_writes_nothing(data_dir: Path) -> None:
    path = data_dir / "2024" / "lkjip.yaml"
    path.write_text(path.read_text().replace("tahun: 2024", "tahun: 2023"))
    result = new_year(data_dir, 2025, 2024)
    assert [f.rule for f in result.findings] == ["tahun-baru.tahun-sumber"]
    assert sorted(p.name for p in data_dir.iterdir()) == ["2024"]


@pytest.mark.skipif(not (DATA_2024 / "lkjip.yaml").is_file(), reason="data/2024 not present")
def test_2025_from_the_real_2024(tmp_path: Path) -> None:
    shutil.copytree(DATA_2024, tmp_path / "2024")
    before = api.check(tmp_path / "2024").findings
    result = new_year(tmp_path, 2025, 2024)
    after = api.check(result.target).findings
    # the prose names figures not filled yet: the check stops as the build would
    assert exit_code(after) == 1
    errors = [f for f in after if f.severity == "error"]
    assert errors and {f.rule for f in errors} == {"narasi.placeholder", "narasi.arahan-tanpa-data"}
    for f in errors:
        assert "# ISI" in f.message, f.message
        if f.rule == "narasi.placeholder":
            assert "belum ada nilainya" in f.message, f.message
            assert "tahun 2025 belum diisi" in f.message, f.message
        else:  # the benchmark table, whose data is still to fill
            assert f.message.startswith("'::: tabel pembanding-S1' tidak dapat ditempatkan"), f
    new_rules = {f.rule for f in after} - {f.rule for f in before}
    # 2024 acknowledges its PK Perubahan's unknown date; 2025 has no PK Perubahan yet,
    # so that acknowledgement matches nothing and says so
    assert new_rules <= FILL_IN | {
        "narasi.placeholder",
        "narasi.arahan-tanpa-data",
        "diakui.tidak-cocok",
    }
    assert "tahun-baru.pagu-belum-diisi" in new_rules


def test_new_from_a_directory_keeps_the_comments(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lkjip_cli.cli import app

    source = tmp_path / "arsip" / "laporan-lama"  # any directory, not named by its year
    shutil.copytree(MINIMAL, source)
    instansi = source / "instansi.yaml"
    text = instansi.read_text(encoding="utf-8")
    assert "\nnama_singkat: Dinas Sosial\n" in text
    instansi.write_text(
        text.replace(
            "\nnama_singkat: Dinas Sosial\n",
            "\nnama_singkat: Dinas Sosial   # KOREKSI: dicetak Dinsos\n",
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["new", "2025", "--from", str(source), "--data", str(tmp_path / "data")]
    )
    assert result.exit_code == 0, result.output
    new = (tmp_path / "data" / "2025" / "instansi.yaml").read_text(encoding="utf-8")
    assert "\nnama_singkat: Dinas Sosial   # KOREKSI: dicetak Dinsos\n" in new
    assert exit_code(api.check(tmp_path / "data" / "2025").findings) == 0


def test_new_from_a_directory_of_a_later_year_is_refused(tmp_path: Path) -> None:
    shutil.copytree(MINIMAL, tmp_path / "sumber")
    with pytest.raises(ScaffoldError, match=r"harus sesudah tahun sumber \(2024, menurut"):
        new_year(tmp_path / "data", 2024, tmp_path / "sumber")


def test_the_pk_perubahan_is_carried_with_its_comments(data_dir: Path) -> None:
    pk = data_dir / "2024" / "pk.yaml"
    text = pk.read_text(encoding="utf-8")
    head, perubahan = text.split("perubahan:\n")
    perubahan = perubahan.replace(
        "  tempat: Contoh\n", "  tempat: Kota Lain   # KOREKSI: tempat PK Perubahan\n"
    )
    pk.write_text(f"{head}perubahan:\n{perubahan}", encoding="utf-8")
    new_year(data_dir, 2025, 2024)
    data, _ = api.load(data_dir / "2025")
    assert data is not None
    # the PK in force at the end of 2024 (the revision) is the new year's PK: its place,
    # targets and programs, with the comments written beside them
    assert data.pk.murni.tempat == "Kota Lain"
    assert [(t.indikator, t.target) for t in data.pk.murni.target] == [
        ("pmks_tertangani", 100),
        ("nilai_sakip", 70),
    ]
    assert [p.program for p in data.pk.murni.program] == ["bantuan", "penunjang"]
    new = (data_dir / "2025" / "pk.yaml").read_text(encoding="utf-8")
    assert "  tempat: Kota Lain   # KOREKSI: tempat PK Perubahan\n" in new
    assert new.rstrip().endswith(
        "# ISI bila PK 2025 diubah di tengah tahun: tambahkan perubahan: dengan bentuk yang sama "
        "seperti murni: (PK 2024 di atas berasal dari PK Perubahan 2024)"
    )


def test_the_logo_and_the_pictures_are_carried(tmp_path: Path) -> None:
    """instansi.yaml and the copied prose name them: left behind, 2025 had an error."""
    from typer.testing import CliRunner

    from lkjip_cli.cli import app

    source = tmp_path / "sumber"
    shutil.copytree(ROOT / "examples" / "dinkes-2024", source)
    (source / "foto").mkdir()
    shutil.copy(source / "logo.png", source / "foto" / "posyandu.png")
    bab = source / "narasi" / "bab-4.md"
    bab.write_text(
        bab.read_text(encoding="utf-8") + "\n![Kegiatan posyandu](foto/posyandu.png)\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["new", "2025", "--from", str(source), "--data", str(tmp_path / "data")]
    )
    assert result.exit_code == 0, result.output
    assert "Tidak disalin: PERHITUNGAN.md, tabel/buat_xlsx.py.\n" in result.output
    new = tmp_path / "data" / "2025"
    assert (new / "logo.png").read_bytes() == (source / "logo.png").read_bytes()
    assert (new / "foto" / "posyandu.png").is_file()
    rules = {f.rule for f in api.check(new).findings}
    assert "instansi.logo" not in rules and "narasi.gambar" not in rules


def test_a_spreadsheet_table_says_its_sheet_holds_last_years_figures(tmp_path: Path) -> None:
    """The sheet is copied as it is: the note once asked to copy it, as if it were not."""
    new_year(tmp_path / "data", 2025, ROOT / "examples" / "dinkes-2024")
    text = (tmp_path / "data" / "2025" / "tabel" / "akreditasi.yaml").read_text(encoding="utf-8")
    assert (
        "baris_dari:  # ISI: akreditasi.xlsx disalin dengan angka tahun 2024: "
        "ganti isinya dengan angka tahun 2025\n"
    ) in text
    assert (tmp_path / "data" / "2025" / "tabel" / "akreditasi.xlsx").is_file()
