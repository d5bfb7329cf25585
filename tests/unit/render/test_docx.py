"""The DOCX writer, checked by structure: styles, fields, tables, sections, bytes."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENTATION
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from hypothesis import given, settings
from hypothesis import strategies as st

from lkjip_cli.render.blocks import (
    Cell,
    Dokumen,
    Figure,
    Heading,
    Index,
    ListBlock,
    ListItem,
    PageBreak,
    Paragraph,
    Section,
    Signature,
    Signatures,
    Table,
    plain,
)
from lkjip_cli.render.docx import TemplateError, write_docx
from lkjip_cli.render.docx.package import template_bytes

from .sample import TITLE, sample_dokumen, tiny_chart


@pytest.fixture(scope="module")
def dok() -> Dokumen:
    return sample_dokumen()


@pytest.fixture(scope="module")
def data(dok: Dokumen) -> bytes:
    return write_docx(dok, None)


@pytest.fixture(scope="module")
def document(data: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(data))


def load(data: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(data))


def body(document: DocxDocument) -> BaseOxmlElement:
    return document.element.body


def paragraphs_with_style(document: DocxDocument, style_id: str) -> list[BaseOxmlElement]:
    return list(body(document).xpath(f"./w:p[w:pPr/w:pStyle/@w:val='{style_id}']"))


def text_of(element: BaseOxmlElement) -> str:
    """Visible text: ``w:t``, ``w:tab`` as ``\\t``, ``w:br`` as ``\\n`` (no field codes)."""
    parts = []
    for node in element.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:br"):
            parts.append("\n")
        elif node.getparent().tag == qn("w:r"):  # a tab character, not a tab stop
            parts.append("\t")
    return "".join(parts)


def fields(element: BaseOxmlElement) -> list[tuple[str, str]]:
    """(instruction, cached result) of every complex field under ``element``, in order."""
    done: list[tuple[str, str]] = []
    stack: list[list[str | bool]] = []  # [instruction, result, in_result]
    for node in element.iter(qn("w:fldChar"), qn("w:instrText"), qn("w:t")):
        if node.tag == qn("w:fldChar"):
            kind = node.get(qn("w:fldCharType"))
            if kind == "begin":
                stack.append(["", "", False])
            elif kind == "separate":
                stack[-1][2] = True
            else:
                instruction, result, _ = stack.pop()
                done.append((str(instruction).strip(), str(result)))
        elif node.tag == qn("w:instrText"):
            stack[-1][0] = str(stack[-1][0]) + (node.text or "")
        else:
            for open_field in stack:
                if open_field[2]:
                    open_field[1] = str(open_field[1]) + (node.text or "")
    assert not stack, "unterminated field"
    return done


# --- headings -----------------------------------------------------------------


def test_chapters_are_heading_1_with_label_on_its_own_line(document: DocxDocument) -> None:
    texts = [text_of(p) for p in paragraphs_with_style(document, "Heading1")]
    assert texts == [
        "KATA PENGANTAR",
        "BAB I\nPENDAHULUAN",
        "BAB II\nPERENCANAAN KINERJA",
        "LAMPIRAN",
    ]


def test_sections_use_heading_2_and_3(document: DocxDocument) -> None:
    assert [text_of(p) for p in paragraphs_with_style(document, "Heading2")] == [
        "A. Gambaran Umum",
        "A. Data PMKS",
    ]
    assert [text_of(p) for p in paragraphs_with_style(document, "Heading3")] == [
        "1. Struktur Organisasi"
    ]


def test_heading_outside_toc_has_no_outline_level(dok: Dokumen) -> None:
    blocks = (Heading(1, "RINGKASAN", in_toc=False), Heading(2, "Catatan", in_toc=False))
    document = load(write_docx(dataclasses.replace(dok, blocks=blocks)))
    assert [text_of(p) for p in paragraphs_with_style(document, "TOCHeading")] == ["RINGKASAN"]
    (h2,) = paragraphs_with_style(document, "Heading2")
    assert h2.xpath("./w:pPr/w:outlineLvl/@w:val") == ["9"]


# --- captions and indexes -----------------------------------------------------


def test_captions_text_and_seq_fields(document: DocxDocument) -> None:
    captions = paragraphs_with_style(document, "Caption")
    assert [text_of(p) for p in captions] == [
        "Tabel 1.1 Pagu dan Realisasi Anggaran",
        "Tabel 2.1 Data PMKS Kabupaten Blitar Tahun 2024",
        "Tabel 2.2 Realisasi Anggaran per Program",
        "Gambar 2.1 Capaian Kinerja 2020–2024",
    ]
    assert [fields(p) for p in captions] == [
        [("SEQ Tabel \\* ARABIC \\s 1 \\r 1", "1")],
        [("SEQ Tabel \\* ARABIC \\s 1 \\r 1", "1")],
        [("SEQ Tabel \\* ARABIC \\s 1", "2")],
        [("SEQ Gambar \\* ARABIC \\s 1 \\r 1", "1")],
    ]


def test_captions_above_tables_and_figures_and_space_after_them(
    document: DocxDocument,
) -> None:
    # As the reference prints them: "Gambar 1.1" over the organisation chart too.
    captions = paragraphs_with_style(document, "Caption")
    assert {text_of(c).split()[0] for c in captions} == {"Tabel", "Gambar"}
    for caption in captions:
        assert caption.xpath("./w:pPr/w:keepNext")
        if text_of(caption).startswith("Tabel"):
            content = caption.getnext()
            assert content.tag == qn("w:tbl")
        else:
            content = caption.getnext()
            assert content.xpath(".//w:drawing/wp:inline")
            assert content.xpath("./w:pPr/w:pStyle/@w:val") == ["Gambar"]
        # an empty paragraph after it, space before the text that follows, unless
        # that text starts a new page
        after = content.getnext()
        assert after.tag == qn("w:p")
        assert text_of(after) == "" or after.xpath("./w:pPr/w:pageBreakBefore")


def test_index_fields_and_cached_entries(document: DocxDocument) -> None:
    index_fields = [f for f in fields(body(document)) if f[0].startswith("TOC")]
    assert [instruction for instruction, _ in index_fields] == [
        'TOC \\o "1-3" \\h \\z \\u',
        'TOC \\h \\z \\c "Tabel"',
        'TOC \\h \\z \\c "Gambar"',
    ]
    toc = [
        text_of(p) for p in body(document).xpath("./w:p[starts-with(w:pPr/w:pStyle/@w:val, 'TOC')]")
    ]
    assert toc == [
        "DAFTAR ISI",
        "KATA PENGANTAR\t",
        "BAB I PENDAHULUAN\t",
        "A. Gambaran Umum\t",
        "1. Struktur Organisasi\t",
        "BAB II PERENCANAAN KINERJA\t",
        "A. Data PMKS\t",
        "LAMPIRAN\t",
        "DAFTAR TABEL",
        "DAFTAR GAMBAR",
    ]
    listed = [text_of(p) for p in paragraphs_with_style(document, "TableofFigures")]
    assert listed == [
        "Tabel 1.1 Pagu dan Realisasi Anggaran\t",
        "Tabel 2.1 Data PMKS Kabupaten Blitar Tahun 2024\t",
        "Tabel 2.2 Realisasi Anggaran per Program\t",
        "Gambar 2.1 Capaian Kinerja 2020–2024\t",
    ]


def test_index_without_title_follows_its_heading(dok: Dokumen) -> None:
    blocks = (Heading(1, "DAFTAR TABEL"), Index("tables", ""), *dok.tables()[:1])
    document = load(write_docx(dataclasses.replace(dok, blocks=blocks)))
    assert not paragraphs_with_style(document, "TOCHeading")
    heading, entry = body(document).xpath("./w:p")[:2]
    assert text_of(heading) == "DAFTAR TABEL"
    assert text_of(entry) == "Tabel 1.1 Pagu dan Realisasi Anggaran\t"


def test_empty_index_is_still_a_field(dok: Dokumen) -> None:
    document = load(write_docx(dataclasses.replace(dok, blocks=(Index("figures", "GAMBAR"),))))
    assert [f[0] for f in fields(body(document))] == ['TOC \\h \\z \\c "Gambar"']


def test_index_entries_link_to_bookmarks(document: DocxDocument) -> None:
    bookmarks = set(body(document).xpath(".//w:bookmarkStart/@w:name"))
    anchors = body(document).xpath(".//w:hyperlink/@w:anchor")
    pagerefs = [f[0] for f in fields(body(document)) if f[0].startswith("PAGEREF")]
    assert len(anchors) == 7 + 3 + 1
    assert set(anchors) == {b for b in bookmarks if b.startswith("_Toc")}
    assert pagerefs == [f"PAGEREF {a} \\h" for a in anchors]


def test_word_updates_fields_on_open(data: bytes) -> None:
    settings = zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml").decode()
    assert '<w:updateFields w:val="true"/>' in settings


# --- tables -------------------------------------------------------------------


def test_number_of_tables(document: DocxDocument) -> None:
    # Three numbered tables and the untitled wide table; the signatures after the
    # last are in its signature row, nested under the rows carried with them.
    assert len(document.tables) == 4
    signature_row = document.tables[-1]._tbl.xpath("./w:tr")[-1]
    carried, signatures = signature_row.xpath("./w:tc/w:tbl")
    assert len(carried.xpath("./w:tr")) >= 1 and len(signatures.xpath("./w:tr")) == 1
    assert signature_row.xpath("./w:trPr/w:cantSplit")


def test_header_rows_repeat_and_no_row_splits(document: DocxDocument) -> None:
    pmks = document.tables[1]._tbl
    rows = pmks.xpath("./w:tr")
    assert len(rows) == 2 + 45 + 1
    assert [bool(r.xpath("./w:trPr/w:tblHeader")) for r in rows[:3]] == [True, True, False]
    for table in document.tables:
        rows = table._tbl.xpath("./w:tr")
        header = [r for r in rows if r.xpath("./w:trPr/w:tblHeader")]
        # every row but a long first one under a repeated header (LibreOffice drops
        # rows after it when it may not split: tables.py) is kept on one page
        may_split = {len(header)} if header else set()
        assert {i for i, r in enumerate(rows) if not r.xpath("./w:trPr/w:cantSplit")} <= may_split


def test_merged_header_cells(document: DocxDocument) -> None:
    first, second = document.tables[1]._tbl.xpath("./w:tr")[:2]
    spans = [
        (tc.xpath("./w:tcPr/w:gridSpan/@w:val"), tc.xpath("./w:tcPr/w:vMerge/@w:val"))
        for tc in first.xpath("./w:tc")
    ]
    assert spans == [([], ["restart"]), ([], ["restart"]), (["3"], [])]
    continued = second.xpath("./w:tc")
    assert len(continued) == 5
    assert [bool(tc.xpath("./w:tcPr/w:vMerge[not(@w:val)]")) for tc in continued] == [
        True,
        True,
        False,
        False,
        False,
    ]
    assert [text_of(tc) for tc in continued[2:]] == ["L", "P", "Total"]


def test_widths_fill_the_text_width(document: DocxDocument) -> None:
    section = document.sections[2]
    text_width = (section.page_width - section.left_margin - section.right_margin) // 635
    grid = [int(w) for w in document.tables[1]._tbl.xpath("./w:tblGrid/w:gridCol/@w:w")]
    assert sum(grid) == text_width
    assert grid[1] > grid[2] > grid[0]  # from content: names, then amounts, then No.
    assert document.tables[1]._tbl.xpath("./w:tblPr/w:tblLayout/@w:type") == ["fixed"]


def test_small_table_bold_total_alignment(document: DocxDocument) -> None:
    pmks = document.tables[1]._tbl
    assert set(pmks.xpath(".//w:p/w:pPr/w:pStyle/@w:val")) == {"IsiTabelKecil"}
    total = pmks.xpath("./w:tr")[-1]
    assert all(r.xpath("./w:rPr/w:b") for r in total.xpath(".//w:r"))
    body_row = pmks.xpath("./w:tr")[2]
    assert not body_row.xpath(".//w:r/w:rPr/w:b")
    assert body_row.xpath("./w:tc[3]/w:p/w:pPr/w:jc/@w:val") == ["right"]
    simple = document.tables[0]._tbl
    assert set(simple.xpath(".//w:p/w:pPr/w:pStyle/@w:val")) == {"IsiTabel"}


def test_table_styles(document: DocxDocument) -> None:
    tables = [t._tbl for t in document.tables]
    tables += tables[-1].xpath("./w:tr/w:tc/w:tbl")  # the carried rows, the signatures
    styles = [t.xpath("./w:tblPr/w:tblStyle/@w:val")[0] for t in tables]
    assert styles == ["TabelLKjIP"] * 5 + ["TabelTanpaGaris"]


def test_borderless_table_uses_layout_style(dok: Dokumen) -> None:
    table = Table(header=(), body=((Cell("a"), Cell("b")),), widths=(1, 1), borders=False)
    document = load(write_docx(dataclasses.replace(dok, blocks=(table,))))
    assert document.tables[0]._tbl.xpath("./w:tblPr/w:tblStyle/@w:val") == ["TabelTanpaGaris"]


def test_row_wider_than_table_is_an_error(dok: Dokumen) -> None:
    table = Table(
        header=(),
        body=((Cell("a", colspan=2), Cell("b")),),
        widths=(1, 1),
        number="1.1",
        caption="Salah",
    )
    with pytest.raises(ValueError, match=r"Tabel 1\.1, baris 1"):
        write_docx(dataclasses.replace(dok, blocks=(table,)))


def test_short_row_is_padded(dok: Dokumen) -> None:
    table = Table(header=(), body=((Cell("a"),),), widths=(1, 1, 1))
    document = load(write_docx(dataclasses.replace(dok, blocks=(table,))))
    assert len(document.tables[0]._tbl.xpath("./w:tr/w:tc")) == 3


# --- sections, headers, footers -----------------------------------------------


def test_sections_orientation_and_page_numbering(document: DocxDocument) -> None:
    sections = document.sections
    assert [s.orientation for s in sections] == [
        WD_ORIENTATION.PORTRAIT,
        WD_ORIENTATION.PORTRAIT,
        WD_ORIENTATION.PORTRAIT,
        WD_ORIENTATION.LANDSCAPE,
    ]
    numbering = [
        (s._sectPr.xpath("./w:pgNumType/@w:fmt"), s._sectPr.xpath("./w:pgNumType/@w:start"))
        for s in sections
    ]
    assert numbering == [([], []), (["lowerRoman"], ["1"]), (["decimal"], ["1"]), (["decimal"], [])]
    landscape = sections[3]
    assert landscape.page_width > landscape.page_height


def test_headers_and_footers(document: DocxDocument) -> None:
    cover, *numbered = document.sections
    assert text_of(cover.header._element) == ""
    assert fields(cover.footer._element) == []
    for section in numbered:
        assert not section.header.is_linked_to_previous
        assert text_of(section.header._element) == TITLE
        assert fields(section.footer._element) == [("PAGE", "1")]
        assert section.footer._element.xpath("./w:p/w:pPr/w:pStyle/@w:val") == ["Footer"]


def test_a4_and_f4_paper(document: DocxDocument) -> None:
    a4 = document.sections[0]
    assert (round(a4.page_width.cm, 1), round(a4.page_height.cm, 1)) == (21.0, 29.7)
    f4 = load(write_docx(sample_dokumen("F4")))
    portrait, landscape = f4.sections[0], f4.sections[3]
    assert (round(portrait.page_width.cm, 1), round(portrait.page_height.cm, 1)) == (21.5, 33.0)
    assert (round(landscape.page_width.cm, 1), round(landscape.page_height.cm, 1)) == (33.0, 21.5)


# --- lists, paragraphs, figures, signatures -------------------------------------


def test_lists_use_word_numbering(document: DocxDocument) -> None:
    items = body(document).xpath("./w:p[w:pPr/w:numPr]")
    assert [text_of(p) for p in items] == [
        "Meningkatnya kualitas pelayanan sosial;",
        "rehabilitasi sosial;",
        "perlindungan dan jaminan sosial.",
        "Menurunnya angka PMKS.",
    ]
    assert [p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")[0] for p in items] == ["0", "1", "1", "0"]
    num_id = items[0].xpath("./w:pPr/w:numPr/w:numId/@w:val")[0]
    numbering = document.part.numbering_part.element
    (abstract_id,) = numbering.xpath(f"./w:num[@w:numId='{num_id}']/w:abstractNumId/@w:val")
    formats = numbering.xpath(
        f"./w:abstractNum[@w:abstractNumId='{abstract_id}']/w:lvl/w:numFmt/@w:val"
    )
    assert formats[:3] == ["decimal", "lowerLetter", "decimal"]
    assert len(formats) == 9


def test_each_list_restarts(dok: Dokumen) -> None:
    lst = ListBlock(items=(ListItem(plain("satu")),))
    bullets = ListBlock(items=(ListItem(plain("poin")),), ordered=False)
    document = docx.Document(
        io.BytesIO(write_docx(dataclasses.replace(dok, blocks=(lst, lst, bullets))))
    )
    num_ids = body(document).xpath("./w:p/w:pPr/w:numPr/w:numId/@w:val")
    assert len(set(num_ids)) == 3
    styles = body(document).xpath("./w:p/w:pPr/w:pStyle/@w:val")
    assert styles == ["ListNumber", "ListNumber", "ListBullet"]


def test_paragraph_styles(document: DocxDocument) -> None:
    assert [text_of(p) for p in paragraphs_with_style(document, "Title")] == [
        "LAPORAN KINERJA INSTANSI PEMERINTAH",
        "(LKjIP)",
    ]
    assert len(paragraphs_with_style(document, "Subtitle")) == 2
    assert len(paragraphs_with_style(document, "TeksKecil")) == 1
    assert len(paragraphs_with_style(document, "TeksTengahTebal")) == 1
    first_body = paragraphs_with_style(document, "BodyText")[1]
    assert text_of(first_body).startswith("Dinas Sosial Kabupaten Blitar.")
    assert first_body.xpath("./w:r[2]/w:rPr/w:i")


def test_figure_is_an_inline_chart_of_the_given_width(document: DocxDocument) -> None:
    (shape,) = document.inline_shapes
    assert shape._inline.xpath("./a:graphic/a:graphicData/@uri") == [
        "http://schemas.openxmlformats.org/drawingml/2006/chart"
    ]
    assert round(shape.width.cm, 1) == 12.0
    assert shape._inline.docPr.get("descr") == "Grafik capaian"


def test_drawing_ids_are_sequential(dok: Dokumen) -> None:
    figures = [b for b in dok.blocks if isinstance(b, Figure)]
    second = dataclasses.replace(figures[0], number="2.2", content=tiny_chart(("1", "2", "3")))
    document = load(write_docx(dataclasses.replace(dok, blocks=(figures[0], second))))
    assert body(document).xpath(".//wp:docPr/@id") == ["1", "2"]
    assert len(document.inline_shapes) == 2


def test_signature_block(document: DocxDocument) -> None:
    block = paragraphs_with_style(document, "TandaTangan")
    texts = [text_of(p).replace("\xa0", " ") for p in block]
    # the name, rank and NIP never wrap: their spaces do not break
    assert all(" " not in text_of(p) for p in block[6:])
    assert texts == [
        "Blitar, 28 Februari 2025",
        "KEPALA DINAS SOSIAL",
        "KABUPATEN BLITAR",
        "",
        "",
        "",
        "Drs. NAMA KEPALA DINAS, M.Si",
        "Pembina Utama Muda",
        "NIP. 19700101 199003 1 001",
    ]
    name = block[6]
    assert name.xpath("./w:r/w:rPr/w:b") and name.xpath("./w:r/w:rPr/w:u/@w:val") == ["single"]
    assert all(p.xpath("./w:pPr/w:ind/@w:left") for p in block)
    assert all(p.xpath("./w:pPr/w:keepNext") for p in block[:-1])


def test_signatures_side_by_side(document: DocxDocument) -> None:
    table = document.tables[-1]._tbl.xpath("./w:tr/w:tc/w:tbl")[-1]
    cells = table.xpath("./w:tr/w:tc")
    assert len(cells) == 2
    assert "BUPATI\xa0BLITAR" in text_of(cells[0]) and "KEPALA\xa0DINAS\xa0SOSIAL" in text_of(
        cells[1]
    )


def test_a_long_name_widens_its_side_of_the_signatures(dok: Dokumen) -> None:
    from lkjip_cli.render.metrics import text_width

    long_name = "BAMBANG DWI PURWANTO, S.STP, M.Si, M.AP"
    pair = Signatures(
        Signature(("PIHAK KEDUA,",), "NAMA"), Signature(("PIHAK PERTAMA,",), long_name)
    )
    document = load(write_docx(dataclasses.replace(dok, blocks=(pair,))))
    left, right = (int(w) for w in document.tables[0]._tbl.xpath("./w:tblGrid/w:gridCol/@w:w"))
    section = document.sections[-1]
    assert left + right == (section.page_width - section.left_margin - section.right_margin) // 635
    # the name in 11 pt bold plus the cell margins fits its column, wider than half
    assert right >= text_width(long_name, 11, bold=True) * 20 + 2 * 57 > left


LONG_HEAD = "Ir. BAMBANG SUPRIYADI HADIKUSUMO, S.T., M.T., M.Eng.Sc."
"""A head of agency whose name and degrees fill more than half the page."""


def _text_width(document: DocxDocument) -> int:
    section = document.sections[-1]
    return (section.page_width - section.left_margin - section.right_margin) // 635


def test_a_long_name_keeps_room_for_its_last_character(dok: Dokumen) -> None:
    """Measured to the exact room, LibreOffice set ``M.Eng.Sc`` and its ``.`` on two lines."""
    from lkjip_cli.render.metrics import text_width

    signature = Signature(("Kepala Dinas",), LONG_HEAD, align="right")
    document = load(write_docx(dataclasses.replace(dok, blocks=(signature,))))
    name = next(
        p for p in paragraphs_with_style(document, "TandaTangan") if "BAMBANG" in text_of(p)
    )
    indent = int(name.xpath("./w:pPr/w:ind/@w:left")[0])
    room = _text_width(document) - indent
    assert text_width(LONG_HEAD, 11, bold=True) * 20 + 40 <= room
    assert " " not in text_of(name)


def test_a_name_wider_than_the_page_wraps_between_words(dok: Dokumen) -> None:
    """A name that cannot stand on one line keeps its spaces: it never breaks inside a word."""
    huge = f"{LONG_HEAD} {LONG_HEAD}"
    document = load(write_docx(dataclasses.replace(dok, blocks=(Signature(("Kepala",), huge),))))
    name = next(
        p for p in paragraphs_with_style(document, "TandaTangan") if "BAMBANG" in text_of(p)
    )
    assert text_of(name) == huge


def test_two_long_names_side_by_side_wrap_only_between_words(dok: Dokumen) -> None:
    """The right name takes its width; the left keeps room for its widest word and wraps.

    Before, the left column got what the right left over, narrower than ``SUPRIATNA``:
    the PK's Bupati printed as ``H. ASEP SUPRIAT`` / ``NA SASMITA KUS`` / ``UMAH``.
    """
    from lkjip_cli.render.metrics import text_width

    left_name = "H. ASEP SUPRIATNA SASMITA KUSUMAH"
    pair = Signatures(
        Signature(("Bupati Sukamaju,",), left_name), Signature(("Kepala Dinas,",), LONG_HEAD)
    )
    document = load(write_docx(dataclasses.replace(dok, blocks=(pair,))))
    table = document.tables[0]._tbl
    left, right = (int(w) for w in table.xpath("./w:tblGrid/w:gridCol/@w:w"))
    assert left + right == _text_width(document)
    widest = max(text_width(w, 11, bold=True) for w in left_name.split())
    assert left >= widest * 20 + 2 * 57
    assert right >= text_width(LONG_HEAD, 11, bold=True) * 20 + 2 * 57
    cells = table.xpath("./w:tr/w:tc")
    assert left_name in text_of(cells[0])  # ordinary spaces: it wraps between words
    assert LONG_HEAD.replace(" ", "\xa0") in text_of(cells[1])


# --- package ------------------------------------------------------------------


def test_same_dokumen_same_bytes(dok: Dokumen, data: bytes) -> None:
    assert write_docx(dok, None) == data


def test_zip_entries_have_fixed_time_and_attributes(data: bytes) -> None:
    infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(2025, 2, 28, 0, 0, 0)}
    assert {(i.compress_type, i.external_attr) for i in infos} == {
        (zipfile.ZIP_DEFLATED, 0o644 << 16)
    }


def test_source_date_epoch_sets_zip_times(dok: Dokumen, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14 22:13:20 UTC
    infos = zipfile.ZipFile(io.BytesIO(write_docx(dok))).infolist()
    assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}


def test_core_properties(document: DocxDocument, dok: Dokumen) -> None:
    props = document.core_properties
    assert (props.title, props.subject, props.author) == (dok.title, dok.subject, dok.author)
    assert props.created == props.modified
    assert props.created is not None and props.created.date() == dok.date
    assert (props.created.hour, props.created.minute) == (0, 0)
    assert props.revision == 1
    assert props.last_printed is None


def test_explicit_template_and_missing_styles(tmp_path: Path, dok: Dokumen) -> None:
    template = tmp_path / "gaya.docx"
    template.write_bytes(template_bytes(None))
    assert write_docx(dok, template) == write_docx(dok, None)

    broken = docx.Document(io.BytesIO(template_bytes(None)))
    caption = broken.styles.element.xpath("./w:style[@w:styleId='Caption']")[0]
    caption.getparent().remove(caption)
    broken.save(str(template))
    with pytest.raises(TemplateError, match="Caption"):
        write_docx(dok, template)


# --- table cells written as text ----------------------------------------------------

_CELL_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(" \t\r\n&<>\"'"),
        st.characters(min_codepoint=0x20, max_codepoint=0xD7FF),
    ),
    max_size=30,
)


@settings(derandomize=True, max_examples=300)
@given(text=_CELL_TEXT, bold=st.booleans())
def test_a_cell_run_written_as_text_is_the_run_add_text_builds(text: str, bold: bool) -> None:
    from lxml import etree

    from lkjip_cli.render.docx.ooxml import add_text, el
    from lkjip_cli.render.docx.tables import run_xml

    by_element = el("w:p")
    add_text(by_element, text, bold=bold)
    by_text = parse_xml(f"<w:p {nsdecls('w')}>{run_xml(text, bold=bold)}</w:p>")
    assert etree.tostring(by_text) == etree.tostring(by_element)


# --- page flow -----------------------------------------------------------------------


def _body(dok: Dokumen, *blocks: object) -> list[BaseOxmlElement]:
    document = load(write_docx(dataclasses.replace(dok, blocks=blocks)))
    return [c for c in document.element.body if c.tag != qn("w:sectPr")]


def test_a_page_break_starts_the_next_paragraph_on_a_new_page(dok: Dokumen) -> None:
    body = _body(dok, Paragraph(plain("satu")), PageBreak(), Paragraph(plain("dua")))
    # no empty paragraph holding a break, which after a full page stands on a blank one
    assert [text_of(p) for p in body] == ["satu", "dua"]
    assert not body[0].xpath(".//w:br") and body[1].xpath("./w:pPr/w:pageBreakBefore")


def test_no_spacer_between_a_table_and_a_chapter_that_starts_a_page(dok: Dokumen) -> None:
    table = Table(header=(), body=((Cell("a"),),), widths=(1,))
    body = _body(dok, table, Heading(1, "PENUTUP", label="BAB IV"), table, table)
    tags = [c.tag.split("}")[1] for c in body]
    # the heading follows the table directly; two tables still get a paragraph between
    assert tags == ["tbl", "p", "tbl", "p", "tbl", "p"]


def test_a_signature_after_a_table_is_signed_in_its_last_row(dok: Dokumen) -> None:
    rows = ((Cell("a" * 3),), (Cell("b" * 3),), (Cell("c" * 3),))
    table = Table(header=(), body=rows, widths=(1, 1))
    body = _body(dok, table, Signature(("Blitar,",), "NAMA"), Paragraph(plain("lanjut")))
    # LibreOffice ignores keep-with-next inside a table: the signature is a row of it
    assert [c.tag.split("}")[1] for c in body] == ["tbl", "p", "p"]
    rows_xml = body[0].xpath("./w:tr")
    assert len(rows_xml) == 2 and rows_xml[1].xpath("./w:trPr/w:cantSplit")
    signed = rows_xml[1].xpath("./w:tc")
    assert len(signed) == 1 and signed[0].xpath("./w:tcPr/w:gridSpan/@w:val") == ["2"]
    assert signed[0].xpath("./w:tcPr/w:tcBorders/w:bottom/@w:val") == ["nil"]
    # with the table's last two rows (the last is short), nested above the signature
    assert [text_of(r) for r in signed[0].xpath("./w:tbl/w:tr")] == ["bbb", "ccc"]
    lines = [text_of(p) for p in signed[0].xpath("./w:p")]
    assert lines[0] == "Blitar," and "NAMA" in lines
    # printed once: not again after the table
    assert text_of(body[1]) == "" and text_of(body[2]) == "lanjut"


def test_a_signature_after_a_layout_table_is_signed_in_its_last_cell(dok: Dokumen) -> None:
    clause = "Keputusan ini mulai berlaku pada tanggal ditetapkan dan berlaku sampai dicabut."
    rows = ((Cell("KESATU"), Cell(":"), Cell(clause)), (Cell("KEDUA"), Cell(":"), Cell("akhir")))
    table = Table(header=(), body=rows, widths=(3, 0.5, 12), borders=False)
    sig = Signature(("KEPALA,",), "NAMA", dated=(("Ditetapkan di", "Blitar"),))
    body = _body(dok, table, sig, Paragraph(plain("lanjut")))
    # no row of its own, which could move alone to a page: the last row never splits
    rows_xml = body[0].xpath("./w:tr")
    assert len(rows_xml) == 2 and rows_xml[1].xpath("./w:trPr/w:cantSplit")
    cell = rows_xml[1].xpath("./w:tc")[-1]
    lines = [text_of(p) for p in cell.xpath("./w:p")]
    assert lines[0] == "akhir" and "Ditetapkan di\t: Blitar" in lines and "NAMA" in lines
    # where it would stand on the page: its indent less the cell's offset from the left
    page = _body(dok, sig)
    grid = body[0].xpath("./w:tblGrid/w:gridCol/@w:w")
    assert sum(int(w) for w in grid) == 8788  # the text's width: the table starts at its left
    margin = body[0].xpath("./w:tblPr/w:tblCellMar/w:left/@w:w") or ["57"]  # the style's
    offset = int(grid[0]) + int(grid[1]) + int(margin[0])
    name_at = next(p for p in page if text_of(p) == "NAMA").xpath("./w:pPr/w:ind/@w:left")
    in_cell = next(p for p in cell.xpath("./w:p") if text_of(p) == "NAMA")
    assert int(in_cell.xpath("./w:pPr/w:ind/@w:left")[0]) == int(name_at[0]) - offset
    assert text_of(body[-1]) == "lanjut" and "NAMA" not in [text_of(p) for p in body[1:]]


def test_a_section_break_after_a_table_is_one_point_high(dok: Dokumen) -> None:
    table = Table(header=(), body=((Cell("a"),),), widths=(1,))
    body = _body(dok, Section("portrait"), table, Section("landscape"), Paragraph(plain("b")))
    ending = body[1]
    # the paragraph holding the break went on to a blank page after a page-filling table
    assert ending.xpath("./w:pPr/w:sectPr")
    assert ending.xpath("./w:pPr/w:spacing/@w:line") == ["20"]
    assert ending.xpath("./w:pPr/w:spacing/@w:lineRule") == ["exact"]


def test_repeat_rows_repeat_like_a_header(dok: Dokumen) -> None:
    rows = ((Cell("Kegiatan"),), (Cell("Sub"),), (Cell("isi"),), (Cell("isi"),))
    table = Table(header=(), body=rows, widths=(1,), repeat_rows=2)
    tr = _body(dok, table)[0].xpath("./w:tr")
    assert [bool(r.xpath("./w:trPr/w:tblHeader")) for r in tr] == [True, True, False, False]
    # shaded and bold as a header; the short rows under them never split
    assert tr[1].xpath("./w:tc/w:tcPr/w:shd") and tr[1].xpath(".//w:rPr/w:b")
    assert tr[2].xpath("./w:trPr/w:cantSplit") and tr[3].xpath("./w:trPr/w:cantSplit")


def _orientation(p: BaseOxmlElement) -> str:
    """``portrait`` or ``landscape``: the section a paragraph's section break ends."""
    return (
        "landscape"
        if p.xpath("./w:pPr/w:sectPr/w:pgSz/@w:orient") == ["landscape"]
        else ("portrait")
    )


def test_a_table_too_wide_at_8pt_gets_landscape_pages_of_its_own(dok: Dokumen) -> None:
    # as a declared table of six rupiah columns prints them: 6 × 1782 twips at 8 pt is
    # more than the 8788 of a portrait page; on landscape 6 × 2245 fit at 10 pt
    amounts = tuple(Cell("Rp. 11.854.989.245,00") for _ in range(6))
    wide = Table(header=(), body=(amounts,), widths=(1,) * 6, number="3.1", caption="Lebar")
    narrow = Table(header=(), body=((Cell("a"),),), widths=(1,))
    body = _body(
        dok,
        Section("portrait"),
        Paragraph(plain("satu")),
        wide,
        Paragraph(plain("dua")),
        narrow,
    )
    tags = [c.tag.split("}")[1] for c in body]
    # satu | break ending the portrait section | caption, table | break ending the
    # landscape one (no spacer before it: a blank page) | dua | the narrow table stays
    assert tags == ["p", "p", "p", "tbl", "p", "p", "tbl", "p"]
    assert [_orientation(p) for p in (body[1], body[4])] == ["portrait", "landscape"]
    assert text_of(body[2]).startswith("Tabel 3.1") and text_of(body[5]) == "dua"
    assert body[1].xpath("./w:pPr/w:sectPr") and body[4].xpath("./w:pPr/w:sectPr")
    # on landscape the amounts are set at 10 pt (no run size) and never broken
    assert not body[3].xpath(".//w:rPr/w:sz")
    assert "Rp.\xa011.854.989.245,00" in text_of(body[3])
    document = load(write_docx(dataclasses.replace(dok, blocks=(Section("portrait"), wide))))
    # a table that ends the document: its landscape section is the last, nothing after
    assert [s.orientation for s in document.sections] == [
        WD_ORIENTATION.PORTRAIT,
        WD_ORIENTATION.LANDSCAPE,
    ]


def test_the_headings_right_above_a_landscape_table_turn_with_it(dok: Dokumen) -> None:
    """Left on the portrait page, ``C. Indikator Kinerja Utama`` stood alone at its foot."""
    amounts = tuple(Cell("Rp. 11.854.989.245,00") for _ in range(6))
    wide = Table(header=(), body=(amounts,), widths=(1,) * 6, number="2.1", caption="IKU")
    body = _body(
        dok,
        Section("portrait"),
        Paragraph(plain("satu")),
        Heading(2, "C. Indikator Kinerja Utama"),
        Heading(3, "1. Sasaran"),
        wide,
        Paragraph(plain("dua")),
    )
    tags = [c.tag.split("}")[1] for c in body]
    # satu | break ending the portrait section | both headings, caption, table on
    # landscape | break ending the landscape one | dua on portrait again
    assert tags == ["p", "p", "p", "p", "p", "tbl", "p", "p"]
    assert [_orientation(p) for p in (body[1], body[6])] == ["portrait", "landscape"]
    assert [text_of(p) for p in body[2:4]] == ["C. Indikator Kinerja Utama", "1. Sasaran"]
    assert text_of(body[4]).startswith("Tabel 2.1") and text_of(body[7]) == "dua"
    # a heading above a table that fits stays where it is: one section only
    narrow = Table(header=(), body=((Cell("a"),),), widths=(1,))
    body = _body(dok, Section("portrait"), Heading(2, "D. Lain"), narrow)
    assert not [p for p in body if p.xpath("./w:pPr/w:sectPr")]


def test_a_bullet_item_with_its_own_marker_gets_no_bullet(dok: Dokumen) -> None:
    items = (ListItem(plain("A. Visi dan Misi")), ListItem(plain("Daftar Isi")))
    body = _body(dok, ListBlock(items, ordered=False, marker="bullet"))
    own, plain_item = body
    # "• A. Visi dan Misi" printed two markers; the item's own "A." now hangs alone
    assert not own.xpath("./w:pPr/w:numPr") and own.xpath("./w:pPr/w:ind/@w:hanging") == ["425"]
    assert text_of(own) == "A.\tVisi dan Misi"
    assert plain_item.xpath("./w:pPr/w:numPr") and text_of(plain_item) == "Daftar Isi"


def test_rupiah_stays_with_its_amount_in_prose_and_lists(dok: Dokumen) -> None:
    text = "anggaran sebesar Rp. 49.768.750.000,00"
    body = _body(dok, Paragraph(plain(text)), ListBlock((ListItem(plain(text)),)))
    assert [text_of(p) for p in body] == [text.replace("Rp. ", "Rp.\xa0")] * 2
