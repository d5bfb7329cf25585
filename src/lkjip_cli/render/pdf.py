"""DOCX → PDF through LibreOffice, with the tables of contents updated first.

A plain ``soffice --convert-to pdf`` keeps the TOC fields' cached text without
page numbers. When LibreOffice's Python bridge (``uno``) is available we open
the document through it, update every index, then export; otherwise we fall
back to the plain conversion and say so.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

_UNO_SCRIPT = Path(__file__).with_name("_uno_pdf.py")
_TIMEOUT = 180
PDFA_VERSION = 2
"""``SelectPdfVersion`` of LibreOffice's PDF export for ``--pdfa``: PDF/A-2b."""


class PdfUnavailable(RuntimeError):
    """PDF cannot be made on this machine; the message says how to get it."""


def _run(args: list[str]) -> None:
    """``args`` in a process group of its own, all of it killed if this stops early.

    The UNO helper starts soffice.bin itself: killing the helper alone (a timeout,
    Ctrl-C, SIGTERM) left LibreOffice running and its profile in the temporary
    directory. Raises ``TimeoutExpired`` or ``CalledProcessError`` as ``subprocess.run``.
    """
    with subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    ) as proc:
        try:
            out, err = proc.communicate(timeout=_TIMEOUT)
        except BaseException:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                proc.kill()
            proc.wait()
            raise
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, args, out, err)


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


def _filter(pdfa: bool) -> str:
    """The ``--convert-to`` target: plain PDF, or PDF/A through the export's options."""
    if not pdfa:
        return "pdf"
    version = {"SelectPdfVersion": {"type": "long", "value": str(PDFA_VERSION)}}
    return f"pdf:writer_pdf_Export:{json.dumps(version, separators=(',', ':'))}"


@dataclass(frozen=True)
class Converted:
    """A PDF and the page numbers LibreOffice gave the document's indexes."""

    pdf: bytes
    indexes: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """``"toc"`` or a caption label (``"Tabel"``) → the index's lines as (text, page);
    empty when LibreOffice's Python bridge was not there to read them."""


def to_pdf(docx: bytes, *, pdfa: bool = False) -> bytes:
    """Convert DOCX bytes to PDF (PDF/A-2b when ``pdfa``); raise :class:`PdfUnavailable`."""
    return convert(docx, pdfa=pdfa).pdf


def _read_indexes(path: Path) -> dict[str, list[tuple[str, str]]]:
    """The script's JSON, checked for its shape; anything else reads as no page numbers."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    result: dict[str, list[tuple[str, str]]] = {}
    for key, lines in raw.items():
        if isinstance(lines, list) and all(
            isinstance(line, list) and len(line) == 2 and all(isinstance(x, str) for x in line)
            for line in lines
        ):
            result[str(key)] = [(text, page) for text, page in lines]
    return result


def convert(docx: bytes, *, pdfa: bool = False) -> Converted:
    """DOCX bytes → :class:`Converted`; raise :class:`PdfUnavailable` when impossible."""
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
        indexes = work / "indexes.json"
        python = _uno_python()
        profile = (work / "profile").as_uri()
        try:
            if python:
                _run(
                    [
                        python,
                        str(_UNO_SCRIPT),
                        soffice,
                        str(source),
                        str(target),
                        profile,
                        str(PDFA_VERSION if pdfa else 0),
                        str(indexes),
                    ]
                )
            else:
                _run(
                    [
                        soffice,
                        f"-env:UserInstallation={profile}",
                        "--headless",
                        "--convert-to",
                        _filter(pdfa),
                        "--outdir",
                        str(work),
                        str(source),
                    ]
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
        return Converted(target.read_bytes(), _read_indexes(indexes))
