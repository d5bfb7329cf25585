"""Time lkjip as users feel it: whole CLI processes, wall clock, several runs.

Run by ``make bench`` (from the repository root)::

    .venv/bin/python scripts/bench.py [--runs 5] [--kali 50] [--tanpa-pandoc-besar]

Side by side, in one run, round-robin in a new order each round so that the
machine's noise falls on every command alike (after one untimed warm-up round):

- ``lkjip check 2024`` and ``lkjip build 2024`` (docx, md, html);
- ``pandoc`` converting the Markdown that build wrote to DOCX;
- a Python that only imports typer, pydantic, PyYAML and Jinja: the start-up
  any tool on these libraries pays;
- the same on a year whose budget tree is ``--kali`` times that of 2024
  (``scripts/gen_big.py``), and at half that size to see whether time grows
  linearly with the tree.

Then it prints the medians (with min and max), the ratios and the goals of
issue 17: a build no slower than pandoc's conversion of the Markdown alone,
``lkjip check`` no slower than 2.5 times the Python that only imports its
libraries, time linear in the tree. Without pandoc the rest is still timed and
the comparison is marked missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_big import generate, tree_size  # a sibling script

REPO = Path(__file__).resolve().parents[1]
FORMATS = "docx,md,html"
CHECK_PER_IMPORTS = 2.5
"""Goal: ``lkjip check 2024`` takes at most this many times the bare imports."""
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""The commands' environment: Python may cache bytecode, as in an installed lkjip.

``pip install`` compiles every module; an editable install writes the cache on
first use. Some machines set PYTHONDONTWRITEBYTECODE, and then every run would
compile lkjip's sources again: the warm-up round writes the cache instead.
"""


@dataclass
class Job:
    """One command to time, and its runs in seconds."""

    key: str
    label: str
    argv: list[str]
    cwd: Path
    times: list[float] = field(default_factory=list)

    def run(self) -> float:
        started = time.perf_counter()
        result = subprocess.run(
            self.argv, cwd=self.cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        elapsed = time.perf_counter() - started
        if result.returncode not in (0,):
            sys.exit(
                f"gagal: {self.label} keluar dengan kode {result.returncode}\n"
                + result.stderr.decode("utf-8", "replace")[-2000:]
            )
        return elapsed

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def _lkjip() -> list[str]:
    """The installed console script, as users run it; else the module."""
    script = Path(sys.executable).with_name("lkjip")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "lkjip_cli"]


def _pandoc_version(pandoc: str) -> str:
    out = subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout
    return out.splitlines()[0] if out else pandoc


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _jobs(work: Path, factor: int, pandoc: str | None, big_pandoc: bool) -> list[Job]:
    lkjip = _lkjip()
    half = max(factor // 2, 1)
    data = {1: REPO / "data" / "2024"}
    for size in (half, factor):
        data[size] = generate(work / f"data-{size}x" / "2024", size)
    jobs = [
        Job(
            "imports",
            "python -c 'import typer, pydantic, yaml, jinja2'",
            [sys.executable, "-c", "import typer, pydantic, yaml, jinja2"],
            REPO,
        )
    ]
    for size, path in data.items():
        name = "2024" if size == 1 else f"2024 ×{size}"
        target = "2024" if size == 1 else str(path)
        out = work / f"out-{size}x"
        jobs.append(Job(f"check-{size}", f"lkjip check {name}", [*lkjip, "check", target], REPO))
        jobs.append(
            Job(
                f"build-{size}",
                f"lkjip build {name} ({FORMATS})",
                [*lkjip, "build", target, "--out", str(out), "--format", FORMATS],
                REPO,
            )
        )
        if pandoc and (size == 1 or (size == factor and big_pandoc)):
            jobs.append(
                Job(
                    f"pandoc-{size}",
                    f"pandoc lkjip-2024.md → docx ({name})",
                    [pandoc, "lkjip-2024.md", "-o", str(work / f"pandoc-{size}x.docx")],
                    out,
                )
            )
    return jobs


def _table(jobs: Sequence[Job]) -> str:
    width = max(len(j.label) for j in jobs)
    lines = [f"{'perintah':<{width}}  {'median':>7}  {'min':>7}  {'maks':>7}"]
    for job in jobs:
        lines.append(
            f"{job.label:<{width}}  {job.median:7.2f}  {min(job.times):7.2f}  {max(job.times):7.2f}"
        )
    return "\n".join(lines)


def _verdict(ok: bool) -> str:
    return "tercapai" if ok else "TIDAK tercapai"


def _goals(by: dict[str, Job], factor: int) -> str:
    """The ratios, each with its goal and whether it is met."""
    half = max(factor // 2, 1)
    t = {key: job.median for key, job in by.items()}
    rows: list[tuple[str, str, str]] = []
    for size in (1, factor):
        name = "2024" if size == 1 else f"×{size}"
        if f"pandoc-{size}" in t:
            ratio = t[f"build-{size}"] / t[f"pandoc-{size}"]
            rows.append(
                (
                    f"build {name} / pandoc {name}",
                    f"{ratio:.2f}",
                    f"sasaran ≤ 1: {_verdict(ratio <= 1)}",
                )
            )
        elif size == 1:
            rows.append((f"build {name} / pandoc {name}", "-", "pandoc tidak ada"))
    ratio = t["check-1"] / t["imports"]
    rows.append(
        (
            "check 2024 / impor saja",
            f"{ratio:.2f}",
            f"sasaran ≤ {str(CHECK_PER_IMPORTS).replace('.', ',')}: "
            f"{_verdict(ratio <= CHECK_PER_IMPORTS)}",
        )
    )
    for kind in ("check", "build"):
        t1, th, tf = t[f"{kind}-1"], t[f"{kind}-{half}"], t[f"{kind}-{factor}"]
        # linear: t = start-up + n × cost, so every added copy of the tree costs the same
        early = (th - t1) / (half - 1) if half > 1 else float("nan")
        late = (tf - th) / (factor - half)
        linear = early > 0 and late / early <= 1.25
        rows.append(
            (
                f"{kind} ×{factor} / {kind} 2024",
                f"{tf / t1:.2f}",
                f"tiap salinan pohon: {early * 1000:.0f} ms sampai ×{half}, "
                f"{late * 1000:.0f} ms sesudahnya; linear: {_verdict(linear)}",
            )
        )
    width = max(len(r[0]) for r in rows)
    return "\n".join(f"{a:<{width}}  {b:>6}  {c}" for a, b, c in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument("--kali", type=int, default=50, help="size of the big tree (default 50)")
    parser.add_argument(
        "--tanpa-pandoc-besar",
        action="store_true",
        help="do not time pandoc on the big tree's Markdown (about 30 s a run)",
    )
    args = parser.parse_args(argv)
    pandoc = shutil.which("pandoc")
    print(f"lkjip bench — {dt.date.today().isoformat()}")
    print(f"mesin: {os.cpu_count()} inti, {_cpu()}; Python {platform.python_version()}")
    if pandoc:
        print(f"pandoc: {_pandoc_version(pandoc)}")
    else:
        print(
            "pandoc TIDAK DITEMUKAN: perbandingan dengan pandoc dilewati "
            "(pasang dengan: apt-get install pandoc); yang lain tetap diukur."
        )
    with tempfile.TemporaryDirectory(prefix="lkjip-bench-") as tmp:
        work = Path(tmp)
        jobs = _jobs(work, args.kali, pandoc, not args.tanpa_pandoc_besar)
        programs, kegiatan, sub = tree_size(work / f"data-{args.kali}x" / "2024")
        print(
            f"pohon ×{args.kali}: {programs} program, {kegiatan} kegiatan, {sub} sub kegiatan "
            f"(2024: {'/'.join(map(str, tree_size(REPO / 'data' / '2024')))})"
        )
        print(f"{args.runs} putaran setelah satu putaran pemanasan; detik, jam dinding\n")
        for job in jobs:  # builds come before the pandoc that reads their Markdown
            job.run()
        print("  putaran pemanasan selesai", file=sys.stderr)
        for round_no in range(1, args.runs + 1):
            # A new order each round: what one command leaves behind (pandoc on the big
            # tree runs half a minute and fills memory) must not always fall on the same
            # next command. Seeded, so that a rerun times in the same orders.
            for job in random.Random(round_no).sample(jobs, len(jobs)):
                job.times.append(job.run())
            print(f"  putaran {round_no} selesai", file=sys.stderr)
        print(_table(jobs))
        print()
        print(_goals({j.key: j for j in jobs}, args.kali))
    return 0


if __name__ == "__main__":
    sys.exit(main())
