"""The on-disk cache: where it lives, that it never fails a run, and that it stays small."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lkjip_cli import cache


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("LKJIP_NO_CACHE", "LKJIP_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    return tmp_path


def test_directory_follows_the_environment(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cache.directory() == home / ".cache" / "lkjip"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg"))
    assert cache.directory() == home / "xdg" / "lkjip"
    monkeypatch.setenv("LKJIP_CACHE_DIR", str(home / "mine"))
    assert cache.directory() == home / "mine"
    monkeypatch.setenv("LKJIP_NO_CACHE", "0")
    assert cache.directory() == home / "mine"
    monkeypatch.setenv("LKJIP_NO_CACHE", "1")
    assert cache.directory() is None


def test_an_entry_reads_back_and_a_missing_one_is_none(home: Path) -> None:
    assert cache.get("narasi", "a") is None
    cache.put("narasi", "a", b"isi")
    assert cache.get("narasi", "a") == b"isi"
    assert (home / ".cache" / "lkjip" / "narasi" / "a").read_bytes() == b"isi"
    # no temporary file is left beside it
    assert [p.name for p in (home / ".cache" / "lkjip" / "narasi").iterdir()] == ["a"]


def test_caching_off_stores_nothing(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LKJIP_NO_CACHE", "1")
    cache.put("narasi", "a", b"isi")
    assert cache.get("narasi", "a") is None
    assert not (home / ".cache").exists()


def test_an_unwritable_cache_is_skipped_silently(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = home / "berkas"
    blocker.write_text("bukan direktori")
    monkeypatch.setenv("LKJIP_CACHE_DIR", str(blocker))
    cache.put("narasi", "a", b"isi")  # no exception
    assert cache.get("narasi", "a") is None


def test_key_separates_its_parts() -> None:
    assert cache.key("ab", "c") != cache.key("a", "bc")
    assert cache.key("a", "b") == cache.key("a", "b")
    assert len(cache.key("x")) == 64


def test_only_the_newest_entries_are_kept(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    folder = home / ".cache" / "lkjip" / "narasi"
    for i in range(5):
        cache.put("narasi", f"e{i}", b"x")
        os.utime(folder / f"e{i}", (1_000_000 + i, 1_000_000 + i))
    cache.put("narasi", "baru", b"x")
    assert sorted(p.name for p in folder.iterdir()) == ["baru", "e3", "e4"]
