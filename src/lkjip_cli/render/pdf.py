"""DOCX → PDF through LibreOffice, with the tables of contents updated first.

A plain ``soffice --convert-to pdf`` keeps the TOC fields' cached text without
page numbers. When LibreOffice's Python bridge (``uno``) is available we open
the document through it, update every index, then export; otherwise we fall
back to the plain conversion and say so.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

_UNO_SCRIPT = Path(__file__).with_name("_uno_pdf.py")
_TIMEOUT = 180


class PdfUnavailable(RuntimeError):
    """PDF cannot be made on this machine; the message says how to get it."""


def _uno_python() -> str | None:
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if not candidate:
            continue
        try:
            subprocess.run(
                [candidate, "-c", "import uno"], check=True, capture_output=True, timeout=30
            )
        except (OSError, subprocess.SubprocessError):
            continue
        return candidate
    return None


def to_pdf(docx: bytes) -> bytes:
    """Convert DOCX bytes to PDF bytes; raise :class:`PdfUnavailable` when impossible."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise PdfUnavailable(
            "PDF tidak dibuat: LibreOffice (soffice) tidak ditemukan. Pasang LibreOffice "
            "(Debian/Ubuntu: 'apt-get install libreoffice-writer'), lalu jalankan lagi "
            "'lkjip build --format pdf', atau buka berkas DOCX di Word lalu simpan sebagai PDF."
        )
    with tempfile.TemporaryDirectory(prefix="lkjip-pdf-") as tmp:
        work = Path(tmp)
        source = work / "laporan.docx"
        source.write_bytes(docx)
        target = work / "laporan.pdf"
        python = _uno_python()
        profile = (work / "profile").as_uri()
        try:
            if python:
                subprocess.run(
                    [python, str(_UNO_SCRIPT), soffice, str(source), str(target), profile],
                    check=True,
                    capture_output=True,
                    timeout=_TIMEOUT,
                )
            else:
                subprocess.run(
                    [
                        soffice,
                        f"-env:UserInstallation={profile}",
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        str(work),
                        str(source),
                    ],
                    check=True,
                    capture_output=True,
                    timeout=_TIMEOUT,
                )
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(
                "PDF tidak dibuat: LibreOffice tidak selesai dalam batas waktu"
            ) from None
        except subprocess.CalledProcessError as exc:
            detail = (exc.stderr or b"").decode("utf-8", "replace").strip().splitlines()[-1:]
            raise PdfUnavailable(
                f"PDF tidak dibuat: LibreOffice gagal ({' '.join(detail)})"
            ) from None
        if not target.exists():
            raise PdfUnavailable("PDF tidak dibuat: LibreOffice tidak menghasilkan berkas")
        return target.read_bytes()
