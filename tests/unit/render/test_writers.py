"""The registry of writers: the formats build knows, and a new one as one entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from lkjip_cli import api
from lkjip_cli.render import writers
from lkjip_cli.render.blocks import Dokumen

DATA = Path(__file__).resolve().parents[3] / "data" / "2024"


def test_the_formats_are_the_registrys() -> None:
    assert api.FORMATS == tuple(writers.WRITERS) == ("docx", "md", "html", "pdf", "xlsx")
    assert all(w.extension and w.description for w in writers.WRITERS.values())


def test_a_new_format_is_one_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def write_txt(dok: Dokumen, stem: str) -> writers.Written:
        return writers.Written({f"{stem}.txt": dok.title.encode()}, ["catatan"])

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
