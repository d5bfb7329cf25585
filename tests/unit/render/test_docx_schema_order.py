"""The children of the DOCX's property elements come in the schema's order.

WordprocessingML fixes the order of most children (an ``xsd:sequence``): Word
refuses a file, or "repairs" it, when ``w:jc`` comes before ``w:pStyle`` or
``w:tblBorders`` before ``w:tblW``. The writers append children in order by
hand (tables.py writes them as text), so this reads the 2024 report's DOCX
and checks every element of the kinds below against its content model.

The order lists are the content models (CT_*) of the transitional schema
wml.xsd, which Word reads, with the section numbers of ECMA-376 Part 1
(ISO/IEC 29500-1:2016) that define the elements. The XSDs themselves are not
in the repository; validating a build against them is described in the README
(Restyling the Word document).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from lkjip_cli.compute import compute
from lkjip_cli.render.document import build_document
from lkjip_cli.render.docx import write_docx
from lkjip_cli.validate import load

DATA = Path(__file__).resolve().parents[3] / "data" / "2024"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

_PPR = (
    # §17.3.1.26 pPr: CT_PPrBase, then CT_PPr's own rPr, sectPr, pPrChange (a style's,
    # a numbering level's and the defaults' pPr are a prefix of it: CT_PPrGeneral)
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
    "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid "
    "spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
    "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
)
_TBLPR = (
    # §17.4.59 tblPr: CT_TblPrBase, then tblPrChange (a table style's tblPr is CT_TblPrBase)
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize "
    "tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook "
    "tblCaption tblDescription tblPrChange"
)
_TCPR = (
    # §17.4.69 tcPr: CT_TcPr
    "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection "
    "tcFitText vAlign hideMark headers cellIns cellDel cellMerge tcPrChange"
)
_SECTPR = (
    # §17.6.18 sectPr: header and footer references (any order among themselves),
    # then EG_SectPrContents, then sectPrChange
    "headerReference/footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
    "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection "
    "bidi rtlGutter docGrid printerSettings sectPrChange"
)
_MARGINS = "top start left bottom end right"  # §17.4.42 tblCellMar, §17.4.68 tcMar
ORDER: dict[str, list[str]] = {
    name: spec.split()
    for name, spec in {
        "pPr": _PPR,
        "tblPr": _TBLPR,
        "tcPr": _TCPR,
        "sectPr": _SECTPR,
        # §17.4.38 tblBorders (CT_TblBorders); tcBorders (CT_TcBorders) adds the diagonals
        "tblBorders": "top start left bottom end right insideH insideV",
        "tcBorders": "top start left bottom end right insideH insideV tl2br tr2bl",
        "tblCellMar": _MARGINS,
        "tcMar": _MARGINS,
        # numbering.xml: CT_Numbering, and a level of a list (CT_Lvl)
        "numbering": "numPicBullet abstractNum num numIdMacAtCleanup",
        "lvl": "start numFmt lvlRestart pStyle isLgl suff lvlText lvlPicBulletId legacy "
        "lvlJc pPr rPr",
        # styles.xml: a style's children (CT_Style)
        "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
        "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr "
        "tblPr trPr tcPr tblStylePr",
    }.items()
}
"""Element → its children's names in schema order; ``a/b`` share a place (a choice)."""


def _rank(order: list[str]) -> dict[str, int]:
    return {name: i for i, spec in enumerate(order) for name in spec.split("/")}


RANKS = {parent: _rank(order) for parent, order in ORDER.items()}


def misplaced(root: etree._Element, part: str = "") -> list[str]:
    """Each element of a kind in ORDER whose children break its order, or are not in it."""
    found = []
    for parent, rank in RANKS.items():
        for element in root.iter(f"{{{W}}}{parent}"):
            names = [
                etree.QName(child).localname
                for child in element
                if isinstance(child.tag, str) and etree.QName(child).namespace == W
            ]
            unknown = [n for n in names if n not in rank]
            ranks = [rank[n] for n in names if n in rank]
            if unknown or ranks != sorted(ranks):
                path = root.getroottree().getpath(element)
                found.append(f"{part}{path}: {' '.join(names)}")
    return found


@pytest.fixture(scope="module")
def docx_2024() -> bytes:
    data = load(DATA).data
    assert data is not None
    dok, _ = build_document(data, compute(data))
    assert dok is not None
    return write_docx(dok)


def test_every_property_element_of_the_2024_report_is_in_schema_order(docx_2024: bytes) -> None:
    found = []
    checked = 0
    with zipfile.ZipFile(io.BytesIO(docx_2024)) as package:
        for name in package.namelist():
            if not name.startswith("word/") or not name.endswith(".xml"):
                continue
            root = etree.fromstring(package.read(name))
            if etree.QName(root).namespace != W:
                continue  # charts, the theme
            checked += sum(1 for p in RANKS for _ in root.iter(f"{{{W}}}{p}"))
            found += misplaced(root, f"{name}:")
    assert not found, "\n".join(found[:20])
    assert checked > 5_000  # the thousands of paragraphs and cells were read


@pytest.mark.parametrize(
    ("xml", "wrong"),
    [
        ("<w:p><w:pPr><w:jc w:val='center'/><w:pStyle w:val='X'/></w:pPr></w:p>", "pPr"),
        ("<w:p><w:pPr><w:pStyle w:val='X'/><w:spacing/><w:keepNext/></w:pPr></w:p>", "pPr"),
        (
            "<w:tbl><w:tblPr><w:tblW w:w='0' w:type='auto'/><w:tblBorders/>"
            "<w:jc w:val='center'/></w:tblPr></w:tbl>",
            "tblPr",
        ),
        ("<w:tc><w:tcPr><w:tcBorders/><w:gridSpan w:val='2'/></w:tcPr></w:tc>", "tcPr"),
        ("<w:tc><w:tcPr><w:tcMar><w:left/><w:top/></w:tcMar></w:tcPr></w:tc>", "tcMar"),
        (
            "<w:tc><w:tcPr><w:tcBorders><w:right/><w:top/></w:tcBorders></w:tcPr></w:tc>",
            "tcBorders",
        ),
        ("<w:sectPr><w:pgNumType/><w:pgMar/></w:sectPr>", "sectPr"),
        ("<w:p><w:pPr><w:tab/></w:pPr></w:p>", "pPr"),  # w:tab belongs in w:tabs
    ],
)
def test_the_check_finds_a_child_out_of_place(xml: str, wrong: str) -> None:
    root = etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')
    found = misplaced(root)
    assert len(found) == 1 and found[0].rsplit("/", 1)[-1].startswith(f"w:{wrong}"), found


def test_the_check_accepts_the_schema_order() -> None:
    xml = (
        "<w:p><w:pPr><w:pStyle w:val='X'/><w:keepNext/><w:pageBreakBefore/><w:tabs/>"
        "<w:spacing/><w:ind/><w:jc w:val='left'/><w:sectPr><w:footerReference/>"
        "<w:headerReference/><w:pgSz/><w:pgMar/><w:pgNumType/><w:cols/></w:sectPr>"
        "</w:pPr></w:p>"
    )
    assert misplaced(etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')) == []
