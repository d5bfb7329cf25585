"""Inline drawings in WordprocessingML: a chart frame, or a group of native shapes.

A chart is an ``a:graphicData`` pointing at its chart part (see :mod:`.chart`);
a :class:`~lkjip_cli.render.graphics.Diagram` becomes a Word group
(``wpg:wgp``) of rectangles with text boxes and of lines, which a planner can
move, restyle and retype in Word. Lengths are EMU (914,400 to the inch).
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn

from lkjip_cli.render.graphics import Box, Diagram, Line, text_block

EMU_PER_PT = 12700
NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
)
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
GROUP_URI = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"
DEFAULT_FONT = "Arial"


def body_font(document: DocxDocument, style_id: str) -> str:
    """The Latin font of paragraph style ``style_id``, through its ``basedOn`` chain to the
    document defaults: what the figures' text is set in, so that they follow the template."""
    styles = {s.get(qn("w:styleId")): s for s in document.styles.element.findall(qn("w:style"))}
    seen: set[str] = set()
    current = styles.get(style_id)
    while current is not None and style_id not in seen:
        seen.add(style_id)
        fonts = current.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is not None and fonts.get(qn("w:ascii")):
            return str(fonts.get(qn("w:ascii")))
        based = current.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else ""
        current = styles.get(style_id)
    defaults = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
    )
    if defaults is not None and defaults.get(qn("w:ascii")):
        return str(defaults.get(qn("w:ascii")))
    return DEFAULT_FONT


def inline_run(cx: int, cy: int, shape_id: int, name: str, descr: str, graphic: str) -> str:
    """A ``w:r`` holding an inline drawing ``cx`` × ``cy`` EMU of ``graphic`` (graphicData)."""
    return (
        f"<w:r {NAMESPACES}><w:drawing>"
        '<wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name={quoteattr(name)} descr={quoteattr(descr)}/>'
        f"<wp:cNvGraphicFramePr/><a:graphic>{graphic}</a:graphic>"
        "</wp:inline></w:drawing></w:r>"
    )


def chart_graphic(rid: str) -> str:
    """The graphic of a chart frame: a reference to the chart part related as ``rid``."""
    return f'<a:graphicData uri="{CHART_URI}"><c:chart r:id="{rid}"/></a:graphicData>'


def _emu(points: float) -> int:
    return round(points * EMU_PER_PT)


def _xfrm(x: float, y: float, width: float, height: float) -> str:
    return (
        f'<a:xfrm><a:off x="{_emu(x)}" y="{_emu(y)}"/>'
        f'<a:ext cx="{_emu(width)}" cy="{_emu(height)}"/></a:xfrm>'
    )


def solid_fill(color: str) -> str:
    """DrawingML's fill of one RGB colour (``2F5597``)."""
    return f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>'


def _outline(color: str, width_pt: float, dashed: bool = False) -> str:
    dash = '<a:prstDash val="dash"/>' if dashed else ""
    return f'<a:ln w="{_emu(width_pt)}">{solid_fill(color)}{dash}</a:ln>'


def _half_points(size_pt: float) -> int:
    return round(size_pt * 2)


def _box(box: Box, shape_id: int, font: str) -> str:
    """A rectangle with its lines of text, centred, each as a paragraph of its own pitch."""
    paragraphs = []
    previous = 0.0
    for line, _ in text_block(box):
        before = box.gap_pt if previous and line.size_pt < previous else 0.0
        previous = line.size_pt
        pitch = round(line.size_pt * box.leading * 20)
        size = _half_points(line.size_pt)
        bold = "<w:b/><w:bCs/>" if line.bold else ""
        paragraphs.append(
            f'<w:p><w:pPr><w:spacing w:before="{round(before * 20)}" w:after="0"'
            f' w:line="{pitch}" w:lineRule="exact"/><w:ind w:left="0" w:right="0"'
            ' w:firstLine="0"/><w:jc w:val="center"/></w:pPr>'
            f"<w:r><w:rPr><w:rFonts w:ascii={quoteattr(font)} w:hAnsi={quoteattr(font)}"
            f" w:cs={quoteattr(font)}/>{bold}"
            f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(line.text)}</w:t></w:r></w:p>'
        )
    return (
        f'<wps:wsp><wps:cNvPr id="{shape_id}" name="Kotak {shape_id}"/><wps:cNvSpPr/>'
        f"<wps:spPr>{_xfrm(box.x, box.y, box.width, box.height)}"
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f"{solid_fill(box.fill)}"
        f"{_outline(box.stroke, box.stroke_pt)}</wps:spPr>"
        f"<wps:txbx><w:txbxContent>{''.join(paragraphs)}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0"'
        ' anchor="ctr" anchorCtr="0" upright="1"><a:noAutofit/></wps:bodyPr></wps:wsp>'
    )


def _line(line: Line, shape_id: int) -> str:
    """A horizontal or vertical line (the diagram has no other)."""
    x, y = min(line.x0, line.x1), min(line.y0, line.y1)
    return (
        f'<wps:wsp><wps:cNvPr id="{shape_id}" name="Garis {shape_id}"/><wps:cNvCnPr/>'
        f"<wps:spPr>{_xfrm(x, y, abs(line.x1 - line.x0), abs(line.y1 - line.y0))}"
        '<a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        f"{_outline(line.color, line.width_pt, line.dashed)}</wps:spPr><wps:bodyPr/></wps:wsp>"
    )


def diagram_graphic(
    diagram: Diagram, cx: int, cy: int, first_id: int, font: str
) -> tuple[str, int]:
    """The graphic of a group of the diagram's shapes, ``cx`` × ``cy`` EMU, numbered from
    ``first_id``; and the next free shape id."""
    shapes = []
    shape_id = first_id
    for line in diagram.lines:
        shapes.append(_line(line, shape_id))
        shape_id += 1
    for box in diagram.boxes:
        shapes.append(_box(box, shape_id, font))
        shape_id += 1
    graphic = (
        f'<a:graphicData uri="{GROUP_URI}"><wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/><a:chOff x="0" y="0"/>'
        f'<a:chExt cx="{_emu(diagram.width)}" cy="{_emu(diagram.height)}"/></a:xfrm>'
        "</wpg:grpSpPr>"
        f"{''.join(shapes)}</wpg:wgp></a:graphicData>"
    )
    return graphic, shape_id
