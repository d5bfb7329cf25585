"""The font table and theme parts, added when the template has none.

Word writes both in every document and its schema validator (Open XML SDK)
reports a package without them. A template saved by Word has its own, which
are kept; the packaged template is written from scratch without them, so the
writer adds a font table naming every font the document's styles and text
use, and a plain Office theme whose fonts are the body and heading fonts.
Both are generated from the document alone: same document, same bytes.
"""

from __future__ import annotations

from html import escape

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn

from lkjip_cli.render.docx import styles
from lkjip_cli.render.docx.drawing import body_font

_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_FONT_ATTRIBUTES = tuple(qn(f"w:{a}") for a in ("ascii", "hAnsi", "cs", "eastAsia"))

_COLOURS = (
    ("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'),
    ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
    ("dk2", '<a:srgbClr val="44546A"/>'),
    ("lt2", '<a:srgbClr val="E7E6E6"/>'),
    ("accent1", '<a:srgbClr val="2F5597"/>'),
    ("accent2", '<a:srgbClr val="C00000"/>'),
    ("accent3", '<a:srgbClr val="A5A5A5"/>'),
    ("accent4", '<a:srgbClr val="FFC000"/>'),
    ("accent5", '<a:srgbClr val="5B9BD5"/>'),
    ("accent6", '<a:srgbClr val="70AD47"/>'),
    ("hlink", '<a:srgbClr val="0563C1"/>'),
    ("folHlink", '<a:srgbClr val="954F72"/>'),
)
"""The theme's colour scheme: Office's, with the charts' blue and red as accents 1 and 2."""

_SOLID = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
_LINE = '<a:ln w="{w}" cap="flat" cmpd="sng" algn="ctr">' + _SOLID + "</a:ln>"
_FORMATS = (
    '<a:fmtScheme name="Office">'
    f"<a:fillStyleLst>{_SOLID * 3}</a:fillStyleLst>"
    "<a:lnStyleLst>" + "".join(_LINE.format(w=w) for w in (6350, 12700, 19050)) + "</a:lnStyleLst>"
    "<a:effectStyleLst>"
    + "<a:effectStyle><a:effectLst/></a:effectStyle>"
    * 3
    + "</a:effectStyleLst>"
    f"<a:bgFillStyleLst>{_SOLID * 3}</a:bgFillStyleLst>"
    "</a:fmtScheme>"
)


def used_fonts(document: DocxDocument) -> list[str]:
    """Every font named in the styles and the body, sorted."""
    names: set[str] = set()
    for root in (document.styles.element, document.element.body):
        for fonts in root.iter(qn("w:rFonts")):
            names.update(v for a in _FONT_ATTRIBUTES if (v := fonts.get(a)))
    names.add(body_font(document, styles.BODY))
    return sorted(names)


def font_table_xml(fonts: list[str]) -> bytes:
    """``word/fontTable.xml`` naming ``fonts``."""
    entries = "".join(
        f'<w:font w:name="{escape(name)}"><w:charset w:val="00"/>'
        '<w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
        for name in fonts
    )
    return f'{_HEAD}<w:fonts xmlns:w="{_W}">{entries}</w:fonts>'.encode()


def theme_xml(body: str, heading: str) -> bytes:
    """``word/theme/theme1.xml``: Office's colours, ``heading``/``body`` as major/minor font."""
    colours = "".join(f"<a:{name}>{value}</a:{name}>" for name, value in _COLOURS)

    def font(tag: str, name: str) -> str:
        return (
            f'<a:{tag}><a:latin typeface="{escape(name)}"/>'
            f'<a:ea typeface=""/><a:cs typeface=""/></a:{tag}>'
        )

    return (
        f'{_HEAD}<a:theme xmlns:a="{_A}" name="LKjIP"><a:themeElements>'
        f'<a:clrScheme name="LKjIP">{colours}</a:clrScheme>'
        f'<a:fontScheme name="LKjIP">{font("majorFont", heading)}{font("minorFont", body)}'
        f"</a:fontScheme>{_FORMATS}</a:themeElements></a:theme>"
    ).encode()


def add_missing_parts(document: DocxDocument) -> None:
    """Give the document a font table and a theme unless the template has them."""
    part = document.part
    related = {rel.reltype for rel in part.rels.values()}
    if RT.FONT_TABLE not in related:
        blob = font_table_xml(used_fonts(document))
        fonts = Part(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, blob, part.package)
        part.relate_to(fonts, RT.FONT_TABLE)
    if RT.THEME not in related:
        body = body_font(document, styles.BODY)
        blob = theme_xml(body, body_font(document, styles.HEADINGS[1]))
        theme = Part(PackURI("/word/theme/theme1.xml"), CT.OFC_THEME, blob, part.package)
        part.relate_to(theme, RT.THEME)
