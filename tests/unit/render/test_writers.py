"""The registry of writers: the formats build knows, and a new one as one entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_cli import api
from lkjip_cli.render import writers

DATA = Path(__file__).resolve().parents[3] / "data" / "2024"


def test_the_formats_are_the_registrys() -> None:
    assert api.FORMATS == tuple(writers.WRITERS) == ("docx", "md", "html", "pdf", "xlsx")
    assert all(w.extension and w.description for w in writers.WRITERS.values())


def test_a_new_format_is_one_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def write_txt(job: writers.Job) -> writers.Written:
        return writers.Written({f"{job.stem}.txt": job.dok.title.encode()}, ["catatan"])

    monkeypatch.setitem(writers.WRITERS, "txt", writers.Writer("txt", "txt", write_txt))
    result = api.build(DATA, tmp_path, ("txt",))
    assert [p.name for p in result.written] == ["lkjip-2024.txt"]
    assert result.notes == ["catatan"]
    assert (tmp_path / "lkjip-2024.txt").read_text().startswith("Laporan Kinerja")


def test_the_command_line_offers_the_registrys_formats(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lkjip_cli.cli import app

    result = CliRunner().invoke(app, ["build", str(DATA), "--format", "xlsx,odt"])
    assert result.exit_code == 2
    assert "bentuk tidak dikenal: odt; pilih dari docx, md, html, pdf, xlsx" in result.output
    result = CliRunner().invoke(app, ["build", str(DATA), "-o", str(tmp_path), "-f", "xlsx"])
    assert result.exit_code == 0, result.output
    assert f"ditulis: {tmp_path / 'lkjip-2024.xlsx'}" in result.output


def test_docx_and_pdf_write_the_docx_once(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from lkjip_cli.render import docx, pdf
    from lkjip_cli.render.blocks import Dokumen

    templates: list[bytes | None] = []

    def write_docx(dok: Dokumen, template: bytes | None = None) -> bytes:
        templates.append(template)
        return b"DOCX"

    def to_pdf(data: bytes, *, pdfa: bool = False) -> bytes:
        return b"PDF/A of " + data if pdfa else b"PDF of " + data

    monkeypatch.setattr(docx, "write_docx", write_docx)
    monkeypatch.setattr(pdf, "to_pdf", to_pdf)
    dok = Dokumen("Laporan", "LKjIP", "Dinas", dt.date(2025, 1, 31), "A4")
    options = writers.Options(template=b"TEMPLAT", pdfa=True)
    written = writers.write_all(dok, "x", ("pdf", "docx"), options)
    assert written.files == {"x.docx": b"DOCX", "x.pdf": b"PDF/A of DOCX"}
    assert templates == [b"TEMPLAT"]
