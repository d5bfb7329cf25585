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


def test_format_option_is_read_against_the_registry() -> None:
    assert writers.parse_formats(" DOCX, md,docx,, ") == ("docx", "md")
    with pytest.raises(ValueError, match=r"^bentuk tidak dikenal: odt; pilih dari docx, md, "):
        writers.parse_formats("md,odt")
    with pytest.raises(ValueError, match=r"^bentuk tidak dikenal: \(kosong\); "):
        writers.parse_formats(" , ")


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


@pytest.mark.parametrize("pages", [False, True])
def test_docx_and_pdf_convert_once(pages: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """One conversion; the DOCX is written again only to carry LibreOffice's page numbers."""
    import datetime as dt

    from lkjip_cli.render import docx, pdf
    from lkjip_cli.render.blocks import Dokumen

    indexes = {"toc": [("BAB I PENDAHULUAN", "1")]} if pages else {}
    calls: list[tuple[bytes | None, object]] = []
    converted: list[bytes] = []

    def write_docx(dok: Dokumen, template: bytes | None = None, found: object = None) -> bytes:
        calls.append((template, found))
        return b"DOCX" if found is None else b"DOCX with pages"

    def convert(data: bytes, *, pdfa: bool = False) -> pdf.Converted:
        converted.append(data)
        return pdf.Converted((b"PDF/A of " if pdfa else b"PDF of ") + data, indexes)

    monkeypatch.setattr(docx, "write_docx", write_docx)
    monkeypatch.setattr(pdf, "convert", convert)
    dok = Dokumen("Laporan", "LKjIP", "Dinas", dt.date(2025, 1, 31), "A4")
    options = writers.Options(template=b"TEMPLAT", pdfa=True)
    written = writers.write_all(dok, "x", ("pdf", "docx"), options)
    assert converted == [b"DOCX"]
    assert written.files["x.pdf"] == b"PDF/A of DOCX"
    if pages:
        assert written.files["x.docx"] == b"DOCX with pages"
        assert calls == [(b"TEMPLAT", None), (b"TEMPLAT", indexes)]
    else:
        assert written.files["x.docx"] == b"DOCX"
        assert calls == [(b"TEMPLAT", None)]


def test_pdf_unavailable_is_a_note_and_the_docx_still_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import datetime as dt

    from lkjip_cli.render import pdf
    from lkjip_cli.render.blocks import Dokumen

    def convert(data: bytes, *, pdfa: bool = False) -> pdf.Converted:
        raise pdf.PdfUnavailable("PDF tidak dibuat: tidak ada LibreOffice")

    monkeypatch.setattr(pdf, "convert", convert)
    dok = Dokumen("Laporan", "LKjIP", "Dinas", dt.date(2025, 1, 31), "A4")
    written = writers.write_all(dok, "x", ("docx", "pdf"))
    assert list(written.files) == ["x.docx"]
    assert written.notes == ["PDF tidak dibuat: tidak ada LibreOffice"]
