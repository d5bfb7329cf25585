"""The Markdown writer: a reviewed golden file, escaping, tables and determinism."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from lkjip_cli.render.blocks import (
    Block,
    Cell,
    Dokumen,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Run,
    Table,
    plain,
)
from lkjip_cli.render.grid import grid
from lkjip_cli.render.markdown import write_markdown
from lkjip_cli.render.markdown_text import escape_inline, escape_line

from . import sample
from .sample_md import PMKS, sample_dokumen

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "sample.md"
UPDATE = os.environ.get("LKJIP_UPDATE_GOLDEN") == "1"


def parse(markdown: str) -> list[Token]:
    """Parse as GFM-ish CommonMark with raw HTML enabled, to catch any that slips in."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").parse(markdown)


def inline_tokens(tokens: list[Token]) -> list[Token]:
    return [child for tok in tokens if tok.type == "inline" for child in tok.children or []]


def only(*blocks: Block) -> Dokumen:
    return dataclasses.replace(sample_dokumen(), blocks=tuple(blocks))


def test_sample_matches_the_reviewed_golden_file() -> None:
    markdown, _ = write_markdown(sample_dokumen())
    if UPDATE:
        GOLDEN.write_text(markdown, encoding="utf-8", newline="\n")
    assert markdown == GOLDEN.read_text(encoding="utf-8"), (
        "Markdown changed: review it, then LKJIP_UPDATE_GOLDEN=1 pytest to accept"
    )


def test_figures_are_returned_as_svg_files_beside_the_markdown() -> None:
    markdown, images = write_markdown(sample_dokumen())
    assert list(images) == ["gambar-3-1.svg"]
    svg = images["gambar-3-1.svg"].decode("utf-8")
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns=')
    assert (
        "<title>Gambar 3.1 Grafik Pencapaian Target IKU Dinas Sosial Tahun 2021 - 2024</title>"
        in svg
    )
    # the caption above the figure, as the reference prints it
    assert (
        "**Gambar 3.1** Grafik Pencapaian Target IKU Dinas Sosial Tahun 2021 - 2024\n\n"
        "![Gambar 3.1 Grafik Pencapaian Target IKU Dinas Sosial Tahun 2021 - 2024]"
        "(gambar-3-1.svg)" in markdown
    )


def test_output_is_deterministic_lf_and_ends_with_one_newline() -> None:
    first, images = write_markdown(sample_dokumen())
    second, images2 = write_markdown(sample_dokumen())
    assert first == second and images == images2
    assert "\r" not in first
    assert first.endswith("\n") and not first.endswith("\n\n")
    assert "\n\n\n" not in first
    assert all(line == line.rstrip() for line in first.split("\n"))


def test_text_that_looks_like_markup_stays_text() -> None:
    tokens = parse(write_markdown(sample_dokumen())[0])
    kinds = {t.type for t in tokens} | {t.type for t in inline_tokens(tokens)}
    assert not kinds & {"html_block", "link_open", "code_inline", "blockquote_open"}
    # The only raw HTML is ours: a line break inside a table cell.
    assert {t.content for t in inline_tokens(tokens) if t.type == "html_inline"} == {"<br>"}
    texts = "".join(t.content for t in inline_tokens(tokens) if t.type == "text")
    assert "<script>alert('x')</script> & *bukan* tebal" in texts
    assert (
        "2024. Tahun ini <b>bukan</b> HTML, *bukan* tebal, _bukan_ miring, [bukan](tautan)" in texts
    )
    assert "# bukan judul" in texts and "- bukan daftar" in texts


def test_structure_survives_a_markdown_parser() -> None:
    tokens = parse(write_markdown(sample_dokumen())[0])
    headings = [
        (tok.tag, tokens[i + 1].content)
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open"
    ]
    assert headings[:4] == [
        ("h1", "KATA PENGANTAR"),
        ("h1", "DAFTAR ISI"),
        ("h1", "DAFTAR TABEL"),
        ("h1", "DAFTAR GAMBAR"),
    ]
    assert ("h1", "BAB I PENDAHULUAN") in headings
    assert ("h3", "1. Sasaran Meningkatnya Kesejahteraan PMKS") in headings
    assert sum(t.type == "table_open" for t in tokens) == 3
    assert sum(t.type == "ordered_list_open" for t in tokens) == 1
    bold = [t for t in inline_tokens(tokens) if t.type == "strong_open"]
    assert bold, "bold runs and totals are bold"


def test_stacked_headers_and_spans_flatten_into_one_header_and_empty_cells() -> None:
    markdown, _ = write_markdown(only(PMKS))
    lines = markdown.splitlines()
    assert lines[0] == "**Tabel 3.8** Data PMKS di Kabupaten Blitar Tahun 2024"
    assert lines[2] == "| No | Jenis PMKS | Jumlah (orang) 2023 | Jumlah (orang) 2024 |"
    assert lines[3] == "| :---: | --- | ---: | ---: |"
    assert lines[6] == "|  | b) Mental \\| Intelektual | 106 | - |"
    assert lines[8] == "| **Jumlah** |  | **103.494** | **103.110** |"
    assert lines[5] == "| 2. | Penyandang Disabilitas<br>a) Fisik | 278 | - |"


def test_grid_places_rowspans_and_colspans() -> None:
    a, b, c, d, e = (Cell(x) for x in "abcde")
    tall = Cell("T", rowspan=2)
    wide = Cell("W", colspan=2)
    rows = ((tall, wide), (a, b), (c, d, e))
    placed = [[(s.cell.text, s.origin) if s else None for s in line] for line in grid(rows)]
    assert placed == [
        [("T", True), ("W", True), ("W", False)],
        [("T", False), ("a", True), ("b", True)],
        [("c", True), ("d", True), ("e", True)],
    ]


def test_a_table_without_header_still_parses_as_a_table() -> None:
    table = Table(header=(), body=((Cell("a"), Cell("b")),), widths=(1, 1), borders=False)
    markdown, _ = write_markdown(only(table))
    assert markdown == "|  |  |\n| --- | --- |\n| a | b |\n"
    assert any(t.type == "table_open" for t in parse(markdown))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. bukan daftar", "1\\. bukan daftar"),
        ("2024) tahun", "2024\\) tahun"),
        ("- a", "\\- a"),
        ("+ a", "\\+ a"),
        ("# a", "\\# a"),
        ("> a", "\\> a"),
        ("::: tabel pmks", "\\::: tabel pmks"),
        ("===", "\\==="),
        ("Rp. 1.000", "Rp. 1.000"),
        ("a_b*c`d[e]f<g>h~i^j\\k", "a\\_b\\*c\\`d\\[e\\]f\\<g\\>h\\~i\\^j\\\\k"),
        ("&amp; & &#169;", "&amp;amp; & &amp;#169;"),
    ],
)
def test_escape_line(text: str, expected: str) -> None:
    assert escape_line(text) == expected


def test_escape_inline_leaves_plain_indonesian_alone() -> None:
    text = "Rp. 17.223.131.900,00 (95,39%) Kabupaten/Kota; PMKS: 110.692 orang."
    assert escape_inline(text) == text


def test_runs_keep_emphasis_markers_tight() -> None:
    para = Paragraph(
        (
            Run("Anggaran "),
            Run(" naik ", bold=True),
            Run("dan "),
            Run("x", italic=True),
            Run(" y", bold=True, italic=True),
            Run("   ", bold=True),
        )
    )
    markdown, _ = write_markdown(only(para))
    assert markdown == "Anggaran  **naik** dan *x* ***y***\n"


def test_lists_nest_and_letter_lists_keep_their_letters() -> None:
    inner = ListBlock((ListItem(plain("satu")), ListItem(plain("dua\ntiga"))), marker="lower-alpha")
    outer = ListBlock((ListItem(plain("Induk"), inner), ListItem(plain("- bukan butir"))), start=9)
    markdown, _ = write_markdown(only(outer))
    assert markdown == ("9. Induk\n   - a. satu\n   - b. dua\\\n     tiga\n10. \\- bukan butir\n")


def test_heading_levels_and_trailing_hashes() -> None:
    markdown, _ = write_markdown(
        only(Heading(1, "PENUTUP", label="BAB IV"), Heading(2, "C# dan F #"), Heading(4, "x"))
    )
    assert markdown == "# BAB IV PENUTUP\n\n## C# dan F \\#\n\n#### x\n"


def test_the_shared_sample_renders_too() -> None:
    dok = sample.sample_dokumen()
    markdown, images = write_markdown(dok)
    assert write_markdown(dok) == (markdown, images)
    assert list(images) == ["gambar-2-1.svg"]
    tokens = parse(markdown)
    assert sum(t.type == "table_open" for t in tokens) == 4
    assert "**Tabel 2.1** Data PMKS Kabupaten Blitar Tahun 2024" in markdown
    assert "| No | Jenis PMKS | Jumlah L | Jumlah P | Jumlah Total |" in markdown
    # Its indexes carry no entries: the writer derives them from the document.
    assert "- Tabel 2.2 Realisasi Anggaran per Program\n" in markdown
    assert "- BAB II PERENCANAAN KINERJA\n  - A. Data PMKS\n" in markdown
