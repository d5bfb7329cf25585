"""The Markdown writer: a :class:`Dokumen` → CommonMark with GFM pipe tables.

Python prepares each block as plain, already escaped strings (a "view");
``templates/laporan.md.j2`` lays them out. Text from the data is escaped so
that it reads as written (:mod:`lkjip_cli.render.markdown_text`); a table is
placed on a full grid (:mod:`lkjip_cli.render.grid`) before its pipe rows are
written. Figures are written as SVG files beside the Markdown; page breaks and
sections have no Markdown form and are dropped.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

from jinja2 import Environment

from lkjip_cli.render.blocks import (
    Block,
    Cell,
    Cover,
    Dokumen,
    Figure,
    Heading,
    Index,
    Letterhead,
    ListBlock,
    Paragraph,
    Run,
    Signature,
    Signatures,
    Table,
)
from lkjip_cli.render.grid import Slot, grid
from lkjip_cli.render.jinja import writer_env
from lkjip_cli.render.markdown_text import escape_inline, escape_line, paragraph_lines
from lkjip_cli.render.pictures import Picture
from lkjip_cli.render.svg import svg_file

TEMPLATE = "laporan.md.j2"

_TRAILING_HASHES = re.compile(r"(\s)(#+)$")


# --- tables -----------------------------------------------------------------------


def _cell_text(text: str) -> str:
    lines = (escape_inline(line.strip()).replace("|", "\\|") for line in text.split("\n"))
    return "<br>".join(line for line in lines if line)


def _header(rows: list[list[Slot | None]], columns: int) -> list[str]:
    """One header line: stacked header rows joined per column (``Realisasi 2024``)."""
    titles: list[list[str]] = [[] for _ in range(columns)]
    for col in range(columns):
        seen: list[Cell] = []
        for line in rows:
            slot = line[col]
            if slot is None or any(slot.cell is c for c in seen):
                continue
            seen.append(slot.cell)
            text = _cell_text(slot.cell.text)
            if text and text not in titles[col]:
                titles[col].append(text)
    return [" ".join(t) for t in titles]


_RULES = {"left": "---", "justify": "---", "center": ":---:", "right": "---:"}


def _rule(body: list[list[Slot | None]], columns: int) -> list[str]:
    """Each column aligned as most of its own (unspanned) body cells."""
    rules = []
    for col in range(columns):
        aligns: Counter[str] = Counter()
        for line in body:
            slot = line[col]
            if slot is not None and slot.origin and slot.cell.colspan <= 1:
                aligns[slot.cell.align] += 1
        rules.append(_RULES[aligns.most_common(1)[0][0]] if aligns else "---")
    return rules


def table_view(table: Table) -> dict[str, Any]:
    """A table as a caption, one header line, a rule and body lines of escaped cells."""
    body = grid(table.body, len(table.widths))
    header = grid(table.header, len(table.widths))
    columns = max([1, *(len(line) for line in (*body, *header))])
    for line in (*body, *header):
        line.extend([None] * (columns - len(line)))
    rows = []
    for r, line in enumerate(body):
        cells = []
        for slot in line:
            text = _cell_text(slot.cell.text) if slot is not None and slot.origin else ""
            if text and slot is not None and (slot.cell.bold or r in table.bold_rows):
                text = f"**{text}**"
            cells.append(text)
        rows.append(cells)
    return {
        "kind": "table",
        "caption": _caption("Tabel", table.number, table.caption),
        "header": _header(header, columns),
        "rule": _rule(body, columns),
        "rows": rows,
    }


def _caption(word: str, number: str | None, caption: str | None) -> str:
    if number and caption:
        return f"**{word} {escape_inline(number)}** {escape_inline(caption)}"
    if caption:
        return f"**{escape_inline(caption)}**"
    return ""


# --- other blocks --------------------------------------------------------------------


def image_name(figure: Figure, taken: set[str]) -> str:
    """``gambar-3-1.svg`` for Gambar 3.1, unique within one document."""
    stem = re.sub(r"[^a-z0-9]+", "-", f"gambar {figure.number or figure.label}".lower()).strip("-")
    return _unique(f"{stem}.svg", taken)


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``stem-2.ext`` … when a file of the document already has it."""
    stem, dot, ext = name.rpartition(".")
    unique, n = name, 1
    while unique in taken:
        n += 1
        unique = f"{stem}-{n}{dot}{ext}"
    taken.add(unique)
    return unique


def _copy(picture: Picture, images: dict[str, bytes], taken: set[str]) -> str:
    """The name of ``picture``'s copy beside the Markdown: ``foto/b-ñ.jpg`` → ``foto-b.jpg``."""
    flat = re.sub(r"[^a-z0-9.]+", "-", picture.source.lower()).strip("-.")
    name = re.sub(r"-+\.", ".", flat)
    if images.get(name) != picture.data:  # the same picture twice is one file
        name = _unique(name, taken)
    images[name] = picture.data  # copied as it is
    return name


def list_lines(block: ListBlock, indent: str = "") -> list[str]:
    """A (nested) list as lines; lettered lists keep their letters in the text."""
    lines = []
    for i, item in enumerate(block.items):
        number = block.start + i
        if block.marker == "bullet" or not block.ordered:
            marker, prefix = "-", ""
        elif block.marker == "lower-alpha":
            marker, prefix = "-", f"{_letter(number)}. "
        else:
            marker, prefix = f"{number}.", ""
        pad = indent + " " * (len(marker) + 1)
        texts = paragraph_lines(item.runs) or [""]
        first = prefix + texts[0]
        lines.append(f"{indent}{marker} {first}".rstrip() + ("\\" if len(texts) > 1 else ""))
        for j, more in enumerate(texts[1:], 1):
            lines.append(f"{pad}{more}" + ("\\" if j < len(texts) - 1 else ""))
        if item.children is not None:
            lines.extend(list_lines(item.children, pad))
    return lines


def _letter(n: int) -> str:
    text = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def _hard_breaks(lines: list[str]) -> str:
    return "\\\n".join(lines)


def signature_view(sig: Signature) -> dict[str, Any]:
    """A signature as two short paragraphs: place, date and office; name, rank, NIP."""
    dated = [f"{label} : {value}" for label, value in sig.dated]
    above = [escape_line(x) for x in (*dated, *sig.lines_above) if x.strip()]
    below = [f"**{escape_inline(sig.name.strip())}**", *(escape_line(x) for x in sig.below)]
    return {"kind": "signature", "above": _hard_breaks(above), "below": _hard_breaks(below)}


def index_lines(dok: Dokumen, index: Index) -> list[str]:
    """The entries of a table of contents or list of tables/figures, as a list."""
    entries = index.entries or _derived_entries(dok, index)
    if not entries:
        return ["*(kosong)*"]
    top = min(level for level, _ in entries)
    return [f"{'  ' * (level - top)}- {escape_line(text)}" for level, text in entries]


def _derived_entries(dok: Dokumen, index: Index) -> tuple[tuple[int, str], ...]:
    if index.kind == "tables":
        return tuple((1, f"Tabel {t.number} {t.caption or ''}".strip()) for t in dok.tables())
    if index.kind == "figures":
        return tuple((1, f"Gambar {f.number} {f.caption}".strip()) for f in dok.figures())
    return tuple(
        (h.level, f"{h.label} {h.text}" if h.label else h.text) for h in dok.headings() if h.in_toc
    )


def heading_text(heading: Heading) -> str:
    """``BAB I PENDAHULUAN``: the chapter label and its title on one line."""
    text = f"{heading.label} {heading.text}" if heading.label else heading.text
    return _TRAILING_HASHES.sub(lambda m: m.group(1) + "\\#" * len(m.group(2)), escape_inline(text))


_STRONG_STYLES = {"cover-title", "center-bold"}


def block_view(
    dok: Dokumen, block: Block, images: dict[str, bytes], taken: set[str]
) -> dict[str, Any] | None:
    """One block as a view for the template; ``None`` for blocks Markdown has no form for."""
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 6)
        return {"kind": "heading", "marks": "#" * level, "text": heading_text(block)}
    if isinstance(block, Paragraph):
        lines = paragraph_lines(block.runs, force_bold=block.style in _STRONG_STYLES)
        return {"kind": "paragraph", "text": _hard_breaks(lines)} if lines else None
    if isinstance(block, ListBlock):
        return {"kind": "list", "lines": list_lines(block)} if block.items else None
    if isinstance(block, Table):
        return table_view(block)
    if isinstance(block, Figure):
        if isinstance(block.content, Picture):
            name = _copy(block.content, images, taken)
            alt = block.alt or block.caption
        else:
            name = image_name(block, taken)
            images[name] = svg_file(block, name.removesuffix(".svg"))
            alt = f"Gambar {block.number} {block.caption}" if block.number else block.caption
        return {
            "kind": "figure",
            "alt": escape_inline(alt.strip()),
            "src": name,
            "caption": _caption("Gambar", block.number, block.caption),
        }
    if isinstance(block, Picture):
        name = _copy(block, images, taken)
        return {"kind": "figure", "alt": escape_inline(block.alt), "src": name, "caption": ""}
    if isinstance(block, Index):
        title = f"**{escape_inline(block.title)}**" if block.title.strip() else ""
        return {"kind": "index", "title": title, "lines": index_lines(dok, block)}
    if isinstance(block, Signature):
        return signature_view(block)
    if isinstance(block, Signatures):
        return {
            "kind": "signatures",
            "left": signature_view(block.left),
            "right": signature_view(block.right),
        }
    return None  # PageBreak, Section


def plain_blocks(block: Block) -> list[Block]:
    """A cover or a letterhead as the paragraphs and logo it prints, top to bottom;
    any other block as it is. Markdown has no page to lay them out on."""
    if isinstance(block, Cover):
        return [
            *(Paragraph((Run(line),), align="center", style="cover-title") for line in block.title),
            *([block.logo] if block.logo is not None else []),
            Paragraph((Run(block.issuer),), align="center", style="cover"),
            Paragraph((Run(block.agency),), align="center", style="cover-title"),
            *(
                [Paragraph((Run(block.contact),), align="center", style="small")]
                * bool(block.contact)
            ),
        ]
    if isinstance(block, Letterhead):
        return [
            *([block.logo] if block.logo is not None else []),
            Paragraph((Run(block.issuer),), align="center", style="center-bold"),
            Paragraph((Run(block.agency),), align="center", style="center-bold"),
            *(
                [Paragraph((Run(block.contact),), align="center", style="small")]
                * bool(block.contact)
            ),
        ]
    return [block]


@functools.cache
def _env() -> Environment:
    return writer_env()


def write_markdown(dok: Dokumen) -> tuple[str, dict[str, bytes]]:
    """The report as Markdown, and the SVG files (by name) it links to."""
    images: dict[str, bytes] = {}
    taken: set[str] = set()
    views = [
        v
        for block in dok.blocks
        for b in plain_blocks(block)
        if (v := block_view(dok, b, images, taken)) is not None
    ]
    text = _env().get_template(TEMPLATE).render(dok=dok, blocks=views)
    return normalise(text), images


def normalise(text: str) -> str:
    """LF only, no trailing spaces, one blank line between blocks, one final newline."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
