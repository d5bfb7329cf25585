"""The HTML writer: escaping, self-containment, links, print CSS, determinism."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser
from typing import Literal

import pytest

from lkjip_cli.render.blocks import (
    Block,
    Cell,
    Dokumen,
    Figure,
    Heading,
    Index,
    ListBlock,
    ListItem,
    Paragraph,
    Run,
    Section,
    Signature,
    Signatures,
    Table,
    plain,
)
from lkjip_cli.render.html import write_html

from . import sample
from .sample_md import sample_dokumen, tiny_chart

EVIL = "<script>alert('x')</script>"
VOID = {"meta", "img", "col", "br", "wbr", "hr", "link", "input"}


class _Checker(HTMLParser):
    """Collects tags, ids, hrefs and checks that every element is closed in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.srcs: list[str] = []
        self.text: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(values["id"] or "")
        if values.get("href"):
            self.hrefs.append(values["href"] or "")
        if values.get("src"):
            self.srcs.append(values["src"] or "")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def check(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert not checker.errors, checker.errors[:5]
    assert not checker.stack, checker.stack
    return checker


def only(*blocks: Block, paper: Literal["A4", "F4"] = "A4") -> Dokumen:
    dok = sample_dokumen()
    return dataclasses.replace(dok, blocks=tuple(blocks), paper=paper)


def test_sample_is_well_formed_deterministic_and_ends_with_a_newline() -> None:
    html = write_html(sample_dokumen())
    assert html == write_html(sample_dokumen())
    assert html.startswith('<!DOCTYPE html>\n<html lang="id">')
    assert html.endswith("</html>\n")
    assert "\r" not in html
    check(html)


def test_text_from_the_data_is_escaped_everywhere() -> None:
    evil_runs = (Run(EVIL), Run(EVIL, bold=True), Run(EVIL, italic=True))
    dok = dataclasses.replace(
        only(
            Heading(1, EVIL, label=EVIL),
            Paragraph(evil_runs),
            ListBlock((ListItem(evil_runs, ListBlock((ListItem(plain(EVIL)),))),)),
            Table(
                header=((Cell(EVIL),),),
                body=((Cell(EVIL + "\n" + EVIL),),),
                widths=(1,),
                number="1.1",
                caption=EVIL,
            ),
            Figure(tiny_chart(), label="x", number="1.1", caption=EVIL, alt=EVIL),
            Index("toc", EVIL, entries=((1, EVIL),)),
            Signature((EVIL,), EVIL, (EVIL,)),
            Signatures(Signature((EVIL,), EVIL), Signature((EVIL,), EVIL)),
        ),
        title=EVIL,
        author=EVIL,
        subject=EVIL,
    )
    html = write_html(dok)
    assert "<script" not in html
    assert html.count("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") >= 20
    # In table cells a line may also break after "/" (an empty <wbr> element).
    assert html.count("&lt;script&gt;alert(&#39;x&#39;)&lt;/<wbr>script&gt;") == 3
    parsed = check(html)
    assert "script" not in parsed.tags
    # The parser sees the text the data typed.
    assert EVIL in "".join(parsed.text)


def test_the_sample_cell_and_paragraph_are_escaped() -> None:
    html = write_html(sample_dokumen())
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/<wbr>script&gt; &amp; *bukan* tebal" in html
    assert "2024. Tahun ini &lt;b&gt;bukan&lt;/b&gt; HTML" in html


def test_attributes_cannot_be_broken_out_of() -> None:
    evil = '" onerror="alert(1)'
    figure = Figure(tiny_chart(), label="x", number="1.1", caption=evil, alt=evil)
    html = write_html(only(figure))
    assert 'aria-label="Gambar 1.1 &#34; onerror=&#34;alert(1)"' in html
    assert " onerror=" not in html.replace("&#34; onerror=", "")


def test_charts_are_inline_svg_and_nothing_is_fetched() -> None:
    html = write_html(sample_dokumen())
    parsed = check(html)
    assert parsed.srcs == []
    assert parsed.tags.count("svg") == 1  # the sample's one figure
    # its text is text: the title, the axis titles, the years, every value
    for text in ("Persentase PMKS yang tertangani", "Tahun", "2022", "96,70%", "100,00%"):
        assert text in parsed.text
    assert "<link" not in html and "<script" not in html
    assert not re.search(r"""(src|href)=["']?(https?:|//)""", html)
    assert "url(" not in html and "@import" not in html


def test_indexes_link_to_headings_captions_and_figures() -> None:
    html = write_html(sample_dokumen())
    parsed = check(html)
    assert len(parsed.ids) == len(set(parsed.ids)), "ids are unique"
    assert parsed.hrefs, "the indexes link"
    for href in parsed.hrefs:
        assert href.startswith("#") and href[1:] in parsed.ids, href
    assert '<caption id="tabel-3-8"><span class="number">Tabel 3.8</span> Data PMKS' in html
    assert '<a href="#tabel-3-8">Tabel 3.8 Data PMKS di Kabupaten Blitar Tahun 2024</a>' in html
    assert '<figure id="gambar-3-1">' in html and 'href="#gambar-3-1"' in html
    assert '<h1 id="bab-i-pendahuluan"><span class="label">BAB I</span> PENDAHULUAN</h1>' in html
    assert '<a href="#bab-i-pendahuluan">BAB I PENDAHULUAN</a>' in html
    assert 'class="level-3"><a href="#1-sasaran-meningkatnya-kesejahteraan-pmks">' in html


def test_an_entry_without_a_target_is_plain_text() -> None:
    dok = only(Heading(1, "ADA"), Index("toc", "", entries=((1, "ADA"), (1, "TIDAK ADA"))))
    html = write_html(dok)
    assert '<li class="level-1"><a href="#ada">ADA</a></li>' in html
    assert '<li class="level-1">TIDAK ADA</li>' in html


def test_repeated_headings_get_unique_ids() -> None:
    html = write_html(only(Heading(2, "A. Kesimpulan"), Heading(2, "A. Kesimpulan")))
    assert 'id="a-kesimpulan"' in html and 'id="a-kesimpulan-2"' in html


def test_a_heading_repeated_after_its_suffixed_form_skips_the_taken_ids() -> None:
    texts = ("A", "A 2", "A", "A", "B", "A")
    html = write_html(only(*(Heading(2, t) for t in texts)))
    assert re.findall(r'<h2 id="([^"]+)"', html) == ["a", "a-2", "a-3", "a-4", "b", "a-5"]


def test_tables_keep_spans_header_rows_and_widths() -> None:
    html = write_html(sample_dokumen())
    table = html[html.index('<caption id="tabel-3-8">') : html.index("</table>")]
    assert table.count("<thead>") == 1 and table.count("<tr>") == 6
    assert '<th class="align-center bold" colspan="2">Jumlah (orang)</th>' in table
    assert '<td class="align-center" rowspan="2">2.</td>' in table
    assert '<tr class="total"><td class="align-center bold" colspan="2">Jumlah</td>' in table
    assert "Penyandang Disabilitas<br>\na) Fisik" in table
    assert '<col style="width: 8.33%">' in table
    assert "thead { display: table-header-group; }" in html


@pytest.mark.parametrize(("paper", "size"), [("A4", (210, 297)), ("F4", (215, 330))])
def test_print_css_sizes_pages_and_names_the_landscape_ones(
    paper: Literal["A4", "F4"], size: tuple[int, int]
) -> None:
    width, height = size
    html = write_html(only(Heading(1, "X"), paper=paper))
    assert f"@page {{ size: {width}mm {height}mm;" in html
    assert f"@page landscape-decimal {{\n  size: {height}mm {width}mm;" in html
    assert "@bottom-center { content: counter(page, lower-roman);" in html


def test_sections_become_named_pages() -> None:
    html = write_html(sample_dokumen())
    pages = re.findall(r'<section class="(\w+) numbering-([\w-]+)" style="page: ([\w-]+)">', html)
    assert pages == [
        ("portrait", "none", "portrait-none"),
        ("portrait", "lower-roman", "portrait-lower-roman"),
        ("portrait", "decimal", "portrait-decimal"),
        ("portrait", "decimal", "portrait-decimal"),
        ("landscape", "decimal", "landscape-decimal"),
    ]
    assert '<div class="page-break"></div>' in html


def test_lists_and_signatures() -> None:
    html = write_html(sample_dokumen())
    assert '<ol type="a">\n<li>pelayanan umum; dan</li>' in html
    assert '<div class="signature align-right">\n<p>Blitar, 28 Februari 2025<br>' in html
    assert '<p class="name">MIKHAEL MANKAM INDORO, M.Si</p>' in html
    assert '<div class="signatures">\n<div class="signature align-left">' in html


def test_the_shared_sample_renders_too() -> None:
    for paper in ("A4", "F4"):
        dok = sample.sample_dokumen(paper)
        html = write_html(dok)
        assert html == write_html(dok)
        parsed = check(html)
        for href in parsed.hrefs:
            assert href[1:] in parsed.ids
        assert '<a href="#tabel-2-1">Tabel 2.1 Data PMKS Kabupaten Blitar Tahun 2024</a>' in html
        assert '<p class="index-title">DAFTAR ISI</p>' in html


def _table(columns: int, text: str, rows: int = 1, widths: tuple[float, ...] = ()) -> Table:
    return Table(
        header=(tuple(Cell(f"K{i}") for i in range(columns)),),
        body=tuple(tuple(Cell(text) for _ in range(columns)) for _ in range(rows)),
        widths=widths or (1,) * columns,
        number="1.1",
        caption="Uji",
    )


def table_tag(html: str) -> str:
    match = re.search(r"<table [^>]*>", html)
    assert match is not None
    return match.group(0)


def test_tables_size_their_columns_to_stay_on_the_page() -> None:
    # Short words and fitting shares: the widths are kept as hints.
    html = write_html(only(_table(4, "Rp. 1.000")))
    assert table_tag(html) == '<table class="grid keep">' and "<colgroup>" in html
    # A long word in a narrow column: the browser shares the width itself.
    html = write_html(only(_table(3, "Pertanggungjawaban", widths=(1, 1, 10))))
    assert table_tag(html) == '<table class="grid keep">' and "<colgroup>" not in html
    # They fit the 252 mm (714 pt) of a landscape page.
    html = write_html(only(Section("landscape"), _table(8, "Penyelenggaraan")))
    assert table_tag(html) == '<table class="grid keep wide">'
    assert 'class="turn"' not in html  # already landscape
    # Thirteen (about 962 pt) fit no page: fixed widths, words break.
    html = write_html(only(Section("landscape"), _table(13, "Penyelenggaraan")))
    assert table_tag(html) == '<table class="grid keep wide fixed">' and "<colgroup>" in html


def test_a_table_too_wide_for_a_portrait_page_turns_landscape() -> None:
    # Eight long words side by side (about 74 pt each in 9 pt Arial) cannot fit
    # the 160 mm (453 pt) of a portrait A4 page: rather than breaking them (a
    # percentage split into "33,54" and "%"), the table gets a landscape page of
    # its own, as in the DOCX, and on screen scrolls sideways at that width.
    html = write_html(only(Heading(1, "X"), _table(8, "Penyelenggaraan")))
    assert '<div class="turn" style="page: landscape-decimal; --turn-width: 252mm">' in html
    assert table_tag(html) == '<table class="grid keep wide">'
    assert "div.turn > table { min-width: var(--turn-width); }" in html
    check(html)
    # A table that fits stays on its portrait page.
    assert 'class="turn"' not in write_html(only(_table(4, "Rp. 1.000")))
    # F4 is wider: 330 - 45 mm.
    html = write_html(only(_table(8, "Penyelenggaraan"), paper="F4"))
    assert "--turn-width: 285mm" in html


def test_a_section_heading_goes_to_the_landscape_page_with_its_turned_table() -> None:
    # as in the DOCX: the heading left at the foot of the portrait page, its table
    # on the next, landscape, one
    html = write_html(only(Heading(1, "BAB"), Heading(2, "Bagian"), _table(8, "Penyelenggaraan")))
    turned = html.index('<div class="turn"')
    assert turned < html.index(">Bagian</h2>") < html.index("<table")
    assert html.index(">BAB</h1>") < turned  # a chapter heading stays where it is
    check(html)


@pytest.mark.parametrize(("paper", "width"), [("A4", "252mm"), ("F4", "285mm")])
def test_landscape_pages_print_at_their_text_width(paper: Literal["A4", "F4"], width: str) -> None:
    # Chrome set a named landscape page's content wider than its margins leave,
    # and the right edge of its tables fell off the paper.
    html = write_html(only(Heading(1, "X"), paper=paper))
    assert f"section.landscape, div.turn {{ width: {width}; }}" in html


def test_only_short_captioned_tables_are_kept_whole() -> None:
    assert " keep" in table_tag(write_html(only(_table(2, "x", rows=15))))
    assert " keep" not in table_tag(write_html(only(_table(2, "x", rows=16))))
    untitled = dataclasses.replace(_table(2, "x"), number=None, caption=None)
    assert " keep" not in table_tag(write_html(only(untitled)))
