"""``read_data_file``: the one reader of a data directory, and only of its regular files."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from lkjip_cli.datafiles import read_data_file
from lkjip_cli.errors import InputError

SRC = Path(__file__).resolve().parents[2] / "src" / "lkjip_cli"


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    """A data directory holding ``a.yaml`` (5 bytes) and ``narasi/``."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.yaml").write_bytes(b"a: 1\n")
    (tmp_path / "data" / "narasi").mkdir()
    return tmp_path / "data"


def refused(root: Path, path: Path, limit: int = 100) -> InputError:
    with pytest.raises(InputError) as info:
        read_data_file(root, path, label="LABEL", limit=limit)
    assert "LABEL" in info.value.message
    return info.value


def test_a_regular_file_is_read(root: Path) -> None:
    assert read_data_file(root, root / "a.yaml", label="a.yaml", limit=5) == b"a: 1\n"


def test_a_link_to_a_file_inside_is_read(root: Path) -> None:
    (root / "narasi" / "b.md").symlink_to(Path("..") / "a.yaml")
    assert read_data_file(root, root / "narasi" / "b.md", label="b.md", limit=5) == b"a: 1\n"


def test_a_root_reached_through_a_link_is_the_same_root(root: Path, tmp_path: Path) -> None:
    (tmp_path / "tautan").symlink_to(root)
    linked = tmp_path / "tautan"
    assert read_data_file(linked, linked / "a.yaml", label="a.yaml", limit=5) == b"a: 1\n"


def test_a_link_leading_outside_is_refused(root: Path, tmp_path: Path) -> None:
    (tmp_path / "rahasia").write_bytes(b"token")
    (root / "b.yaml").symlink_to(tmp_path / "rahasia")
    error = refused(root, root / "b.yaml")
    assert error.rule == "input.di-luar-direktori"
    assert error.message == (
        f"LABEL menunjuk ke luar direktori data ({tmp_path / 'rahasia'}); lkjip hanya membaca "
        f"berkas di dalam {root}: salin isinya ke sana sebagai berkas biasa"
    )


def test_a_folder_linked_outside_is_refused(root: Path, tmp_path: Path) -> None:
    (tmp_path / "lain").mkdir()
    (tmp_path / "lain" / "bab-1.md").write_bytes(b"token")
    (root / "narasi").rmdir()
    (root / "narasi").symlink_to(tmp_path / "lain")
    assert refused(root, root / "narasi" / "bab-1.md").rule == "input.di-luar-direktori"


def test_a_dotdot_path_is_outside_too(root: Path, tmp_path: Path) -> None:
    (tmp_path / "rahasia").write_bytes(b"token")
    assert refused(root, root / ".." / "rahasia").rule == "input.di-luar-direktori"


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda p: p.mkdir(), "direktori"),
        (lambda p: os.mkfifo(p), "FIFO (pipa bernama)"),
    ],
)
def test_what_is_not_a_regular_file_is_refused(
    root: Path, make: Callable[[Path], object], kind: str
) -> None:
    path = root / "b.yaml"
    make(path)
    error = refused(root, path)
    assert error.rule == "input.bukan-berkas-biasa"
    assert error.message.startswith(f"LABEL bukan berkas biasa melainkan {kind}; ")


def test_missing_dangling_and_looping(root: Path) -> None:
    assert refused(root, root / "tidak-ada.yaml").message == "berkas tidak ditemukan: LABEL"
    (root / "putus.yaml").symlink_to(root / "tidak-ada.yaml")
    assert "tautan ke berkas yang tidak ada" in refused(root, root / "putus.yaml").message
    (root / "x.yaml").symlink_to(root / "y.yaml")
    (root / "y.yaml").symlink_to(root / "x.yaml")
    assert "tautan simbolik berputar" in refused(root, root / "x.yaml").message


def test_the_limit_is_checked_before_reading(root: Path) -> None:
    error = refused(root, root / "a.yaml", limit=4)
    assert error.message == "berkas terlalu besar: LABEL (5 bita; paling besar 4 bita)"


def test_no_module_reads_files_but_through_datafiles() -> None:
    # Files that read what is not the data directory: templates, the outputs, a PDF.
    # A new reader of data files (tables, CSV) goes through read_data_file instead.
    others = {
        "datafiles.py",
        "output.py",
        "render/docx/package.py",
        "template.py",  # reads the packaged template; a repository's goes through read_data_file
        "render/jinja.py",
        "starter.py",  # reads the shipped templates/init, not a data directory
        "render/_uno_pdf.py",
        "render/pdf.py",
        "impor/sheet.py",  # parses the spreadsheet it read through read_data_file
        "validate/lembar.py",  # parses a table's CSV/XLSX it read through read_data_file
    }
    reading = re.compile(r"\.read_(text|bytes)\(|\bopen\(|load_workbook\(|csv\.reader\(")
    readers = {
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if reading.search(path.read_text(encoding="utf-8"))
    }
    assert readers <= others, sorted(readers - others)
