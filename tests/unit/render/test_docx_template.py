"""A data repository's own DOCX template: found beside the data, chosen, or refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Pt, RGBColor
from typer.testing import CliRunner

from conftest import MINIMAL, Dataset, copy_dataset
from lkjip_cli import api
from lkjip_cli.cli import app
from lkjip_cli.findings import exit_code
from lkjip_cli.render.docx.package import template_bytes
from lkjip_cli.render.docx.template import repository_root

RED = RGBColor(0xC0, 0x10, 0x20)


def restyled(path: Path, font: str = "Georgia") -> Path:
    """The packaged template with Heading 1 in ``font``, 20 pt, red, saved at ``path``."""
    document = docx.Document(io.BytesIO(template_bytes(None)))
    heading = document.styles["Heading 1"]
    heading.font.name = font
    heading.font.size = Pt(20)
    heading.font.color.rgb = RED
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def heading_1(built: bytes) -> tuple[str | None, Pt | None, RGBColor | None]:
    """Font, size and colour of Heading 1 in a built DOCX."""
    font = docx.Document(io.BytesIO(built)).styles["Heading 1"].font
    return font.name, font.size, font.color.rgb


@pytest.fixture()
def repo(tmp_path: Path) -> Dataset:
    """A data repository: ``repo/data/2024`` holding the minimal year."""
    return copy_dataset(MINIMAL, tmp_path / "repo" / "data" / "2024")


def build(year: Dataset, out: Path, **options: object) -> api.BuildResult:
    return api.build(year.root, out, ("docx",), **options)  # type: ignore[arg-type]


def test_the_repository_is_above_data(tmp_path: Path) -> None:
    assert repository_root(tmp_path / "repo" / "data" / "2024") == tmp_path / "repo"
    assert repository_root(tmp_path / "laporan" / "2024") == tmp_path / "laporan" / "2024"


def test_without_a_template_the_packaged_one(repo: Dataset, tmp_path: Path) -> None:
    result = build(repo, tmp_path / "out")
    assert exit_code(result.findings) == 0, result.findings
    packaged = docx.Document(io.BytesIO(template_bytes(None))).styles["Heading 1"].font
    built = heading_1((tmp_path / "out" / "lkjip-2024.docx").read_bytes())
    assert built == (packaged.name, packaged.size, packaged.color.rgb)
    assert built[0] != "Georgia" and built[2] != RED


def test_the_repositorys_templates_reference_docx(repo: Dataset, tmp_path: Path) -> None:
    restyled(tmp_path / "repo" / "templates" / "reference.docx")
    result = build(repo, tmp_path / "out")
    assert exit_code(result.findings) == 0, result.findings
    built = (tmp_path / "out" / "lkjip-2024.docx").read_bytes()
    assert heading_1(built) == ("Georgia", Pt(20), RED)
    # the chapters are written in it: a Heading 1 paragraph of the report
    body = zipfile.ZipFile(io.BytesIO(built)).read("word/document.xml").decode()
    assert '<w:pStyle w:val="Heading1"/>' in body


def test_the_setting_wins_over_the_repositorys(repo: Dataset, tmp_path: Path) -> None:
    restyled(tmp_path / "repo" / "templates" / "reference.docx")
    restyled(tmp_path / "repo" / "gaya" / "kop.docx", font="Cambria")
    repo.edit("lkjip.yaml", "tahun: 2024", "tahun: 2024\ntemplat: ../../gaya/kop.docx")
    result = build(repo, tmp_path / "out")
    assert exit_code(result.findings) == 0, result.findings
    assert heading_1((tmp_path / "out" / "lkjip-2024.docx").read_bytes())[0] == "Cambria"


def test_the_option_wins_over_all(repo: Dataset, tmp_path: Path) -> None:
    restyled(tmp_path / "repo" / "templates" / "reference.docx")
    mine = restyled(tmp_path / "elsewhere" / "reference.docx", font="Garamond")
    out = tmp_path / "out"
    for chosen in (mine, mine.parent):  # the file, or the directory holding reference.docx
        result = CliRunner().invoke(
            app, ["build", str(repo.root), "-o", str(out), "-f", "docx", "--templat", str(chosen)]
        )
        assert result.exit_code == 0, result.output
        assert heading_1((out / "lkjip-2024.docx").read_bytes())[0] == "Garamond"


def _refused(repo: Dataset, out: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["build", str(repo.root), "-o", str(out), *args])
    assert result.exit_code == 2, result.output
    assert not out.exists() or not any(out.iterdir())  # nothing half-written
    return result.output


def test_a_missing_setting_names_the_path_and_line(repo: Dataset, tmp_path: Path) -> None:
    repo.edit("lkjip.yaml", "tahun: 2024", "tahun: 2024\ntemplat: tidak-ada.docx")
    output = _refused(repo, tmp_path / "out")
    line = repo.line("lkjip.yaml", "templat:")
    assert f"lkjip.yaml\n  {line}:10: galat" in output
    assert f"berkas tidak ditemukan: templat {repo.root / 'tidak-ada.docx'}" in output


def test_an_invalid_template_names_the_path(repo: Dataset, tmp_path: Path) -> None:
    bad = tmp_path / "repo" / "templates" / "reference.docx"
    bad.parent.mkdir()
    bad.write_text("bukan dokumen", encoding="utf-8")
    output = _refused(repo, tmp_path / "out")
    assert f"templat {bad} bukan dokumen Word (.docx) yang utuh" in output
    # Markdown needs no template: the same repository builds it
    assert api.build(repo.root, tmp_path / "md", ("md",)).written


def test_a_template_without_a_style_is_refused(repo: Dataset, tmp_path: Path) -> None:
    path = restyled(tmp_path / "gaya.docx")
    broken = docx.Document(str(path))
    caption = broken.styles.element.xpath("./w:style[@w:styleId='Caption']")[0]
    caption.getparent().remove(caption)
    broken.save(str(path))
    output = _refused(repo, tmp_path / "out", "--templat", str(path))
    assert f"templat {path} tidak memiliki gaya: Caption" in output


def test_a_template_leading_out_of_the_repository_is_refused(repo: Dataset, tmp_path: Path) -> None:
    outside = restyled(tmp_path / "rahasia" / "kop.docx")
    link = tmp_path / "repo" / "templates" / "reference.docx"
    link.parent.mkdir()
    link.symlink_to(outside)
    output = _refused(repo, tmp_path / "out", "-f", "docx,pdf")
    assert "menunjuk ke luar direktori data" in output
    repo.edit("lkjip.yaml", "tahun: 2024", "tahun: 2024\ntemplat: ../../../rahasia/kop.docx")
    output = _refused(repo, tmp_path / "out")
    assert "menunjuk ke luar direktori data" in output


def test_a_copy_of_the_packaged_template_is_the_packaged_one(tmp_path: Path) -> None:
    from lkjip_cli.render.docx.template import read_template

    copy = tmp_path / "reference.docx"
    copy.write_bytes(template_bytes(None))
    assert read_template(tmp_path, None, copy) is None
    mine = restyled(tmp_path / "gaya.docx")
    assert read_template(tmp_path, None, mine) == mine.read_bytes()
