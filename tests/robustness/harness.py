"""Running lkjip on damaged copies of ``data/2024`` and judging how it ends.

Every run goes through the real command line (typer's CliRunner on the app, or
a subprocess) in a scratch directory holding ``data/2024``, so messages name
files as a planner sees them (``data/2024/anggaran.yaml``). A run must end
calmly: exit 0, 1 or 2, never 3 (an internal error) nor a traceback.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from lkjip_cli.cli import app

REPO = Path(__file__).resolve().parents[2]
DATA_2024 = REPO / "data" / "2024"
YAML_FILES = tuple(sorted(p.name for p in DATA_2024.glob("*.yaml")))
"""Every data file of the 2024 year."""
REQUIRED = ("lkjip.yaml", "instansi.yaml", "renstra.yaml", "iku.yaml", "pk.yaml", "anggaran.yaml")
YEAR = Path("data") / "2024"
"""The year's directory, relative to the scratch working directory."""
OUT = Path("keluaran")
"""The build's output directory, relative to the scratch working directory."""

_runner = CliRunner()
_ENTRY = re.compile(r"^  (?P<line>\d+):(?P<column>\d+): (?P<severity>galat|peringatan) ")


@dataclass(frozen=True)
class Outcome:
    """How one command ended: exit code and both streams."""

    exit_code: int
    stdout: str
    stderr: str

    @property
    def text(self) -> str:
        """Both streams (findings go to stdout for check, stderr for build)."""
        return self.stdout + self.stderr

    def entries(self) -> set[tuple[str, int, str]]:
        """Every finding of the text report as ``(file, line, severity)``."""
        found: set[tuple[str, int, str]] = set()
        for stream in (self.stdout, self.stderr):
            current = ""
            for line in stream.splitlines():
                if line and not line.startswith(" "):
                    current = line
                elif m := _ENTRY.match(line):
                    found.add((current, int(m["line"]), m["severity"]))
        return found

    def errors_in(self, file: str) -> set[int]:
        """The lines of ``file`` that carry an error."""
        return {line for name, line, sev in self.entries() if name == file and sev == "galat"}


def lkjip(*args: str) -> Outcome:
    """Run ``lkjip ARGS`` in-process; fail the test on a crash or a traceback."""
    result = _runner.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    outcome = Outcome(result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in outcome.text, outcome.text
    assert outcome.exit_code in (0, 1, 2), f"exit {outcome.exit_code}: {outcome.text[-2000:]}"
    return outcome


def label(name: str) -> str:
    """How messages name the data file ``name`` (``data/2024/pk.yaml``)."""
    return (YEAR / name).as_posix()


@contextlib.contextmanager
def workspace() -> Iterator[Path]:
    """A scratch working directory holding a fresh copy of ``data/2024``."""
    with tempfile.TemporaryDirectory(prefix="lkjip-rusak-") as tmp:
        root = Path(tmp)
        shutil.copytree(DATA_2024, root / YEAR)
        with contextlib.chdir(root):
            yield root


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``directory`` (hidden ones too): its bytes and mtime."""
    return {
        p.relative_to(directory).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def seed_previous(files: dict[str, bytes], out: Path) -> dict[str, tuple[bytes, int]]:
    """Put a previous report into ``out``; return its snapshot."""
    out.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (out / name).write_bytes(data)
    return snapshot(out)


def check(*extra: str) -> Outcome:
    """``lkjip check data/2024``."""
    return lkjip("check", YEAR.as_posix(), *extra)


def build(out: Path = OUT) -> Outcome:
    """``lkjip build data/2024 --out OUT`` in every format but PDF."""
    return lkjip("build", YEAR.as_posix(), "--out", str(out), "--format", "docx,md,html")


def assert_refused(
    outcome: Outcome,
    file: str,
    line: int | None = None,
    *,
    codes: tuple[int, ...] = (1, 2),
    words: str = "",
) -> None:
    """Exit 1/2, an error naming ``file`` (at ``line`` when given) and ``words``."""
    assert outcome.exit_code in codes, outcome.text[-3000:]
    where = label(file)
    assert where in outcome.text, f"{where} not named:\n{outcome.text[-3000:]}"
    if line is not None:
        lines = outcome.errors_in(where)
        assert line in lines, (
            f"no error at {where}:{line} (errors at {sorted(lines)}):\n" + (outcome.text[-3000:])
        )
    assert words.lower() in outcome.text.lower(), outcome.text[-3000:]


def assert_build_refused(outcome: Outcome, before: dict[str, tuple[bytes, int]]) -> None:
    """A refused build says so and leaves the output directory exactly as it was."""
    assert outcome.exit_code in (1, 2), outcome.text[-3000:]
    assert "laporan tidak disusun" in outcome.stderr
    assert not outcome.stdout, outcome.stdout
    assert snapshot(OUT) == before


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    """The 1-based line of the ``nth`` line of ``path`` containing ``needle``."""
    hits = [
        number
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if needle in text
    ]
    assert len(hits) >= nth, f"{needle!r} not in {path}"
    return hits[nth - 1]


def replace_line(path: Path, needle: str, new: str) -> int:
    """Replace the first line of ``path`` containing ``needle`` by ``new``; its number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = line_of(path, needle)
    lines[number - 1] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number


def no_debug() -> None:
    """A traceback must never reach the user, so LKJIP_DEBUG must be off."""
    os.environ.pop("LKJIP_DEBUG", None)
