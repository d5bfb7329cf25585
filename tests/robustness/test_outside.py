"""Only the data directory is read, and only its regular files; no tags in YAML.

A data file or narrative that is a symlink leading out of the data directory
(``/etc/passwd``, a repository's ``.git/config`` with a CI token) is refused
with a finding and its content reaches no output. A directory, FIFO or device
in place of a file is refused without waiting on it. Each case runs through
``lkjip check`` and ``lkjip build`` into a directory holding a previous report,
which must stay byte for byte as it was.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .harness import YEAR, assert_build_refused, assert_refused, build, check, lkjip, replace_line

SECRET = "rahasia-CI-token-0f8e7d"
"""What the file outside the data directory holds: it must appear in no output."""


def _outside(root: Path) -> Path:
    """A file beside the scratch working directory, outside any data directory."""
    secret = root.parent / f"{root.name}-rahasia.txt"
    secret.write_text(f"[remote]\ntoken = {SECRET}\n", encoding="utf-8")
    return secret


def _link(path: Path, target: Path) -> None:
    path.unlink()
    path.symlink_to(target)


Case = Callable[[Path], tuple[str, str]]
"""Damages the scratch copy; returns the file named and a word of the message."""


def narrative_linked_outside(root: Path) -> tuple[str, str]:
    _link(root / YEAR / "narasi" / "bab-1.md", _outside(root))
    return "narasi/bab-1.md", "menunjuk ke luar direktori data"


def narrative_linked_to_etc_passwd(root: Path) -> tuple[str, str]:
    _link(root / YEAR / "narasi" / "bab-2.md", Path("/etc/passwd"))
    return "narasi/bab-2.md", "menunjuk ke luar direktori data"


def yaml_linked_to_etc_passwd(root: Path) -> tuple[str, str]:
    _link(root / YEAR / "tabel" / "pmks.yaml", Path("/etc/passwd"))
    return "tabel/pmks.yaml", "menunjuk ke luar direktori data"


def yaml_linked_outside(root: Path) -> tuple[str, str]:
    secret = _outside(root)
    secret.write_text(f"tahun: 2024\ncatatan: {SECRET}\n", encoding="utf-8")
    _link(root / YEAR / "lkjip.yaml", secret)
    return "lkjip.yaml", "menunjuk ke luar direktori data"


def narrative_folder_linked_outside(root: Path) -> tuple[str, str]:
    folder = root / YEAR / "narasi"
    elsewhere = root.parent / f"{root.name}-narasi"
    folder.rename(elsewhere)
    (elsewhere / "bab-1.md").write_text(f"Token: {SECRET}\n", encoding="utf-8")
    folder.symlink_to(elsewhere)
    return "narasi/bab-1.md", "menunjuk ke luar direktori data"


def yaml_is_a_directory(root: Path) -> tuple[str, str]:
    (root / YEAR / "tabel" / "pmks.yaml").unlink()
    (root / YEAR / "tabel" / "pmks.yaml").mkdir()
    return "tabel/pmks.yaml", "bukan berkas biasa melainkan direktori"


def narrative_is_a_directory(root: Path) -> tuple[str, str]:
    (root / YEAR / "narasi" / "bab-1.md").unlink()
    (root / YEAR / "narasi" / "bab-1.md").mkdir()
    return "narasi/bab-1.md", "bukan berkas biasa melainkan direktori"


def yaml_is_a_device(root: Path) -> tuple[str, str]:
    path = root / YEAR / "tabel" / "bansos.yaml"
    path.unlink()
    try:  # the device /dev/zero is: endless
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except OSError:
        pytest.skip("no permission to make a device node here")
    return "tabel/bansos.yaml", "bukan berkas biasa melainkan perangkat"


def narrative_linked_to_a_device(root: Path) -> tuple[str, str]:
    _link(root / YEAR / "narasi" / "bab-1.md", Path("/dev/zero"))
    return "narasi/bab-1.md", "menunjuk ke luar direktori data"


CASES: dict[str, Case] = {
    case.__name__: case
    for case in (
        narrative_linked_outside,
        narrative_linked_to_etc_passwd,
        yaml_linked_to_etc_passwd,
        yaml_linked_outside,
        narrative_folder_linked_outside,
        yaml_is_a_directory,
        narrative_is_a_directory,
        narrative_linked_to_a_device,
        yaml_is_a_device,
    )
}


def _leaks(text: str) -> bool:
    return SECRET in text or "root:x:0:0" in text


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_refuses_and_reads_nothing(name: str, year: Path) -> None:
    file, words = CASES[name](year)
    outcome = check()
    assert_refused(outcome, file, 1, codes=(2,), words=words)
    as_json = check("--format", "json")
    assert as_json.exit_code == 2
    assert not any(_leaks(o.text) for o in (outcome, as_json)), outcome.text
    rules = {f["rule"] for f in json.loads(as_json.stdout)}
    assert rules & {"input.di-luar-direktori", "input.bukan-berkas-biasa"}, rules
    # a narrative refused is not also reported missing
    assert "narasi.tidak-ada" not in rules, rules


@pytest.mark.parametrize("name", sorted(CASES))
def test_build_refuses_and_keeps_the_previous_report(
    name: str, year: Path, previous: dict[str, tuple[bytes, int]]
) -> None:
    file, words = CASES[name](year)
    outcome = build()
    assert_refused(outcome, file, 1, codes=(2,), words=words)
    assert_build_refused(outcome, previous)
    assert not _leaks(outcome.text)


def test_a_symlink_inside_the_data_directory_is_read(year: Path) -> None:
    clean = check()
    narasi = year / YEAR / "narasi"
    (narasi / "bab-1.md").rename(year / YEAR / "bab-1-asli.md")
    (narasi / "bab-1.md").symlink_to(Path("..") / "bab-1-asli.md")
    outcome = check()
    assert (outcome.exit_code, outcome.stdout) == (clean.exit_code, clean.stdout)


def test_an_unknown_narrative_linked_outside_is_not_carried_into_a_new_year(year: Path) -> None:
    (year / YEAR / "narasi" / "catatan.md").symlink_to(_outside(year))
    outcome = lkjip("new", "2025", "--from", "2024")
    assert outcome.exit_code == 2, outcome.text
    assert "data/2024/narasi/catatan.md menunjuk ke luar direktori data" in outcome.stderr
    assert not (year / "data" / "2025").exists()
    assert not _leaks(outcome.text)


def test_an_unknown_narrative_not_utf8_ends_a_new_year_calmly(year: Path) -> None:
    (year / YEAR / "narasi" / "catatan.md").write_bytes(b"Catatan \xff\xfe\n")
    outcome = lkjip("new", "2025", "--from", "2024")
    assert outcome.exit_code == 2, outcome.text
    assert outcome.stderr == (
        "galat: data/2024/narasi/catatan.md bukan teks UTF-8 (bita ke-8); "
        "simpan ulang sebagai UTF-8 atau hapus berkas itu\n"
    )
    assert not (year / "data" / "2025").exists()


# --- a FIFO must not hang the command (a real process, with a timeout) ----------------


def _run_check(root: Path) -> subprocess.CompletedProcess[str]:
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", "from lkjip_cli.cli import main; main()", "check", str(YEAR)],
        capture_output=True,
        text=True,
        timeout=20,  # a hang fails the test instead of blocking it
        cwd=root,
    )
    assert time.monotonic() - started < 20
    assert "Traceback" not in result.stdout + result.stderr
    return result


@pytest.mark.parametrize("name", ["tabel/pmks.yaml", "lkjip.yaml", "narasi/bab-1.md"])
def test_a_fifo_is_refused_without_waiting(name: str, year: Path) -> None:
    path = year / YEAR / name
    path.unlink()
    os.mkfifo(path)
    result = _run_check(year)
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"{(YEAR / name).as_posix()}\n  1:1: galat [input.bukan-berkas-biasa] " in result.stdout
    assert "bukan berkas biasa melainkan FIFO (pipa bernama)" in result.stdout


# --- YAML tags ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("needle", "line"),
    [
        ("kertas:", "kertas: !!str A4"),
        ("kertas:", "kertas: !kertas A4"),
        ("kertas:", "kertas: !!python/object:os.system A4"),
    ],
)
def test_a_yaml_tag_is_refused_with_its_line(needle: str, line: str, year: Path) -> None:
    at = replace_line(year / YEAR / "lkjip.yaml", needle, line)
    outcome = check()
    assert_refused(outcome, "lkjip.yaml", at, codes=(2,), words="tag YAML")
    assert f"  {at}:9: galat [input.tidak-terbaca] tag YAML (" in outcome.stdout
