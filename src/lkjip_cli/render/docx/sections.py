"""Page geometry, page numbering, headers and footers of each section."""

from __future__ import annotations

from typing import Literal

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENTATION
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section as DocxSection
from docx.shared import Twips

from lkjip_cli.render.blocks import Section
from lkjip_cli.render.docx import styles
from lkjip_cli.render.docx.fields import add_field
from lkjip_cli.render.docx.ooxml import EMU_PER_TWIP, add_text, el, insert_ordered, set_ppr, twips

PAPER = {"A4": (twips(21.0), twips(29.7)), "F4": (twips(21.5), twips(33.0))}
"""Portrait page size (width, height) in twips; F4 is Folio, 21.5 × 33 cm."""

_PG_NUM_FORMATS = {"lower-roman": "lowerRoman", "decimal": "decimal"}
_AFTER_PG_NUM_TYPE = (
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)

COVER = Section(orientation="portrait", numbering="none")
"""The section before the first Section block: the cover, unnumbered."""


def configure(
    section: DocxSection,
    spec: Section,
    paper: Literal["A4", "F4"],
    title: str,
) -> int:
    """Apply ``spec`` to ``section``; return its text width in twips.

    Margins stay as the template sets them; the page size follows ``paper``.
    """
    width, height = PAPER[paper]
    if spec.orientation == "landscape":
        width, height = height, width
        section.orientation = WD_ORIENTATION.LANDSCAPE
    else:
        section.orientation = WD_ORIENTATION.PORTRAIT
    section.page_width = Twips(width)
    section.page_height = Twips(height)
    _page_numbering(section._sectPr, spec)
    _header_footer(section, spec, title)
    left = (section.left_margin or 0) // EMU_PER_TWIP
    right = (section.right_margin or 0) // EMU_PER_TWIP
    return int(width - left - right)


def _page_numbering(sect_pr: BaseOxmlElement, spec: Section) -> None:
    old = sect_pr.find(qn("w:pgNumType"))
    if old is not None:
        sect_pr.remove(old)
    if spec.numbering == "none":
        return
    pg = el("w:pgNumType", fmt=_PG_NUM_FORMATS[spec.numbering])
    if spec.restart:
        pg.set(qn("w:start"), "1")
    insert_ordered(sect_pr, pg, _AFTER_PG_NUM_TYPE)


def _header_footer(section: DocxSection, spec: Section, title: str) -> None:
    """Give the section its own header and footer; blank when unnumbered.

    Every section defines its own rather than inheriting ("link to
    previous"), so a blank cover can never leak into numbered pages or back.
    """
    section.different_first_page_header_footer = False
    header = section.header
    header.is_linked_to_previous = False
    footer = section.footer
    footer.is_linked_to_previous = False
    if spec.numbering == "none":
        # Unstyled: the Header style's rule line must not show on a blank page.
        _only_paragraph(header._element, None)
        _only_paragraph(footer._element, None)
        return
    header_p = _only_paragraph(header._element, styles.HEADER)
    footer_p = _only_paragraph(footer._element, styles.FOOTER)
    add_text(header_p, title)
    add_field(footer_p, "PAGE", "1")


def _only_paragraph(story: BaseOxmlElement, style_id: str | None) -> BaseOxmlElement:
    """Empty a header or footer down to one paragraph of ``style_id``."""
    for child in list(story):
        story.remove(child)
    p = el("w:p")
    story.append(p)
    if style_id is not None:
        set_ppr(p, style_id=style_id)
    return p


def clear_header_footer_references(document: DocxDocument) -> None:
    """Drop the template's header/footer references from its (only) section."""
    sect_pr = document.element.body.sectPr
    if sect_pr is None:
        return
    for tag in ("w:headerReference", "w:footerReference", "w:titlePg"):
        for ref in sect_pr.findall(qn(tag)):
            sect_pr.remove(ref)
