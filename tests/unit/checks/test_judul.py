"""Built-in table titles set in data (``lkjip.yaml``, ``judul_tabel``): applied, and checked."""

from __future__ import annotations

from conftest import Dataset
from lkjip_cli.api import check
from lkjip_cli.render.blocks import Table
from lkjip_cli.render.document import build_document
from lkjip_cli.render.tables import TABLES, apply_title


def _titles(minimal: Dataset, yaml: str) -> Dataset:
    text = minimal.path("lkjip.yaml").read_text(encoding="utf-8")
    return minimal.write("lkjip.yaml", text + "judul_tabel:\n" + yaml)


def _captions(minimal: Dataset, *names: str) -> dict[str, str | None]:
    minimal.write("narasi/bab-1.md", "Pendahuluan.\n")  # the fixture places its tables here
    minimal.write("narasi/bab-2.md", "".join(f"::: tabel {n}\n\n" for n in names))
    result = check(minimal.root)
    assert result.data is not None and result.report is not None
    dok, findings = build_document(result.data, result.report)
    assert dok is not None, findings
    return {t.label: t.caption for t in dok.tables() if t.label is not None}


def test_a_title_replaces_the_built_in_one(minimal: Dataset) -> None:
    _titles(minimal, "  pegawai: Jumlah Aparatur menurut Jabatan Tahun {tahun}\n")
    assert minimal.rules() == []
    captions = _captions(minimal, "pegawai", "predikat")
    assert captions["pegawai"] == "Jumlah Aparatur menurut Jabatan Tahun 2024"
    assert captions["predikat"] == "Pengelompokan Nilai dan Predikat Kinerja"  # untouched


def test_a_family_title_is_filled_per_sasaran_and_an_own_title_wins(minimal: Dataset) -> None:
    _titles(
        minimal,
        "  realisasi-S: 'Capaian Sasaran: {sasaran}'\n  realisasi-S2: Capaian Akuntabilitas\n",
    )
    assert minimal.rules() == []
    captions = _captions(minimal, "realisasi-S1", "realisasi-S2")
    assert captions == {
        "realisasi-S1": "Capaian Sasaran: Meningkatnya Kesejahteraan PMKS",
        "realisasi-S2": "Capaian Akuntabilitas",
    }


def test_the_comparison_title_names_no_kind_of_region(minimal: Dataset) -> None:
    # by default it names the benchmark's region from realisasi.yaml
    assert _captions(minimal, "pembanding-S2")["pembanding-S2"] == (
        "Perbandingan Capaian Kinerja dengan Kabupaten Pembanding"
    )


def test_an_unknown_table_name_is_an_error_with_a_suggestion(minimal: Dataset) -> None:
    _titles(minimal, "  pegawaii: Komposisi Pegawai\n")
    [finding] = minimal.only("judul.tabel-tidak-dikenal")
    assert finding.severity == "error"
    assert finding.message == (
        "judul_tabel.pegawaii: tabel 'pegawaii' tidak dikenal; maksud Anda 'pegawai'?"
    )
    assert finding.position is not None
    assert finding.position.file.endswith("lkjip.yaml")
    assert finding.position.line == minimal.line("lkjip.yaml", "pegawaii")


def test_a_fill_the_table_cannot_have_is_an_error(minimal: Dataset) -> None:
    _titles(minimal, "  pegawai: Pegawai {sasaran}\n  realisasi-S: Capaian {nama}\n")
    messages = sorted(f.message for f in minimal.only("judul.isian-tidak-dikenal"))
    assert messages == [
        "judul_tabel.pegawai: '{sasaran}' tidak dapat diisi; "
        "judul tabel ini hanya dapat memuat {tahun}",
        "judul_tabel.realisasi-S: '{nama}' tidak dapat diisi; "
        "judul tabel ini hanya dapat memuat {sasaran} dan {tahun}",
    ]


def test_apply_title_leaves_a_table_alone_without_a_title(minimal: Dataset) -> None:
    result = check(minimal.root)
    assert result.data is not None and result.report is not None
    table = TABLES["pegawai"](result.data, result.report, None)
    assert isinstance(table, Table)
    assert apply_title("pegawai", table, result.data, result.report) is table
