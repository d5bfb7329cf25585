"""A neutral data directory for any agency's first report (``lkjip init``).

The files are data, not code: ``templates/init/`` holds every required data file
and the narratives of PermenPANRB 53/2014's chapters, with a pattern budget tree
(one program, kegiatan and sub kegiatan), one sasaran and one indicator. Each
value to fill carries a ``# ISI: ...`` comment; figures not known yet are 0 or a
pattern name, so the narratives render and ``lkjip build`` makes a report at
once. Only ``@@NAMA@@``, ``@@DAERAH@@``, ``@@TAHUN@@``, ``@@TAHUN_LALU@@`` and
``@@TAHUN_DEPAN@@`` are replaced, by the options given: nothing else names an
agency.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path

from lkjip_cli.render.jinja import templates_dir
from lkjip_cli.scaffold import ScaffoldError, write_atomically
from lkjip_cli.schemas import modeline

MIN_YEAR, MAX_YEAR = 2000, 2100
"""Years ``lkjip init`` accepts."""


@dataclass
class Started:
    """What ``init_directory`` wrote."""

    target: Path
    written: list[str] = field(default_factory=list)
    """Files created, relative to the target directory."""


def _yaml_text(value: str) -> str:
    """``value`` for a double-quoted YAML scalar."""
    return value.replace("\\", "\\\\").replace('"', '\\"')


def _files(root: Traversable, prefix: str = "") -> dict[str, str]:
    files: dict[str, str] = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            files.update(_files(entry, f"{name}/"))
        elif entry.name.endswith((".yaml", ".md")):
            files[name] = entry.read_text(encoding="utf-8")
    return files


def plan(nama: str, daerah: str, tahun: int) -> dict[str, str | bytes]:
    """Every file of a new data directory: relative path → text."""
    for label, value in (("--nama", nama), ("--daerah", daerah)):
        if not value.strip() or any(c in value for c in "\r\n\t"):
            raise ScaffoldError(f"{label} harus berupa satu baris teks yang tidak kosong")
    if not MIN_YEAR <= tahun <= MAX_YEAR:
        raise ScaffoldError(f"--tahun {tahun} di luar {MIN_YEAR}–{MAX_YEAR}")
    values = {
        "@@NAMA@@": _yaml_text(nama.strip()),
        "@@DAERAH@@": _yaml_text(daerah.strip()),
        "@@TAHUN_LALU@@": str(tahun - 1),
        "@@TAHUN_DEPAN@@": str(tahun + 1),
        "@@TAHUN@@": str(tahun),
    }
    files: dict[str, str | bytes] = {}
    for name, text in _files(templates_dir() / "init").items():
        for token, value in values.items():
            text = text.replace(token, value)
        if name.endswith(".yaml"):
            text = f"{modeline(name)}\n{text}"
        files[name] = text
    return files


def init_directory(target: Path, nama: str, daerah: str, tahun: int) -> Started:
    """Create ``target`` with a neutral year of data; refuse to overwrite anything."""
    files = plan(nama, daerah, tahun)
    if target.exists() and not (target.is_dir() and not any(target.iterdir())):
        raise ScaffoldError(
            f"{target} sudah ada dan tidak kosong; lkjip init tidak menimpa data. "
            "Pilih direktori baru"
        )
    write_atomically(target.absolute().parent, target.absolute(), files)
    return Started(target, sorted(files))
