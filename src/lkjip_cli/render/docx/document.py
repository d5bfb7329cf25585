"""The DOCX writer: walks the blocks of a :class:`Dokumen` into the template."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Twips

from lkjip_cli.render.blocks import (
    Block,
    Cover,
    Dokumen,
    Figure,
    Heading,
    Index,
    Letterhead,
    ListBlock,
    PageBreak,
    Paragraph,
    Section,
    Signature,
    Signatures,
    Table,
)
from lkjip_cli.render.colwidths import Layout, bind_rupiah, layout
from lkjip_cli.render.docx import sections, styles
from lkjip_cli.render.docx.chart import add_chart
from lkjip_cli.render.docx.drawing import body_font, chart_graphic, diagram_graphic, inline_run
from lkjip_cli.render.docx.fields import add_bookmark, add_caption_text, add_prose
from lkjip_cli.render.docx.indexes import index_paragraphs
from lkjip_cli.render.docx.letter import cover_table, letterhead_elements
from lkjip_cli.render.docx.lists import Numbering, list_paragraphs
from lkjip_cli.render.docx.ooxml import EMU_PER_TWIP, add_text, el, paragraph, set_ppr, sub
from lkjip_cli.render.docx.plan import FIGURE_KIND, TABLE_KIND, Plan
from lkjip_cli.render.docx.signatures import signature_paragraphs, signatures_table
from lkjip_cli.render.docx.tables import build_table
from lkjip_cli.render.graphics import Chart, Diagram
from lkjip_cli.render.pictures import Picture

_STYLE_ALIGN = {"body": "justify", "small": "justify"}
"""Natural alignment of paragraph styles; the others are centred."""


class Writer:
    """Writes blocks in order at the end of the document body."""

    def __init__(self, document: DocxDocument, dok: Dokumen, plan: Plan) -> None:
        self.document = document
        self.dok = dok
        self.plan = plan
        self.numbering = Numbering(document.part.numbering_part.element)
        self._sect_pr: BaseOxmlElement | None = None
        self.started = False
        self.break_before = False
        """A PageBreak block waits for the next paragraph, to start it on a new page."""
        self.charts = 0
        self.next_shape_id = 1
        self.font = body_font(document, styles.BODY)
        sections.clear_header_footer_references(document)
        self.spec = sections.COVER
        """The page layout of the current section."""
        self.turned: tuple[int, Section] | None = None
        """The position of a table whose landscape section its headings opened, and
        the portrait layout to return to after it."""
        self.text_width = self._configure(sections.COVER)

    def write(self) -> None:
        """Write every block of the document."""
        for position, block in enumerate(self.dok.blocks):
            self._block(position, block)
            self.started = True

    def _append(self, element: BaseOxmlElement) -> None:
        # The body's sectPr, found once: python-docx finds it by scanning the whole
        # body, which made a long narrative (25,000 list items) quadratic, 12 s.
        # It stays the same element, kept last, also through add_section.
        if self._sect_pr is None:
            self._sect_pr = self.document.element.body.sectPr
            assert self._sect_pr is not None  # the template has one
        if self.break_before:
            self.break_before = False
            if element.tag == qn("w:p"):
                # The paragraph itself starts the page: an empty paragraph holding a
                # break after a page-filling table would stand alone on a blank page.
                element.get_or_add_pPr().get_or_add_pageBreakBefore()
            else:
                page_break = paragraph()
                sub(sub(page_break, "w:r"), "w:br", type="page")
                self._sect_pr.addprevious(page_break)
        self._sect_pr.addprevious(element)

    def _configure(self, spec: Section) -> int:
        section = self.document.sections[-1]
        return sections.configure(section, spec, self.dok.paper, self.dok.title)

    def _block(self, position: int, block: Block) -> None:
        match block:
            case Heading():
                self._heading(position, block)
            case Paragraph():
                self._paragraph(block)
            case ListBlock():
                num_id = self.numbering.add(block)
                for p in list_paragraphs(block, num_id, self.plan.refs):
                    self._append(p)
            case Table():
                self._table(position, block)
            case Figure():
                self._figure(position, block)
            case Picture():
                self._picture(block, block.alt)
            case PageBreak():
                self.break_before = True
            case Section():
                self._section(block)
            case Index():
                for p in index_paragraphs(block, self.plan, self.text_width):
                    self._append(p)
            case Signature() if not isinstance(self._previous(position), Table):
                for p in signature_paragraphs(block, self.text_width):
                    self._append(p)
            case Signatures() if not isinstance(self._previous(position), Table):
                self._append(signatures_table(block, self.text_width))
                self._spacer(position)
            case Cover():
                section = self.document.sections[-1]
                margins = (section.top_margin or 0) + (section.bottom_margin or 0)
                height = ((section.page_height or 0) - margins) // EMU_PER_TWIP
                self._append(cover_table(block, self.text_width, height, self._inline))
            case Letterhead():
                for element in letterhead_elements(block, self.text_width, self._inline):
                    self._append(element)

    def _new_paragraph(
        self, style_id: str | None = None, align: str | None = None
    ) -> BaseOxmlElement:
        p = paragraph(style_id, align)
        self._append(p)
        return p

    def _heading(self, position: int, heading: Heading) -> None:
        self._turn_for_table_after(position)
        level = min(heading.level, max(styles.HEADINGS))
        if heading.in_toc or level > 1:
            p = self._new_paragraph(styles.HEADINGS[level])
        else:
            # Looks like a chapter heading but has no outline level: Word's TOC skips it.
            p = self._new_paragraph(styles.TOC_HEADING)
        if not heading.in_toc and level > 1:
            set_ppr(p, outline_level=9)
        if isinstance(self._previous(position), Letterhead):
            # The letterhead starts the page: its heading follows on the same page.
            p.get_or_add_pPr().get_or_add_pageBreakBefore().set(qn("w:val"), "0")
        text = f"{heading.label}\n{heading.text}" if heading.label and level == 1 else heading.text
        add_text(p, text)
        anchor = self.plan.anchors.get(position)
        if anchor is not None:
            add_bookmark(p, anchor.name, anchor.id)

    def _paragraph(self, block: Paragraph) -> None:
        natural = _STYLE_ALIGN.get(block.style, "center")
        # The dataclass default ("justify") on a centred style means "as the style says".
        keep_style = block.align == natural or (block.style != "body" and block.align == "justify")
        p = self._new_paragraph(styles.PARAGRAPH[block.style], None if keep_style else block.align)
        for run in block.runs:
            add_prose(p, bind_rupiah(run.text), self.plan.refs, bold=run.bold, italic=run.italic)

    def _caption(self, position: int, kind: str, number: str, caption: str, above: bool) -> None:
        p = paragraph(styles.CAPTION, keep_next=above)
        label = self.plan.labels.get(position)
        add_caption_text(
            p,
            kind,
            number,
            caption,
            self.plan.restarts.get(position),
            None if label is None else (label.name, label.id),
        )
        anchor = self.plan.anchors.get(position)
        if anchor is not None:
            add_bookmark(p, anchor.name, anchor.id)
        self._append(p)

    def _turn_for_table_after(self, position: int) -> None:
        """Turn landscape already for the headings right above a table that turns.

        Left on the portrait page, a section heading stood alone at its foot and its
        table began on the next, landscape, page. A chapter heading (level 1) starts
        a page of its own and is left as it is.
        """
        blocks = self.dok.blocks
        if self.turned is not None or self.spec.orientation != "portrait":
            return
        end = position
        while end < len(blocks) and _section_heading(blocks[end]):
            end += 1
        table = blocks[end] if end < len(blocks) else None
        if end > position and isinstance(table, Table) and layout(table, self.text_width).cramped:
            self.turned = (end, self.spec)
            self._section(dataclasses.replace(self.spec, orientation="landscape", restart=False))

    def _table(self, position: int, table: Table) -> None:
        turned = None
        if self.turned is not None and self.turned[0] == position:
            # its headings opened its landscape section
            turned, self.turned = self.turned[1], None
        fitted = layout(table, self.text_width)
        if turned is None and fitted.cramped and self.spec.orientation == "portrait":
            # Too wide at 8 pt: landscape pages of its own, page numbers running on
            # (docs/data-format.md, how wide a printed table may be).
            turned = self.spec
            self._section(dataclasses.replace(turned, orientation="landscape", restart=False))
            fitted = layout(table, self.text_width)
        self._signed_table(position, table, fitted, spaced=turned is None)
        last = position + 1 if isinstance(self._next(position), Signature) else position
        # Back to the page before, unless a section or the end follows (a blank page).
        if turned is not None and not isinstance(self._next(last), Section | None):
            self._section(dataclasses.replace(turned, restart=False))

    def _signed_table(self, position: int, table: Table, fitted: Layout, *, spaced: bool) -> None:
        """``table`` with its caption and a signature that follows it; then a spacer.

        Not ``spaced``: a section break follows, its own paragraph.
        """
        if table.number:
            self._caption(position, TABLE_KIND, table.number, table.caption or "", above=True)
        following = self._next(position)
        if isinstance(following, Signature | Signatures):
            # Signed inside the table's last row: LibreOffice ignores keep-with-next
            # in a table, so a signature after it could stand alone on a page.
            self._append(build_table(table, self.text_width, signature=following, fitted=fitted))
            if spaced:
                self._spacer(position + 1)
            return
        self._append(build_table(table, self.text_width, fitted=fitted))
        if spaced:
            self._spacer(position)

    def _previous(self, position: int) -> Block | None:
        return self.dok.blocks[position - 1] if position > 0 else None

    def _next(self, position: int) -> Block | None:
        blocks = self.dok.blocks
        return blocks[position + 1] if position + 1 < len(blocks) else None

    def _spacer(self, position: int, *, keep_next: bool = False) -> None:
        """Space after a table or a figure; it also keeps two tables from fusing into one.

        None before a block that starts a new page: after a page-filling table the
        empty paragraph would fill a page of its own.
        """
        following = self._next(position)
        if isinstance(following, PageBreak | Section) or (
            isinstance(following, Heading) and following.level == 1
        ):
            return
        spacer = paragraph(styles.TABLE_TEXT, keep_next=keep_next)
        if following is None:
            # The document's last paragraph (a body cannot end with a table): one
            # point high, or after a page-filling table it made a blank last page.
            _flatten(spacer)
        self._append(spacer)

    def _figure(self, position: int, figure: Figure) -> None:
        # Captioned above, as the reference does (``Gambar 1.1`` over the organisation
        # chart), kept with the figure; space after it, as after a table.
        self._caption(position, FIGURE_KIND, figure.number, figure.caption, above=True)
        descr = figure.alt or figure.caption
        name = f"Gambar {figure.number}".strip()
        if isinstance(figure.content, Picture):
            self._picture(figure.content, descr, name)
        else:
            self._drawing(figure.content, figure.width_cm, descr, name)
        self._spacer(position)

    def _drawing(self, content: Chart | Diagram, width_cm: float, descr: str, name: str) -> None:
        """A chart (a Word chart part) or a diagram (shapes), on its own line."""
        p = self._new_paragraph(styles.FIGURE)
        cx = min(Cm(width_cm), self.text_width * EMU_PER_TWIP)
        shape_id = self.next_shape_id
        if isinstance(content, Chart):
            self.charts += 1
            created = dt.datetime.combine(self.dok.date, dt.time(0, 0))
            rid = add_chart(self.document, content, self.charts, self.font, created)
            cy = round(cx * content.height_cm / width_cm)
            graphic = chart_graphic(rid)
            self.next_shape_id += 1
        else:
            diagram = content
            cy = round(cx * diagram.height / diagram.width)
            graphic, self.next_shape_id = diagram_graphic(diagram, cx, cy, shape_id + 1, self.font)
        p.append(parse_xml(inline_run(cx, cy, shape_id, name, descr, graphic)))

    def _picture(self, picture: Picture, descr: str, name: str = "") -> None:
        """A planner's PNG or JPEG, embedded as it is, at most the text's width."""
        cx = min(Cm(picture.width_cm), self.text_width * EMU_PER_TWIP)
        cy = round(cx * picture.height / picture.width)
        run = sub(self._new_paragraph(styles.FIGURE), "w:r")
        run.append(self._inline(picture, cx, cy, descr, name))

    def _inline(
        self, picture: Picture, cx: int, cy: int, descr: str | None = None, name: str = ""
    ) -> BaseOxmlElement:
        """A ``w:drawing`` of ``picture``, ``cx`` × ``cy`` EMU, its bytes embedded as they are."""
        inline = self.document.part.new_pic_inline(io.BytesIO(picture.data), cx, cy)
        inline.docPr.set("id", str(self.next_shape_id))  # unique among the writer's shapes
        inline.docPr.set("descr", picture.alt if descr is None else descr)
        if name:
            inline.docPr.set("name", name)
        self.next_shape_id += 1
        drawing = el("w:drawing")
        drawing.append(inline)
        return drawing

    def _section(self, spec: Section) -> None:
        self.spec = spec
        self.break_before = False  # a section starts a new page of its own
        if self.started:
            self.document.add_section(WD_SECTION.NEW_PAGE)
            _flatten_break_after_table(self.document.element.body)
        self.text_width = self._configure(spec)


def _section_heading(block: Block) -> bool:
    return isinstance(block, Heading) and block.level > 1


def _flatten_break_after_table(body: BaseOxmlElement) -> None:
    """The paragraph ending a section right after a table, one point high.

    A section break is a paragraph of its own; after a table that fills the page
    it went on to a page of its own, blank.
    """
    ending = body.sectPr.getprevious()
    before = ending.getprevious() if ending is not None else None
    if before is None or before.tag != qn("w:tbl"):
        return
    _flatten(ending)


def _flatten(p: BaseOxmlElement) -> None:
    """``p`` one point high, with no space before or after."""
    ppr = p.get_or_add_pPr()
    ppr.spacing_before = ppr.spacing_after = Twips(0)
    ppr.spacing_line = Twips(20)
    ppr.spacing_lineRule = WD_LINE_SPACING.EXACTLY
