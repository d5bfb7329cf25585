"""Declared tables: bad input, formulas, sums, constraints, rendering, narratives, indicators.

The minimal year (tests/fixtures/valid/minimal) declares tabel/pmks.yaml (a group row
40 = 25 + 15, a total 100 / 95 and a computed percentage) and
tabel/insentif_fiskal.yaml (two rows, stated totals, two constraints).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from tests.conftest import Dataset

from lkjip_cli.compute import compute
from lkjip_cli.render.context import narrative_context
from lkjip_cli.render.markdown import table_view
from lkjip_cli.render.registry import build
from lkjip_cli.render.sandbox import render_narrative
from lkjip_cli.rumus import RumusError, evaluate, parse, parse_syarat
from lkjip_cli.validate import load

PMKS = "tabel/pmks.yaml"


# --- the formula language --------------------------------------------------------------


def test_formula_is_parsed_with_precedence_and_evaluated_exactly() -> None:
    node = parse("(a + b) * 2 - c / 4")
    assert evaluate(node, {"a": 1, "b": 2, "c": Decimal("1")}) == Decimal("5.75")
    assert evaluate(parse("0,5 * a"), {"a": 3}) == Decimal("1.5")
    assert evaluate(parse("a / b"), {"a": 1, "b": 0}) is None
    assert evaluate(parse("a + b"), {"a": 1, "b": None}) is None


@pytest.mark.parametrize("text", ["a +", "a ** b", "__import__('os')", "(a + b", "a b", ""])
def test_formula_refuses_anything_but_arithmetic(text: str) -> None:
    with pytest.raises(RumusError):
        parse(text)


def test_constraint_needs_exactly_one_comparison() -> None:
    syarat = parse_syarat("a + b = c")
    assert syarat.op == "="
    with pytest.raises(RumusError):
        parse_syarat("a < b < c")


# --- bad input: one finding each, with its line --------------------------------------


def test_unknown_column_in_a_row(minimal: Dataset) -> None:
    minimal.edit(PMKS, "{nama: Fisik, jumlah: 25, tertangani: 24}", "{nama: Fisik, jumlh: 25}")
    [finding] = minimal.only("input.kolom-tidak-dikenal")
    assert "kolom 'jumlh' tidak ada di tabel; maksud Anda 'jumlah'?" in finding.message
    assert finding.position is not None
    assert finding.position.line == minimal.line(PMKS, "jumlh")


def test_unknown_kind(minimal: Dataset) -> None:
    minimal.edit(PMKS, "jenis: bilangan}", "jenis: angka}")
    [finding] = minimal.only("input.nilai-tidak-sah")
    assert "'angka' tidak dikenal" in finding.message
    assert finding.position is not None and finding.position.line == minimal.line(PMKS, "angka")


def test_formula_over_a_text_column(minimal: Dataset) -> None:
    minimal.edit(PMKS, "rumus: tertangani / jumlah", "rumus: tertangani / nama")
    [finding] = minimal.check()
    assert finding.rule == "tabel.rumus-tidak-sah"
    assert "memakai kolom 'nama' berjenis teks" in finding.message


def test_typed_value_in_a_computed_column(minimal: Dataset) -> None:
    minimal.edit(PMKS, "jumlah: 60, tertangani: 57}", "jumlah: 60, tertangani: 57, persen: 95}")
    assert minimal.rules() == ["tabel.kolom-terhitung-diisi"]


def test_text_where_a_number_is_declared(minimal: Dataset) -> None:
    minimal.edit(PMKS, "jumlah: 60,", "jumlah: enam puluh,")
    findings = minimal.check()
    [finding] = [f for f in findings if f.rule == "input.angka-tidak-sah"]
    assert "baris[1].jumlah: 'enam puluh' bukan angka yang sah" in finding.message
    assert finding.position is not None
    assert finding.position.line == minimal.line(PMKS, "enam puluh")


def test_a_missing_spreadsheet(minimal: Dataset) -> None:
    minimal.write(
        "tabel/puskesmas.yaml",
        "judul: Puskesmas\nkolom:\n  - {id: nama, judul: Nama, jenis: teks}\n"
        "baris_dari: {berkas: puskesmas.xlsx}\n",
    )
    [finding] = minimal.check()
    assert finding.rule == "tabel.berkas-baris"
    assert "berkas tidak ditemukan" in finding.message and "puskesmas.xlsx" in finding.message


XLSX_TABLE = """\
judul: Akreditasi Puskesmas
kolom:
  - {id: nama, judul: Puskesmas, jenis: teks}
  - {id: jumlah, judul: Jumlah Layanan, jenis: bilangan}
  - {id: biaya, judul: Biaya, jenis: rupiah}
baris_dari: {berkas: puskesmas.xlsx, lembar: Data}
jumlah: {label: Jumlah}
"""


def _workbook(minimal: Dataset, rows: list[list[object]]) -> object:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Data"
    for row in [["Puskesmas", "Jumlah Layanan", "Biaya"], *rows]:
        sheet.append(row)
    minimal.write("tabel/puskesmas.yaml", XLSX_TABLE)
    return book


def test_rows_from_xlsx_are_read_exactly(minimal: Dataset) -> None:
    book = _workbook(minimal, [["Sukamaju", 12.0, 1550448.1], ["Mekarsari", 3, 0.1]])
    book.save(minimal.path("tabel/puskesmas.xlsx"))  # type: ignore[attr-defined]
    result = load(minimal.root)
    assert result.data is not None
    report = compute(result.data)
    t = report.tabel["puskesmas"]
    assert [r.nilai["jumlah"] for r in t.baris] == [12, 3]
    assert t.jumlah is not None and t.jumlah.nilai["biaya"] == Decimal("1550448.2")


def test_formula_and_merged_cells_in_xlsx_point_at_the_cell(minimal: Dataset) -> None:
    book = _workbook(minimal, [["Sukamaju", "=1+1", 5]])
    book.save(minimal.path("tabel/puskesmas.xlsx"))  # type: ignore[attr-defined]
    [finding] = minimal.only("tabel.berkas-baris")
    assert "sel B2 berisi rumus" in finding.message
    assert finding.position is not None and str(finding.position).endswith("!Data!B2")
    book = _workbook(minimal, [["Sukamaju", 1, 5]])
    book.active.merge_cells("A2:B2")  # type: ignore[attr-defined]
    book.save(minimal.path("tabel/puskesmas.xlsx"))  # type: ignore[attr-defined]
    [finding] = minimal.only("tabel.berkas-baris")
    assert "sel A2:B2 digabung" in finding.message


def test_xlsx_header_and_non_number_cell(minimal: Dataset) -> None:
    book = _workbook(minimal, [["Sukamaju", "banyak", 5]])
    book.save(minimal.path("tabel/puskesmas.xlsx"))  # type: ignore[attr-defined]
    [finding, *_] = minimal.only("input.angka-tidak-sah")
    assert finding.position is not None and str(finding.position).endswith("!Data!B2")
    minimal.edit("tabel/puskesmas.yaml", "{id: biaya, judul: Biaya", "{id: ongkos, judul: Ongkos")
    [finding] = minimal.only("tabel.berkas-baris")
    assert "judul kolom 'Biaya' tidak cocok" in finding.message


def test_unreadable_xlsx_and_csv(minimal: Dataset) -> None:
    minimal.write("tabel/puskesmas.yaml", XLSX_TABLE)
    minimal.write("tabel/puskesmas.xlsx", "bukan zip")
    [finding] = minimal.only("tabel.berkas-baris")
    assert "tidak dapat dibaca sebagai XLSX" in finding.message
    minimal.edit("tabel/puskesmas.yaml", "puskesmas.xlsx, lembar: Data", "puskesmas.csv")
    minimal.write("tabel/puskesmas.csv", "Puskesmas;Jumlah Layanan;Biaya\nSukamaju;1.200;5\n")
    result = load(minimal.root)
    assert result.data is not None
    assert compute(result.data).tabel["puskesmas"].baris[0].nilai["jumlah"] == 1200


# --- sums and constraints ---------------------------------------------------------------


def test_rincian_that_do_not_add_up(minimal: Dataset) -> None:
    minimal.edit(PMKS, "{nama: Mental, jumlah: 15,", "{nama: Mental, jumlah: 16,")
    [finding] = minimal.check()
    assert finding.rule == "tabel.rincian-tidak-cocok"
    assert finding.message.splitlines() == [
        "jumlah baris 'Penyandang Disabilitas' tabel 'pmks' tertulis 40, sedangkan jumlah 2 "
        "rinciannya 41 (selisih -1)",
        "- Fisik: 25",
        "- Mental: 16",
        "jika jumlah 'Fisik' bernilai 24, jumlahnya cocok",
        "jika jumlah 'Mental' bernilai 15, jumlahnya cocok",
    ]
    assert finding.position is not None and finding.position.line == minimal.line(PMKS, "40")


def test_a_stated_total_that_is_not_the_sum(minimal: Dataset) -> None:
    minimal.edit(PMKS, "jumlah: 100, tertangani: 95}", "jumlah: 100, tertangani: 59}")
    [finding] = minimal.check()
    assert finding.rule == "tabel.jumlah-tidak-cocok"
    assert finding.message.splitlines()[0] == (
        "tertangani baris Jumlah tabel 'pmks' tertulis 59, sedangkan jumlah 2 barisnya 95 "
        "(selisih -36)"
    )


def test_constraint_names_the_row_and_each_value(minimal: Dataset) -> None:
    minimal.edit(PMKS, "jumlah: 60, tertangani: 57}", "jumlah: 60, tertangani: 61}")
    [finding] = minimal.only("tabel.batasan")
    assert finding.rule == "tabel.batasan" and finding.severity == "error"
    assert finding.message == (
        "tabel 'pmks', baris 'Keluarga fakir miskin': tertangani 61 melebihi jumlah 60 "
        "(lebih 1); syarat: tertangani <= jumlah"
    )


def test_a_warning_constraint_with_its_note(minimal: Dataset) -> None:
    minimal.edit("tabel/insentif_fiskal.yaml", "berhasil_salur: 9,", "berhasil_salur: 7,")
    [finding] = minimal.check()
    assert (finding.rule, finding.severity) == ("tabel.batasan", "warning")
    assert "berhasil salur 7 + gagal salur 1 = 8, sedangkan target penerima 10" in finding.message
    assert finding.message.endswith("; jelaskan penerima selebihnya")


def test_a_declared_name_may_not_take_a_built_in_one(minimal: Dataset) -> None:
    minimal.write("tabel/pegawai.yaml", minimal.path(PMKS).read_text(encoding="utf-8"))
    assert "tabel.nama-ganda" in minimal.rules()


# --- compute, render, narratives, indicators ------------------------------------------


def test_groups_totals_and_computed_columns(minimal: Dataset) -> None:
    minimal.edit(PMKS, "    jumlah: 40                 # 25 + 15\n", "")
    data = load(minimal.root).data
    assert data is not None
    t = compute(data).tabel["pmks"]
    group = t.baris[1]
    assert group.nilai["jumlah"] == 40  # 25 + 15, computed as it is not written
    assert group.nilai["persen"] == Decimal(38) * 100 / Decimal(40)  # 95
    assert t.jumlah is not None and t.jumlah.nilai["persen"] == Decimal(95)
    assert t.baris[0].nilai["persen"] == Decimal(57) * 100 / Decimal(60)  # unrounded 95


def test_a_declared_table_renders_like_a_built_in_one(minimal: Dataset) -> None:
    data = load(minimal.root).data
    assert data is not None
    report = compute(data)
    blocks = build("tabel", "pmks", data, report)
    assert blocks is not None
    view = table_view(blocks[0])  # type: ignore[arg-type]
    assert view["caption"] == "**Data PMKS Tahun 2024**"
    assert view["rows"] == [
        ["1.", "Keluarga fakir miskin", "60", "57", "95,00%"],
        ["**2.**", "**Penyandang Disabilitas**", "**40**", "**38**", "**95,00%**"],
        ["", "a) Fisik", "25", "24", "96,00%"],
        ["", "b) Mental", "15", "14", "93,33%"],
        ["**Jumlah**", "", "**100**", "**95**", "**95,00%**"],
    ]


def test_narratives_read_cells_totals_and_rows_by_id(minimal: Dataset) -> None:
    minimal.write(
        "narasi/bab-1.md",
        "Dari {{ tabel.pmks.jumlah.jumlah | angka }} orang, {{ tabel.pmks.baris[1].rincian[0]"
        ".nama }}; pagu {{ tabel.insentif_fiskal.baris.sembako.pagu | rupiah }} untuk "
        "{{ tabel.insentif_fiskal.baris['tunai'].program_nama }} ({{ tabel.pmks.baris | length }} "
        "baris).\n",
    )
    data = load(minimal.root).data
    assert data is not None
    report = compute(data)
    text = render_narrative(
        data.narasi["bab-1"].text, "bab-1.md", narrative_context(data, report, lambda n: n)
    )
    assert text.startswith("Dari 100 orang, Fisik; pagu Rp. 200.000,00 untuk ")
    assert text.endswith("(2 baris).\n")


def test_indicator_computed_per_100000_and_a_typed_realisation(minimal: Dataset) -> None:
    minimal.edit("iku.yaml", 'satuan: "%"', 'satuan: "per 100.000 penduduk"')
    data = load(minimal.root).data
    assert data is not None
    assert compute(data).indikator["pmks_tertangani"].realisasi == Decimal(95000)  # 95÷100×1e5


def test_unknown_reference_suggests_the_name(minimal: Dataset) -> None:
    minimal.edit(
        "iku.yaml", "penyebut: tabel.pmks.jumlah.jumlah", "penyebut: tabel.pmks.jumlah.jumlh"
    )
    [finding] = minimal.check()
    assert finding.rule == "input.referensi-tidak-dikenal"
    assert "kolom angka 'jumlh' tidak ada di tabel 'pmks'; maksud Anda 'jumlah'?" in finding.message
    assert finding.position is not None
    assert finding.position.line == minimal.line("iku.yaml", "jumlh")


def test_a_typed_realisation_is_checked_against_the_computed_one(minimal: Dataset) -> None:
    minimal.edit(
        "realisasi.yaml",
        "  - indikator: pmks_tertangani\n",
        "  - indikator: pmks_tertangani\n    realisasi: 95,4\n",
    )
    [finding] = minimal.check()
    assert finding.rule == "indikator.realisasi-tidak-cocok"
    assert finding.message == (
        "realisasi indikator 'Persentase PMKS yang tertangani' tertulis 95,40, sedangkan "
        "dihitung dari data: tabel.pmks.jumlah.tertangani 95 ÷ tabel.pmks.jumlah.jumlah 100 "
        "× 100 = 95,00 (selisih +0,40)"
    )
    assert finding.position is not None
    assert finding.position.line == minimal.line("realisasi.yaml", "realisasi: 95,4")
    minimal.edit("realisasi.yaml", "realisasi: 95,4\n", "realisasi: 95\n")
    assert minimal.check() == []


def test_a_figure_printed_in_words(minimal: Dataset) -> None:
    minimal.edit(
        "tabel/insentif_fiskal.yaml",
        "huruf: Dua Ratus Ribu Rupiah}",
        "huruf: dua ratus  ribu rupiah, di: paragraf alokasi}",
    )
    assert minimal.check() == []  # case and spacing aside
    minimal.edit("tabel/insentif_fiskal.yaml", "dua ratus  ribu", "dua puluh ribu")
    [finding] = minimal.check()
    assert finding.rule == "tercetak.terbilang-tidak-cocok"
    assert finding.message == (
        "baris.sembako.pagu tabel 'insentif_fiskal' Rp. 200.000 tertulis dengan huruf "
        '"dua puluh ribu rupiah" di paragraf alokasi, seharusnya "Dua Ratus Ribu Rupiah"'
    )
    minimal.edit("tabel/insentif_fiskal.yaml", "nilai: baris.sembako.pagu", "nilai: baris.x.pagu")
    assert minimal.rules() == ["input.referensi-tidak-dikenal"]


def test_a_new_year_copies_tables_and_their_spreadsheets(minimal: Dataset) -> None:
    from lkjip_cli import api
    from lkjip_cli.findings import exit_code
    from lkjip_cli.scaffold import new_year

    minimal.write(
        "tabel/puskesmas.yaml", XLSX_TABLE.replace("puskesmas.xlsx, lembar: Data", "puskesmas.csv")
    )
    minimal.write("tabel/puskesmas.csv", "Puskesmas,Jumlah Layanan,Biaya\nSukamaju,12,5\n")
    result = new_year(minimal.root.parent, 2025, 2024)
    assert result.findings == [] and "tabel/puskesmas.csv" in result.written
    findings = api.check(minimal.root.parent / "2025").findings
    assert exit_code(findings) == 0
    pmks = (minimal.root.parent / "2025" / "tabel" / "pmks.yaml").read_text(encoding="utf-8")
    assert "{nama: Keluarga fakir miskin, jumlah: 0, tertangani: 0}" in pmks


def test_cli_check_points_at_the_spreadsheet_cell(minimal: Dataset) -> None:
    from typer.testing import CliRunner

    from lkjip_cli.cli import app

    book = _workbook(minimal, [["Sukamaju", "banyak", 5]])
    book.save(minimal.path("tabel/puskesmas.xlsx"))  # type: ignore[attr-defined]
    result = CliRunner().invoke(app, ["check", str(minimal.root)])
    assert result.exit_code == 1
    assert "tabel/puskesmas.xlsx\n" in result.stdout
    assert (
        "  Data!B2: galat [input.angka-tidak-sah] jumlah: 'banyak' bukan angka yang sah"
        in result.stdout
    )


def test_rincian_are_a_list_of_one_level(minimal: Dataset) -> None:
    minimal.edit(PMKS, "tertangani: 57}", "tertangani: 57, rincian: banyak}")
    minimal.edit(PMKS, "tertangani: 14}", "tertangani: 14, rincian: [{nama: x}]}")
    messages = [f.message for f in minimal.only("input.nilai-tidak-sah")]
    assert messages == [
        "baris[1].rincian: rincian harus berupa daftar baris (- {...})",
        "baris[2].rincian[2].rincian: rincian hanya satu tingkat: sebuah rincian tidak memiliki "
        "rincian",
    ]


def test_a_blank_row_is_named_as_the_one_that_balances_the_total(minimal: Dataset) -> None:
    minimal.edit(PMKS, "jumlah: 60, tertangani: 57}", "jumlah: 60}")
    [finding] = minimal.only("tabel.jumlah-tidak-cocok")
    assert finding.message.splitlines()[1:] == [
        "- Keluarga fakir miskin: 0 (tidak diisi)",
        "- Penyandang Disabilitas: 38",
        "jika tertangani 'Keluarga fakir miskin' bernilai 57, jumlahnya cocok",
    ]


def test_csv_problems_point_at_line_and_field(minimal: Dataset) -> None:
    minimal.write(
        "tabel/puskesmas.yaml", XLSX_TABLE.replace("puskesmas.xlsx, lembar: Data", "p.csv")
    )
    minimal.write("tabel/p.csv", "Puskesmas;Jumlah Layanan;Biaya\nSukamaju;12;5\nMekar;dua;5\n")
    [finding] = minimal.only("input.angka-tidak-sah")
    assert finding.position is not None
    assert (finding.position.line, finding.position.column) == (3, 2)
    assert str(finding.position).endswith("tabel/p.csv:3:2")
    minimal.write("tabel/p.csv", "Puskesmas;Layanan;Biaya\nSukamaju;12;5\n")
    [finding] = minimal.only("tabel.berkas-baris")
    assert "judul kolom 'Layanan' tidak cocok" in finding.message
    minimal.path("tabel/p.csv").write_bytes(b"Puskesmas;Jumlah Layanan;Biaya\n\xff;1;1\n")
    [finding] = minimal.only("tabel.berkas-baris")
    assert "bukan teks UTF-8" in finding.message


def _pagu_of_1_001_000(minimal: Dataset, words: str) -> list[str]:
    f = "tabel/insentif_fiskal.yaml"
    minimal.edit(f, "pagu: 200.000,", "pagu: 1.001.000,")
    minimal.edit(f, "pagu: 300.000,", "pagu: 1.101.000,")
    minimal.edit(
        f,
        "{nilai: baris.sembako.pagu, huruf: Dua Ratus Ribu Rupiah}",
        f"{{nilai: baris.sembako.pagu, huruf: {words}}}",
    )
    return [
        f.message
        for f in minimal.only("tercetak.terbilang-tidak-cocok")
        if f.message.startswith("baris.sembako.pagu")
    ]


def test_a_thousands_group_of_one_printed_seribu_is_right(minimal: Dataset) -> None:
    assert _pagu_of_1_001_000(minimal, "Satu Juta Seribu Rupiah") == []


def test_a_thousands_group_of_one_printed_satu_ribu_is_wrong(minimal: Dataset) -> None:
    assert _pagu_of_1_001_000(minimal, "Satu Juta Satu Ribu Rupiah") == [
        "baris.sembako.pagu tabel 'insentif_fiskal' Rp. 1.001.000 tertulis dengan huruf "
        '"Satu Juta Satu Ribu Rupiah", seharusnya "Satu Juta Seribu Rupiah"'
    ]
