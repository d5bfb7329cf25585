"""A new year's data directory from the last one (``lkjip new``).

Carried over: the agency, Renstra, indicators, the program tree with its Rencana
Aksi, the PK's parties and targets, the rows of every table, the narratives
with their pictures, the logo.
Emptied for filling, each marked ``# ISI: ...``: every amount of the DPA, this
year's realization, the PK's date, the typed figures of every declared table
(``tabel/``, set to 0; their stated totals dropped). Each indicator's
realization of the last year, as computed, moves into its ``riwayat``. Figures
as printed (``tercetak``, ``jumlah``) belong to the transcription of one report
and are left out. ``checks.tahun_baru`` names every blank.

The files are written as text, never through a YAML dumper, so numbers keep the
Indonesian notation (``95,38``) and every file keeps its schema line.
"""

from __future__ import annotations

import copy
import os
import posixpath
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lkjip_cli.compute import compute
from lkjip_cli.datafiles import read_data_file
from lkjip_cli.errors import InputError, LkjipError, write_error
from lkjip_cli.findings import Finding, error, exit_code
from lkjip_cli.loader import MAX_FILE_BYTES, parse_text
from lkjip_cli.model import FILES, DataTahun
from lkjip_cli.model.tabel import NUMERIC, TabelData
from lkjip_cli.numbers import format_decimal_id
from lkjip_cli.render.pictures import IMAGE, load_picture
from lkjip_cli.report import Report
from lkjip_cli.schemas import modeline
from lkjip_cli.validate import MAX_NARRATIVE_BYTES
from lkjip_cli.validate import load as load_directory
from lkjip_cli.yamlcomments import carry_comments
from lkjip_cli.yamltext import Isi, Note, emit, mark_quoted, plain

NOT_CARRIED: tuple[str, ...] = ()
"""Data files of one year only: not copied into the next."""


class ScaffoldError(LkjipError):
    """A new year that cannot be created as asked (exit code 2)."""


@dataclass
class NewYear:
    """What ``new_year`` did: the directories, the files written and left out."""

    source: Path
    target: Path
    findings: list[Finding] = field(default_factory=list)
    """Problems of the source data; nothing is written when there is an error."""
    written: list[str] = field(default_factory=list)
    """Files created, relative to the target directory."""
    skipped: list[str] = field(default_factory=list)
    """Files of the source directory that were not carried over."""


@dataclass(frozen=True)
class _Context:
    year: int
    prev: int
    data: DataTahun
    report: Report


def new_year(data_dir: Path, year: int, prev: int | Path) -> NewYear:
    """Create ``data_dir/year`` from ``data_dir/prev`` (or from the directory ``prev``).

    Nothing is overwritten. A source given as a directory is any year's data
    directory (``examples/dinkes-2024``); its year is the one its ``lkjip.yaml`` says.
    """
    source = prev if isinstance(prev, Path) else data_dir / str(prev)
    target = data_dir / str(year)
    if isinstance(prev, int) and year <= prev:
        raise ScaffoldError(f"tahun baru ({year}) harus sesudah tahun sumber ({prev})")
    if not source.is_dir():
        raise ScaffoldError(f"direktori data sumber tidak ditemukan: {source}")
    if target.exists():
        raise ScaffoldError(
            f"{target} sudah ada; lkjip new tidak menimpa data. "
            "Pindahkan atau hapus direktori itu bila memang ingin membuatnya ulang"
        )
    loaded = load_directory(source)
    result = NewYear(source, target, list(loaded.findings))
    if loaded.data is None or exit_code(loaded.findings) != 0:
        return result
    data = loaded.data
    if isinstance(prev, Path):
        prev = data.config.tahun
        if year <= prev:
            raise ScaffoldError(
                f"tahun baru ({year}) harus sesudah tahun sumber ({prev}, "
                f"menurut {source / 'lkjip.yaml'})"
            )
    elif data.config.tahun != prev:
        result.findings.append(
            error(
                "tahun-baru.tahun-sumber",
                f"tahun: {source}/lkjip.yaml menulis tahun {data.config.tahun}, bukan {prev}; "
                "perbaiki tahunnya atau pilih direktori sumber yang benar",
                data.pos("lkjip.yaml", ("tahun",)),
            )
        )
        return result
    files = _plan(_Context(year, prev, data, compute(data)))
    result.skipped = _skipped(source, files)
    write_atomically(data_dir, target, files)
    result.written = sorted(files)
    return result


def _tabel_text(ctx: _Context, t: TabelData, header: str) -> str:
    source_text = _read(ctx.data.root, t.file, MAX_FILE_BYTES).decode("utf-8-sig")
    doc = ctx.data.documents[t.file]
    tree = mark_quoted(source_text, copy.deepcopy(doc.data)) if doc.data else {}
    _tabel(tree, ctx, t)
    first = source_text.split("\n", 1)[0].rstrip("\r")
    schema_line = (
        first
        if first.startswith("# yaml-language-server:")
        else modeline("tabel.yaml", "../../../schema")
    )
    text = carry_comments(source_text, emit(tree, [schema_line, header]))
    if parse_text(text, t.file).data != plain(tree):
        raise RuntimeError(f"YAML yang disusun untuk {t.file} tidak terbaca kembali sama")
    return text


def _plan(ctx: _Context) -> dict[str, str | bytes]:
    """Every file of the new year: relative path → text (or a spreadsheet's bytes)."""
    files: dict[str, str | bytes] = {}
    header = (
        f"# Data tahun {ctx.year}, dibuat dari data tahun {ctx.prev} oleh `lkjip new`: "
        "isi setiap nilai bertanda ISI, periksa yang bertanda PERIKSA."
    )
    for name in FILES:
        doc = ctx.data.documents.get(name)
        if doc is None or name in NOT_CARRIED:
            continue
        source_text = _read(ctx.data.root, name, MAX_FILE_BYTES).decode("utf-8-sig")
        tree = mark_quoted(source_text, copy.deepcopy(doc.data)) if doc.data else {}
        _drop_printed(tree)
        transform = _TRANSFORMS.get(name)
        if transform is not None:
            transform(tree, ctx)
        first = source_text.split("\n", 1)[0].rstrip("\r")
        schema_line = first if first.startswith("# yaml-language-server:") else modeline(name)
        rename = {"murni": "perubahan"} if name == "pk.yaml" and ctx.data.pk.perubahan else None
        text = carry_comments(source_text, emit(tree, [schema_line, header]), rename)
        if parse_text(text, name).data != plain(tree):
            raise RuntimeError(f"YAML yang disusun untuk {name} tidak terbaca kembali sama")
        files[name] = text
    for t in ctx.data.tabel.values():
        files[t.file] = _tabel_text(ctx, t, header)
        sheet = t.tabel.baris_dari
        if sheet is not None and (ctx.data.root / "tabel" / sheet.berkas).is_file():
            files[f"tabel/{sheet.berkas}"] = _read(
                ctx.data.root, f"tabel/{sheet.berkas}", MAX_FILE_BYTES
            )
    narasi = ctx.data.root / "narasi"
    if narasi.is_dir():
        for path in sorted(narasi.glob("*.md")):
            name = f"narasi/{path.name}"
            raw = _read(ctx.data.root, name, MAX_NARRATIVE_BYTES)
            try:
                files[name] = raw.decode("utf-8")  # copied as it is, line endings too
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{ctx.data.root / name} bukan teks UTF-8 (bita ke-{exc.start}); "
                    "simpan ulang sebagai UTF-8 atau hapus berkas itu"
                ) from None
    files.update(_pictures(ctx.data, files))
    return files


def _pictures(data: DataTahun, files: dict[str, str | bytes]) -> dict[str, bytes]:
    """The logo and the narratives' pictures: the copied instansi.yaml and prose name them.

    Only a picture that is read in the source year is copied (one that is not is that
    year's finding already); its path is the one written, relative to the directory.
    """
    sources = [data.instansi.logo] if data.instansi.logo else []
    for name, text in files.items():
        if name.startswith("narasi/") and isinstance(text, str):
            sources.extend(m["src"] for m in IMAGE.finditer(text))
    copied: dict[str, bytes] = {}
    for source in sources:
        name = posixpath.normpath(source)
        if name in copied or name in files:
            continue
        try:
            copied[name] = load_picture(data.root, source, "").data
        except InputError:
            continue
    return copied


def _read(root: Path, name: str, limit: int) -> bytes:
    """A file of the source year, read only if it is a regular file inside it."""
    return read_data_file(root, root / name, label=str(root / name), limit=limit)


def _skipped(source: Path, files: dict[str, str | bytes]) -> list[str]:
    present = {
        p.relative_to(source).as_posix()
        for p in source.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(source).parts)
    }
    return sorted(present - set(files))


def write_atomically(data_dir: Path, target: Path, files: dict[str, str | bytes]) -> None:
    """Write into a hidden sibling, then rename: never a half-made year."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=data_dir))
    except OSError as exc:
        raise write_error(target, exc, "--data") from None
    try:
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):  # a spreadsheet of baris_dari, copied as it is
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8", newline="\n")
        os.rename(staging, target)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):
            raise write_error(target, exc, "--data") from None
        raise


def _drop_printed(node: Any) -> None:
    """Remove every ``tercetak`` block: figures as printed by last year's report."""
    if isinstance(node, dict):
        node.pop("tercetak", None)
        for value in node.values():
            _drop_printed(value)
    elif isinstance(node, list):
        for item in node:
            _drop_printed(item)


def _put(mapping: dict[Any, Any], key: str, value: Any, after: str) -> None:
    """Set ``key``; a new key goes right after ``after`` (or last) to keep the reading order."""
    if key in mapping or after not in mapping:
        mapping[key] = value
        return
    items = list(mapping.items())
    mapping.clear()
    for k, v in items:
        mapping[k] = v
        if k == after:
            mapping[key] = value


def _dicts(value: Any) -> list[dict[Any, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _lkjip(tree: dict[Any, Any], ctx: _Context) -> None:
    tree["tahun"] = str(ctx.year)


def _instansi(tree: dict[Any, Any], ctx: _Context) -> None:
    laporan = tree.get("laporan")
    if isinstance(laporan, dict) and "tanggal" in laporan:
        laporan["tanggal"] = Isi(
            laporan["tanggal"],
            f"tanggal penandatanganan LKjIP {ctx.year} (awal tahun {ctx.year + 1})",
        )
    if "pegawai" in tree:
        tree["pegawai"] = Isi(tree["pegawai"], f"jumlah pegawai tahun {ctx.year}", "PERIKSA")


def _pk(tree: dict[Any, Any], ctx: _Context) -> None:
    # The PK Perubahan is a mid-year revision: a new year starts from the PK in
    # force at the end of the last one, as its (not yet signed) PK murni.
    source = tree.get("perubahan") or tree.get("murni") or {}
    pk = {k: v for k, v in source.items() if k != "jumlah"}
    _put(pk, "tanggal", Isi(None, f"tanggal penandatanganan PK {ctx.year}"), after="tempat")
    if "target" in pk:
        pk["target"] = Isi(
            pk["target"], f"target PK {ctx.year} (disalin dari {ctx.prev})", "PERIKSA"
        )
    for item in _dicts(pk.get("program")):
        item.pop("anggaran", None)
    tree.clear()
    tree["murni"] = pk
    if ctx.data.pk.perubahan is not None:
        note = (
            f"ISI bila PK {ctx.year} diubah di tengah tahun: tambahkan perubahan: dengan "
            f"bentuk yang sama seperti murni: (PK {ctx.prev} di atas berasal dari "
            f"PK Perubahan {ctx.prev})"
        )
        tree[Note(note)] = None


def _anggaran(tree: dict[Any, Any], ctx: _Context) -> None:
    tree.pop("jumlah", None)
    pengesahan = tree.get("pengesahan")
    if isinstance(pengesahan, dict):
        pengesahan["tanggal"] = Isi(None, f"tanggal penandatanganan Rencana Aksi {ctx.year}")
    tree.pop("rencana_aksi_jumlah", None)
    for program in _dicts(tree.get("program")):
        program.pop("jumlah", None)
        for kegiatan in _dicts(program.get("kegiatan")):
            kegiatan.pop("jumlah", None)
            for sub in _dicts(kegiatan.get("sub_kegiatan")):
                sub["pagu_murni"] = Isi("0", f"pagu murni DPA {ctx.year}")
                sub["pagu_perubahan"] = Isi(
                    "0", f"pagu perubahan DPA {ctx.year} (= pagu murni bila tidak berubah)"
                )
                _put(
                    sub,
                    "realisasi",
                    Isi(None, f"realisasi anggaran {ctx.year}"),
                    after="pagu_perubahan",
                )
                rencana_aksi = sub.get("rencana_aksi")
                if isinstance(rencana_aksi, dict):
                    rencana_aksi.pop("anggaran", None)


def _realisasi(tree: dict[Any, Any], ctx: _Context) -> None:
    entries = {e.get("indikator"): e for e in _dicts(tree.get("indikator"))}
    result = []
    for ind in ctx.data.iku.indikator:
        old = entries.get(ind.id, {})
        value = ctx.report.indikator[ind.id].realisasi
        riwayat = dict(old.get("riwayat") or {})
        if value is not None:
            riwayat[str(ctx.prev)] = format_decimal_id(value, 2)
        if not old and not riwayat and ind.realisasi_dari:
            continue
        entry: dict[Any, Any] = {"indikator": ind.id}
        if ind.realisasi_dari:
            spec = ind.realisasi_dari
            entry[
                Note(f"realisasi {ctx.year} dihitung dari {spec.pembilang} ÷ {spec.penyebut}")
            ] = None
        else:
            entry["realisasi"] = Isi(None, f"realisasi {ctx.year}")
        if riwayat:
            entry["riwayat"] = dict(sorted(riwayat.items(), key=lambda kv: int(kv[0])))
        pembanding = old.get("pembanding")
        if isinstance(pembanding, dict):
            entry[
                Note(
                    f"ISI bila ada: pembanding: {{daerah: {pembanding.get('daerah')}, "
                    f"tahun: {ctx.year}, realisasi: ...}}"
                )
            ] = None
        result.append(entry)
    tree["indikator"] = result
    for rpjmd in _dicts(tree.get("rpjmd")):
        for key in ("target", "realisasi"):
            _add_year_note(rpjmd, key, ctx.year, f"{key} tahun {ctx.year}")


def _add_year_note(mapping: dict[Any, Any], key: str, year: int, what: str) -> None:
    values = mapping.get(key)
    values = dict(values) if isinstance(values, dict) else {}
    if str(year) not in values:
        values[Note(f"ISI: {year}: {what}")] = None
    mapping[key] = values


def _tabel(tree: dict[Any, Any], ctx: _Context, t: TabelData) -> None:
    """Typed figures of a declared table set to 0, its stated totals and words dropped."""
    numeric = [k.id for k in t.tabel.kolom if k.jenis in NUMERIC and k.rumus is None]
    tree.pop("terbilang", None)  # figures as printed belong to one report's transcription
    total = tree.get("jumlah")
    if isinstance(total, dict):
        tree["jumlah"] = {k: v for k, v in total.items() if k == "label"}
    if tree.get("sumber"):
        tree["sumber"] = Isi(None, f"sumber data {ctx.year} (tahun {ctx.prev}: {tree['sumber']})")
    rows = _dicts(tree.get("baris"))
    for row in rows:
        for item in (row, *_dicts(row.get("rincian"))):
            for key in numeric:
                if key in item:
                    item[key] = "0"
    if rows and numeric:
        tree["baris"] = Isi(tree["baris"], f"angka tahun {ctx.year} per baris (masih 0)")
    if isinstance(tree.get("baris_dari"), dict) and t.tabel.baris_dari is not None:
        tree["baris_dari"] = Isi(
            tree["baris_dari"],
            f"{t.tabel.baris_dari.berkas} disalin dengan angka tahun {ctx.prev}: "
            f"ganti isinya dengan angka tahun {ctx.year}",
        )
    if "{tahun}" not in t.tabel.judul and str(ctx.prev) in t.tabel.judul:
        tree["judul"] = Isi(tree["judul"], f"PERIKSA: judul menyebut tahun {ctx.prev}")


_TRANSFORMS = {
    "lkjip.yaml": _lkjip,
    "instansi.yaml": _instansi,
    "pk.yaml": _pk,
    "anggaran.yaml": _anggaran,
    "realisasi.yaml": _realisasi,
}
