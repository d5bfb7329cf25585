"""Native Word charts and the organisation chart as shapes, in the 2024 report's DOCX.

The chart parts must be complete (well-formed, related, typed), hold the
Report's figures in their caches, embed a workbook whose cells are those
caches, and come out byte for byte the same on every build.
"""

from __future__ import annotations

import io
import posixpath
import time
import zipfile
from decimal import Context, Decimal
from pathlib import Path

import pytest
from lxml import etree
from openpyxl import load_workbook

from lkjip_cli.compute import compute
from lkjip_cli.render.document import build_document
from lkjip_cli.render.docx import write_docx
from lkjip_cli.render.docx.chart import workbook
from lkjip_cli.report import Report
from lkjip_cli.validate import load

from .sample import tiny_chart

DATA = Path(__file__).resolve().parents[3] / "data" / "2024"
NS = {
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
}
CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
PACKAGE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
DOUBLE = Context(prec=15)


@pytest.fixture(scope="module")
def report_and_docx() -> tuple[Report, bytes]:
    data = load(DATA).data
    assert data is not None
    report = compute(data)
    dok, _ = build_document(data, report)
    assert dok is not None
    return report, write_docx(dok)


@pytest.fixture(scope="module")
def package(report_and_docx: tuple[Report, bytes]) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(report_and_docx[1]))


def xml(package: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(package.read(name))


def rels(package: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """rId → (type, target part name) of a part's relationships."""
    folder, name = posixpath.split(part)
    root = xml(package, f"{folder}/_rels/{name}.rels")
    return {
        r.get("Id"): (r.get("Type"), posixpath.normpath(posixpath.join(folder, r.get("Target"))))
        for r in root.findall("rel:Relationship", NS)
    }


def chart_parts(package: zipfile.ZipFile) -> list[str]:
    """The chart parts in the order the document shows them."""
    document = xml(package, "word/document.xml")
    ids = document.xpath(".//a:graphicData/c:chart/@r:id", namespaces=NS)
    related = rels(package, "word/document.xml")
    return [related[i][1] for i in ids]


def series(package: zipfile.ZipFile, part: str) -> list[etree._Element]:
    return xml(package, part).xpath(".//c:ser", namespaces=NS)


def cache(ser: etree._Element) -> list[Decimal | None]:
    """A series' cached values, one per category (None where there is no point)."""
    count = int(ser.xpath("./c:val/c:numRef/c:numCache/c:ptCount/@val", namespaces=NS)[0])
    points = {
        int(pt.get("idx")): Decimal(pt.findtext("c:v", namespaces=NS))
        for pt in ser.xpath("./c:val/c:numRef/c:numCache/c:pt", namespaces=NS)
    }
    return [points.get(i) for i in range(count)]


def as_stored(value: Decimal | None) -> Decimal | None:
    """A Report figure as a chart can store it: a double's 15 significant digits."""
    return None if value is None else DOUBLE.plus(value)


def test_every_chart_part_is_well_formed_related_and_typed(package: zipfile.ZipFile) -> None:
    names = set(package.namelist())
    parts = chart_parts(package)
    assert parts == ["word/charts/chart1.xml", "word/charts/chart2.xml"]
    types = xml(package, "[Content_Types].xml")
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.findall("ct:Override", NS)}
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.findall("ct:Default", NS)}
    for part in parts:
        assert part in names
        root = xml(package, part)  # well-formed
        assert root.tag == f"{{{NS['c']}}}chartSpace"
        assert (
            overrides[f"/{part}"]
            == "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
        )
        (rid,) = root.xpath("./c:externalData/@r:id", namespaces=NS)
        kind, target = rels(package, part)[rid]
        assert kind == PACKAGE_REL
        assert target in names and target.startswith("word/embeddings/")
        assert (
            defaults["xlsx"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    for rid, (kind, target) in rels(package, "word/document.xml").items():
        if kind == CHART_REL:
            assert target in names, rid


def test_the_inline_drawing_references_each_chart(package: zipfile.ZipFile) -> None:
    document = xml(package, "word/document.xml")
    frames = document.xpath(
        ".//wp:inline[a:graphic/a:graphicData/@uri="
        "'http://schemas.openxmlformats.org/drawingml/2006/chart']",
        namespaces=NS,
    )
    assert len(frames) == 2
    ids = document.xpath(".//wp:docPr/@id", namespaces=NS)
    assert len(ids) == len(set(ids)), "drawing ids are unique"
    descr = frames[0].xpath("./wp:docPr/@descr", namespaces=NS)[0]
    assert descr.startswith("Grafik Persentase PMKS yang tertangani. Realisasi: 2022 96,70%")


def test_cached_values_are_the_reports_figures(
    report_and_docx: tuple[Report, bytes], package: zipfile.ZipFile
) -> None:
    report = report_and_docx[0]
    first, second = chart_parts(package)
    ind = report.indikator["pmks_tertangani"]
    realisasi, target = series(package, first)
    assert cache(realisasi) == [
        as_stored(ind.riwayat[2022]),
        as_stored(ind.riwayat[2023]),
        as_stored(ind.realisasi),
    ]
    assert cache(target) == [None, None, ind.target]
    rpjmd = report.rpjmd[0]
    bars, line, awal = series(package, second)
    assert cache(bars) == [rpjmd.realisasi[2023], rpjmd.realisasi[2024]]
    assert cache(line) == [rpjmd.target[2023], rpjmd.target[2024]]
    assert cache(awal) == [rpjmd.target_awal, rpjmd.target_awal]
    # the realization as bars, the targets as lines
    root = xml(package, second)
    assert len(root.xpath(".//c:barChart/c:ser", namespaces=NS)) == 1
    assert len(root.xpath(".//c:lineChart/c:ser", namespaces=NS)) == 2
    names = root.xpath(".//c:ser/c:tx//c:v/text()", namespaces=NS)
    assert names == ["Realisasi", "Target", "Target Awal RPJMD"]
    categories = realisasi.xpath("./c:cat//c:pt/c:v/text()", namespaces=NS)
    assert categories == ["2022", "2023", "2024"]


def test_the_embedded_workbook_holds_the_cached_values(package: zipfile.ZipFile) -> None:
    for part in chart_parts(package):
        root = xml(package, part)
        (rid,) = root.xpath("./c:externalData/@r:id", namespaces=NS)
        book = load_workbook(io.BytesIO(package.read(rels(package, part)[rid][1])))
        for ser in root.xpath(".//c:ser", namespaces=NS):
            ((name_ref,),) = [ser.xpath("./c:tx/c:strRef/c:f/text()", namespaces=NS)]
            sheet, cell = name_ref.split("!")
            assert (
                book[sheet][cell.replace("$", "")].value
                == ser.xpath("./c:tx//c:v/text()", namespaces=NS)[0]
            )
            (values_ref,) = ser.xpath("./c:val/c:numRef/c:f/text()", namespaces=NS)
            sheet, cells = values_ref.replace("$", "").split("!")
            column = [row[0].value for row in book[sheet][cells]]
            assert column == [None if v is None else float(v) for v in cache(ser)]
            (category_ref,) = ser.xpath("./c:cat/c:strRef/c:f/text()", namespaces=NS)
            sheet, cells = category_ref.replace("$", "").split("!")
            years = [row[0].value for row in book[sheet][cells]]
            assert years == ser.xpath("./c:cat//c:pt/c:v/text()", namespaces=NS)


def test_labels_axis_titles_legend_and_the_body_font(package: zipfile.ZipFile) -> None:
    root = xml(package, "word/charts/chart1.xml")
    formats = root.xpath(".//c:ser/c:dLbls/c:numFmt/@formatCode", namespaces=NS)
    # Indonesian-tagged: LibreOffice prints 95,38% whatever its locale
    assert formats == ['[$-421]#,##0.00"%"', '[$-421]#,##0.00"%"']
    assert root.xpath(".//c:ser/c:dLbls/c:showVal/@val", namespaces=NS) == ["1", "1"]
    titles = root.xpath(".//c:title//a:t/text()", namespaces=NS)
    assert titles == ["Persentase PMKS yang tertangani", "Tahun", "Persentase (%)"]
    assert root.xpath("./c:chart/c:legend/c:legendPos/@val", namespaces=NS) == ["b"]
    styles = xml(package, "word/styles.xml")
    body = styles.xpath(
        "./w:style[@w:styleId='BodyText']/w:rPr/w:rFonts/@w:ascii", namespaces=NS
    ) or styles.xpath(".//w:rPrDefault//w:rFonts/@w:ascii", namespaces=NS)
    assert set(root.xpath(".//a:latin/@typeface", namespaces=NS)) == {"Arial"} == set(body)


def test_the_organisation_chart_is_a_group_of_native_shapes(package: zipfile.ZipFile) -> None:
    document = xml(package, "word/document.xml")
    (group,) = document.xpath(".//wpg:wgp", namespaces=NS)
    boxes = group.xpath("./wps:wsp[wps:txbx]", namespaces=NS)
    assert len(boxes) == 8  # data/2024/instansi.yaml: the head, 2 beside it, Sub Bagian, 4 bidang
    texts = ["".join(b.xpath(".//w:t/text()", namespaces=NS)) for b in boxes]
    assert "Dinas Sosial Kabupaten BlitarKepala Dinas" in texts
    fonts = set(group.xpath(".//w:rFonts/@w:ascii", namespaces=NS))
    assert fonts == {"Arial"}
    dashed = group.xpath("./wps:wsp[not(wps:txbx)]//a:prstDash", namespaces=NS)
    assert len(dashed) == 1  # the Kelompok Jabatan Fungsional, under coordination


def test_two_builds_are_byte_identical(
    report_and_docx: tuple[Report, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = load(DATA).data
    assert data is not None
    dok, _ = build_document(data, compute(data))
    assert dok is not None
    # an hour later: zip entry times and the workbook's properties must not follow the clock
    later = time.time() + 3600
    monkeypatch.setattr(time, "time", lambda: later)
    assert write_docx(dok) == report_and_docx[1]
    created = __import__("datetime").datetime(2025, 2, 28)
    assert workbook(tiny_chart(), created) == workbook(tiny_chart(), created)


def test_the_value_axis_starts_at_zero_unless_a_value_is_below_it() -> None:
    from lkjip_cli.render.docx.chart import chart_xml
    from lkjip_cli.render.graphics import Chart, Series

    def minimum(values: tuple[str, ...]) -> list[str]:
        chart = Chart(
            "Uji",
            tuple(str(2023 + i) for i in range(len(values))),
            (Series("Realisasi", tuple(Decimal(v) for v in values), "bar", "2F5597"),),
            "Tahun",
            "Nilai",
        )
        root = etree.fromstring(chart_xml(chart, "Arial", "rId1"))
        return root.xpath(".//c:valAx/c:scaling/c:min/@val", namespaces=NS)

    assert minimum(("1.5", "3")) == ["0"]
    assert minimum(("1.5", "-3")) == []  # Word and LibreOffice scale it themselves


def test_charts_follow_a_restyled_templates_body_font(tmp_path: Path) -> None:
    """A template whose text is Georgia: the chart's text is Georgia too."""
    from lkjip_cli.render.docx.package import template_bytes

    from .sample import sample_dokumen

    source = zipfile.ZipFile(io.BytesIO(template_bytes(None)))
    template = tmp_path / "reference.docx"
    with zipfile.ZipFile(template, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/styles.xml":
                assert b'w:ascii="Arial"' in data
                data = data.replace(b'"Arial"', b'"Georgia"')
            out.writestr(item, data)
    package = zipfile.ZipFile(io.BytesIO(write_docx(sample_dokumen(), template)))
    chart = xml(package, "word/charts/chart1.xml")
    assert set(chart.xpath(".//a:latin/@typeface", namespaces=NS)) == {"Georgia"}
