"""The cover and the letterhead (kop surat) in each format, the decree's aligned dates,
and the narratives' Indonesian quotation marks."""

from __future__ import annotations

import dataclasses
import io
import re

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from lkjip_cli.render.blocks import (
    Cover,
    Dokumen,
    Heading,
    Letterhead,
    Paragraph,
    Section,
    Signature,
    plain,
)
from lkjip_cli.render.docx import write_docx
from lkjip_cli.render.docx.signatures import COLON_GAP
from lkjip_cli.render.html import write_html
from lkjip_cli.render.markdown import write_markdown
from lkjip_cli.render.metrics import text_width
from lkjip_cli.render.narrative import to_blocks
from lkjip_cli.render.pictures import Picture

from .sample import sample_dokumen
from .test_pictures import png

LOGO = Picture(png(40, 60), "png", 40, 60, "Logo Pemerintah Kabupaten Contoh", "logo.png")
COVER = Cover(
    title=("LAPORAN KINERJA INSTANSI PEMERINTAH DAERAH", "(LKjIP)", "TAHUN ANGGARAN 2024"),
    issuer="PEMERINTAH KABUPATEN CONTOH",
    agency="DINAS SOSIAL KABUPATEN CONTOH",
    contact="Jl. Merdeka No. 1, Telp. 123456",
    logo=LOGO,
)
KOP = Letterhead("PEMERINTAH KABUPATEN CONTOH", "DINAS SOSIAL", "Jl. Merdeka No. 1", LOGO)
DECREE = Signature(
    ("KEPALA DINAS SOSIAL,",),
    "SITI AMINAH, S.Sos",
    dated=(("Ditetapkan di", "Contoh"), ("Pada tanggal", "2 Januari 2024")),
)


@pytest.fixture(scope="module")
def dok() -> Dokumen:
    blocks = (
        Section("portrait", "none"),
        COVER,
        Section("portrait", "decimal", restart=True),
        Heading(1, "PENDAHULUAN", label="BAB I"),
        Paragraph(plain("Isi.")),
        Section("portrait", "decimal"),
        KOP,
        Heading(1, "Indikator Kinerja Utama Tahun 2024", label="LAMPIRAN III"),
        DECREE,
    )
    return dataclasses.replace(sample_dokumen(), blocks=blocks)


@pytest.fixture(scope="module")
def document(dok: Dokumen) -> DocxDocument:
    return docx.Document(io.BytesIO(write_docx(dok)))


def _texts(element: BaseOxmlElement) -> list[str]:
    return ["".join(p.xpath(".//w:t/text()")) for p in element.iter(qn("w:p"))]


def _twips(length: int | None) -> int:
    return (length or 0) // 635


def test_the_cover_fills_its_page_and_stays_one_page(document: DocxDocument) -> None:
    body = document.element.body
    cover = body.find(qn("w:tbl"))
    rows = cover.xpath("./w:tr")
    assert len(rows) == 3
    heights = [int(h) for h in cover.xpath("./w:tr/w:trPr/w:trHeight/@w:val")]
    assert cover.xpath("./w:tr/w:trPr/w:trHeight/@w:hRule") == ["exact"] * 3
    section = document.sections[0]
    text_height = _twips(section.page_height) - _twips(section.top_margin)
    text_height -= _twips(section.bottom_margin)
    # the whole page but room for the paragraph that ends the section: never a second page
    assert text_height - 1000 < sum(heights) < text_height - 300
    # title in the upper third, the logo in the middle, agency and address at the foot
    assert [t for t in _texts(rows[0]) if t] == list(COVER.title)
    assert rows[1].xpath(".//w:drawing/wp:inline")
    assert [t for t in _texts(rows[2]) if t] == [COVER.issuer, COVER.agency, COVER.contact]
    assert rows[0].xpath("./w:tc/w:tcPr/w:vAlign/@w:val") == ["center"]
    assert rows[2].xpath("./w:tc/w:tcPr/w:vAlign/@w:val") == ["bottom"]
    assert heights[0] < sum(heights) * 0.4 and heights[1] < sum(heights) * 0.4
    # 40 × 60 pixels in a 5 × 6 cm box: 4 cm wide, 6 cm high
    assert rows[1].xpath(".//wp:extent/@cx") == ["1440000"]
    assert rows[1].xpath(".//wp:extent/@cy") == ["2160000"]


def test_a_cover_without_logo_keeps_its_layout(dok: Dokumen) -> None:
    plain_cover = dataclasses.replace(COVER, logo=None)
    blocks = (Section("portrait", "none"), plain_cover)
    document = docx.Document(io.BytesIO(write_docx(dataclasses.replace(dok, blocks=blocks))))
    cover = document.element.body.find(qn("w:tbl"))
    assert len(cover.xpath("./w:tr")) == 3 and not cover.xpath(".//w:drawing")


def _letterhead(document: DocxDocument) -> tuple[BaseOxmlElement, BaseOxmlElement]:
    tables = document.element.body.findall(qn("w:tbl"))
    kop = next(t for t in tables if "DINAS SOSIAL" in _texts(t))
    return kop, kop.getnext()


def test_the_letterhead_has_the_logo_left_the_issuer_centred_and_a_rule(
    document: DocxDocument,
) -> None:
    kop, rule = _letterhead(document)
    logo, text, balance = kop.xpath("./w:tr/w:tc")
    assert logo.xpath(".//w:drawing/wp:inline")
    assert [t for t in _texts(text) if t] == [KOP.issuer, KOP.agency, KOP.contact]
    assert set(text.xpath("./w:p/w:pPr/w:jc/@w:val")) == {"center"}
    # the empty third column as wide as the logo's: the text is centred on the page
    widths = [int(w) for w in kop.xpath("./w:tblGrid/w:gridCol/@w:w")]
    assert widths[0] == widths[2]
    assert not _texts(balance)[0] and not kop.xpath(".//w:tblBorders")
    # the rule: a paragraph's bottom border across the text width
    assert rule.tag == qn("w:p") and _texts(rule) == [""]
    assert rule.xpath("./w:pPr/w:pBdr/w:bottom/@w:val") == ["thickThinSmallGap"]


def test_the_heading_after_a_letterhead_stays_on_its_page(document: DocxDocument) -> None:
    _, rule = _letterhead(document)
    heading = rule.getnext()
    assert heading.xpath("./w:pPr/w:pStyle/@w:val") == ["Heading1"]
    assert heading.xpath("./w:pPr/w:pageBreakBefore/@w:val") == ["0"]
    # other chapters still start their page as the style says
    others = document.element.body.xpath("./w:p[w:pPr/w:pStyle/@w:val='Heading1']")
    assert [h.xpath("./w:pPr/w:pageBreakBefore") != [] for h in others] == [False, True]


def test_the_decree_dates_align_on_their_colons(document: DocxDocument) -> None:
    signature = document.element.body.xpath("./w:p[w:pPr/w:pStyle/@w:val='TandaTangan']")
    dated = signature[:2]
    texts = [
        "".join(
            "\t" if node.tag == qn("w:tab") else node.text
            for node in p.iter(qn("w:t"), qn("w:tab"))
            if node.getparent().tag == qn("w:r")
        )
        for p in dated
    ]
    assert texts == ["Ditetapkan di\t: Contoh", "Pada tanggal\t: 2 Januari 2024"]
    stops = [p.xpath("./w:pPr/w:tabs/w:tab/@w:pos") for p in dated]
    indents = [p.xpath("./w:pPr/w:ind/@w:left") for p in dated]
    assert stops[0] == stops[1] and indents[0] == indents[1]
    assert set(p.xpath("string(./w:pPr/w:jc/@w:val)") for p in dated) == {"left"}
    # one stop past the longer label, from where the block starts on the right half
    label = round(max(text_width(t, 11, False) for t in ("Ditetapkan di", "Pada tanggal")) * 20)
    assert int(stops[0][0]) == int(indents[0][0]) + label + COLON_GAP
    # the office and the name still centred under them
    assert "".join(signature[2].xpath(".//w:t/text()")) == "KEPALA DINAS SOSIAL,"
    assert not signature[2].xpath("./w:pPr/w:jc")


def test_markdown_and_html_print_cover_letterhead_and_dates(dok: Dokumen) -> None:
    markdown, images = write_markdown(dok)
    cover, _, rest = markdown.partition("# BAB I")
    assert cover.index("TAHUN ANGGARAN 2024") < cover.index("](logo.png)")
    assert cover.index("](logo.png)") < cover.index("DINAS SOSIAL KABUPATEN CONTOH")
    assert images["logo.png"] == LOGO.data
    kop, _, decree = rest.partition("# LAMPIRAN III")
    assert "](logo.png)" in kop and "**PEMERINTAH KABUPATEN CONTOH**" in kop
    assert "Ditetapkan di : Contoh\\\nPada tanggal : 2 Januari 2024\\\n" in decree
    html = write_html(dok)
    assert html.count('class="cover-page"') == 1 and html.count('class="letterhead"') == 1
    assert html.count("data:image/png;base64,") == 2
    assert re.search(r"<tr><td>Ditetapkan di</td><td>: Contoh</td></tr>", html)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ('visi "Terwujudnya Kabupaten" ini', "visi “Terwujudnya Kabupaten” ini"),
        ("kategori 'B' dan Jum'at", "kategori ‘B’ dan Jum’at"),
        ('("kutipan")', "(“kutipan”)"),
    ],
)
def test_straight_quotes_in_prose_print_indonesian(markdown: str, expected: str) -> None:
    (paragraph,) = to_blocks(markdown)
    assert isinstance(paragraph, Paragraph)
    assert "".join(r.text for r in paragraph.runs) == expected


def test_quotes_across_emphasis_and_not_in_code() -> None:
    blocks = to_blocks('Disebut **"tuntas"** dan `"kode"`\n\n```\nx = "y"\n```\n\n- butir "a"')
    first, code, items = blocks
    assert isinstance(first, Paragraph) and isinstance(code, Paragraph)
    assert [r.text for r in first.runs] == ["Disebut ", "“tuntas”", ' dan "kode"']
    assert code.runs[0].text == 'x = "y"'
    assert "butir “a”" in str(items)


def test_quotes_reach_the_docx(dok: Dokumen) -> None:
    prose = (*to_blocks('Visi "Terwujudnya Kabupaten" ditetapkan.'),)
    data = write_docx(dataclasses.replace(dok, blocks=prose))
    body = docx.Document(io.BytesIO(data)).element.body
    text = "".join(body.xpath(".//w:t/text()"))
    assert "“Terwujudnya Kabupaten”" in text and '"' not in text


def test_a_long_dated_line_moves_the_block_left_rather_than_wrap(dok: Dokumen) -> None:
    place = "Kota Contoh Yang Namanya Sangat Panjang Sekali Di Pesisir"
    long = dataclasses.replace(DECREE, dated=(("Ditetapkan di", place),))
    body = docx.Document(io.BytesIO(write_docx(dataclasses.replace(dok, blocks=(long,)))))
    (line,) = body.element.body.xpath("./w:p[w:pPr/w:tabs]")
    indent = int(line.xpath("string(./w:pPr/w:ind/@w:left)"))
    stop = int(line.xpath("string(./w:pPr/w:tabs/w:tab/@w:pos)"))
    section = body.sections[-1]
    width = _twips(section.page_width) - _twips(section.left_margin)
    width -= _twips(section.right_margin)
    assert indent < width // 2  # less than half the page: the line needs more
    assert stop + text_width(f": {place}", 11, False) * 20 <= width
