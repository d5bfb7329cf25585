"""Run independent jobs at once in forked processes, where the platform allows it.

A build writes several formats from the same document; each writer is pure
(document in, bytes out), so on a machine with more than one core they need
not wait for each other. The first job runs in this process; each other job
runs in a child forked from it, which inherits the document without copying
or pickling it and sends back only its result (bytes) through a pipe.

Where ``os.fork`` does not exist (Windows), on one core, with
``LKJIP_JOBS=1``, or when the calling program runs other threads (a child
forked then could wait forever on a lock one of them held, the import lock
among them), the jobs run one after the other here: the results are the same
bytes either way, only the time differs.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar, cast

T = TypeVar("T")


class JobFailed(RuntimeError):
    """A job in a child process raised, or the child died without a result."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        if detail:  # printed under the parent's traceback (LKJIP_DEBUG=1)
            self.add_note(f"di proses anak:\n{detail}")


def workers() -> int:
    """How many processes may run at once: ``LKJIP_JOBS``, else the usable cores."""
    wanted = os.environ.get("LKJIP_JOBS", "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def run_all(jobs: Sequence[Callable[[], T]]) -> list[T]:
    """Every job's result, in order; the first job runs here, others in parallel children.

    An exception in the first job propagates as is; one in a child becomes
    :class:`JobFailed` with the child's message and traceback. Either way every
    child is waited for, so none outlives the call.
    """
    if len(jobs) < 2 or not hasattr(os, "fork") or workers() < 2 or threading.active_count() > 1:
        return [job() for job in jobs]
    # Output buffered before the fork would be written twice: once by each process.
    sys.stdout.flush()
    sys.stderr.flush()
    children = [_start(job) for job in jobs[1:]]
    try:
        first = jobs[0]()
    finally:
        outcomes = [_collect(pid, fd) for pid, fd in children]
    results = [first]
    for outcome in outcomes:
        if isinstance(outcome, JobFailed):
            raise outcome
        results.append(cast(T, outcome))
    return results


def _start(job: Callable[[], object]) -> tuple[int, int]:
    import pickle  # here, not at the top: `lkjip check` never forks
    import traceback

    read, write = os.pipe()
    pid = os.fork()
    if pid:  # parent
        os.close(write)
        return pid, read
    # child: never return into the caller's code, never run its exit handlers
    os.close(read)
    status = 0
    try:
        try:
            payload = pickle.dumps(("ok", job()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # reported to the parent, which decides
            status = 1
            payload = pickle.dumps(
                ("error", f"{type(exc).__name__}: {exc}", traceback.format_exc())
            )
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
    except BaseException:
        status = 2
    finally:
        os._exit(status)


def _collect(pid: int, fd: int) -> object:
    """The child's result, or :class:`JobFailed`; reads the pipe before reaping the child."""
    import pickle

    with os.fdopen(fd, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(pid, 0)
    try:
        outcome = pickle.loads(payload)
    except Exception:
        return JobFailed(f"proses penulis berhenti tanpa hasil (status {status})")
    if outcome[0] == "ok":
        return outcome[1]
    return JobFailed(outcome[1], outcome[2])
