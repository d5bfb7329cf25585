"""PDF through LibreOffice: indexes updated, or a clear message when it cannot be made."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from lkjip_cli.render import pdf
from lkjip_cli.render.docx import write_docx

from .sample import sample_dokumen


def test_without_libreoffice_the_message_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(pdf.PdfUnavailable, match="apt-get install libreoffice-writer"):
        pdf.to_pdf(b"PK")


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler are installed by .ci/run",
)
def test_pdf_has_its_table_of_contents_filled(tmp_path: pytest.TempPathFactory) -> None:
    data = pdf.to_pdf(write_docx(sample_dokumen(), None))
    assert data.startswith(b"%PDF")
    target = tmp_path / "x.pdf"  # type: ignore[operator]
    target.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-layout", str(target), "-"], check=True, capture_output=True, text=True
    ).stdout
    # the TOC field was updated: its entries now end in page numbers
    toc_lines = [line for line in text.splitlines() if "PENDAHULUAN" in line and "...." in line]
    assert toc_lines and toc_lines[0].rstrip()[-1].isdigit()


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler are installed by .ci/run",
)
def test_pdf_draws_the_native_chart_with_indonesian_labels(
    tmp_path: pytest.TempPathFactory,
) -> None:
    target = tmp_path / "x.pdf"  # type: ignore[operator]
    target.write_bytes(pdf.to_pdf(write_docx(sample_dokumen(), None)))
    text = subprocess.run(
        ["pdftotext", str(target), "-"], check=True, capture_output=True, text=True
    ).stdout
    # the sample chart's title, axis titles and labels, drawn by LibreOffice from the
    # chart part (the sample has no other text like them), in Indonesian whatever the locale
    for label in ("Persentase PMKS yang tertangani", "Persentase (%)", "96,70%", "100,00%"):
        assert label in text
    assert "100.00%" not in text
