"""The DOCX writer: walks the blocks of a :class:`Dokumen` into the template."""

from __future__ import annotations

import datetime as dt
import io

from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm

from lkjip_cli.render.blocks import (
    Block,
    Dokumen,
    Figure,
    Heading,
    Index,
    ListBlock,
    PageBreak,
    Paragraph,
    Section,
    Signature,
    Signatures,
    Table,
)
from lkjip_cli.render.colwidths import bind_rupiah
from lkjip_cli.render.docx import sections, styles
from lkjip_cli.render.docx.chart import add_chart
from lkjip_cli.render.docx.drawing import body_font, chart_graphic, diagram_graphic, inline_run
from lkjip_cli.render.docx.fields import add_bookmark, add_caption_text
from lkjip_cli.render.docx.indexes import index_paragraphs
from lkjip_cli.render.docx.lists import Numbering, list_paragraphs
from lkjip_cli.render.docx.ooxml import EMU_PER_TWIP, add_text, paragraph, set_ppr, sub
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
                for p in list_paragraphs(block, num_id):
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
            case Signature():
                for p in signature_paragraphs(block, self.text_width):
                    self._append(p)
            case Signatures():
                self._append(signatures_table(block, self.text_width))
                self._spacer(position)

    def _new_paragraph(
        self, style_id: str | None = None, align: str | None = None
    ) -> BaseOxmlElement:
        p = paragraph(style_id, align)
        self._append(p)
        return p

    def _heading(self, position: int, heading: Heading) -> None:
        level = min(heading.level, max(styles.HEADINGS))
        if heading.in_toc or level > 1:
            p = self._new_paragraph(styles.HEADINGS[level])
        else:
            # Looks like a chapter heading but has no outline level: Word's TOC skips it.
            p = self._new_paragraph(styles.TOC_HEADING)
        if not heading.in_toc and level > 1:
            set_ppr(p, outline_level=9)
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
            add_text(p, bind_rupiah(run.text), bold=run.bold, italic=run.italic)

    def _caption(self, position: int, kind: str, number: str, caption: str, above: bool) -> None:
        p = paragraph(styles.CAPTION, keep_next=above)
        add_caption_text(p, kind, number, caption, self.plan.restarts.get(position))
        anchor = self.plan.anchors.get(position)
        if anchor is not None:
            add_bookmark(p, anchor.name, anchor.id)
        self._append(p)

    def _table(self, position: int, table: Table) -> None:
        if table.number:
            self._caption(position, TABLE_KIND, table.number, table.caption or "", above=True)
        signed = isinstance(self._next(position), Signature | Signatures)
        self._append(build_table(table, self.text_width, keep_with_next=signed))
        self._spacer(position, keep_next=signed)

    def _next(self, position: int) -> Block | None:
        blocks = self.dok.blocks
        return blocks[position + 1] if position + 1 < len(blocks) else None

    def _spacer(self, position: int, *, keep_next: bool = False) -> None:
        """Space after a table; it also keeps two tables from fusing into one.

        None before a block that starts a new page: after a page-filling table the
        empty paragraph would fill a page of its own.
        """
        following = self._next(position)
        if isinstance(following, PageBreak | Section) or (
            isinstance(following, Heading) and following.level == 1
        ):
            return
        self._append(paragraph(styles.TABLE_TEXT, keep_next=keep_next))

    def _figure(self, position: int, figure: Figure) -> None:
        descr = figure.alt or figure.caption
        name = f"Gambar {figure.number}".strip()
        if isinstance(figure.content, Picture):
            self._picture(figure.content, descr, name)
        else:
            self._drawing(figure.content, figure.width_cm, descr, name)
        self._caption(position, FIGURE_KIND, figure.number, figure.caption, above=False)

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
        """A planner's PNG or JPEG (or the logo), embedded as it is, at most the text's width."""
        cx = min(Cm(picture.width_cm), self.text_width * EMU_PER_TWIP)
        cy = round(cx * picture.height / picture.width)
        inline = self.document.part.new_pic_inline(io.BytesIO(picture.data), cx, cy)
        inline.docPr.set("id", str(self.next_shape_id))  # unique among the writer's shapes
        inline.docPr.set("descr", descr)
        if name:
            inline.docPr.set("name", name)
        self.next_shape_id += 1
        run = sub(self._new_paragraph(styles.FIGURE), "w:r")
        sub(run, "w:drawing").append(inline)

    def _section(self, spec: Section) -> None:
        self.break_before = False  # a section starts a new page of its own
        if self.started:
            self.document.add_section(WD_SECTION.NEW_PAGE)
        self.text_width = self._configure(spec)
