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


def _gone(pid: int) -> bool:
    """No such process, or a zombie nobody reaped (a container's PID 1 may not)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return any(line.startswith("State:\tZ") for line in status)
    except FileNotFoundError:
        return True


def test_a_stopped_conversion_kills_what_its_helper_started(
    tmp_path: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The UNO helper starts soffice.bin: killing the helper alone left LibreOffice running."""
    import time
    from pathlib import Path

    pidfile = Path(str(tmp_path)) / "pid"
    monkeypatch.setattr(pdf, "_TIMEOUT", 1)
    with pytest.raises(subprocess.TimeoutExpired):
        pdf._run(["sh", "-c", f"sleep 60 & echo $! > {pidfile}; wait"])
    grandchild = int(pidfile.read_text())
    for _ in range(50):
        if _gone(grandchild):
            break
        time.sleep(0.1)
    assert _gone(grandchild)


def test_a_failing_conversion_says_so_as_subprocess_run_did() -> None:
    with pytest.raises(subprocess.CalledProcessError) as failed:
        pdf._run(["sh", "-c", "echo gagal >&2; exit 3"])
    assert failed.value.returncode == 3 and failed.value.stderr == b"gagal\n"
