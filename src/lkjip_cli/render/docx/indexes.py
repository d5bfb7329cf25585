"""Daftar Isi, Daftar Tabel and Daftar Gambar as TOC fields with cached entries.

Each entry links to its bookmark and carries a PAGEREF field. Only Word or
LibreOffice can paginate: when the PDF is made in the same build, the pages
LibreOffice gave the indexes are the fields' cached results
(:func:`page_numbers`); otherwise they are left empty and ``w:updateFields``
in the settings makes Word refresh every field when the file is opened.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from docx.oxml.xmlchemy import BaseOxmlElement

from lkjip_cli.render.blocks import Dokumen, Index
from lkjip_cli.render.docx import styles
from lkjip_cli.render.docx.fields import add_field, field_char, field_start
from lkjip_cli.render.docx.ooxml import add_text, paragraph, sub
from lkjip_cli.render.docx.plan import FIGURE_KIND, TABLE_KIND, TOC_LEVELS, Entry, Plan

INSTRUCTIONS = {
    "toc": f'TOC \\o "1-{TOC_LEVELS}" \\h \\z \\u',
    "tables": f'TOC \\h \\z \\c "{TABLE_KIND}"',
    "figures": f'TOC \\h \\z \\c "{FIGURE_KIND}"',
}
"""Field instruction of each kind of index."""


def _entries(kind: str, plan: Plan) -> list[Entry]:
    return {"toc": plan.toc, "tables": plan.tables, "figures": plan.figures}[kind]


_LIBREOFFICE_KEYS = {"toc": "toc", "tables": TABLE_KIND, "figures": FIGURE_KIND}
"""Index kind → the key of its lines in what the PDF conversion read (render/pdf.py)."""


def _same(ours: str, theirs: str) -> bool:
    return ours.replace("\u00a0", " ").split() == theirs.replace("\u00a0", " ").split()


def page_numbers(plan: Plan, indexes: Mapping[str, Sequence[tuple[str, str]]]) -> dict[str, str]:
    """``_Toc`` bookmark → page, from the indexes LibreOffice updated.

    An index is taken only when LibreOffice listed exactly its entries, in
    order: then its n-th line's page is the n-th entry's.
    """
    pages: dict[str, str] = {}
    for kind, key in _LIBREOFFICE_KEYS.items():
        entries = _entries(kind, plan)
        lines = indexes.get(key, ())
        if len(lines) != len(entries):
            continue
        if all(_same(entry.text, text) for entry, (text, _) in zip(entries, lines, strict=True)):
            pages.update(
                (entry.anchor.name, page.strip())
                for entry, (_, page) in zip(entries, lines, strict=True)
            )
    return pages


def all_paged(dok: Dokumen, plan: Plan) -> bool:
    """Whether every entry of every index of ``dok`` has its page number."""
    kinds = {block.kind for block in dok.blocks if isinstance(block, Index)}
    return all(entry.anchor.name in plan.pages for kind in kinds for entry in _entries(kind, plan))


def _style(index: Index, entry: Entry) -> str:
    if index.kind == "toc":
        return styles.TOC[entry.level]
    return styles.TABLE_OF_FIGURES


def index_paragraphs(index: Index, plan: Plan, text_width: int) -> list[BaseOxmlElement]:
    """The title paragraph and the field's paragraphs, one per entry.

    An empty title writes no title paragraph: the document then puts a
    Heading before the index itself (so that the TOC lists the index).
    """
    result = []
    if index.title:
        title = paragraph(styles.TOC_HEADING)
        add_text(title, index.title)
        result.append(title)
    entries = _entries(index.kind, plan)
    if not entries:
        p = paragraph(styles.TOC[1] if index.kind == "toc" else styles.TABLE_OF_FIGURES)
        field_start(p, INSTRUCTIONS[index.kind])
        field_char(p, "end")
        return [*result, p]

    for position, entry in enumerate(entries):
        p = paragraph(_style(index, entry))
        tabs = p.pPr.get_or_add_tabs()
        sub(tabs, "w:tab", val="right", leader="dot", pos=text_width)
        if position == 0:
            field_start(p, INSTRUCTIONS[index.kind])
        link = sub(p, "w:hyperlink", anchor=entry.anchor.name, history="1")
        add_text(link, entry.text)
        add_text(link, "\t")
        add_field(link, f"PAGEREF {entry.anchor.name} \\h", plan.pages.get(entry.anchor.name, ""))
        if position == len(entries) - 1:
            field_char(p, "end")
        result.append(p)
    return result
