"""Narratives that would exhaust the machine: refused in seconds, in bounded memory.

Each payload goes into ``data/2024/narasi/bab-1.md`` of a scratch copy and
``lkjip build`` runs in a process of its own, which reports its peak memory
(``ru_maxrss``). Every payload must end with a ``narasi.*`` finding naming the
file and line, exit 1, in under 15 s and under 1 GB (issue 17: before the
limits, ``'%1000000000s' % 'a'`` took 45 s and 4.9 GB). The process may not
grow past 3 GB, so that a regression fails the test instead of the machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lkjip_cli.render.limits import MAX_FINDINGS

from .harness import OUT, YEAR, Outcome, label

BAB_1 = Path("narasi") / "bab-1.md"
LINE = 5
"""Where the payload is written: a paragraph of its own, after the first one."""
GIB = 1024**3

_DOUBLING = (
    "{% set ns = namespace(s='a') %}{% for i in range(60) %}"
    "{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
)
PAYLOADS = {
    # the attacks of issue 17, as written there
    "format-lebar": ("{{ '%1000000000s' % 'a' }}", "format teks dengan %"),
    "to-bytes": ("{{ (0).to_bytes(10**9, 'big') }}", "atribut 'to_bytes'"),
    # | length exists for declared tables' rows: the doubling is stopped by the memory budget
    "namespace-ganda": (_DOUBLING + "{{ ns.s|length }}", "lebih dari batas 2.097.152"),
    "namespace-ganda-cetak": (_DOUBLING + "{{ ns.s }}", "lebih dari batas 2.097.152"),
    "perulangan-bersarang": (
        "{% for a in range(10**6) %}{% for b in range(10**6) %}{% endfor %}{% endfor %}",
        "range() lebih dari 1000",
    ),
    # the same ideas within each single limit
    "perulangan-tiga-tingkat": (
        "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}"
        "{% endfor %}{% endfor %}{% endfor %}",
        "melewati batas 200.000 langkah",
    ),
    "tambah-ganda": (
        "{% set ns = namespace(s='a') %}{% for i in range(60) %}"
        "{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s }}",
        "lebih dari batas",
    ),
    "daftar-ganda": (  # [x, x] sixty times: 2**60 elements to print, in sixty steps
        "{% set ns = namespace(l=[1]) %}{% for i in range(60) %}"
        "{% set ns.l = [ns.l, ns.l] %}{% endfor %}{{ ns.l }}",
        "langkah",
    ),
    "teks-tetap-dalam-perulangan": (
        "{% set x %}{% for a in range(100) %}{% for b in range(400) %}"
        + "A" * 1000
        + "{% endfor %}"
        "{% endfor %}{% endset %}",
        "lebih dari 33.554.432 karakter",
    ),
    "makro-rekursif": (
        "{% macro m(n) %}{% if n %}{{ m(n - 1) }}{{ m(n - 1) }}{% else %}x{% endif %}"
        "{% endmacro %}{{ m(40) }}",
        "langkah",
    ),
}

_PROBE = """
import resource, sys
limit = 3 * 1024**3
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from lkjip_cli.cli import main
try:
    main()
finally:
    print(f"ru_maxrss={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
"""


def _build(root: Path, *command: str) -> tuple[Outcome, float, int]:
    """``lkjip build`` (or ``command``) in a process of its own: outcome, seconds, peak bytes."""
    command = command or ("build", YEAR.as_posix(), "--out", str(OUT), "--format", "md")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *command],
        cwd=root,
        env={**os.environ, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    elapsed = time.monotonic() - started
    stderr, _, peak = done.stderr.rpartition("ru_maxrss=")
    kib = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return Outcome(done.returncode, done.stdout, stderr), elapsed, int(peak) * kib


def _insert(root: Path, lines: list[str]) -> None:
    path = root / YEAR / BAB_1
    text = path.read_text(encoding="utf-8").split("\n")
    assert text[LINE - 2] == "", "line 4 of bab-1.md must stay blank: a paragraph of its own"
    text[LINE - 1 : LINE - 1] = [*lines, ""]
    path.write_text("\n".join(text), encoding="utf-8")


def _assert_quick_and_small(elapsed: float, peak: int) -> None:
    assert elapsed < 15, f"{elapsed:.1f} s"
    assert peak < GIB, f"{peak / GIB:.2f} GiB"


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_a_payload_is_refused_quickly_in_bounded_memory(name: str, year: Path) -> None:
    payload, words = PAYLOADS[name]
    _insert(year, [f"Kalimat sisipan {payload} selesai."])
    outcome, elapsed, peak = _build(year)
    _assert_quick_and_small(elapsed, peak)
    assert outcome.exit_code == 1, outcome.text[-3000:]
    assert "laporan tidak disusun" in outcome.stderr
    assert LINE in outcome.errors_in(label(BAB_1.as_posix())), outcome.text[-3000:]
    message = next(line for line in outcome.stderr.splitlines() if line.startswith(f"  {LINE}:"))
    assert "[narasi." in message and words in message, message
    assert not (year / OUT).exists()


def _findings_of_bab_1(outcome: Outcome) -> list[str]:
    lines = outcome.stderr.splitlines()
    start = lines.index(label(BAB_1.as_posix())) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith("  ")), len(lines))
    return lines[start:end]


@pytest.mark.parametrize(
    "lines",
    [
        # a thousand unknown references, a thousand directives: one finding each, capped
        ["{% for a in range(1000) %}{{ ref('t' ~ a) }} {% endfor %}"],
        ["{% for a in range(1000) %}", "::: tabel t{{ a }}", "{% endfor %}"],
        ["{% for a in range(1000) %}", "::: daftar fungsi", "{% endfor %}"],
    ],
    ids=["rujukan", "arahan-tidak-dikenal", "arahan-berulang"],
)
def test_a_narrative_produces_a_bounded_number_of_findings(lines: list[str], year: Path) -> None:
    _insert(year, lines)
    outcome, elapsed, peak = _build(year)
    _assert_quick_and_small(elapsed, peak)
    assert outcome.exit_code == 1, outcome.text[-3000:]
    findings = _findings_of_bab_1(outcome)
    assert len(findings) == MAX_FINDINGS + 1, findings
    [notice] = [f for f in findings if "[narasi.terlalu-banyak-temuan]" in f]
    assert f"lebih dari {MAX_FINDINGS} temuan" in notice


def test_check_reports_a_payload_as_an_error_as_quickly(year: Path) -> None:
    # lkjip check stops on a narrative's problems as the build does
    _insert(year, [f"Kalimat sisipan {PAYLOADS['perulangan-tiga-tingkat'][0]} selesai."])
    outcome, elapsed, peak = _build(year, "check", YEAR.as_posix())
    _assert_quick_and_small(elapsed, peak)
    assert outcome.exit_code == 1, outcome.text[-3000:]
    assert (
        f"  {LINE}:1: galat [narasi.placeholder] narasi melewati batas 200.000 langkah"
        in outcome.stdout
    ), outcome.stdout[-3000:]
