"""The trend charts as data: what a ``::: gambar`` name charts, its values and caption;
the organisation chart's layout."""

from __future__ import annotations

import itertools
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from lkjip_cli.compute import compute
from lkjip_cli.model.instansi import UnitOrganisasi
from lkjip_cli.render import charts, orgchart
from lkjip_cli.render.graphics import Diagram
from lkjip_cli.render.metrics import text_width, wrap
from lkjip_cli.report import IndikatorHasil, Report, RpjmdHasil
from lkjip_cli.validate import load

FIXTURE = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "valid" / "lampiran"
DATA = Path(__file__).resolve().parents[3] / "data" / "2024"


@pytest.fixture(scope="module")
def report() -> Report:
    data = load(DATA).data
    assert data is not None
    return compute(data)


@pytest.fixture(scope="module")
def indikator(report: Report) -> IndikatorHasil:
    return report.indikator["pmks_tertangani"]


@pytest.fixture(scope="module")
def rpjmd(report: Report) -> RpjmdHasil:
    return report.rpjmd[0]


def test_indicator_chart_holds_the_realization_per_year_and_this_years_target(
    indikator: IndikatorHasil,
) -> None:
    chart = charts.tren_indikator(indikator, 2024)
    assert chart.categories == ("2022", "2023", "2024")
    realisasi, target = chart.series
    # data/2024/realisasi.yaml: 96,70 (2022) and 95,37 (2023); 2024 is computed
    assert realisasi.values == (Decimal("96.70"), Decimal("95.37"), indikator.realisasi)
    assert (realisasi.name, realisasi.kind) == ("Realisasi", "bar")
    # pk.yaml: the target 100% stands at this year only
    assert target.values == (None, None, Decimal("100"))
    assert (target.name, target.kind) == ("Target 2024", "line")
    assert (chart.x_title, chart.y_title) == ("Tahun", "Persentase (%)")
    assert chart.label(Decimal("95.38358")) == "95,38%"
    assert chart.number_format == '#,##0.00"%"'


def test_a_unit_other_than_percent_labels_plain_numbers(report: Report) -> None:
    chart = charts.tren_indikator(report.indikator["nilai_sakip"], 2024)
    assert chart.y_title == "Nilai"
    assert chart.label(Decimal("60.15")) == "60,15"
    assert chart.number_format == "#,##0.00"
    assert chart.series[0].values == (Decimal("70.71"), Decimal("60.82"), Decimal("60.15"))


def test_labels_have_the_places_the_data_has_at_most_two() -> None:
    def d(*values: str) -> list[Decimal]:
        return [Decimal(v) for v in values]

    assert charts.places(d("1234", "1500")) == 0  # counts: 1.234
    assert charts.places(d("96.7", "100")) == 1
    assert charts.places(d("96.70", "95.3835868897")) == 2
    assert charts.places([]) == 0


def test_rpjmd_chart_holds_target_realization_and_baseline(rpjmd: RpjmdHasil) -> None:
    chart = charts.tren_rpjmd(rpjmd)
    assert chart.categories == ("2023", "2024")
    realisasi, target, awal = chart.series
    assert realisasi.values == (Decimal("9.19"), Decimal("8.76"))
    assert target.values == (Decimal("11.51"), Decimal("9.19"))
    assert (target.kind, awal.kind) == ("line", "line")
    assert awal.values == (Decimal("11.76"), Decimal("11.76"))
    assert awal.dashed and not awal.labels


def test_any_indicator_can_be_charted_by_its_id(report: Report) -> None:
    by_sasaran = charts.trend("tren-S1", report)
    by_id = charts.trend("tren-pmks_tertangani", report)
    assert by_sasaran is not None and by_id is not None
    assert by_sasaran == by_id  # tren-S1 stays the first indicator of S1
    sakip = charts.trend("tren-nilai_sakip", report)
    assert sakip is not None and sakip.chart.title == "Nilai SAKIP"
    line = charts.trend("garis-nilai_sakip", report)
    assert line is not None and [s.kind for s in line.chart.series] == ["line", "line"]
    assert line.chart.series[0].values == sakip.chart.series[0].values
    for unknown in ("tren-X9", "tren-rpjmd-2", "tren-rpjmd-x", "bagan-S1", "tren-"):
        assert charts.trend(unknown, report) is None
    assert charts.names(report) == [
        "tren-rpjmd",
        "tren-S1",
        "tren-S2",
        "tren-pmks_tertangani",
        "tren-nilai_sakip",
    ]


def test_each_caption_names_its_indicator_and_years(report: Report) -> None:
    captions = {
        name: trend.caption
        for name in ("tren-S1", "tren-rpjmd", "tren-nilai_sakip")
        if (trend := charts.trend(name, report)) is not None
    }
    assert captions == {
        "tren-S1": "Grafik Realisasi dan Target Persentase PMKS yang tertangani Tahun 2022 - 2024",
        "tren-rpjmd": "Grafik Target dan Realisasi Indikator RPJMD Menurunnya angka PMKS "
        "Tahun 2023 - 2024",
        "tren-nilai_sakip": "Grafik Realisasi dan Target Nilai SAKIP Tahun 2022 - 2024",
    }


def test_one_year_of_data_is_captioned_with_that_year(report: Report) -> None:
    alone = report.indikator["nilai_sakip"].model_copy(update={"riwayat": {}, "target": None})
    single = report.model_copy(update={"indikator": {"nilai_sakip": alone}})
    trend = charts.trend("tren-nilai_sakip", single)
    assert trend is not None
    assert trend.caption == "Grafik Realisasi Nilai SAKIP Tahun 2024"
    assert trend.chart.categories == ("2024",) and len(trend.chart.series) == 1
    assert charts.years_text([2024]) == "Tahun 2024"
    assert charts.years_text([2022, 2023, 2024]) == "Tahun 2022 - 2024"


def test_the_text_alternative_lists_every_value(report: Report) -> None:
    trend = charts.trend("tren-rpjmd", report)
    assert trend is not None
    assert trend.alt == (
        "Grafik Menurunnya angka PMKS. Realisasi: 2023 9,19%, 2024 8,76%; "
        "Target: 2023 11,51%, 2024 9,19%; Target Awal RPJMD: 2023 11,76%, 2024 11,76%."
    )


def test_a_year_without_realization_keeps_its_place(indikator: IndikatorHasil) -> None:
    later = indikator.model_copy(update={"realisasi": None})
    chart = charts.tren_indikator(later, 2024)
    assert chart.categories == ("2022", "2023", "2024")
    assert chart.series[0].values[-1] is None
    bare = indikator.model_copy(update={"target": None, "riwayat": {}, "realisasi": None})
    assert charts.tren_indikator(bare, 2024).series[0].values == (None,)


def test_importing_the_cli_and_charts_imports_no_drawing_or_spreadsheet_library() -> None:
    code = (
        "import sys, lkjip_cli.cli, lkjip_cli.render.charts, lkjip_cli.render.lampiran; "
        "print(sorted(m for m in ('matplotlib', 'PIL', 'openpyxl') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# --- the organisation chart -------------------------------------------------------


@pytest.fixture(scope="module")
def struktur() -> UnitOrganisasi:
    data = load(DATA).data
    assert data is not None and data.instansi.struktur is not None
    return data.instansi.struktur


def _unit(nama: str, *bawahan: UnitOrganisasi, garis: str = "komando") -> UnitOrganisasi:
    return UnitOrganisasi.model_validate(
        {"nama": nama, "jabatan": f"Kepala {nama}", "bawahan": list(bawahan), "garis": garis}
    )


def _units(unit: UnitOrganisasi) -> int:
    return 1 + sum(_units(u) for u in unit.bawahan)


def test_struktur_organisasi_is_a_box_per_unit_with_its_name_and_title(
    struktur: UnitOrganisasi,
) -> None:
    diagram = orgchart.struktur_organisasi(struktur)
    assert isinstance(diagram, Diagram)
    assert len(diagram.boxes) == _units(struktur) == 8  # head, 2 beside, Sub Bagian, 4 bidang
    head = diagram.boxes[0]
    assert [(t.text, t.bold) for t in head.lines] == [
        ("Dinas Sosial Kabupaten Blitar", True),
        ("Kepala Dinas", False),
    ]
    # 15 cm wide, the text width: the text prints at its own size
    assert diagram.width == pytest.approx(15 / 2.54 * 72)
    assert diagram.width / 3 < diagram.height < diagram.width  # four rows
    assert orgchart.struktur_organisasi(struktur) == diagram


def test_coordination_lines_are_dashed_command_lines_solid(struktur: UnitOrganisasi) -> None:
    diagram = orgchart.struktur_organisasi(struktur)
    dashed = [line for line in diagram.lines if line.dashed]
    # one unit under coordination (Kelompok Jabatan Fungsional): one dashed line to it
    assert len(dashed) == 1
    solid = orgchart.struktur_organisasi(
        struktur.model_copy(
            update={
                "bawahan": [u.model_copy(update={"garis": "komando"}) for u in struktur.bawahan]
            }
        )
    )
    assert not any(line.dashed for line in solid.lines)
    for line in diagram.lines:  # only horizontal and vertical lines
        assert line.x0 == pytest.approx(line.x1) or line.y0 == pytest.approx(line.y1)


def test_struktur_organisasi_height_follows_the_rows() -> None:
    def height(unit: UnitOrganisasi) -> float:
        return orgchart.struktur_organisasi(unit).height

    alone = height(_unit("Kantor"))
    two = height(_unit("Kantor", _unit("Bidang A"), _unit("Bidang B")))
    three = height(_unit("Kantor", _unit("Bidang A", _unit("Seksi 1"), _unit("Seksi 2"))))
    assert alone < two < three


def test_struktur_organisasi_text_fits_inside_every_box() -> None:
    nama = "Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin serta Perlindungan Sosial"
    wide = _unit("Dinas", *(_unit(f"Bidang Dengan Nama Yang Cukup Panjang {i}") for i in range(9)))
    side = _unit(
        "Dinas",
        _unit("Sekretariat", _unit("Sub Bagian Umum"), _unit("Sub Bagian Keuangan")),
        _unit("Kelompok Jabatan Fungsional", garis="koordinasi"),
        _unit("UPT Satu", garis="koordinasi"),
        _unit("Bidang A", _unit("Seksi 1")),
    )
    for unit in (_unit("Dinas", _unit(nama), _unit("Bidang B")), wide, side):
        diagram = orgchart.struktur_organisasi(unit)
        for box in diagram.boxes:
            for line in box.lines:
                assert text_width(line.text, line.size_pt, line.bold) < box.width
            pitch = sum(t.size_pt * box.leading for t in box.lines)
            assert pitch < box.height
    long_name = orgchart.struktur_organisasi(_unit("Dinas", _unit(nama), _unit("Bidang B")))
    assert len([t for t in long_name.boxes[1].lines if t.bold]) >= 3  # wrapped


def test_struktur_layout_puts_the_sekretariat_beside_the_line_to_the_bidang(
    struktur: UnitOrganisasi,
) -> None:
    head = orgchart._layout(struktur)
    rows = {b.unit.nama: b.row for b in head.walk()}
    xs = {b.unit.nama: b.x for b in head.walk()}
    assert rows["Sekretariat"] == rows["Kelompok Jabatan Fungsional"] == 1
    assert rows["Sub Bagian"] == 2
    assert {rows[n] for n in xs if n.startswith("Bidang ")} == {3}
    assert xs["Kelompok Jabatan Fungsional"] < head.x < xs["Sekretariat"]
    for row in set(rows.values()):
        centres = sorted(b.x for b in head.walk() if b.row == row)
        assert all(b - a >= 1 for a, b in itertools.pairwise(centres))


def test_text_is_measured_in_the_body_font() -> None:
    # Arial's advance widths: "Dinas" = 722 + 222 + 556 + 556 + 500 = 2556/1000 em
    assert text_width("Dinas", 10) == pytest.approx(25.56)
    # bold: 722 + 278 + 611 + 556 + 556 = 2723
    assert text_width("Dinas", 10, bold=True) == pytest.approx(27.23)
    assert wrap("Bidang Rehabilitasi Sosial", 20, len) == ["Bidang Rehabilitasi", "Sosial"]
    assert wrap("Kesejahteraan", 5, len) == ["Kesejahteraan"]
    assert wrap("", 5, len) == []
