"""A :class:`~lkjip_cli.render.graphics.Chart` as a native Word chart.

Word draws a chart from the values cached in its part (``c:numCache``,
``c:strCache``); "Edit Data" opens the workbook embedded beside it. Both are
written here from the same cells (:func:`cells`), so they always agree. The
workbook is written with openpyxl and its zip rewritten with fixed times: the
same chart gives the same bytes.

Numbers: OOXML stores IEEE doubles. Each value is rounded to 15 significant
digits (what a double holds exactly) as a ``Decimal`` and written as that
text in both the cache and the workbook.

Labels use the format code ``[$-421]#,##0.00``: OOXML writes a format with
``,`` grouping and ``.`` decimals, and the reader prints it with its own
separators. ``[$-421]`` marks the format as Indonesian (LCID 0x0421):
LibreOffice then prints ``95,38`` whatever the machine's locale (without it,
``95.38`` under an English or C locale, even with ``c:lang`` Indonesian).
Word prints a number with the separators of Windows' regional settings, so
an Indonesian Windows shows ``95,38``; the tag does not change that.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Context, Decimal
from xml.sax.saxutils import escape, quoteattr

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from lkjip_cli.render.docx.drawing import solid_fill
from lkjip_cli.render.docx.package import normalize_zip
from lkjip_cli.render.graphics import Chart, Series

SHEET = "Data"
LOCALE = "[$-421]"
"""Indonesian, as a number format's locale tag: see the module's docstring."""
_CAT_AX, _VAL_AX = 500000001, 500000002
_DOUBLE = Context(prec=15)
_LABEL_PT = 8
_TEXT_PT = 9
_TITLE_PT = 10
_LINE_EMU = 22225
"""1.75 pt: the width of a line series."""


def number(value: Decimal) -> str:
    """A value as the chart stores it: 15 significant digits, plain notation."""
    text = f"{_DOUBLE.plus(value).normalize():f}"
    return text


def _column(index: int) -> str:
    """Spreadsheet column letter of 0-based ``index`` (``B`` for 1); charts have few series."""
    return chr(ord("A") + index)


def _ref(column: int, first: int, last: int | None = None) -> str:
    """``Data!$B$2:$B$4``: the cells a series reads, as a formula."""
    letter = _column(column)
    ref = f"{SHEET}!${letter}${first}"
    return f"{ref}:${letter}${last}" if last is not None else ref


def cells(chart: Chart) -> list[list[str | Decimal | None]]:
    """The sheet as rows: the header (x title, series names), then a row per category."""
    rows: list[list[str | Decimal | None]] = [[chart.x_title, *(s.name for s in chart.series)]]
    for i, category in enumerate(chart.categories):
        row: list[str | Decimal | None] = [category]
        for s in chart.series:
            value = s.values[i]
            row.append(None if value is None else Decimal(number(value)))
        rows.append(row)
    return rows


def workbook(chart: Chart, created: dt.datetime) -> bytes:
    """The embedded workbook: :func:`cells` on one sheet, values in the labels' format."""
    # only a DOCX with a chart needs openpyxl
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = SHEET
    for r, row in enumerate(cells(chart), 1):
        for c, value in enumerate(row, 1):
            if value is None:
                continue
            cell = sheet.cell(row=r, column=c, value=value)
            if isinstance(value, Decimal):
                cell.number_format = number_format(chart)
    book.properties.creator = "lkjip"
    book.properties.created = created
    book.properties.modified = created
    buffer = io.BytesIO()
    # Through the writer: Workbook.save stamps the time of saving as "modified".
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    stamp = (created.year, created.month, created.day, created.hour, created.minute, 0)
    return normalize_zip(buffer.getvalue(), stamp)


def _text_properties(size_pt: float, font: str, bold: bool = False, color: str = "000000") -> str:
    return (
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
        f"{_run_properties('defRPr', size_pt, font, bold, color)}"
        '</a:pPr><a:endParaRPr lang="id-ID"/></a:p></c:txPr>'
    )


def _run_properties(tag: str, size_pt: float, font: str, bold: bool, color: str = "000000") -> str:
    face = quoteattr(font)
    lang = ' lang="id-ID"' if tag == "rPr" else ""
    return (
        f'<a:{tag}{lang} sz="{round(size_pt * 100)}" b="{int(bold)}">'
        f"{solid_fill(color)}"
        f"<a:latin typeface={face}/><a:cs typeface={face}/></a:{tag}>"
    )


def _title(text: str, size_pt: float, font: str, bold: bool, rotated: bool = False) -> str:
    body = '<a:bodyPr rot="-5400000" vert="horz"/>' if rotated else "<a:bodyPr/>"
    return (
        f"<c:title><c:tx><c:rich>{body}<a:lstStyle/><a:p><a:pPr>"
        f"{_run_properties('defRPr', size_pt, font, bold)}</a:pPr><a:r>"
        f"{_run_properties('rPr', size_pt, font, bold)}"
        f"<a:t>{escape(text)}</a:t></a:r></a:p></c:rich></c:tx>"
        '<c:overlay val="0"/></c:title>'
    )


def number_format(chart: Chart) -> str:
    """The format code of the chart's values, tagged Indonesian."""
    return LOCALE + chart.number_format


def _labels(chart: Chart, series: Series, font: str) -> str:
    if not series.labels:
        return '<c:dLbls><c:delete val="1"/></c:dLbls>'
    # A bar's label inside its top, in white: clear of a line's labels just above it.
    inside = series.kind == "bar"
    return (
        f'<c:dLbls><c:numFmt formatCode={quoteattr(number_format(chart))} sourceLinked="0"/>'
        # A line's labels on white: readable where they cross a bar.
        f"<c:spPr>{'<a:noFill/>' if inside else solid_fill('FFFFFF')}<a:ln><a:noFill/></a:ln>"
        "</c:spPr>"
        f"{_text_properties(_LABEL_PT, font, inside, color='FFFFFF' if inside else '000000')}"
        f'<c:dLblPos val="{"inEnd" if inside else "r"}"/>'
        '<c:showLegendKey val="0"/><c:showVal val="1"/>'
        '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>'
        '<c:showBubbleSize val="0"/></c:dLbls>'
    )


def _series(chart: Chart, index: int, series: Series, font: str) -> str:
    """A ``c:ser``: name, look, labels, categories and values, each with its cache."""
    column = index + 1
    last = len(chart.categories) + 1
    names = "".join(
        f'<c:pt idx="{i}"><c:v>{escape(c)}</c:v></c:pt>' for i, c in enumerate(chart.categories)
    )
    points = "".join(
        f'<c:pt idx="{i}"><c:v>{number(v)}</c:v></c:pt>'
        for i, v in enumerate(series.values)
        if v is not None
    )
    if series.kind == "bar":
        look = f'<c:spPr>{solid_fill(series.color)}</c:spPr><c:invertIfNegative val="0"/>'
    else:
        dash = '<a:prstDash val="dash"/>' if series.dashed else ""
        look = (
            f'<c:spPr><a:ln w="{_LINE_EMU}" cap="rnd">{solid_fill(series.color)}{dash}'
            "<a:round/></a:ln></c:spPr>"
            f'<c:marker><c:symbol val="circle"/><c:size val="{4 if series.dashed else 6}"/>'
            f"<c:spPr>{solid_fill(series.color)}<a:ln>{solid_fill(series.color)}</a:ln></c:spPr></c:marker>"
        )
    tail = "" if series.kind == "bar" else '<c:smooth val="0"/>'
    return (
        f'<c:ser><c:idx val="{index}"/><c:order val="{index}"/>'
        f"<c:tx><c:strRef><c:f>{_ref(column, 1)}</c:f><c:strCache>"
        f'<c:ptCount val="1"/><c:pt idx="0"><c:v>{escape(series.name)}</c:v></c:pt>'
        f"</c:strCache></c:strRef></c:tx>{look}{_labels(chart, series, font)}"
        f"<c:cat><c:strRef><c:f>{_ref(0, 2, last)}</c:f><c:strCache>"
        f'<c:ptCount val="{len(chart.categories)}"/>{names}</c:strCache></c:strRef></c:cat>'
        f"<c:val><c:numRef><c:f>{_ref(column, 2, last)}</c:f><c:numCache>"
        f"<c:formatCode>{escape(number_format(chart))}</c:formatCode>"
        f'<c:ptCount val="{len(chart.categories)}"/>{points}</c:numCache></c:numRef></c:val>'
        f"{tail}</c:ser>"
    )


def _axes(chart: Chart, font: str) -> str:
    # The values' axis starts at 0 (bars stand on it) unless a value is below it.
    negative = any(v is not None and v < 0 for s in chart.series for v in s.values)
    minimum = "" if negative else '<c:min val="0"/>'
    grid = '<c:majorGridlines><c:spPr><a:ln w="6350">' + solid_fill("D9D9D9") + "</a:ln></c:spPr>"
    axis_line = '<c:spPr><a:ln w="9525">' + solid_fill("000000") + "</a:ln></c:spPr>"
    return (
        f'<c:catAx><c:axId val="{_CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="b"/>'
        f"{_title(chart.x_title, _TEXT_PT, font, False)}"
        '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{axis_line}'
        f'{_text_properties(_TEXT_PT, font)}<c:crossAx val="{_VAL_AX}"/>'
        '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>'
        '<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        f'<c:valAx><c:axId val="{_VAL_AX}"/><c:scaling><c:orientation val="minMax"/>'
        f'{minimum}</c:scaling><c:delete val="0"/><c:axPos val="l"/>'
        f"{grid}</c:majorGridlines>{_title(chart.y_title, _TEXT_PT, font, False, rotated=True)}"
        f'<c:numFmt formatCode="{LOCALE}General" sourceLinked="0"/><c:majorTickMark val="out"/>'
        f'<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>{axis_line}'
        f'{_text_properties(_LABEL_PT, font)}<c:crossAx val="{_CAT_AX}"/>'
        '<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>'
    )


def chart_xml(chart: Chart, font: str, workbook_rid: str) -> bytes:
    """The chart part: bars and lines over shared axes, legend below, text in ``font``."""
    indexed = list(enumerate(chart.series))
    bars = "".join(_series(chart, i, s, font) for i, s in indexed if s.kind == "bar")
    lines = "".join(_series(chart, i, s, font) for i, s in indexed if s.kind == "line")
    axes = f'<c:axId val="{_CAT_AX}"/><c:axId val="{_VAL_AX}"/>'
    plots = ""
    if bars:
        plots += (
            '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>'
            f'<c:varyColors val="0"/>{bars}<c:gapWidth val="70"/><c:overlap val="0"/>'
            f"{axes}</c:barChart>"
        )
    if lines:
        plots += (
            '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>'
            f'{lines}<c:marker val="1"/>{axes}</c:lineChart>'
        )
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<c:date1904 val="0"/><c:lang val="id-ID"/><c:roundedCorners val="0"/>'
        f"<c:chart>{_title(chart.title, _TITLE_PT, font, True)}"
        f'<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>{plots}{_axes(chart, font)}'
        "</c:plotArea>"
        '<c:legend><c:legendPos val="b"/><c:overlay val="0"/>'
        f"{_text_properties(_LABEL_PT, font)}</c:legend>"
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f"<c:spPr>{solid_fill('FFFFFF')}<a:ln><a:noFill/></a:ln></c:spPr>"
        f"{_text_properties(_TEXT_PT, font)}"
        f'<c:externalData r:id="{workbook_rid}"><c:autoUpdate val="0"/></c:externalData>'
        "</c:chartSpace>"
    )
    return xml.encode("utf-8")


def add_chart(
    document: DocxDocument, chart: Chart, number: int, font: str, created: dt.datetime
) -> str:
    """Add chart ``number``'s part and its workbook to the document; the part's rId."""
    package = document.part.package
    embedded = Part(
        PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"),
        CT.SML_SHEET,
        workbook(chart, created),
        package,
    )
    # The workbook is the new part's first relationship: rId1, before its XML is written.
    part = Part(
        PackURI(f"/word/charts/chart{number}.xml"),
        CT.DML_CHART,
        chart_xml(chart, font, "rId1"),
        package,
    )
    rid = part.relate_to(embedded, RT.PACKAGE)
    if rid != "rId1":  # pragma: no cover - python-docx numbers a new part's first rel rId1
        raise RuntimeError(f"relasi workbook grafik {number} bernomor {rid}, bukan rId1")
    return str(document.part.relate_to(part, RT.CHART))
