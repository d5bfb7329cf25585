"""``lkjip build --format pdf --pdfa``: the PDF says it is PDF/A-2b in its XMP metadata.

Needs LibreOffice (``.ci/run`` installs it); skipped without.
"""

from __future__ import annotations

import re
import shutil

import pytest

from lkjip_cli.render import pdf
from lkjip_cli.render.docx import write_docx

from .sample import sample_dokumen

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is installed by .ci/run"
)

PART = re.compile(rb"<pdfaid:part>(\d)</pdfaid:part>|pdfaid:part=\"(\d)\"")


def _part(data: bytes) -> bytes | None:
    """The PDF/A part its (uncompressed) XMP metadata names, or None."""
    match = PART.search(data)
    return None if match is None else (match.group(1) or match.group(2))


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
