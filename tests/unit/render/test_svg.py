"""Charts and the organisation chart as SVG: well-formed, one mark per value, to scale,
text as text, deterministic."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from lkjip_cli.model.instansi import UnitOrganisasi
from lkjip_cli.render import orgchart, svg
from lkjip_cli.render.blocks import Figure
from lkjip_cli.render.graphics import Chart, Series

from .sample import tiny_chart

NS = {"s": "http://www.w3.org/2000/svg"}


def parse(text: str) -> ET.Element:
    return ET.fromstring(text)


def marks(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter() if e.get("class") == "mark"]


def figure(content: Chart) -> Figure:
    return Figure(content, "tren-x", "3.1", "Grafik uji", alt="Nilai per tahun")


def test_a_chart_is_well_formed_titled_and_described() -> None:
    text = svg.figure_svg(figure(tiny_chart()), "g31")
    root = parse(text)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Gambar 3.1 Grafik uji"
    assert root.findtext("s:title", namespaces=NS) == "Gambar 3.1 Grafik uji"
    assert root.findtext("s:desc", namespaces=NS) == "Nilai per tahun"
    assert root.get("aria-describedby") == "g31-desc"
    assert root.get("width") == "15cm" and root.get("height") == "8cm"
    assert "Arial" in (root.get("font-family") or "")
    assert svg.figure_svg(figure(tiny_chart()), "g31") == text


def test_one_mark_per_value_holding_it_exactly() -> None:
    chart = tiny_chart(("96.70", "95.37", "95.3835868897"))
    root = parse(svg.figure_svg(figure(chart), "g"))
    found = [Decimal(m.get("data-nilai") or "") for m in marks(root)]
    values = [v for s in chart.series for v in s.values if v is not None]
    assert found == values  # three bars and the target's one point
    assert [m.tag.split("}")[1] for m in marks(root)] == ["rect", "rect", "rect", "circle"]
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    for label in ("96,70%", "95,37%", "95,38%", "100,00%", "Tahun", "Persentase (%)"):
        assert label in texts


def test_a_missing_value_has_no_mark_and_breaks_the_line() -> None:
    chart = Chart(
        "Uji",
        ("2021", "2022", "2023", "2024"),
        (Series("Realisasi", (Decimal(1), Decimal(2), None, Decimal(4)), "line", "2F5597"),),
        "Tahun",
        "Nilai",
    )
    root = parse(svg.figure_svg(figure(chart), "g"))
    assert len(marks(root)) == 3
    (polyline,) = root.iter("{http://www.w3.org/2000/svg}polyline")
    assert len((polyline.get("points") or "").split()) == 2  # 2021–2022; 2024 stands alone


def test_bars_are_drawn_to_scale_from_zero() -> None:
    chart = tiny_chart(("20", "40", "80"), target="100")
    root = parse(svg.figure_svg(figure(chart), "g"))
    bars = [m for m in marks(root) if m.tag.endswith("rect")]
    heights = [float(b.get("height") or 0) for b in bars]
    bottoms = {round(float(b.get("y") or 0) + h, 1) for b, h in zip(bars, heights, strict=True)}
    assert len(bottoms) == 1  # all stand on the axis
    assert heights[1] == pytest.approx(2 * heights[0], abs=0.02)
    assert heights[2] == pytest.approx(4 * heights[0], abs=0.02)
    (point,) = [m for m in marks(root) if m.tag.endswith("circle")]
    top_of_80 = float(bars[2].get("y") or 0)
    # the target 100 is 20 units above the bar of 80: as far as the bar of 20 is tall
    assert top_of_80 - float(point.get("cy") or 0) == pytest.approx(heights[0], abs=0.02)


def test_ticks_are_round_steps_up_to_the_top() -> None:
    def d(*values: str) -> list[Decimal]:
        return [Decimal(v) for v in values]

    # 118 / 6 = 19.7: a step of 20, and 120 is above the top
    assert svg.ticks(Decimal("118")) == d("0", "20", "40", "60", "80", "100")
    # 11.76 × 1.18 = 13.8768, / 6 = 2.31: a step of 2.5
    assert svg.ticks(Decimal("13.8768")) == d("0", "2.5", "5", "7.5", "10", "12.5")
    assert svg.ticks(Decimal("1000")) == d("0", "200", "400", "600", "800", "1000")
    assert svg.ticks(Decimal("0")) == d("0")
    assert svg.tick_labels(svg.ticks(Decimal("13.8768"))) == ["0", "2,5", "5", "7,5", "10", "12,5"]
    assert svg.tick_labels(svg.ticks(Decimal("1000"))) == ["0", "200", "400", "600", "800", "1.000"]


def test_text_from_the_data_is_escaped() -> None:
    evil = "<script>alert('x')</script> & \"kutip\""
    chart = Chart(evil, ("2024",), (Series(evil, (Decimal(1),), "bar", "2F5597"),), evil, evil)
    text = svg.figure_svg(Figure(chart, "x", "1.1", evil, alt=evil), "g")
    root = parse(text)  # still well-formed
    assert "<script" not in text
    assert root.findtext("s:desc", namespaces=NS) == evil


def test_the_organisation_chart_draws_every_box_and_line() -> None:
    unit = UnitOrganisasi.model_validate(
        {
            "nama": "Dinas",
            "jabatan": "Kepala Dinas",
            "bawahan": [
                {"nama": "Bidang A", "jabatan": "Kepala Bidang"},
                {"nama": "UPT", "garis": "koordinasi"},
            ],
        }
    )
    diagram = orgchart.struktur_organisasi(unit)
    root = parse(svg.figure_svg(Figure(diagram, "struktur-organisasi", "1.1", "Struktur"), "g"))
    rects = list(root.iter("{http://www.w3.org/2000/svg}rect"))
    assert len(rects) == 1 + len(diagram.boxes)  # the white page and a rect per box
    lines = list(root.iter("{http://www.w3.org/2000/svg}line"))
    assert len(lines) == len(diagram.lines)
    assert sum(1 for x in lines if x.get("stroke-dasharray")) == 1  # the UPT's
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert sorted(texts) == ["Bidang A", "Dinas", "Kepala Bidang", "Kepala Dinas", "UPT"]


def test_a_negative_value_hangs_below_the_zero_axis() -> None:
    # e.g. a growth rate that fell: -2 hangs as far below zero as 2 stands above it
    chart = Chart(
        "Pertumbuhan",
        ("2023", "2024"),
        (Series("Realisasi", (Decimal(2), Decimal(-2)), "bar", "2F5597"),),
        "Tahun",
        "Persentase (%)",
        suffix="%",
    )
    root = parse(svg.figure_svg(figure(chart), "g"))
    up, down = marks(root)
    assert float(up.get("height") or 0) == pytest.approx(float(down.get("height") or 0), abs=0.02)
    zero = float(up.get("y") or 0) + float(up.get("height") or 0)
    assert float(down.get("y") or 0) == pytest.approx(zero, abs=0.02)
    assert svg.ticks(Decimal("2.36"), Decimal("-2.36")) == [
        Decimal(v) for v in ("-2", "-1", "0", "1", "2")
    ]
