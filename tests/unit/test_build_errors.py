"""``lkjip build`` on a machine that refuses: exit 2, the path and what to do.

An output directory that is a file, that cannot be written (tests run as root,
for whom ``chmod`` does not stop a write, so the refusal is the system call's
error), a full disk, an output name taken by a directory: each ends with exit 2
and a message naming the path, the previous report untouched and no temporary
or backup file left behind. A build killed while renaming leaves such files;
the next build finishes its rollback.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from lkjip_cli import output
from lkjip_cli.cli import app

MINIMAL = Path(__file__).resolve().parents[1] / "fixtures" / "valid" / "minimal"
NAMES = ("lkjip-2024.md", "lkjip-2024.html")
OLD = {"lkjip-2024.md": b"laporan lama\n", "lkjip-2024.html": b"<p>laporan lama</p>\n"}

runner = CliRunner()


@pytest.fixture()
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The minimal year in a scratch working directory."""
    shutil.copytree(MINIMAL, tmp_path / "data" / "2024")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LKJIP_DEBUG", raising=False)
    return tmp_path / "data" / "2024"


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    """An output directory holding a previous report."""
    directory = tmp_path / "keluaran"
    directory.mkdir()
    for name, content in OLD.items():
        (directory / name).write_bytes(content)
    return directory


def files(directory: Path) -> dict[str, bytes]:
    """Every entry of ``directory``, hidden ones too (a directory as ``b'<dir>'``)."""
    return {p.name: b"<dir>" if p.is_dir() else p.read_bytes() for p in sorted(directory.iterdir())}


def build(out: Path | str) -> Any:
    return runner.invoke(app, ["build", "2024", "--out", str(out), "--format", "md,html"])


def refusing(code: int, *, on_call: int = 1) -> Callable[..., Any]:
    """A stand-in for an OS function that fails with ``code`` on its ``on_call``-th call."""
    calls = {"count": 0}

    def refuse(real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls["count"] += 1
            if calls["count"] == on_call:
                raise OSError(code, os.strerror(code))
            return real(*args, **kwargs)

        return wrapper

    return refuse


WORDS = {
    errno.EACCES: "izin ditolak; periksa hak aksesnya atau pilih direktori lain dengan --out",
    errno.EROFS: "sistem berkasnya hanya dapat dibaca; pilih direktori lain dengan --out",
    errno.ENOSPC: "disk penuh; kosongkan ruang disk atau pilih direktori lain dengan --out",
}


def test_out_is_an_existing_file(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "laporan.docx"
    target.write_bytes(b"bukan direktori")
    result = build(target)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"galat: tidak dapat menulis ke {target}: sudah ada sebagai berkas, bukan direktori; "
        "pilih direktori lain dengan --out atau pindahkan berkas itu\n"
    )
    assert target.read_bytes() == b"bukan direktori"


def test_out_below_an_existing_file(data: Path, tmp_path: Path) -> None:
    (tmp_path / "berkas").write_bytes(b"x")
    result = build(tmp_path / "berkas" / "keluaran")
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"galat: tidak dapat menulis ke {tmp_path}/berkas/keluaran: ")
    assert "bukan direktori" in result.stderr


def test_out_is_the_data_directory(data: Path) -> None:
    """There a build would remove the planner's own gambar-*.png as stale chart images."""
    (data / "gambar-1.png").write_bytes(b"foto kegiatan")
    before = files(data)
    result = build(data)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"galat: tidak menulis laporan ke {data}: direktori itu adalah direktori data "
        f"{data}, dan berkas laporan akan bercampur dengan data; pilih direktori lain "
        "dengan --out (bawaan: build/TAHUN)\n"
    )
    assert files(data) == before


def test_out_inside_the_narratives_is_refused(data: Path) -> None:
    """lkjip-2024.md in narasi/ would be read as an unknown narrative by the next check."""
    result = build(data / "narasi" / "laporan")
    assert result.exit_code == 2, result.output
    assert "direktori itu di dalam direktori data" in result.stderr
    assert not (data / "narasi" / "laporan").exists()


@pytest.mark.parametrize("code", sorted(WORDS))
def test_a_directory_that_cannot_be_created(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    monkeypatch.setattr(Path, "mkdir", refusing(code)(Path.mkdir))
    target = tmp_path / "baru" / "keluaran"
    result = build(target)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"galat: tidak dapat menulis ke {target}: {WORDS[code]}\n"
    assert not (tmp_path / "baru").exists()


@pytest.mark.parametrize("code", sorted(WORDS))
def test_a_directory_where_no_file_can_be_created(
    data: Path, out: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    # what a read-only mount, a directory without write permission or a full disk answer
    monkeypatch.setattr(tempfile, "mkstemp", refusing(code)(tempfile.mkstemp))
    result = build(out)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"galat: tidak dapat menulis ke {out / NAMES[0]}: {WORDS[code]}\n"
    assert files(out) == OLD


@pytest.mark.parametrize("code", sorted(WORDS))
@pytest.mark.parametrize("call", ["fsync", "replace"])
def test_a_refusal_at_the_second_file_leaves_the_previous_report(
    data: Path, out: Path, monkeypatch: pytest.MonkeyPatch, code: int, call: str
) -> None:
    # fsync: while writing the second temporary; replace: after the first was renamed
    # into place, which must be put back from its backup
    monkeypatch.setattr(os, call, refusing(code, on_call=2)(getattr(os, call)))
    result = build(out)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"galat: tidak dapat menulis ke {out / NAMES[1]}: {WORDS[code]}\n"
    assert files(out) == OLD  # no temporary or backup left either


def test_an_output_name_taken_by_a_directory(data: Path, out: Path) -> None:
    (out / "lkjip-2024.html").unlink()
    (out / "lkjip-2024.html").mkdir()
    result = build(out)
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"galat: tidak dapat menulis ke {out / 'lkjip-2024.html'}: nama itu sudah dipakai "
        "sebuah direktori; pindahkan atau hapus direktori itu, atau pilih direktori lain "
        "dengan --out\n"
    )
    assert files(out) == {"lkjip-2024.html": b"<dir>", "lkjip-2024.md": OLD["lkjip-2024.md"]}


# --- a build killed while writing ---------------------------------------------------

TEMP = ".lkjip-2024.html.tmp-k2j4x_9a"
"""A temporary of write_outputs (tempfile.mkstemp's eight characters after the prefix)."""
BACKUPS = {
    ".lkjip-2024.md.bak-0a1b2c3d": b"laporan lama\n",
    ".lkjip-2024.html.bak-4e5f6a7b": OLD["lkjip-2024.html"],
}
"""Backups of write_outputs (eight hex digits) holding the previous report."""


def killed_between_two_renames(out: Path) -> None:
    """What a build killed after renaming the Markdown into place, before the HTML, leaves.

    The backups are hard links of the previous files (copies where a file
    system has none): the HTML's is still a second name of the current HTML.
    """
    md_backup, html_backup = BACKUPS
    (out / md_backup).write_bytes(BACKUPS[md_backup])
    os.link(out / "lkjip-2024.html", out / html_backup)
    (out / "lkjip-2024.md").write_bytes(b"laporan baru yang setengah jadi\n")
    (out / TEMP).write_bytes(b"<p>laporan baru</p>\n")


def test_leftovers_of_a_killed_build_are_rolled_back_before_a_refused_build(
    data: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    killed_between_two_renames(out)
    (out / ".catatan-saya").write_bytes(b"milik pengguna")
    monkeypatch.setattr(os, "fsync", refusing(errno.ENOSPC, on_call=2)(os.fsync))
    result = build(out)
    assert result.exit_code == 2, result.output
    # the report of the last complete build, the user's own file, nothing else
    assert files(out) == {".catatan-saya": b"milik pengguna", **OLD}


def test_leftovers_of_a_killed_build_are_rolled_back_by_a_build_stopped_by_errors(
    data: Path, out: Path
) -> None:
    killed_between_two_renames(out)
    anggaran = data / "anggaran.yaml"
    anggaran.write_text(
        anggaran.read_text(encoding="utf-8").replace("pagu_murni: 100.000", "pagu_murni: x", 1),
        encoding="utf-8",
    )
    result = build(out)
    assert result.exit_code == 1, result.output
    assert files(out) == OLD


def test_leftovers_of_a_killed_build_are_removed_by_the_next_build(data: Path, out: Path) -> None:
    killed_between_two_renames(out)
    result = build(out)
    assert result.exit_code == 0, result.output
    assert sorted(files(out)) == sorted(NAMES)
    assert b"laporan lama" not in (out / "lkjip-2024.md").read_bytes()


def test_backups_left_after_every_rename_are_removed_and_the_new_report_kept(
    out: Path,
) -> None:
    # killed after the last rename, while removing the backups: the new report is whole
    new = {name: b"baru " + content for name, content in OLD.items()}
    for name, content in new.items():
        (out / name).write_bytes(content)
    for name, content in BACKUPS.items():
        (out / name).write_bytes(content)
    output.write_outputs(out, {"lain.txt": b"x"})
    assert files(out) == {**new, "lain.txt": b"x"}


def test_files_that_only_resemble_leftovers_are_kept(out: Path) -> None:
    kept = {".a.tmp-short": b"1", ".b.bak-NOTHEX12": b"2", "c.tmp-abcdefgh": b"3"}
    for name, content in kept.items():
        (out / name).write_bytes(content)
    output.write_outputs(out, {})
    assert files(out) == {**kept, **OLD}


@pytest.mark.skipif(sys.platform == "win32", reason="no flock")
def test_a_build_waits_for_another_writing_into_the_same_directory(out: Path) -> None:
    # the other build's temporaries must not look like a killed build's leftovers
    import fcntl

    theirs = out / TEMP
    theirs.write_bytes(b"<p>sedang ditulis</p>\n")
    fd = os.open(out, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    writer = threading.Thread(target=output.write_outputs, args=(out, {"lain.txt": b"x"}))
    writer.start()
    writer.join(timeout=0.5)
    assert writer.is_alive()  # waiting for the lock
    assert files(out) == {TEMP: b"<p>sedang ditulis</p>\n", **OLD}
    theirs.unlink()  # the other build is done
    os.close(fd)
    writer.join(timeout=10)
    assert not writer.is_alive()
    assert files(out) == {**OLD, "lain.txt": b"x"}


def test_an_old_image_that_cannot_be_removed_does_not_fail_a_written_build(
    data: Path, out: Path
) -> None:
    (out / "gambar-9-9.png").mkdir()  # no file: cannot be unlinked
    result = build(out)
    assert result.exit_code == 0, result.output
    assert sorted(files(out)) == ["gambar-9-9.png", *sorted(NAMES)]
