"""Indicators in the tables: formula by unit, definisi beside penjelasan, units beside values.

Built from ``fixtures/valid/minimal`` with the second indicator (nilai_sakip:
PK target 80, PK Perubahan target 70, realisasi 77, Renstra 75) edited the way
a planner of another agency would write it.
"""

from __future__ import annotations

import dataclasses

from conftest import Dataset
from lkjip_cli.compute import compute
from lkjip_cli.model import DataTahun
from lkjip_cli.render.blocks import Block, Table
from lkjip_cli.render.lampiran import lampiran
from lkjip_cli.render.markdown import write_markdown
from lkjip_cli.render.tables import TABLES
from lkjip_cli.report import Report
from lkjip_cli.validate import load

from .sample_md import sample_dokumen

HEAD = "  - id: nilai_sakip\n    sasaran: S2\n    nama: Nilai SAKIP\n"


def _indikator(minimal: Dataset, lines: str) -> tuple[DataTahun, Report]:
    """nilai_sakip rewritten: ``lines`` replace its ``utama`` and ``satuan`` lines."""
    minimal.edit("iku.yaml", HEAD + "    utama: tidak\n    satuan: nilai\n", HEAD + lines)
    result = load(minimal.root)
    assert result.data is not None, result.findings
    return result.data, compute(result.data)


def _markdown(*blocks: Block) -> list[str]:
    markdown, _ = write_markdown(dataclasses.replace(sample_dokumen(), blocks=tuple(blocks)))
    return [line for line in markdown.splitlines() if line.startswith("| ")]


def _table(name: str, key: str | None, built: tuple[DataTahun, Report]) -> Table:
    return TABLES[name](*built, key)


def _column(table: Table, index: int) -> list[str]:
    return [row[index].text for row in table.body]


def test_tabel_2_1_shows_definisi_formula_and_penjelasan(minimal: Dataset) -> None:
    built = _indikator(
        minimal,
        """\
    utama: ya
    satuan: per 100.000 kelahiran hidup
    definisi: Kematian ibu selama kehamilan, persalinan dan nifas
    rumus:
      pembilang: Jumlah kematian ibu
      penyebut: Jumlah kelahiran hidup
    penjelasan:
      - Kematian karena kecelakaan tidak dihitung
""",
    )
    rows = _markdown(_table("iku", None, built))
    assert rows[-1] == (
        "| 2 | Meningkatnya Akuntabilitas Kinerja | Nilai SAKIP | "
        "Kematian ibu selama kehamilan, persalinan dan nifas"
        "<br>Rumus: Jumlah kematian ibu ÷ Jumlah kelahiran hidup × 100.000"
        "<br>Penjelasan:<br>- Kematian karena kecelakaan tidak dihitung | - | "
        "Program Penunjang Urusan Pemerintahan Daerah |"
    )


def test_the_iku_appendix_shows_definisi_and_formula(minimal: Dataset) -> None:
    built = _indikator(
        minimal,
        """\
    utama: ya
    satuan: indeks
    definisi: Indeks kepuasan masyarakat atas layanan
    rumus:
      pembilang: Jumlah nilai persepsi per unsur
      penyebut: Jumlah unsur yang terisi
""",
    )
    matrix = next(
        b for b in lampiran(*built) if isinstance(b, Table) and b.header and len(b.header[0]) == 7
    )
    # an index: no "× 100%"
    assert matrix.body[-1][4].text == (
        "Indeks kepuasan masyarakat atas layanan\n"
        "Rumus: Jumlah nilai persepsi per unsur ÷ Jumlah unsur yang terisi"
    )


def test_a_formula_without_penyebut_prints_as_written(minimal: Dataset) -> None:
    built = _indikator(
        minimal,
        """\
    utama: ya
    satuan: tahun
    rumus:
      uraian: Rata-rata lama sekolah penduduk usia 25 tahun ke atas, dihitung BPS
""",
    )
    assert _column(_table("iku", None, built), 3)[-1] == (
        "Rata-rata lama sekolah penduduk usia 25 tahun ke atas, dihitung BPS"
    )


def test_a_percent_formula_keeps_times_100_percent(minimal: Dataset) -> None:
    built = _indikator(
        minimal,
        """\
    utama: ya
    satuan: persen
    rumus: {pembilang: Dokumen tepat waktu, penyebut: Dokumen wajib}
""",
    )
    assert _column(_table("iku", None, built), 3)[-1] == (
        "Dokumen tepat waktu ÷ Dokumen wajib × 100%"
    )


def test_a_hari_unit_prints_beside_every_value(minimal: Dataset) -> None:
    built = _indikator(minimal, "    utama: tidak\n    satuan: hari\n")
    realisasi = _table("realisasi-S", "S2", built)
    # PK Perubahan target 70, realisasi 77
    assert [c.text for c in realisasi.body[0][-4:-1]] == ["Nilai SAKIP", "70 hari", "77 hari"]
    perkembangan = _table("perkembangan-S", "S2", built)
    assert [c.text for c in perkembangan.body[0][3:]] == ["70 hari", "72 hari", "77 hari"]
    assert _column(_table("pk", None, built), 3)[-1] == "70 hari"
    assert _column(_table("realisasi-anggaran", None, built), 3)[-1] == "70 hari"
    renstra = _table("renstra-S", "S2", built)
    assert [c.text for c in renstra.body[0][3:5]] == ["75 hari", "77 hari"]
    pembanding = _table("pembanding-S", "S2", built)
    assert [c.text for c in pembanding.body[0][3:]] == ["77 hari", "75 hari"]
    pk_murni = [b for b in lampiran(*built) if isinstance(b, Table)][1]
    assert pk_murni.body[-1][-1].text == "80 hari"


def test_a_long_unit_follows_the_name_and_values_go_bare(minimal: Dataset) -> None:
    built = _indikator(minimal, "    utama: tidak\n    satuan: per 100.000 kelahiran hidup\n")
    realisasi = _table("realisasi-S", "S2", built)
    assert [c.text for c in realisasi.body[0][-4:-1]] == [
        "Nilai SAKIP (per 100.000 kelahiran hidup)",
        "70",
        "77",
    ]


def test_a_kind_word_is_not_printed_as_a_unit(minimal: Dataset) -> None:
    built = _indikator(minimal, "    utama: tidak\n    satuan: nilai\n")
    realisasi = _table("realisasi-S", "S2", built)
    assert [c.text for c in realisasi.body[0][-4:-1]] == ["Nilai SAKIP", "70", "77"]
