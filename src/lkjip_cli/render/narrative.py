"""Narrative Markdown → blocks: directives, headings, paragraphs and lists.

A narrative is Markdown with two additions: ``{{ ... }}`` placeholders (rendered
by the sandboxed Jinja environment before parsing) and directive lines such as
``::: tabel pegawai`` that place a generated table, figure, list or signature.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lkjip_cli.errors import InputError
from lkjip_cli.findings import Finding, error
from lkjip_cli.loader import Position
from lkjip_cli.render.blocks import (
    Block,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Run,
    Runs,
)
from lkjip_cli.render.pictures import IMAGE, OPENING, Picture, load_picture

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


def malformed(source: str) -> list[tuple[int, str]]:
    """Lines opening with ``:::`` that are no directive (``::: tabel.pk``, ``::: tabel``).

    Not being directives they would print as text, ``:::`` and all.
    """
    return [
        (number, line.strip())
        for number, line in enumerate(source.splitlines(), 1)
        if line.strip().startswith(":::") and not DIRECTIVE.match(line.strip())
    ]


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


def at_source(parts: list[str | Directive], source: str) -> list[str | Directive]:
    """``parts`` of the rendered text with each directive at its line in ``source``.

    Placeholders and ``{% if %}`` lines shift the rendered text: the k-th
    ``::: tabel x`` rendered is the k-th written (a loop's repeats, the last);
    one a placeholder wrote (``::: tabel {{ nama }}``) keeps its rendered line.
    """
    written: dict[tuple[str, str], list[int]] = {}
    for d in scan(source):
        written.setdefault((d.kind, d.name), []).append(d.line)
    seen: dict[tuple[str, str], int] = {}
    out: list[str | Directive] = []
    for part in parts:
        if isinstance(part, Directive) and (lines := written.get((part.kind, part.name))):
            k = seen.get((part.kind, part.name), 0)
            seen[(part.kind, part.name)] = k + 1
            part = dataclasses.replace(part, line=lines[min(k, len(lines) - 1)])
        out.append(part)
    return out


def image_lines(source: str) -> list[int]:
    """The line of every image a narrative's source writes, one entry per image, in order."""
    return [
        number for number, line in enumerate(source.splitlines(), 1) for _ in OPENING.finditer(line)
    ]


def read_pictures(
    root: Path, part: str, source: str, file: str, before: int = 0
) -> tuple[dict[str, Picture], list[Finding]]:
    """The pictures rendered Markdown ``part`` shows, each read once; a finding for the rest.

    A picture is a numbered figure, captioned by its text (``![teks](...)``) or
    its title (``![...](foto/x.jpg "judul")``): one with neither is an error,
    since Daftar Gambar would list a bare number. ``source`` (the narrative as
    written, in ``file``) gives each finding its line: the k-th image shown is
    the k-th written, ``before`` of them shown in earlier parts.
    """
    found: dict[str, Picture] = {}
    findings: list[Finding] = []
    lines = source.splitlines()
    written = image_lines(source)
    for k, match in enumerate(IMAGE.finditer(part), before):
        src = match["src"]
        line = written[k] if k < len(written) and src in lines[written[k] - 1] else None
        where = Position(file, line or line_of(source, src), 1)
        if not (match["alt"].strip() or (match["title"] or "").strip()):
            findings.append(
                error(
                    "narasi.gambar-tanpa-keterangan",
                    f"gambar '{src}' tidak berketerangan: tulis keterangannya, mis. "
                    f"![Kegiatan lapangan]({src}); keterangan itu dicetak di bawah gambar "
                    "('Gambar 3.1 …') dan tercantum di Daftar Gambar",
                    where,
                )
            )
        if src in found:
            continue
        try:
            found[src] = load_picture(root, src, match["alt"])
        except InputError as exc:
            findings.append(error("narasi.gambar", exc.message, where))
    return found, findings


def number_pictures(blocks: list[Block], numbers: Iterator[str]) -> list[Block]:
    """``blocks`` with each picture's figure given the next number of its chapter."""
    return [
        dataclasses.replace(b, number=next(numbers, "")) if isinstance(b, Figure) else b
        for b in blocks
    ]


def pictures_made(source: str, file: str, shown: int, written: int) -> Finding:
    """More pictures shown than written: a loop or a placeholder made some, which have no number."""
    lines = image_lines(source)
    return error(
        "narasi.gambar",
        f"narasi ini menampilkan {shown} gambar, padahal hanya {written} yang ditulis: "
        "gambar yang dihasilkan perulangan ({% for %}) atau isian tidak dapat diberi nomor; "
        "tulis setiap gambar langsung di narasi",
        Position(file, lines[-1] if lines else 1, 1),
    )


def line_of(source: str, needle: str) -> int:
    """The first line of ``source`` holding ``needle`` (1 when none does)."""
    for number, line in enumerate(source.splitlines(), 1):
        if needle in line:
            return number
    return 1


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
    """Parse a Markdown chunk into heading, paragraph, list and figure blocks.

    An image (``![teks](foto/x.jpg)``) becomes a figure of the picture of
    ``pictures`` read from that path, on its own after the paragraph's text,
    captioned by its title (``"judul"``) or else its text, and not numbered yet
    (the document numbers it with its chapter's charts); one not read is left
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
        _figure(pictures[src], child)
        for child in inline.children or []
        if child.type == "image" and (src := str(child.attrGet("src") or "")) in pictures
    ]
    runs = _runs(inline)
    text: list[Block] = [Paragraph(runs)] if "".join(r.text for r in runs).strip() else []
    return [*text, *shown]


def _figure(picture: Picture, image: Token) -> Figure:
    alt = image.content.strip()
    caption = str(image.attrGet("title") or "").strip() or alt
    return Figure(picture, picture.source, "", caption, picture.width_cm, alt=alt)


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
            out.extend(shown)  # a list item's figure follows its list
        elif tok.type in {"fence", "code_block"}:
            out.append(Paragraph((Run(tok.content.strip()),)))
            i += 1
        else:
            i += 1
    return out, i


def _list(
    tokens: list[Token], i: int, pictures: Mapping[str, Picture]
) -> tuple[ListBlock, int, list[Figure]]:
    opener = tokens[i]
    ordered = opener.type == "ordered_list_open"
    close = "ordered_list_close" if ordered else "bullet_list_close"
    start = int(opener.attrGet("start") or 1) if ordered else 1
    items: list[ListItem] = []
    shown: list[Figure] = []
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
                elif isinstance(b, Figure):
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
