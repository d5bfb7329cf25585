"""Validation of a year's directory: every problem a finding with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lkjip_cli.findings import exit_code
from lkjip_cli.validate import load

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "2024"


@pytest.fixture()
def year(tmp_path: Path) -> Path:
    target = tmp_path / "2024"
    shutil.copytree(DATA, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(path: Path, needle: str) -> int:
    return next(
        i
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in line
    )


def test_clean_data_loads() -> None:
    result = load(DATA)
    assert result.data is not None
    assert [f for f in result.findings if f.severity == "error"] == []


def test_malformed_amount_names_file_line_and_field(year: Path) -> None:
    f = year / "anggaran.yaml"
    _edit(f, "pagu_murni: 14.972.000", "pagu_murni: 14.972.00")
    result = load(year)
    [finding] = [x for x in result.findings if x.rule == "input.angka-tidak-sah"]
    assert finding.position is not None
    assert finding.position.file.endswith("anggaran.yaml")
    assert finding.position.line == _line(f, "14.972.00")
    assert "pagu_murni" in finding.message and "14.972.000" in finding.message
    assert exit_code(result.findings) == 1


def test_misspelt_key_suggests_the_right_one(year: Path) -> None:
    f = year / "tabel" / "pmks.yaml"
    _edit(f, "sumber:", "sumbr:")
    result = load(year)
    [finding] = [x for x in result.findings if x.rule == "input.kolom-tidak-dikenal"]
    assert "'sumbr'" in finding.message and "maksud Anda 'sumber'" in finding.message
    assert finding.position is not None and finding.position.line == _line(f, "sumbr:")


def test_impossible_date(year: Path) -> None:
    f = year / "instansi.yaml"
    _edit(f, "tanggal: 28 Februari 2025", "tanggal: 30 Februari 2025")
    result = load(year)
    [finding] = [x for x in result.findings if x.rule == "input.tanggal-tidak-sah"]
    assert "tidak ada di kalender" in finding.message
    assert finding.position is not None and finding.position.line == _line(f, "30 Februari")


def test_float_never_reaches_a_model(year: Path) -> None:
    # "14.972" is fourteen thousand nine hundred seventy-two, not a float
    result = load(year)
    assert result.data is not None
    amounts = [
        s.pagu_perubahan
        for p in result.data.anggaran.program
        for k in p.kegiatan
        for s in k.sub_kegiatan
    ]
    assert all(type(a).__name__ == "Decimal" for a in amounts)


def test_unknown_reference_is_an_error(year: Path) -> None:
    f = year / "anggaran.yaml"
    _edit(f, "sasaran: S1", "sasaran: S9")
    result = load(year)
    assert result.data is None
    [finding] = [x for x in result.findings if x.rule == "input.referensi-tidak-dikenal"]
    assert "'S9'" in finding.message


def test_missing_required_file_is_unreadable(year: Path) -> None:
    (year / "pk.yaml").unlink()
    result = load(year)
    assert exit_code(result.findings) == 2
    assert any("pk.yaml" in f.message for f in result.findings)


def test_duplicate_key_is_unreadable_with_line(year: Path) -> None:
    f = year / "lkjip.yaml"
    f.write_text(f.read_text(encoding="utf-8") + "tahun: 2025\n", encoding="utf-8")
    result = load(year)
    [finding] = [x for x in result.findings if x.unreadable]
    assert "dua kali" in finding.message
    assert finding.position is not None and finding.position.line == len(f.read_text().splitlines())


def test_invalid_item_is_left_out_and_the_rest_still_validates(year: Path) -> None:
    _edit(year / "anggaran.yaml", "pagu_murni: 14.972.000", "pagu_murni: banyak")
    _edit(year / "anggaran.yaml", "pagu_murni: 69.914.000", "pagu_murni: -5")
    result = load(year)
    rules = sorted(f.rule for f in result.findings)
    assert rules == ["input.angka-tidak-sah", "input.nilai-negatif"]
    assert result.data is not None
    # the two bad values were emptied; everything else is there
    assert len(result.data.incomplete) == 2
    assert len(result.data.tabel["pmks"].baris) == 26


def test_struktur_is_a_nested_tree() -> None:
    result = load(DATA)
    assert result.data is not None
    root = result.data.instansi.struktur
    assert root is not None and (root.nama, root.jabatan) == (
        "Dinas Sosial Kabupaten Blitar",
        "Kepala Dinas",
    )
    [sekretariat] = [u for u in root.bawahan if u.nama == "Sekretariat"]
    assert [u.jabatan for u in sekretariat.bawahan] == ["Kepala Sub Bagian"]  # Tabel 1.1: 1
    assert sum(u.nama.startswith("Bidang ") for u in root.bawahan) == 4  # Tabel 1.1: 4
    assert {u.nama: u.garis for u in root.bawahan}["Kelompok Jabatan Fungsional"] == "koordinasi"
    assert sekretariat.garis == "komando"  # the default


def test_struktur_is_optional() -> None:
    from lkjip_cli.model.instansi import Instansi, UnitOrganisasi

    assert Instansi.model_fields["struktur"].default is None
    unit = UnitOrganisasi.model_validate({"nama": "Bidang A"})
    assert (unit.jabatan, unit.bawahan, unit.garis) == (None, [], "komando")


def test_misspelt_key_deep_in_struktur(year: Path) -> None:
    f = year / "instansi.yaml"
    _edit(f, "          jabatan: Kepala Sub Bagian", "          jabatn: Kepala Sub Bagian")
    _edit(f, "      garis: koordinasi", "      garis: koordinir")
    result = load(year)
    assert exit_code(result.findings) == 1
    [key] = [x for x in result.findings if x.rule == "input.kolom-tidak-dikenal"]
    assert "struktur.bawahan" in key.message and "maksud Anda 'jabatan'" in key.message
    assert key.position is not None and key.position.line == _line(f, "jabatn:")
    [garis] = [x for x in result.findings if x.rule == "input.nilai-tidak-sah"]
    assert "'koordinir'" in garis.message and "koordinasi" in garis.message
    assert garis.position is not None and garis.position.line == _line(f, "koordinir")


def test_choice_error_lists_the_choices_in_indonesian(year: Path) -> None:
    _edit(year / "lkjip.yaml", "metode: 100-serapan", "metode: seratus")
    result = load(year)
    [finding] = [x for x in result.findings if x.severity == "error"]
    assert "'seratus' tidak dikenal" in finding.message
    assert "'100-serapan' atau 'capaian-serapan'" in finding.message


def test_setting_aside_leaves_the_documents_as_read() -> None:
    from lkjip_cli.loader import parse_text
    from lkjip_cli.model.instansi import Instansi
    from lkjip_cli.validate import validate_document

    text = (DATA / "instansi.yaml").read_text(encoding="utf-8")
    text = text.replace("jumlah: 1,", "jumlah: satu,", 1) + "warna: merah\n"
    doc = parse_text(text, "instansi.yaml")
    as_read = parse_text(text, "instansi.yaml")
    value, findings, dropped, validated = validate_document(doc, Instansi)
    assert value is not None  # A and C still validate
    assert findings and dropped
    assert validated.data != as_read.data  # "sepuluh" emptied, "warna" set aside
    assert (doc.data, doc.positions) == (as_read.data, as_read.positions)
