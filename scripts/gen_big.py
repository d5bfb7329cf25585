"""Write a year's data whose budget tree is N times that of data/2024 (default 50).

A whole district's agencies in one tree, for the benchmark (``scripts/bench.py``):
every program of ``anggaran.yaml`` is copied N-1 times under new ids and names
(``penunjang`` → ``penunjang_2`` …, "… (salinan 2)"), with every kegiatan and
sub kegiatan, so the tree has N times the programs, kegiatan and sub kegiatan.
What refers to programs follows: the PK's program tables, the programs of each
indicator in ``iku.yaml``; the printed totals at the root of ``anggaran.yaml``
become N times as large. The other files and the narratives are copied as they
are, so the data still checks without errors and the report still builds.

Run from the repository root::

    .venv/bin/python scripts/gen_big.py build/besar-50 --kali 50
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
from pathlib import Path
from typing import Any

from lkjip_cli.loader import load_file
from lkjip_cli.numbers import format_number, parse_rupiah
from lkjip_cli.yamltext import emit

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "data" / "2024"


def _scaled(amount: str | None, factor: int) -> str | None:
    if amount is None:
        return None
    value = parse_rupiah(amount) * factor
    places = 0 if value == value.to_integral_value() else 2
    return format_number(value, places)


def _renamed(item: dict[str, Any], copy_no: int) -> dict[str, Any]:
    """A kegiatan or sub kegiatan (and what it holds) under a name of its own."""
    item = dict(item)
    if isinstance(item.get("nama"), str):
        item["nama"] = f"{item['nama']} (salinan {copy_no})"
    for child in ("kegiatan", "sub_kegiatan"):
        if isinstance(item.get(child), list):
            item[child] = [_renamed(c, copy_no) for c in item[child]]
    return item


def _program_copy(program: dict[str, Any], copy_no: int) -> dict[str, Any]:
    clone = _renamed(copy.deepcopy(program), copy_no)
    clone["id"] = f"{program['id']}_{copy_no}"
    return clone


def _header(path: Path) -> list[str]:
    """The file's leading comment lines (the schema line), kept on top."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines


def _rewrite(target: Path, name: str, data: Any) -> None:
    (target / name).write_text(emit(data, _header(SOURCE / name)), encoding="utf-8")


def generate(target: Path, factor: int = 50, source: Path = SOURCE) -> Path:
    """Write the enlarged year into ``target`` (replaced if it exists); return it."""
    if factor < 1:
        raise ValueError("factor must be at least 1")
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)

    anggaran = load_file(source / "anggaran.yaml").data
    programs: list[dict[str, Any]] = anggaran["program"]
    copies = {p["id"]: [f"{p['id']}_{n}" for n in range(2, factor + 1)] for p in programs}
    anggaran["program"] = programs + [
        _program_copy(p, n) for n in range(2, factor + 1) for p in programs
    ]
    totals = anggaran.get("jumlah") or {}
    for key, amount in totals.items():
        totals[key] = _scaled(amount, factor)
    _rewrite(target, "anggaran.yaml", anggaran)

    pk = load_file(source / "pk.yaml").data
    for part in ("murni", "perubahan"):
        agreement = pk.get(part)
        if not agreement or not agreement.get("program"):
            continue
        rows = agreement["program"]
        extra = [
            {**row, "program": new}
            for n in range(factor - 1)
            for row in rows
            for new in [copies[row["program"]][n]]
            if "anggaran" not in row  # a printed amount would not match the copy
        ]
        agreement["program"] = rows + extra
    _rewrite(target, "pk.yaml", pk)

    iku = load_file(source / "iku.yaml").data
    for indikator in iku["indikator"]:
        refs = indikator.get("program") or []
        indikator["program"] = refs + [new for ref in refs for new in copies[ref]]
    _rewrite(target, "iku.yaml", iku)
    return target


def tree_size(path: Path) -> tuple[int, int, int]:
    """Programs, kegiatan and sub kegiatan of a year's ``anggaran.yaml``."""
    programs = load_file(path / "anggaran.yaml").data["program"]
    kegiatan = [k for p in programs for k in p.get("kegiatan") or []]
    sub = [s for k in kegiatan for s in k.get("sub_kegiatan") or []]
    return len(programs), len(kegiatan), len(sub)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path, help="directory to write (replaced)")
    parser.add_argument("--kali", type=int, default=50, help="size factor (default 50)")
    args = parser.parse_args(argv)
    target = generate(args.target, args.kali)
    programs, kegiatan, sub = tree_size(target)
    size = (target / "anggaran.yaml").stat().st_size
    print(
        f"{target}: {programs} program, {kegiatan} kegiatan, {sub} sub kegiatan; "
        f"anggaran.yaml {size / 1e6:.2f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
