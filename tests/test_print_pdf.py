"""The printed report: every table word whole, no blank page, a reviewed page count.

Each example year is built to DOCX and converted by LibreOffice, as
``lkjip build --format pdf`` does (the worked example on F4 paper too, 215 × 330
mm against A4's 210 × 297); poppler's ``pdftotext`` reads the PDF back.
A word or number broken inside a table cell (``11.854.989.24`` / ``5``) shows
up as two pieces, so the PDF holds that token whole fewer times than the
Dokumen prints it; so does a row LibreOffice failed to print. A break after a
hyphen (``Daerah-`` / ``daerah``) is a proper line break and is allowed.

Needs LibreOffice and poppler-utils (``.ci/run`` installs both); skipped without.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import MINIMAL, copy_dataset
from lkjip_cli.api import check
from lkjip_cli.render.blocks import (
    Cover,
    Dokumen,
    Figure,
    Heading,
    Letterhead,
    ListBlock,
    Paragraph,
    Row,
    Signature,
    Signatures,
    Table,
)
from lkjip_cli.render.colwidths import ZWSP
from lkjip_cli.render.document import build_document
from lkjip_cli.render.docx import write_docx
from lkjip_cli.render.pdf import to_pdf

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = {
    "data/2024": (82, 90),
    "examples/dinkes-2024": (44, 52),
    "data/2024 F4": (71, 79),
}
"""Example years (on A4, or on the paper named after them) and the reviewed range
of their page count.

Looked at page by page: 2024 prints 86 pages, dinkes-2024 48 (the cascade with
its kegiatan rows repeated on each page and the signature in the last table: 2024
one page more than the 85 before, dinkes-2024 as many); 2024 on F4 75. A count
outside the range means pages were lost or added (a blank page, a dropped table
row): look at the pages again before moving the range.
"""

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler are installed by .ci/run",
)


PDFS: dict[str, Path] = {}
"""The PDF printed of each example, for the tests that read it another way."""


def _examples() -> list[str]:
    return [name for name in EXAMPLES if (ROOT / name.split()[0]).is_dir()]


@pytest.fixture(scope="module", params=_examples())
def printed(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Dokumen, list[str]]:
    """An example's Dokumen and the text of each page of its PDF."""
    name: str = request.param
    source, *paper = name.split()
    root = ROOT / source
    if paper:
        # a copy whose lkjip.yaml asks for that paper
        year = copy_dataset(root, tmp_path_factory.mktemp("kertas") / root.name)
        root = year.edit("lkjip.yaml", "kertas: A4", f"kertas: {paper[0]}").root
    result = check(root, narratives=False)
    assert result.data is not None and result.report is not None, result.findings
    dok, findings = build_document(result.data, result.report)
    assert dok is not None, findings
    assert dok.paper == (paper[0] if paper else "A4")
    target = tmp_path_factory.mktemp("pdf") / "laporan.pdf"
    target.write_bytes(to_pdf(write_docx(dok)))
    PDFS[name] = target
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], check=True, capture_output=True, text=True
    ).stdout
    # pdftotext ends every page with a form feed, the last one too
    return name, dok, text.split("\f")[:-1]


def _pieces(words: Iterator[str]) -> Iterator[str]:
    """Words cut after their hyphens, and after a slash before a letter (in a web
    address the DOCX marks it a break opportunity): a line may end there, and that is no break.
    """
    for word in words:
        yield from (
            p for p in re.split(r"(?<=[-–])|(?<=/)(?=[A-Za-z])", word.replace(ZWSP, "")) if p
        )


def _list_text(block: ListBlock) -> Iterator[str]:
    for item in block.items:
        yield " ".join(r.text for r in item.runs)
        if item.children is not None:
            yield from _list_text(item.children)


def _printed_text(dok: Dokumen) -> Iterator[str]:
    """Every text the report prints outside table cells (captions, prose, signatures)."""
    for block in dok.blocks:
        match block:
            case Paragraph():
                yield " ".join(r.text for r in block.runs)
            case Heading():
                yield f"{block.label or ''} {block.text}"
            case ListBlock():
                yield from _list_text(block)
            case Table() if block.number:
                yield f"Tabel {block.number} {block.caption or ''}"
            case Figure():
                yield f"Gambar {block.number} {block.caption}"
            case Signature():
                dated = (f"{label} : {value}" for label, value in block.dated)
                yield " ".join((*dated, *block.lines_above, block.name, *block.below))
            case Cover():
                yield " ".join((*block.title, block.issuer, block.agency, block.contact))
            case Letterhead():
                yield " ".join((block.issuer, block.agency, block.contact))
            case Signatures():
                for side in (block.left, block.right):
                    yield " ".join((*side.lines_above, side.name, *side.below))


def _cell_text(dok: Dokumen) -> Iterator[str]:
    for table in (b for b in dok.blocks if isinstance(b, Table)):
        for row in (*table.header, *table.body):
            yield from (cell.text for cell in row)


def test_no_word_or_number_of_a_table_cell_is_broken(
    printed: tuple[str, Dokumen, list[str]],
) -> None:
    name, dok, pages = printed
    in_pdf = Counter(_pieces(w for page in pages for w in page.split()))
    in_cells = Counter(_pieces(w for text in _cell_text(dok) for w in text.split()))
    elsewhere = Counter(_pieces(w for text in _printed_text(dok) for w in text.split()))
    # a single character cannot break; pdftotext may glue a lone ":" to its neighbour
    broken = {
        token: (in_pdf[token], count + elsewhere[token])
        for token, count in in_cells.items()
        if len(token) > 1 and in_pdf[token] < count + elsewhere[token]
    }
    assert not broken, f"{name}: token → (whole in the PDF, printed by the report): {broken}"


def test_no_page_is_blank(printed: tuple[str, Dokumen, list[str]]) -> None:
    name, dok, pages = printed
    running = {dok.title}  # the running header; the footer is the page number
    blank = []
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        content = [
            line for line in lines if line not in running and not re.fullmatch(r"[ivxlc\d]+", line)
        ]
        if not content:
            blank.append(number)
    assert not blank, f"{name}: pages with nothing but the header and the page number: {blank}"


def test_page_count_stays_in_the_reviewed_range(printed: tuple[str, Dokumen, list[str]]) -> None:
    name, _, pages = printed
    low, high = EXAMPLES[name]
    assert low <= len(pages) <= high, f"{name}: {len(pages)} pages, reviewed {low}–{high}"


@pytest.fixture(scope="module")
def flowing(printed: tuple[str, Dokumen, list[str]]) -> list[str]:
    """The text of each page in reading order, white space collapsed.

    Without ``-layout`` a cell's lines follow each other: ``Sub Kegiatan`` set on
    two lines of a narrow column reads as it is written.
    """
    name = printed[0]
    text = subprocess.run(
        ["pdftotext", str(PDFS[name]), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def _appendix_pages(dok: Dokumen, pages: list[str], label: str) -> list[int]:
    """Indexes of the pages of the appendix ``label``: from its heading to the next one."""
    headings = [f"{b.label} {b.text}" for b in dok.blocks if isinstance(b, Heading) and b.label]
    title = next(h for h in headings if h.startswith(f"{label} "))
    # the last page naming it: the Daftar Isi names it before
    start = max(i for i, page in enumerate(pages) if title in page)
    following = headings[headings.index(title) + 1 :]
    end = next(
        (i for i in range(start + 1, len(pages)) if any(h in pages[i] for h in following)),
        len(pages),
    )
    return list(range(start, end))


CASCADE_LABELS = ("Kegiatan PD", "Sub Kegiatan", "Kajian Manajerial", "Kinerja Operasional")
"""Row labels of the cascade's kegiatan tables, repeated at the top of each of their pages."""


def test_every_cascade_page_carries_its_row_labels(
    printed: tuple[str, Dokumen, list[str]], flowing: list[str]
) -> None:
    name, dok, _ = printed
    # word by word: pdftotext reads the label and PK columns side by side, interleaved
    # ("Kegiatan PK ESELON PD III"); the running header has "Kinerja", not these words
    wanted = {w for label in CASCADE_LABELS for w in label.split()} - set(dok.title.split())
    unlabelled = {}
    for number in _appendix_pages(dok, flowing, "LAMPIRAN V"):
        missing = wanted - set(flowing[number].replace(dok.title, "").split())
        if missing:
            unlabelled[number + 1] = sorted(missing)
    assert not unlabelled, f"{name}: cascade pages without their row labels: {unlabelled}"


def _signed_tables(dok: Dokumen) -> list[tuple[Table, list[str]]]:
    """Each table a signature follows, with the signature's lines (both of a pair)."""
    signed = []
    for table, sig in itertools.pairwise(dok.blocks):
        if not isinstance(table, Table) or not isinstance(sig, Signature | Signatures):
            continue
        blocks = (sig.left, sig.right) if isinstance(sig, Signatures) else (sig,)
        lines = [line for b in blocks for line in (*b.lines_above, b.name, *b.below)]
        signed.append((table, [" ".join(line.split()) for line in lines]))
    return signed


def _row_text(row: Row) -> str:
    """A row's longest cell text as pdftotext reads it (white space collapsed)."""
    return " ".join(max((c.text for c in row), key=len).split())


def test_a_signature_after_a_table_never_stands_alone(
    printed: tuple[str, Dokumen, list[str]], flowing: list[str]
) -> None:
    """The signature's page holds the table's last row, and the row before a total.

    Not the repeated header alone, nor the header and a total: a signature there
    reads as signing nothing of the table.
    """
    name, dok, _ = printed
    signed = _signed_tables(dok)
    assert signed, f"{name}: no table is signed (the PK, the Rencana Aksi and the cascade are)"
    pairs = [s for t, s in itertools.pairwise(dok.blocks) if isinstance(t, Table)]
    assert any(isinstance(s, Signatures) for s in pairs), f"{name}: no table signed by two (PK)"
    alone = []
    page = 0
    for table, lines in signed:
        # the page of the table's last row, then the first from it that holds the signature
        page = next(i for i in range(page, len(flowing)) if _row_text(table.body[-1]) in flowing[i])
        at = next(i for i in range(page, len(flowing)) if all(x in flowing[i] for x in lines))
        total = len(table.body) - 1 in table.bold_rows
        kept = table.body[-2:] if total else table.body[-1:]
        missing = [text for text in map(_row_text, kept) if text not in flowing[at]]
        if missing:
            alone.append((at + 1, lines, missing))
        page = at
    assert not alone, f"{name}: signatures on a page without the table's last rows: {alone}"


AMOUNTS = ("11.854.989.245", "5.046.629.436", "13.890.985.682", "17.223.131.900")
WIDE = (
    "judul: Pagu per Sumber Dana Tahun {tahun}\n"
    "nomor: tidak\n"
    "kolom:\n"
    + "".join(f"  - {{id: d{i}, judul: Dana {i}, jenis: rupiah}}\n" for i in range(6))
    + "baris:\n"
    + "".join(
        "  - {" + ", ".join(f"d{i}: {AMOUNTS[(i + r) % 4]}" for i in range(6)) + "}\n"
        for r in range(4)
    )
)
"""A declared table of six rupiah columns: 6 × about 3,1 cm at 8 pt, wider than portrait."""


def test_a_declared_table_too_wide_for_portrait_prints_landscape_unbroken(tmp_path: Path) -> None:
    ds = copy_dataset(MINIMAL, tmp_path / "2024").write("tabel/lebar.yaml", WIDE)
    bab = ds.path("narasi/bab-3.md")
    bab.write_text(bab.read_text(encoding="utf-8") + "\n::: tabel lebar\n", encoding="utf-8")
    result = check(ds.root, narratives=False)
    assert result.data is not None and result.report is not None, result.findings
    dok, findings = build_document(result.data, result.report)
    assert dok is not None, findings
    pdf = tmp_path / "laporan.pdf"
    pdf.write_bytes(to_pdf(write_docx(dok)))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = text.split("\f")[:-1]
    # every amount whole: 24 cells, each printed "Rp. …,00" on one line
    printed = Counter(w for page in pages for w in page.split())
    assert sum(printed[f"{a},00"] for a in AMOUNTS) == 24
    holding = [i + 1 for i, page in enumerate(pages) if f"{AMOUNTS[0]},00" in page]
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(len(pages)), str(pdf)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    sizes = {
        int(m[1]): float(m[2]) > float(m[3])
        for m in re.finditer(r"Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", info)
    }
    assert holding and all(sizes[p] for p in holding), f"pages {holding}: not landscape"
    # the pages around it stay portrait (the chapter goes on, the next chapter follows)
    assert not sizes[holding[0] - 1] and not sizes[holding[-1] + 1]


def test_the_cover_is_one_page(printed: tuple[str, Dokumen, list[str]]) -> None:
    """Laid out over its whole page, the cover never runs onto a second one."""
    name, dok, pages = printed
    cover = next(b for b in dok.blocks if isinstance(b, Cover))
    first = " ".join(pages[0].split())
    assert cover.title[0] in first and cover.agency in first, name
    assert "KATA PENGANTAR" in pages[1], f"{name}: page 2 is not the Kata Pengantar"
