"""Narrative Markdown → blocks: directives, headings, paragraphs and lists.

A narrative is Markdown with two additions: ``{{ ... }}`` placeholders (rendered
by the sandboxed Jinja environment before parsing) and directive lines such as
``::: tabel pegawai`` that place a generated table, figure, list or signature.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lkjip_cli.render.blocks import Block, Heading, ListBlock, ListItem, Paragraph, Run, Runs
from lkjip_cli.render.pictures import Picture

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

DIRECTIVE = re.compile(r"^:::\s*(?P<kind>[\w-]+)\s+(?P<name>[\w-]+)\s*$")
KINDS = ("tabel", "gambar", "daftar", "tanda-tangan")


@dataclass(frozen=True)
class Directive:
    """A ``::: kind name`` line and where it stands in its narrative."""

    kind: str
    name: str
    line: int


def scan(source: str) -> list[Directive]:
    """Every directive line of a narrative source, with 1-based line numbers."""
    found = []
    for number, line in enumerate(source.splitlines(), 1):
        if m := DIRECTIVE.match(line.strip()):
            found.append(Directive(m["kind"], m["name"], number))
    return found


def split(rendered: str) -> list[str | Directive]:
    """Split rendered Markdown into Markdown chunks and the directives between them."""
    parts: list[str | Directive] = []
    chunk: list[str] = []
    for number, line in enumerate(rendered.splitlines(), 1):
        if m := DIRECTIVE.match(line.strip()):
            parts.append("\n".join(chunk))
            chunk = []
            parts.append(Directive(m["kind"], m["name"], number))
        else:
            chunk.append(line)
    parts.append("\n".join(chunk))
    return [p for p in parts if not isinstance(p, str) or p.strip()]


QUOTES = "“”‘’"
"""Indonesian quotation marks (PUEBI): double, then single within; ’ is also the apostrophe."""


@functools.cache
def _markdown() -> MarkdownIt:
    """The CommonMark parser, without raw HTML, turning straight quotes into :data:`QUOTES`.

    Only markdown-it's ``smartquotes`` rule: prose typed with ``"…"`` prints “…” in
    every format, across emphasis, while code spans and fenced blocks keep their
    straight quotes (and Jinja expressions were rendered before, untouched).
    Imported on first use: importing markdown-it costs 0.05 s, and ``lkjip
    check`` renders the narratives without parsing their Markdown.
    """
    from markdown_it import MarkdownIt

    options = {"html": False, "typographer": True, "quotes": QUOTES}
    return MarkdownIt("commonmark", options).enable("smartquotes")


def to_blocks(markdown: str, pictures: Mapping[str, Picture] | None = None) -> list[Block]:
    """Parse a Markdown chunk into heading, paragraph, list and picture blocks.

    An image (``![teks](foto/x.jpg)``) becomes the picture of ``pictures`` read
    from that path, on its own after the paragraph's text; one not read is left
    out (its finding is made where it was read).
    """
    from markdown_it.common.normalize_url import normalizeLink

    tokens = _markdown().parse(markdown)
    # markdown-it percent-encodes a link (foto/kegiatan-ñ.jpg → foto/kegiatan-%C3%B1.jpg)
    by_link = {normalizeLink(src): p for src, p in (pictures or {}).items()}
    blocks, _ = _blocks(tokens, 0, None, by_link)
    return blocks


def _paragraph(inline: Token, pictures: Mapping[str, Picture]) -> list[Block]:
    shown = [
        pictures[src]
        for child in inline.children or []
        if child.type == "image" and (src := str(child.attrGet("src") or "")) in pictures
    ]
    runs = _runs(inline)
    text: list[Block] = [Paragraph(runs)] if "".join(r.text for r in runs).strip() else []
    return [*text, *shown]


def _blocks(
    tokens: list[Token], i: int, stop: str | None, pictures: Mapping[str, Picture] | None = None
) -> tuple[list[Block], int]:
    out: list[Block] = []
    while i < len(tokens):
        tok = tokens[i]
        if stop and tok.type == stop:
            return out, i
        if tok.type == "heading_open":
            level = int(tok.tag[1])
            out.append(Heading(min(max(level, 2), 4), _text(tokens[i + 1])))
            i += 3
        elif tok.type == "paragraph_open":
            out.extend(_paragraph(tokens[i + 1], pictures or {}))
            i += 3
        elif tok.type in {"bullet_list_open", "ordered_list_open"}:
            block, i, shown = _list(tokens, i, pictures or {})
            out.append(block)
            out.extend(shown)  # a list item's picture follows its list
        elif tok.type in {"fence", "code_block"}:
            out.append(Paragraph((Run(tok.content.strip()),)))
            i += 1
        else:
            i += 1
    return out, i


def _list(
    tokens: list[Token], i: int, pictures: Mapping[str, Picture]
) -> tuple[ListBlock, int, list[Picture]]:
    opener = tokens[i]
    ordered = opener.type == "ordered_list_open"
    close = "ordered_list_close" if ordered else "bullet_list_close"
    start = int(opener.attrGet("start") or 1) if ordered else 1
    items: list[ListItem] = []
    shown: list[Picture] = []
    i += 1
    while tokens[i].type != close:
        if tokens[i].type == "list_item_open":
            inner, i = _blocks(tokens, i + 1, "list_item_close", pictures)
            runs: list[Run] = []
            children: ListBlock | None = None
            for b in inner:
                if isinstance(b, Paragraph):
                    if runs:
                        runs.append(Run(" "))
                    runs.extend(b.runs)
                elif isinstance(b, ListBlock):
                    children = b
                elif isinstance(b, Heading):
                    runs.append(Run(b.text, bold=True))
                elif isinstance(b, Picture):
                    shown.append(b)
            items.append(ListItem(tuple(runs), children))
        i += 1
    return (
        ListBlock(
            tuple(items), ordered=ordered, start=start, marker="decimal" if ordered else "bullet"
        ),
        i + 1,
        shown,
    )


def _text(inline: Token) -> str:
    return "".join(r.text for r in _runs(inline)).strip()


def _runs(inline: Token) -> Runs:
    runs: list[Run] = []
    bold = italic = False
    for child in inline.children or []:
        kind = child.type
        if kind == "strong_open":
            bold = True
        elif kind == "strong_close":
            bold = False
        elif kind == "em_open":
            italic = True
        elif kind == "em_close":
            italic = False
        elif kind in {"softbreak", "hardbreak"}:
            runs.append(Run(" ", bold, italic))
        elif kind in {"text", "code_inline", "html_inline"}:
            runs.append(Run(child.content, bold, italic))
    return _merge(runs)


def _merge(runs: list[Run]) -> Runs:
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        elif run.text:
            merged.append(run)
    return tuple(merged)
