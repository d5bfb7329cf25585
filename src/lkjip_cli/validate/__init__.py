"""Load a year's directory and validate it into :class:`DataTahun`, collecting findings.

Every problem becomes a finding with file, line and column; validation never
stops at the first. An invalid item in a list is left out (and its parent
marked incomplete) so that the rest of the file can still be checked — an
auditor wants every problem of a transcription in one run.

This module reads the files and the narratives; :mod:`.salvage` validates one
document, :mod:`.messages` words pydantic's errors, :mod:`.references` checks
ids across files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lkjip_cli.datafiles import read_data_file
from lkjip_cli.errors import InputError
from lkjip_cli.findings import Finding
from lkjip_cli.loader import Document, PathKey, Position, load_file, unprintable
from lkjip_cli.model import FIELDS, FILES, NARRATIVES, REQUIRED, DataTahun, Narasi
from lkjip_cli.validate.messages import format_path
from lkjip_cli.validate.references import check_references
from lkjip_cli.validate.salvage import validate_document
from lkjip_cli.validate.tabel import load_tables

__all__ = [
    "MAX_NARRATIVE_BYTES",
    "LoadResult",
    "check_references",
    "format_path",
    "load",
    "validate_document",
]

MAX_NARRATIVE_BYTES = 512 * 1024


@dataclass
class LoadResult:
    """What loading a directory produced: the data (when usable) and every finding."""

    data: DataTahun | None
    findings: list[Finding]


def _label(root: Path, path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load(root: Path) -> LoadResult:
    """Read ``root`` (a year's data directory) and validate every file."""
    if not root.exists():
        return LoadResult(None, [_unreadable(f"direktori data tidak ditemukan: {root}")])
    if not root.is_dir():
        return LoadResult(None, [_unreadable(f"bukan direktori: {root}")])
    findings: list[Finding] = []
    models: dict[str, Any] = {}
    documents: dict[str, Document] = {}
    incomplete: set[tuple[str, PathKey]] = set()
    for name, model in FILES.items():
        path = root / name
        label = _label(root, path)
        if not os.path.lexists(path):
            if name in REQUIRED:
                findings.append(  # the file is the position: JSON and annotations name it
                    _unreadable(f"berkas wajib tidak ditemukan: {label}", Position(label, 1, 1))
                )
            continue
        try:
            doc = load_file(path, label, root=root)
        except InputError as exc:
            findings.append(_refused(exc, label))
            continue
        value, file_findings, dropped, doc = validate_document(doc, model)
        documents[name] = doc
        findings.extend(file_findings)
        incomplete.update((name, p) for p in dropped)
        if value is not None:
            models[name] = value
    anggaran = models.get("anggaran.yaml")
    programs = [p.id for p in anggaran.program] if anggaran is not None else []
    tables = load_tables(root, lambda path: _label(root, path), programs, findings)
    documents.update(tables.documents)
    incomplete.update(tables.incomplete)
    narasi = _load_narratives(root, findings)
    if any(name not in models for name in REQUIRED):
        return LoadResult(None, findings)
    data = DataTahun(
        root=root,
        **{FIELDS[name]: value for name, value in models.items()},
        tabel=tables.tables,
        narasi=narasi,
        documents=documents,
        incomplete=frozenset(incomplete),
    )
    ref_findings = check_references(data)
    findings.extend(ref_findings)
    return LoadResult(None if ref_findings else data, findings)


def _unreadable(message: str, position: Position | None = None) -> Finding:
    return Finding("input.tidak-terbaca", "error", message, position, unreadable=True)


def _refused(exc: InputError, label: str) -> Finding:
    """A file that cannot be read, as a finding at its position (else its first line)."""
    position = exc.position or Position(label, 1, 1)
    return Finding(exc.rule, "error", exc.message, position, unreadable=True)


def _load_narratives(root: Path, findings: list[Finding]) -> dict[str, Narasi]:
    result: dict[str, Narasi] = {}
    folder = root / "narasi"
    for name in NARRATIVES:
        path = folder / f"{name}.md"
        if not os.path.lexists(path):
            continue
        label = _label(root, path)
        try:
            raw = read_data_file(root, path, label=label, limit=MAX_NARRATIVE_BYTES)
        except InputError as exc:
            findings.append(_refused(exc, label))
            continue
        text = _narrative_text(raw, label, findings)
        if text is not None:
            result[name] = Narasi(label, text)
    if folder.is_dir():
        known = {f"{n}.md" for n in NARRATIVES}
        for extra in sorted(folder.glob("*.md")):
            if extra.name not in known:
                findings.append(
                    Finding(
                        "input.narasi-tidak-dikenal",
                        "warning",
                        f"berkas narasi '{extra.name}' tidak dipakai; nama yang dikenal: "
                        + ", ".join(sorted(known)),
                        Position(_label(root, extra), 1, 1),
                    )
                )
    return result


def _narrative_text(raw: bytes, label: str, findings: list[Finding]) -> str | None:
    """The text of a narrative, or none (and a finding with its line) when unusable."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        findings.append(
            _unreadable(
                f"berkas narasi bukan teks UTF-8 (bita ke-{exc.start})", Position(label, line, 1)
            )
        )
        return None
    if (found := unprintable(text)) is not None:
        at, code = found
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        findings.append(
            _unreadable(
                f"berkas narasi berisi karakter {code} yang tidak dapat dicetak; "
                "hapus karakter itu",
                Position(label, line, column),
            )
        )
        return None
    return text
