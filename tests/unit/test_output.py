"""Atomic, all-or-nothing writing of a build's files, and SOURCE_DATE_EPOCH."""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lkjip_cli.output import OutputError, source_date, write_outputs

OLD = {"laporan.md": b"lama md\n", "laporan.html": b"<p>lama</p>\n"}
NEW = {"laporan.md": b"baru md\n", "laporan.html": b"<p>baru</p>\n", "gambar-3-1.svg": b"<svg/>"}


def contents(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir())}


@pytest.fixture
def previous(tmp_path: Path) -> Path:
    out = tmp_path / "build" / "2024"
    write_outputs(out, OLD)
    assert contents(out) == OLD
    return out


def fail_on_call(n: int, real: Callable[..., Any]) -> Callable[..., Any]:
    """A stand-in for ``real`` that raises on its n-th call (1-based) only."""
    calls = {"count": 0}

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls["count"] += 1
        if calls["count"] == n:
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)

    return wrapper


def test_writes_every_file_and_creates_the_directory(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b"
    paths = write_outputs(out, NEW)
    assert paths == [out / name for name in NEW]
    assert contents(out) == NEW


def test_replaces_previous_outputs_and_leaves_no_temporaries(previous: Path) -> None:
    write_outputs(previous, NEW)
    assert contents(previous) == NEW


def test_files_are_readable_by_others(tmp_path: Path) -> None:
    (path,) = write_outputs(tmp_path, {"laporan.md": b"x"})
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_failure_while_writing_leaves_previous_outputs_untouched(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "fsync", fail_on_call(2, os.fsync))
    with pytest.raises(OutputError, match="disk penuh"):
        write_outputs(previous, NEW)
    assert contents(previous) == OLD  # no temporaries either


def test_a_failure_while_renaming_rolls_back_what_was_replaced(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # laporan.md is replaced, then renaming laporan.html fails: md must come back.
    monkeypatch.setattr(os, "replace", fail_on_call(2, os.replace))
    with pytest.raises(OutputError, match="disk penuh"):
        write_outputs(previous, NEW)
    assert contents(previous) == OLD


def test_a_failure_on_the_last_rename_removes_the_new_files_too(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "replace", fail_on_call(3, os.replace))
    with pytest.raises(OutputError):
        write_outputs(previous, NEW)
    assert contents(previous) == OLD


def test_an_interrupt_is_handled_like_any_failure(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_outputs(previous, NEW)
    assert contents(previous) == OLD


def test_without_hard_links_the_backup_is_a_copy(
    previous: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*args: Any) -> None:
        raise PermissionError("hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(os, "replace", fail_on_call(2, os.replace))
    with pytest.raises(OutputError):
        write_outputs(previous, NEW)
    assert contents(previous) == OLD


@pytest.mark.parametrize("name", ["", ".", "..", "../laporan.md", "sub/laporan.md", "/etc/x"])
def test_names_must_be_plain_file_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="nama berkas keluaran tidak sah"):
        write_outputs(tmp_path / "out", {"laporan.md": b"x", name: b"y"})
    assert not (tmp_path / "out").exists()


def test_same_input_same_bytes(tmp_path: Path) -> None:
    write_outputs(tmp_path / "a", NEW)
    write_outputs(tmp_path / "b", NEW)
    assert contents(tmp_path / "a") == contents(tmp_path / "b")


# --- SOURCE_DATE_EPOCH -------------------------------------------------------------

DEFAULT = dt.date(2025, 2, 28)


def test_source_date_defaults_without_the_variable() -> None:
    assert source_date(DEFAULT, {}) == DEFAULT
    assert source_date(DEFAULT, {"SOURCE_DATE_EPOCH": " "}) == DEFAULT


def test_source_date_reads_utc_seconds() -> None:
    # 2025-03-01 = 20148 days after 1970-01-01 (55 years, 14 leap days, 59 days);
    # 20148 × 86400 = 1 740 787 200; one second earlier is still 28 February.
    assert source_date(DEFAULT, {"SOURCE_DATE_EPOCH": "1740787200"}) == dt.date(2025, 3, 1)
    assert source_date(DEFAULT, {"SOURCE_DATE_EPOCH": "1740787199"}) == dt.date(2025, 2, 28)
    assert source_date(DEFAULT, {"SOURCE_DATE_EPOCH": "0"}) == dt.date(1970, 1, 1)


def test_source_date_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1740787200")
    assert source_date(DEFAULT) == dt.date(2025, 3, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert source_date(DEFAULT) == DEFAULT


@pytest.mark.parametrize("raw", ["kemarin", "1.5", "1e9", "99999999999999999999"])
def test_source_date_refuses_what_is_not_whole_seconds(raw: str) -> None:
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH harus"):
        source_date(DEFAULT, {"SOURCE_DATE_EPOCH": raw})
