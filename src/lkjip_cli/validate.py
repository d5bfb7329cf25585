"""Load a year's directory and validate it into :class:`DataTahun`, collecting findings.

Every problem becomes a finding with file, line and column; validation never
stops at the first. An invalid item in a list is left out (and its parent
marked incomplete) so that the rest of the file can still be checked — an
auditor wants every problem of a transcription in one run.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from lkjip_cli.findings import Finding, error
from lkjip_cli.loader import (
    Document,
    InputError,
    PathKey,
    Position,
    load_file,
    unprintable,
)
from lkjip_cli.model import FILES, NARRATIVES, REQUIRED, DataTahun, Narasi
from lkjip_cli.model.bansos import DaftarBansos
from lkjip_cli.model.common import Source
from lkjip_cli.model.psks import DaftarPsks
from lkjip_cli.model.realisasi import Realisasi
from lkjip_cli.model.spm import Spm

MAX_NARRATIVE_BYTES = 512 * 1024
_MAX_SALVAGE_ROUNDS = 20


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
        if not path.exists():
            if name in REQUIRED:
                findings.append(_unreadable(f"berkas wajib tidak ditemukan: {label}"))
            continue
        try:
            doc = load_file(path, label)
        except InputError as exc:
            findings.append(_unreadable(exc.message, exc.position or Position(label, 1, 1)))
            continue
        value, file_findings, dropped, doc = validate_document(doc, model)
        documents[name] = doc
        findings.extend(file_findings)
        incomplete.update((name, p) for p in dropped)
        if value is not None:
            models[name] = value
    narasi = _load_narratives(root, findings)
    if any(name not in models for name in REQUIRED):
        return LoadResult(None, findings)
    data = DataTahun(
        root=root,
        config=models["lkjip.yaml"],
        instansi=models["instansi.yaml"],
        renstra=models["renstra.yaml"],
        iku=models["iku.yaml"],
        pk=models["pk.yaml"],
        anggaran=models["anggaran.yaml"],
        realisasi=models.get("realisasi.yaml") or Realisasi(),
        pmks=models.get("pmks.yaml"),
        bansos=models.get("bansos.yaml") or DaftarBansos(),
        psks=models.get("psks.yaml") or DaftarPsks(),
        spm=models.get("spm.yaml") or Spm(),
        insentif=models.get("insentif_fiskal.yaml"),
        narasi=narasi,
        documents=documents,
        incomplete=frozenset(incomplete),
    )
    ref_findings = check_references(data)
    findings.extend(ref_findings)
    return LoadResult(None if ref_findings else data, findings)


def _unreadable(message: str, position: Position | None = None) -> Finding:
    return Finding("input.tidak-terbaca", "error", message, position, unreadable=True)


def _load_narratives(root: Path, findings: list[Finding]) -> dict[str, Narasi]:
    result: dict[str, Narasi] = {}
    folder = root / "narasi"
    for name in NARRATIVES:
        path = folder / f"{name}.md"
        if not path.is_file():
            continue
        label = _label(root, path)
        try:
            if path.stat().st_size > MAX_NARRATIVE_BYTES:
                findings.append(_unreadable("berkas narasi terlalu besar", Position(label, 1, 1)))
                continue
            raw = path.read_bytes()
        except OSError as exc:
            findings.append(
                _unreadable(
                    f"berkas narasi tidak dapat dibaca: {label} ({exc.strerror or exc})",
                    Position(label, 1, 1),
                )
            )
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


def validate_document(
    doc: Document, model: type[Source]
) -> tuple[Any, list[Finding], list[PathKey], Document]:
    """Validate one document; set aside what is invalid so the rest still checks.

    An unreadable value is emptied (kept empty when its field is optional), an
    unknown key is set aside, and an item that still does not validate is left
    out of its list. Returns the model, the findings, the paths of what was
    emptied, set aside or left out (for a left-out item: its list), and the
    document as validated, whose data and positions follow the model's indices.
    """
    data = copy.deepcopy(doc.data) if doc.data is not None else {}
    if not isinstance(data, dict):
        return (
            None,
            [
                error(
                    "input.bentuk", "isi berkas harus berupa peta (kunci: nilai)", doc.position(())
                )
            ],
            [],
            doc,
        )
    findings: list[Finding] = []
    dropped: list[PathKey] = []
    positions = dict(doc.positions)
    emptied: set[PathKey] = set()
    emptied_values: set[PathKey] = set()
    for _ in range(_MAX_SALVAGE_ROUNDS):
        try:
            value = model.model_validate(data)
            return value, findings, dropped, Document(doc.file, data, positions)
        except ValidationError as exc:
            errors = _flatten(exc, data)
        removable: dict[PathKey, set[int]] = {}
        to_empty: list[PathKey] = []
        to_remove: list[PathKey] = []
        fatal = False
        for path, err in errors:
            retried = path in emptied_values
            # a list emptied by leaving out its invalid items is a consequence, not news;
            # so is a required value that was emptied for being unreadable
            if not retried and not (err["type"] == "too_short" and path in emptied):
                findings.append(
                    error(_rule(err), _message(err, path, model), _position(positions, doc, path))
                )
            idx = _deepest_index(path)
            if err["type"] == "extra_forbidden" and path:
                # an unknown key is set aside; the rest of its item can still be checked
                to_remove.append(path)
            elif not retried and path and isinstance(_lookup(data, path), str):
                # an unreadable value is emptied first, in case its field is optional
                to_empty.append(path)
            elif idx is not None:
                removable.setdefault(path[:idx], set()).add(int(path[idx]))
            else:
                fatal = True
        if fatal:
            return None, findings, dropped, doc
        for path in to_empty:
            _get(data, path[:-1])[path[-1]] = None
            emptied_values.add(path)
            dropped.append(path)
        for path in to_remove:
            _get(data, path[:-1]).pop(path[-1], None)
            dropped.append(path)
        for list_path, indices in sorted(removable.items(), key=lambda kv: -len(kv[0])):
            container = _get(data, list_path)
            for i in sorted(indices, reverse=True):
                del container[i]
                emptied.add(list_path)
                positions = _shift(positions, list_path, i)
                # keep every record in the coordinates of the data as it now stands
                dropped = [q for q in (_shift_path(d, list_path, i) for d in dropped) if q]
                dropped.append(list_path)
    return None, findings, dropped, doc


def _flatten(exc: ValidationError, data: Any) -> list[tuple[PathKey, dict[str, Any]]]:
    """Map pydantic's ``loc`` onto data paths; keep the first error of each path."""
    seen: dict[PathKey, dict[str, Any]] = {}
    for err in exc.errors(include_url=False):
        path = _data_path(err["loc"], data)
        if path not in seen:
            seen[path] = dict(err)
    return list(seen.items())


def _data_path(loc: tuple[Any, ...], data: Any) -> PathKey:
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str):
            path.append(part)
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int):
            path.append(part)
            node = node[part] if 0 <= part < len(node) else None
        # other parts name union branches or validators: not in the data
    return tuple(path)


def _deepest_index(path: PathKey) -> int | None:
    for i in range(len(path) - 1, -1, -1):
        if isinstance(path[i], int):
            return i
    return None


def _lookup(data: Any, path: PathKey) -> Any:
    """The value at ``path``, or none when the path does not exist."""
    try:
        return _get(data, path)
    except (KeyError, IndexError, TypeError):
        return None


def _get(data: Any, path: PathKey) -> Any:
    for part in path:
        data = data[part]
    return data


def _shift(
    positions: dict[PathKey, Position], list_path: PathKey, removed: int
) -> dict[PathKey, Position]:
    n = len(list_path)
    result: dict[PathKey, Position] = {}
    for key, pos in positions.items():
        j = key[n] if len(key) > n else None
        if key[:n] == list_path and isinstance(j, int):
            if j == removed:
                continue
            if j > removed:
                key = (*list_path, j - 1, *key[n + 1 :])
        result[key] = pos
    return result


def _shift_path(path: PathKey, list_path: PathKey, removed: int) -> PathKey | None:
    """``path`` after item ``removed`` of ``list_path`` is deleted; none when inside it."""
    n = len(list_path)
    j = path[n] if len(path) > n else None
    if path[:n] == list_path and isinstance(j, int):
        if j == removed:
            return None
        if j > removed:
            return (*list_path, j - 1, *path[n + 1 :])
    return path


def _position(positions: dict[PathKey, Position], doc: Document, path: PathKey) -> Position:
    probe = path
    while probe:
        if probe in positions:
            return positions[probe]
        probe = probe[:-1]
    return doc.position(())


def _rule(err: dict[str, Any]) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        return "input.kolom-tidak-dikenal"
    if kind == "missing":
        return "input.kolom-wajib"
    if kind == "value_error":
        text = str(err.get("ctx", {}).get("error", ""))
        if "tanggal" in text or "bulan" in text:
            return "input.tanggal-tidak-sah"
        if "angka" in text or "bilangan" in text or "uang" in text or "koma" in text:
            return "input.angka-tidak-sah"
    if kind in {"greater_than_equal", "greater_than"}:
        return "input.nilai-negatif"
    return "input.nilai-tidak-sah"


def _all_field_names(model: type[BaseModel], seen: set[type[BaseModel]] | None = None) -> set[str]:
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for info in model.model_fields.values():
        for sub in _models_in(info.annotation):
            names |= _all_field_names(sub, seen)
    return names


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for arg in getattr(annotation, "__args__", ()) or ():
        found.extend(_models_in(arg))
    return found


def _message(err: dict[str, Any], path: PathKey, model: type[Source]) -> str:
    where = format_path(path)
    kind = err["type"]
    value = err.get("input")
    ctx = err.get("ctx", {})
    if kind == "missing":
        return f"{where}: kolom wajib ini belum diisi"
    if kind == "extra_forbidden":
        name = str(path[-1]) if path else "?"
        close = difflib.get_close_matches(name, sorted(_all_field_names(model)), n=1)
        hint = f"; maksud Anda '{close[0]}'?" if close else ""
        return f"{where}: kolom '{name}' tidak dikenal{hint}"
    if kind == "value_error":
        return f"{where}: {ctx.get('error')}"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"{where}: nilai tidak boleh negatif (tertulis {value})"
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace(" or ", " atau ")
        return f"{where}: '{value}' tidak dikenal; pilih salah satu dari {choices}"
    if kind in {"too_short"}:
        return f"{where}: daftar ini tidak boleh kosong"
    if kind == "string_too_short":
        return f"{where}: teks ini tidak boleh kosong"
    if kind == "string_pattern_mismatch":
        return (
            f"{where}: '{value}' bukan id yang sah; gunakan huruf, angka dan garis bawah, "
            "diawali huruf (misalnya pmks_tertangani)"
        )
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"{where}: diharapkan peta (kunci: nilai), tertulis {_show(value)}"
    if kind == "list_type":
        return f"{where}: diharapkan daftar (- ...), tertulis {_show(value)}"
    if kind in {"string_type", "str_type"}:
        return f"{where}: diharapkan teks, tertulis {_show(value)}"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"{where}: '{value}' bukan bilangan bulat"
    if kind in {"decimal_parsing", "decimal_type"}:
        return f"{where}: '{value}' bukan angka"
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        return f"{where}: '{value}' bukan tanggal"
    if kind in {"bool_type", "bool_parsing"}:
        return f"{where}: '{value}' bukan ya/tidak"
    return f"{where}: nilai tidak sah ({err.get('msg')})"


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "sebuah peta"
    if isinstance(value, list):
        return "sebuah daftar"
    if value is None:
        return "kosong"
    return f"'{value}'"


def format_path(path: PathKey) -> str:
    """``program[2].kegiatan[0].pagu_murni`` (1-based for people)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text or "(akar berkas)"


def check_references(data: DataTahun) -> list[Finding]:
    """Every id that one file names in another must exist, and ids must be unique."""
    findings: list[Finding] = []
    rule = "input.referensi-tidak-dikenal"

    def unknown(kind: str, value: str, known: list[str], file: str, path: PathKey) -> None:
        close = difflib.get_close_matches(value, known, n=1)
        hint = f"; maksud Anda '{close[0]}'?" if close else f"; yang dikenal: {', '.join(known)}"
        findings.append(
            error(
                rule,
                f"{format_path(path)}: {kind} '{value}' tidak dikenal{hint}",
                data.pos(file, path),
            )
        )

    def unique(kind: str, ids: list[str], file: str, paths: list[PathKey]) -> None:
        seen: dict[str, PathKey] = {}
        for value, path in zip(ids, paths, strict=True):
            if value in seen:
                first = data.pos(file, seen[value])
                findings.append(
                    error(
                        "input.id-ganda",
                        f"{kind} '{value}' dipakai dua kali (pertama di baris {first.line})",
                        data.pos(file, path),
                    )
                )
            else:
                seen[value] = path

    sasaran_ids: list[str] = []
    sasaran_paths: list[PathKey] = []
    for ti, tujuan in enumerate(data.renstra.tujuan):
        for si, s in enumerate(tujuan.sasaran):
            sasaran_ids.append(s.id)
            sasaran_paths.append(("tujuan", ti, "sasaran", si, "id"))
    unique("sasaran", sasaran_ids, "renstra.yaml", sasaran_paths)
    program_ids = [p.id for p in data.anggaran.program]
    unique(
        "program",
        program_ids,
        "anggaran.yaml",
        [("program", i, "id") for i in range(len(program_ids))],
    )
    indikator_ids = [i.id for i in data.iku.indikator]
    unique(
        "indikator",
        indikator_ids,
        "iku.yaml",
        [("indikator", i, "id") for i in range(len(indikator_ids))],
    )

    for i, p in enumerate(data.anggaran.program):
        if p.sasaran not in sasaran_ids:
            unknown("sasaran", p.sasaran, sasaran_ids, "anggaran.yaml", ("program", i, "sasaran"))
    for i, ind in enumerate(data.iku.indikator):
        if ind.sasaran not in sasaran_ids:
            unknown("sasaran", ind.sasaran, sasaran_ids, "iku.yaml", ("indikator", i, "sasaran"))
        for j, program_id in enumerate(ind.program):
            if program_id not in program_ids:
                unknown(
                    "program", program_id, program_ids, "iku.yaml", ("indikator", i, "program", j)
                )
        if ind.realisasi_dari == "pmks" and data.pmks is None:
            findings.append(
                error(
                    rule,
                    f"indikator '{ind.id}' dihitung dari pmks.yaml, tetapi berkas itu tidak ada",
                    data.pos("iku.yaml", ("indikator", i)),
                )
            )
    for key, agreement in (("murni", data.pk.murni), ("perubahan", data.pk.perubahan)):
        if agreement is None:
            continue
        for j, t in enumerate(agreement.target):
            if t.indikator not in indikator_ids:
                unknown(
                    "indikator",
                    t.indikator,
                    indikator_ids,
                    "pk.yaml",
                    (key, "target", j, "indikator"),
                )
        for j, entry in enumerate(agreement.program):
            if entry.program not in program_ids:
                unknown(
                    "program", entry.program, program_ids, "pk.yaml", (key, "program", j, "program")
                )
    for j, r in enumerate(data.realisasi.indikator):
        if r.indikator not in indikator_ids:
            unknown(
                "indikator",
                r.indikator,
                indikator_ids,
                "realisasi.yaml",
                ("indikator", j, "indikator"),
            )
    if data.insentif is not None:
        for j, a in enumerate(data.insentif.alokasi):
            if a.program not in program_ids:
                unknown(
                    "program",
                    a.program,
                    program_ids,
                    "insentif_fiskal.yaml",
                    ("alokasi", j, "program"),
                )
    return findings
