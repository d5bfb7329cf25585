"""The cover page and the letterhead (kop surat), both laid out in borderless tables.

The cover is one table of three rows of fixed height that together fill the page
less a line (the section break's paragraph): the title centred in the upper
third, the logo in the middle, the agency and its address at the foot. Exact row
heights keep the cover on one page in Word and LibreOffice alike, whatever the
fonts. The letterhead is a row of three cells (the logo, the issuer centred on
the page, an empty cell as wide as the logo's) above a paragraph whose bottom
border is the letter's rule.
"""

from __future__ import annotations

from collections.abc import Callable

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from lkjip_cli.render.blocks import Cover, Letterhead
from lkjip_cli.render.docx import styles
from lkjip_cli.render.docx.ooxml import add_text, el, paragraph, sub, twips
from lkjip_cli.render.pictures import Picture

COVER_LOGO_CM = (5.0, 6.0)
"""Largest width and height of the logo on the cover."""
LETTERHEAD_LOGO_CM = (2.2, 2.6)
"""Largest width and height of the logo in a letterhead."""
LOGO_COLUMN_CM = 2.8
"""Width of the letterhead's logo column (and of the empty column that balances it)."""
COVER_ROWS = (0.36, 0.34)
"""Shares of the cover's height for the title and the logo; the foot takes the rest."""
SECTION_BREAK_TWIPS = 720
"""Room left under the cover for the paragraph that carries its section break."""
RULE = ("thickThinSmallGap", 24)
"""The letterhead's rule: a thick line over a thin one, 3 pt in all (eighths of a point)."""

PictureInline = Callable[[Picture, int, int], BaseOxmlElement]
"""Embeds a picture at most ``cx`` × ``cy`` EMU and returns its ``w:drawing``."""


def _fit(picture: Picture, box_cm: tuple[float, float]) -> tuple[int, int]:
    """The picture's size in EMU within ``box_cm``, keeping its proportions."""
    emu_per_cm = 360000
    width, height = box_cm
    scale = min(width / picture.width, height / picture.height)
    return round(picture.width * scale * emu_per_cm), round(picture.height * scale * emu_per_cm)


def _table(widths: list[int]) -> BaseOxmlElement:
    tbl = el("w:tbl")
    tbl_pr = sub(tbl, "w:tblPr")
    sub(tbl_pr, "w:tblStyle", val=styles.LAYOUT_TABLE)
    sub(tbl_pr, "w:tblW", w=sum(widths), type="dxa")
    sub(tbl_pr, "w:jc", val="center")
    sub(tbl_pr, "w:tblLayout", type="fixed")
    sub(tbl_pr, "w:tblLook", val="0600", firstRow="0", lastRow="0", noHBand="1", noVBand="1")
    grid = sub(tbl, "w:tblGrid")
    for width in widths:
        sub(grid, "w:gridCol", w=width)
    return tbl


def _cell(tr: BaseOxmlElement, width: int, valign: str) -> BaseOxmlElement:
    tc = sub(tr, "w:tc")
    tc_pr = sub(tc, "w:tcPr")
    sub(tc_pr, "w:tcW", w=width, type="dxa")
    sub(tc_pr, "w:vAlign", val=valign)
    return tc


def _line(
    style_id: str, text: str, *, bold: bool = False, size_pt: float | None = None
) -> BaseOxmlElement:
    p = paragraph(style_id, "center")
    if text:
        add_text(p, text, bold=bold, size_pt=size_pt)
    return p


def _tight(p: BaseOxmlElement) -> BaseOxmlElement:
    """``p`` with single line spacing and no space around it (letterhead lines)."""
    ppr = p.get_or_add_pPr()
    spacing = ppr.get_or_add_spacing()
    for name, value in (("before", "0"), ("after", "0"), ("line", "240"), ("lineRule", "auto")):
        spacing.set(qn(f"w:{name}"), value)
    return p


def _picture_paragraph(
    picture: Picture, box_cm: tuple[float, float], inline: PictureInline
) -> BaseOxmlElement:
    p = _tight(paragraph(styles.FIGURE, "center"))
    cx, cy = _fit(picture, box_cm)
    sub(p, "w:r").append(inline(picture, cx, cy))
    return p


def cover_table(
    cover: Cover, text_width: int, text_height: int, inline: PictureInline
) -> BaseOxmlElement:
    """The cover as a table exactly as high as the page's text area less a line."""
    tbl = _table([text_width])
    height = text_height - SECTION_BREAK_TWIPS
    title_h, logo_h = (round(height * share) for share in COVER_ROWS)
    rows = (
        (title_h, "center", [_line(styles.TITLE, line) for line in cover.title]),
        (
            logo_h,
            "center",
            [_picture_paragraph(cover.logo, COVER_LOGO_CM, inline)]
            if cover.logo is not None
            else [paragraph()],
        ),
        (
            height - title_h - logo_h,
            "bottom",
            [
                _line(styles.SUBTITLE, cover.issuer),
                _line(styles.TITLE, cover.agency),
                *([_line(styles.SMALL, cover.contact)] if cover.contact else []),
            ],
        ),
    )
    for row_height, valign, content in rows:
        tr = sub(tbl, "w:tr")
        tr_pr = sub(tr, "w:trPr")
        sub(tr_pr, "w:cantSplit")
        sub(tr_pr, "w:trHeight", val=row_height, hRule="exact")
        tc = _cell(tr, text_width, valign)
        for p in content:
            tc.append(p)
    return tbl


def letterhead_elements(
    head: Letterhead, text_width: int, inline: PictureInline
) -> list[BaseOxmlElement]:
    """The letterhead's table and the paragraph under it that draws the rule."""
    side = twips(LOGO_COLUMN_CM)
    widths = [side, text_width - 2 * side, side]
    tbl = _table(widths)
    tr = sub(tbl, "w:tr")
    sub(sub(tr, "w:trPr"), "w:cantSplit")
    logo = _cell(tr, widths[0], "center")
    logo.append(
        _picture_paragraph(head.logo, LETTERHEAD_LOGO_CM, inline)
        if head.logo is not None
        else paragraph()
    )
    text = _cell(tr, widths[1], "center")
    for p in (
        _line(styles.CENTER_BOLD, head.issuer, bold=True, size_pt=14),
        _line(styles.CENTER_BOLD, head.agency, bold=True, size_pt=16),
        *([_line(styles.SMALL, head.contact)] if head.contact else []),
    ):
        text.append(_tight(p))
    _cell(tr, widths[2], "center").append(paragraph())
    return [tbl, rule_paragraph()]


def rule_paragraph() -> BaseOxmlElement:
    """An empty paragraph whose bottom border is the letterhead's rule."""
    p = paragraph(styles.SMALL)
    ppr = p.pPr
    style, size = RULE
    border = el("w:pBdr")
    sub(border, "w:bottom", val=style, sz=size, space=1, color="auto")
    ppr.append(border)
    sub(ppr, "w:spacing", before=0, after=240, line=120, lineRule="exact")
    return p
