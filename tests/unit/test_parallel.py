"""run_all: the same results in order whether the jobs run here or in forked children."""

from __future__ import annotations

import os

import pytest

from lkjip_cli import parallel
from lkjip_cli.parallel import JobFailed, run_all

forks = pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork on this platform")


@pytest.fixture
def two_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LKJIP_JOBS", "2")


def _no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


@forks
def test_other_jobs_run_in_children_and_results_keep_their_order(two_jobs: None) -> None:
    here = os.getpid()
    results = run_all([os.getpid, os.getpid, lambda: b"x" * 5_000_000])
    assert results[0] == here
    assert results[1] != here
    # a result far larger than a pipe's buffer arrives whole
    assert results[2] == b"x" * 5_000_000
    assert _no_children_left()


def test_one_job_per_process_when_jobs_is_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LKJIP_JOBS", "1")
    assert run_all([os.getpid, os.getpid]) == [os.getpid(), os.getpid()]


def test_a_single_job_runs_here(two_jobs: None) -> None:
    assert run_all([os.getpid]) == [os.getpid()]
    assert run_all([]) == []


def test_workers_reads_lkjip_jobs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LKJIP_JOBS", "3")
    assert parallel.workers() == 3
    for unusable in ("0", "-2", "dua", ""):
        monkeypatch.setenv("LKJIP_JOBS", unusable)
        assert parallel.workers() >= 1


@forks
def test_an_exception_in_a_child_becomes_job_failed_with_its_traceback(two_jobs: None) -> None:
    def fails() -> None:
        raise ValueError("tabel rusak")

    with pytest.raises(JobFailed, match="ValueError: tabel rusak") as caught:
        run_all([lambda: 1, fails])
    notes = "\n".join(getattr(caught.value, "__notes__", []))
    assert "Traceback" in notes and "tabel rusak" in notes
    assert _no_children_left()


@forks
def test_a_child_that_dies_without_a_result_is_reported(two_jobs: None) -> None:
    with pytest.raises(JobFailed, match="tanpa hasil"):
        run_all([lambda: 1, lambda: os._exit(9)])
    assert _no_children_left()


@forks
def test_an_exception_here_propagates_after_the_children_are_reaped(two_jobs: None) -> None:
    def fails() -> None:
        raise KeyError("di sini")

    with pytest.raises(KeyError, match="di sini"):
        run_all([fails, lambda: 2])
    assert _no_children_left()


@forks
def test_no_fork_while_the_caller_runs_other_threads(two_jobs: None) -> None:
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        # a child forked now could wait forever on a lock the other thread holds
        assert run_all([os.getpid, os.getpid]) == [os.getpid(), os.getpid()]
    finally:
        release.set()
        other.join()
    assert run_all([os.getpid, os.getpid])[1] != os.getpid()
