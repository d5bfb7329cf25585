"""Complex fields (TOC, SEQ, PAGE, PAGEREF) and bookmarks.

A field is written with its *cached result*, so the document reads correctly
before Word (or LibreOffice) updates it: a SEQ field already shows its
number and a TOC already lists its entries.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from lkjip_cli.render.docx.ooxml import add_text, sub


def field_char(parent: BaseOxmlElement, kind: str) -> None:
    """Append a run holding a ``w:fldChar`` of ``kind`` (begin, separate, end)."""
    sub(sub(parent, "w:r"), "w:fldChar", fldCharType=kind)


def field_start(parent: BaseOxmlElement, instruction: str) -> None:
    """Append a field's begin mark and instruction, up to its separator."""
    field_char(parent, "begin")
    instr = sub(sub(parent, "w:r"), "w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    field_char(parent, "separate")


def add_field(
    parent: BaseOxmlElement,
    instruction: str,
    result: str,
    *,
    bold: bool = False,
    italic: bool = False,
) -> None:
    """Append a whole field with its cached ``result`` to a paragraph or hyperlink."""
    field_start(parent, instruction)
    if result:
        add_text(parent, result, bold=bold, italic=italic)
    field_char(parent, "end")


_MENTION = re.compile(r"\b(?:Tabel|Gambar)[ \u00a0]\d+(?:\.\d+)*\b")
"""A caption's label and number in prose: ``Tabel 3.8``, ``Gambar 1.1``."""


def add_prose(
    p: BaseOxmlElement,
    text: str,
    refs: Mapping[str, str],
    *,
    bold: bool = False,
    italic: bool = False,
) -> None:
    """Append ``text``; each mention of a caption of the document is a REF field to it.

    ``refs`` maps ``Tabel 3.8`` to the bookmark on that caption's label and
    number (see plan.py): Word then keeps the mention right when a table is
    added before it. A number no caption has stays text.
    """
    at = 0
    for match in _MENTION.finditer(text):
        name = refs.get(match.group().replace("\u00a0", " "))
        if name is None:
            continue
        if match.start() > at:
            add_text(p, text[at : match.start()], bold=bold, italic=italic)
        add_field(p, f"REF {name} \\h", match.group(), bold=bold, italic=italic)
        at = match.end()
    if at < len(text) or not text:
        add_text(p, text[at:], bold=bold, italic=italic)


def add_bookmark(p: BaseOxmlElement, name: str, bookmark_id: int) -> None:
    """Wrap the content of paragraph ``p`` in a bookmark named ``name``."""
    start = p.makeelement(qn("w:bookmarkStart"), {qn("w:id"): str(bookmark_id), qn("w:name"): name})
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        p.insert(0, start)
    else:
        ppr.addnext(start)
    sub(p, "w:bookmarkEnd", id=bookmark_id)


_NUMBER = re.compile(r"^(?P<prefix>.*?\.)?(?P<seq>\d+)$")


def split_number(number: str) -> tuple[str, int] | None:
    """``"3.8"`` → ``("3.", 8)``; ``"8"`` → ``("", 8)``; None when not numeric at the end."""
    match = _NUMBER.match(number)
    if match is None:
        return None
    return match.group("prefix") or "", int(match.group("seq"))


def seq_instruction(kind: str, chapter: bool, restart_at: int | None) -> str:
    """The SEQ field instruction of a caption.

    ``\\s 1`` restarts the count at every Heading 1 (chapters) in Word.
    LibreOffice ignores ``\\s`` and counts on, so the first caption of each
    chapter (or any jump in the sequence) also carries ``\\r n``, which both
    honour and which agrees with ``\\s 1``.
    """
    instruction = f"SEQ {kind} \\* ARABIC"
    if chapter:
        instruction += " \\s 1"
    if restart_at is not None:
        instruction += f" \\r {restart_at}"
    return instruction


def add_caption_text(
    p: BaseOxmlElement,
    kind: str,
    number: str,
    caption: str,
    restart_at: int | None,
    label: tuple[str, int] | None = None,
) -> None:
    """Append ``Tabel 3.`` + SEQ field (cached ``8``) + `` caption`` to paragraph ``p``.

    ``label`` (bookmark name, id) wraps ``Tabel 3.8``, as Word's "label and
    number" cross-references do: a REF field to it shows exactly that.
    """
    parts = split_number(number)
    if parts is None:
        # Not a countable number ("L.a"): printed as given, outside Word's lists.
        add_text(p, f"{kind} {number} {caption}".rstrip())
        return
    prefix, seq = parts
    if label is not None:
        sub(p, "w:bookmarkStart", id=label[1], name=label[0])
    add_text(p, f"{kind} {prefix}")
    add_field(p, seq_instruction(kind, bool(prefix), restart_at), str(seq))
    if label is not None:
        sub(p, "w:bookmarkEnd", id=label[1])
    if caption:
        add_text(p, f" {caption}")
