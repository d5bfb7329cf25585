"""Pictures in narratives: header sizes, every format, and every bad case as a finding."""

from __future__ import annotations

import re
import shutil
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import MINIMAL
from lkjip_cli.cli import app
from lkjip_cli.render.pictures import image_size

runner = CliRunner()


def png(width: int, height: int) -> bytes:
    """A valid RGB PNG, every pixel red."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def jpeg(width: int, height: int) -> bytes:
    """The markers of a baseline JPEG: SOI, APP0 (JFIF), SOF0 with its size, EOI."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def test_sizes_from_the_headers() -> None:
    assert image_size(png(40, 20)) == ("png", 40, 20)
    assert image_size(jpeg(30, 20)) == ("jpeg", 30, 20)
    assert image_size(b"GIF89a....") is None
    assert image_size(png(40, 20)[:20]) is None  # cut short
    assert image_size(b"\xff\xd8\xff\xe0\x00\x10JFIF") is None  # no SOF


@pytest.fixture()
def year(tmp_path: Path) -> Path:
    root = tmp_path / "2024"
    shutil.copytree(MINIMAL, root)
    (root / "foto").mkdir()
    (root / "foto" / "a.png").write_bytes(png(40, 20))
    (root / "foto" / "b.jpg").write_bytes(jpeg(30, 20))
    return root


def _add(root: Path, markdown: str) -> int:
    """Append ``markdown`` to bab-3.md; the line number of its image."""
    path = root / "narasi" / "bab-3.md"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\nKegiatan lapangan:\n\n"
    path.write_text(text + markdown + "\n", encoding="utf-8")
    return text.count("\n") + 1


def test_a_picture_in_every_format(year: Path, tmp_path: Path) -> None:
    (year / "foto" / "b.jpg").rename(year / "foto" / "b-ñ.jpg")  # a name markdown-it encodes
    _add(year, "![Kegiatan bansos](foto/a.png)\n\n![Foto kedua](foto/b-ñ.jpg)")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(year), "--out", str(out)])
    assert result.exit_code == 0, result.output
    # Markdown: the files copied beside it, linked by name
    md = (out / "lkjip-2024.md").read_text(encoding="utf-8")
    assert "![Kegiatan bansos](foto-a.png)" in md and "![Foto kedua](foto-b.jpg)" in md
    assert (out / "foto-a.png").read_bytes() == png(40, 20)
    assert (out / "foto-b.jpg").read_bytes() == jpeg(30, 20)
    # HTML: embedded, so the file stands alone
    html = (out / "lkjip-2024.html").read_text(encoding="utf-8")
    assert re.search(
        r'<img src="data:image/png;base64,iVBORw0KGgo[^"]*" alt="Kegiatan bansos"', html
    )
    assert 'src="data:image/jpeg;base64,/9j/' in html
    # DOCX: embedded pictures with their text as description, aspect ratio kept
    with zipfile.ZipFile(out / "lkjip-2024.docx") as docx:
        media = {n for n in docx.namelist() if n.startswith("word/media/")}
        body = docx.read("word/document.xml").decode("utf-8")
    assert {Path(n).suffix for n in media} == {".png", ".jpg"}
    assert 'descr="Kegiatan bansos"' in body and 'descr="Foto kedua"' in body
    extents = re.findall(r'<wp:extent cx="(\d+)" cy="(\d+)"/>', body)
    assert any(int(cx) == 2 * int(cy) for cx, cy in extents)  # 40 × 20


@pytest.mark.parametrize(
    ("markdown", "setup", "message"),
    [
        ("![x](foto/tidak-ada.png)", None, "berkas tidak ditemukan: gambar 'foto/tidak-ada.png'"),
        ("![x](foto/c.png)", b"bukan gambar", "gambar 'foto/c.png' bukan berkas PNG atau JPEG"),
        ("![x](../luar.png)", None, "luar.png"),
        ("![x](https://contoh.id/a.png)", None, "bukan alamat web atau path mutlak"),
        ("![x](/etc/passwd)", None, "bukan alamat web atau path mutlak"),
    ],
)
def test_a_bad_picture_is_a_finding_at_its_line(
    year: Path, tmp_path: Path, markdown: str, setup: bytes | None, message: str
) -> None:
    if setup is not None:
        (year / "foto" / "c.png").write_bytes(setup)
    (tmp_path / "luar.png").write_bytes(png(2, 2))  # outside the data directory
    line = _add(year, markdown)
    check = runner.invoke(app, ["check", str(year), "--format", "json"])
    assert "narasi.gambar" in check.stdout and message in check.stdout
    assert f'"line": {line}' in check.stdout
    out = tmp_path / "out"
    build = runner.invoke(app, ["build", str(year), "--out", str(out)])
    assert build.exit_code == 1
    assert f"{line}:1: galat [narasi.gambar]" in build.output
    assert not out.exists() or not any(out.iterdir())  # nothing half-written


def _logo(root: Path, source: str) -> int:
    """``logo: source`` in instansi.yaml; its line."""
    path = root / "instansi.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(f"{text.rstrip()}\nlogo: {source}\n", encoding="utf-8")
    return text.rstrip().count("\n") + 2


def test_the_logo_is_on_the_cover(year: Path, tmp_path: Path) -> None:
    _logo(year, "foto/a.png")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(year), "--out", str(out)])
    assert result.exit_code == 0, result.output
    md = (out / "lkjip-2024.md").read_text(encoding="utf-8")
    cover, _, rest = md.partition("DAFTAR ISI")
    assert cover.count("](foto-a.png)") == 1
    assert cover.index("TAHUN ANGGARAN 2024") < cover.index("foto-a.png") < cover.index("DINAS")
    # and on the letterheads of the two agreements (this year has no IKU decree)
    assert rest.count("](foto-a.png)") == 2
    html = (out / "lkjip-2024.html").read_text(encoding="utf-8")
    assert html.count("data:image/png;base64,") == 3
    _add(year, "![Sekali lagi](foto/a.png)")  # the same file in a narrative: one copy
    again = runner.invoke(app, ["build", str(year), "--out", str(out), "--format", "md"])
    assert again.exit_code == 0, again.output
    assert sorted(p.name for p in out.glob("foto-*")) == ["foto-a.png"]
    with zipfile.ZipFile(out / "lkjip-2024.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    # the logo is 40 × 20 pixels: 5 cm wide (1.800.000 EMU) on the cover, 2,2 cm on
    # the letterheads, half as high
    assert body.count('<wp:extent cx="1800000" cy="900000"/>') == 1
    assert body.count('<wp:extent cx="792000" cy="396000"/>') == 2


def test_a_missing_logo_is_a_finding(year: Path, tmp_path: Path) -> None:
    line = _logo(year, "logo.png")
    build = runner.invoke(app, ["build", str(year), "--out", str(tmp_path / "out")])
    assert build.exit_code == 1
    assert f"{line}:7: galat [instansi.logo] logo: berkas tidak ditemukan: gambar 'logo.png'" in (
        build.output
    )


def _built(year: Path, out: Path, formats: str) -> str:
    """Build ``year`` into ``out`` (exit 0); its Markdown."""
    result = runner.invoke(app, ["build", str(year), "--out", str(out), "--format", formats])
    assert result.exit_code == 0, result.output
    return (out / "lkjip-2024.md").read_text(encoding="utf-8")


def test_a_picture_in_a_list_item_follows_its_list(year: Path, tmp_path: Path) -> None:
    _add(year, "1. Penyaluran bantuan ![Penyaluran](foto/a.png)\n2. Pendampingan")
    md = _built(year, tmp_path / "out", "md")
    assert (
        "1. Penyaluran bantuan\n2. Pendampingan\n\n**Gambar 3.1** Penyaluran\n\n"
        "![Penyaluran](foto-a.png)"
    ) in md


def test_pictures_are_figures_numbered_with_the_charts(year: Path, tmp_path: Path) -> None:
    _add(
        year,
        "![Kegiatan lapangan](foto/a.png)\n\n::: gambar tren-S1\n\n"
        "Lihat {{ ref('tren-S2') }}.\n\n"
        '![Foto kedua](foto/b.jpg "Pendampingan keluarga")\n\n::: gambar tren-S2',
    )
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(year), "--out", str(out)])
    assert result.exit_code == 0, result.output
    # picture, chart, picture, chart: 3.1 to 3.4; a title is the caption, the text the alt
    md = (out / "lkjip-2024.md").read_text(encoding="utf-8")
    listed = re.findall(r"^- (Gambar 3\.\d) (.*)$", md, re.MULTILINE)
    assert [n for n, _ in listed] == ["Gambar 3.1", "Gambar 3.2", "Gambar 3.3", "Gambar 3.4"]
    assert listed[0][1] == "Kegiatan lapangan" and listed[2][1] == "Pendampingan keluarga"
    # captioned above, as the charts are
    assert "**Gambar 3.1** Kegiatan lapangan\n\n![Kegiatan lapangan](foto-a.png)" in md
    assert "**Gambar 3.3** Pendampingan keluarga\n\n![Foto kedua](foto-b.jpg)" in md
    assert "Lihat Gambar 3.4." in md  # ref() counts the pictures before the chart
    html = (out / "lkjip-2024.html").read_text(encoding="utf-8")
    assert '<a href="#gambar-3-1">Gambar 3.1 Kegiatan lapangan</a>' in html
    assert '<a href="#gambar-3-3">Gambar 3.3 Pendampingan keluarga</a>' in html
    assert re.search(
        r'<figure id="gambar-3-3">\n<figcaption><span class="number">Gambar 3.3</span> '
        r'Pendampingan keluarga</figcaption>\n<img src="data:image/jpeg;base64,[^"]*" '
        r'alt="Foto kedua"',
        html,
    )
    with zipfile.ZipFile(out / "lkjip-2024.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    text = re.sub(r"<[^>]+>", "", body)
    # Daftar Gambar (cached TOC entries) and the captions (SEQ fields), in order
    assert text.index("Gambar 3.1 Kegiatan lapangan") < text.index("Gambar 3.3 Pendampingan")
    assert body.count("SEQ Gambar") == 4
    assert '<wp:docPr id="' in body and 'name="Gambar 3.3" descr="Foto kedua"' in body


def test_a_picture_without_text_or_title_is_an_error(year: Path, tmp_path: Path) -> None:
    line = _add(year, "![](foto/a.png)")
    check = runner.invoke(app, ["check", str(year)])
    assert check.exit_code == 1
    assert f"bab-3.md\n  {line}:1: galat [narasi.gambar-tanpa-keterangan] gambar 'foto/a.png'" in (
        check.output
    )
    build = runner.invoke(app, ["build", str(year), "--out", str(tmp_path / "out")])
    assert build.exit_code == 1 and "narasi.gambar-tanpa-keterangan" in build.output
    titled = year / "narasi" / "bab-3.md"
    titled.write_text(
        titled.read_text(encoding="utf-8").replace("(foto/a.png)", '(foto/a.png "Judul foto")'),
        encoding="utf-8",
    )
    again = runner.invoke(app, ["build", str(year), "--out", str(tmp_path / "out")])
    assert again.exit_code == 0, again.output
    md = (tmp_path / "out" / "lkjip-2024.md").read_text(encoding="utf-8")
    assert "**Gambar 3.1** Judul foto" in md


def test_each_picture_finding_is_at_its_own_line(year: Path) -> None:
    """A path written again inside another picture's path names its own line, not the first."""
    (year / "foto" / "sub").mkdir()
    (year / "foto" / "sub" / "a.png").write_bytes(png(40, 20))
    line = _add(year, "![Sub](foto/sub/a.png)\n\n![Lapangan](foto/x.png)\n\n![](foto/a.png)")
    check = runner.invoke(app, ["check", str(year)])
    assert check.exit_code == 1
    assert (
        f"  {line + 2}:1: galat [narasi.gambar] berkas tidak ditemukan: gambar 'foto/x.png'\n"
        f"  {line + 4}:1: galat [narasi.gambar-tanpa-keterangan] gambar 'foto/a.png'"
    ) in check.output


def test_a_picture_a_loop_repeats_is_an_error(year: Path, tmp_path: Path) -> None:
    line = _add(year, "{% for n in [1, 2] %}\n![Foto {{ n }}](foto/a.png)\n{% endfor %}") + 1
    check = runner.invoke(app, ["check", str(year)])
    assert check.exit_code == 1
    assert (
        f"bab-3.md\n  {line}:1: galat [narasi.gambar] narasi ini menampilkan 2 gambar, "
        "padahal hanya 1 yang ditulis"
    ) in check.output


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler are installed by .ci/run",
)
def test_a_picture_is_a_listed_figure_in_the_pdf(year: Path, tmp_path: Path) -> None:
    import subprocess

    _add(year, "![Kegiatan lapangan](foto/a.png)")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(year), "--out", str(out), "--format", "pdf"])
    assert result.exit_code == 0, result.output
    pdf = out / "lkjip-2024.pdf"
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    # in Daftar Gambar (with its page) and under the picture
    assert re.search(r"Gambar 3\.1 Kegiatan lapangan\s*\.{3,}\s*\d+", text)
    assert len(re.findall(r"Gambar 3\.1 Kegiatan lapangan", text)) == 2
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"\bimage\s+40\s+20\b", images)  # the 40 × 20 PNG, embedded


def test_a_picture_in_the_front_matter_is_captioned_but_not_numbered(
    year: Path, tmp_path: Path
) -> None:
    path = year / "narasi" / "kata-pengantar.md"
    path.write_text(
        path.read_text(encoding="utf-8") + "\n![Foto pimpinan](foto/a.png)\n", encoding="utf-8"
    )
    _add(year, "![Kegiatan lapangan](foto/a.png)")
    out = tmp_path / "out"
    md = _built(year, out, "md,docx")
    assert "**Foto pimpinan**\n\n![Foto pimpinan](foto-a.png)" in md
    # BAB III's picture is still the first figure of its chapter; only it is listed
    assert re.findall(r"^- Gambar.*$", md, re.MULTILINE) == ["- Gambar 3.1 Kegiatan lapangan"]
    with zipfile.ZipFile(out / "lkjip-2024.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert body.count("SEQ Gambar") == 1
