"""Page numbers in the DOCX's indexes: cached from LibreOffice when the PDF is made too."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from lkjip_cli import api
from lkjip_cli.render.docx import write_docx

from .sample import sample_dokumen
from .test_docx import fields, text_of

ROOT = Path(__file__).resolve().parents[3]
TOC = ["KATA PENGANTAR", "BAB I PENDAHULUAN", "A. Gambaran Umum", "1. Struktur Organisasi"]
TOC += ["BAB II PERENCANAAN KINERJA", "A. Data PMKS", "LAMPIRAN"]
TABLES = [
    "Tabel 1.1 Pagu dan Realisasi Anggaran",
    "Tabel 2.1 Data PMKS Kabupaten Blitar Tahun 2024",
    "Tabel 2.2 Realisasi Anggaran per Program",
]
FIGURES = ["Gambar 2.1 Capaian Kinerja 2020–2024"]


def pagerefs(data: bytes) -> list[str]:
    """The cached page of every PAGEREF field, in document order."""
    body = docx.Document(io.BytesIO(data)).element.body
    return [result for instruction, result in fields(body) if instruction.startswith("PAGEREF")]


def asks_update(data: bytes) -> bool:
    settings = zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml").decode()
    return "<w:updateFields" in settings


def _lines(texts: list[str], first: int) -> list[tuple[str, str]]:
    return [(text, str(first + i)) for i, text in enumerate(texts)]


def test_pages_of_every_index_are_cached_and_word_not_asked() -> None:
    indexes = {
        "toc": [("KATA PENGANTAR", "i"), *_lines(TOC[1:], 1)],
        "Tabel": _lines(TABLES, 3),
        "Gambar": [(FIGURES[0].replace(" ", "\u00a0", 1), "7")],  # LibreOffice's spaces
    }
    data = write_docx(sample_dokumen(), None, indexes)
    assert pagerefs(data) == ["i", "1", "2", "3", "4", "5", "6", "3", "4", "5", "7"]
    assert not asks_update(data)


def test_an_index_listed_otherwise_keeps_its_pages_empty() -> None:
    indexes = {
        "toc": _lines(TOC, 1),
        "Tabel": _lines(TABLES[:2], 3),  # a table fewer than the document has
        "Gambar": [("Gambar 2.1 Grafik lain", "7")],  # another text
    }
    data = write_docx(sample_dokumen(), None, indexes)
    assert pagerefs(data) == [str(n) for n in range(1, 8)] + ["", "", "", ""]
    assert asks_update(data)  # Word fills the rest when the file is opened
    assert asks_update(write_docx(sample_dokumen()))


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler are installed by .ci/run",
)
def test_a_build_with_the_pdf_caches_its_pages(tmp_path: Path) -> None:
    from lkjip_cli.render.pdf import _uno_python

    if _uno_python() is None:
        pytest.skip("the page numbers are read through LibreOffice's Python bridge (uno)")
    data_dir = ROOT / "data" / "2024"
    built = [api.build(data_dir, tmp_path / name, ("docx", "pdf")) for name in "ab"]
    assert all(b.written and not b.notes for b in built), [b.notes for b in built]
    first, second = ((tmp_path / n / "lkjip-2024.docx").read_bytes() for n in "ab")
    assert first == second  # deterministic
    assert not asks_update(first)
    pages = pagerefs(first)
    assert pages and all(pages)
    # the same pages as the PDF's Daftar Isi prints
    pdf = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "a" / "lkjip-2024.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    body = docx.Document(io.BytesIO(first)).element.body
    entries = [text_of(p) for p in body.xpath("./w:p[w:pPr/w:pStyle/@w:val='TOC1']")]
    chapters = [e.split("\t") for e in entries if e.startswith("BAB ")]
    assert len(chapters) >= 3
    for chapter, page in chapters:
        printed = re.search(rf"^\s*{re.escape(chapter)}[ .]*(\w+)\s*$", pdf, re.MULTILINE)
        assert printed is not None, chapter
        assert printed.group(1) == page
