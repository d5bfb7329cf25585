"""``lkjip build --format pdf --pdfa``: the PDF says it is PDF/A-2b in its XMP metadata.

The conversions need LibreOffice (``.ci/run`` installs it); skipped without.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from lkjip_cli.render import pdf
from lkjip_cli.render.docx import write_docx

from .sample import sample_dokumen

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is installed by .ci/run"
)

PART = re.compile(rb"<pdfaid:part>(\d)</pdfaid:part>|pdfaid:part=\"(\d)\"")


def _part(data: bytes) -> bytes | None:
    """The PDF/A part its (uncompressed) XMP metadata names, or None."""
    match = PART.search(data)
    return None if match is None else (match.group(1) or match.group(2))


@needs_libreoffice
@pytest.mark.parametrize("bridge", ["uno", "plain"])
def test_pdfa_names_its_part(bridge: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if bridge == "plain":  # the soffice --convert-to fallback, without LibreOffice's Python
        monkeypatch.setattr(pdf, "_uno_python", lambda: None)
    elif pdf._uno_python() is None:
        pytest.skip("LibreOffice's Python bridge (uno) is not installed")
    source = write_docx(sample_dokumen())
    archival = pdf.to_pdf(source, pdfa=True)
    assert archival.startswith(b"%PDF-")
    assert _part(archival) == b"2"
    assert _part(pdf.to_pdf(source)) is None


def test_pdfa_without_a_pdf_is_a_usage_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lkjip_cli.cli import app

    data = Path(__file__).resolve().parents[3] / "data" / "2024"
    result = CliRunner().invoke(app, ["build", str(data), "-o", str(tmp_path), "--pdfa"])
    assert result.exit_code == 2
    assert "--pdfa hanya berlaku bersama --format pdf" in result.output
    assert not any(tmp_path.iterdir())
