"""The library API the CLI calls: load, check, build. Nothing here prints."""

from __future__ import annotations

import contextlib
import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from lkjip_cli import checks
from lkjip_cli.compute import compute
from lkjip_cli.diakui import acknowledge
from lkjip_cli.errors import InputError, LkjipError, OutputError
from lkjip_cli.findings import Finding
from lkjip_cli.model import DataTahun
from lkjip_cli.render.writers import WRITERS, Options, write_all
from lkjip_cli.report import Report
from lkjip_cli.validate import load as _load


@dataclass
class CheckResult:
    """Data, Report and findings of one check run."""

    data: DataTahun | None
    report: Report | None
    findings: list[Finding] = field(default_factory=list)


def resolve(target: str, base: Path | None = None) -> Path:
    """``2024`` → ``data/2024``; any other argument is a directory path."""
    base = base or Path.cwd()
    if target.isdigit() and len(target) == 4 and not Path(target).is_dir():
        return base / "data" / target
    return Path(target)


def latest_year(base: Path = Path("data")) -> str:
    """The last year's directory under ``base`` (``data/2025``); LkjipError when there is none."""
    years = sorted(p.name for p in base.glob("[0-9][0-9][0-9][0-9]") if p.is_dir())
    if not years:
        raise LkjipError("tidak ada direktori data/TAHUN; sebutkan dengan --tahun")
    return years[-1]


def load(path: Path) -> tuple[DataTahun | None, list[Finding]]:
    """Load and validate a year's directory."""
    result = _load(path)
    return result.data, result.findings


def check(path: Path, *, narratives: bool = True) -> CheckResult:
    """Load, validate, compute and run every rule; collect every finding.

    ``narratives=False`` skips rendering the narratives (``build`` renders them
    itself and reports their problems).
    """
    data, findings = load(path)
    if data is None:
        return CheckResult(None, None, findings)
    report = compute(data)
    findings = findings + checks.run(data, report)
    if narratives:  # whatever the build would report of them, missing ones too
        from lkjip_cli.render.document import check_narratives

        findings += check_narratives(data, report)
    if not narratives:
        return CheckResult(data, report, findings)  # the build acknowledges at its end
    try:  # the build reads it too: a template it would refuse is refused here
        _template(data, None)
    except InputError as exc:
        findings.append(_unreadable(exc))
    return CheckResult(data, report, acknowledge(data, findings))


FORMATS = tuple(WRITERS)
"""Output formats ``build`` knows, in the order they are written (render/writers.py)."""


@dataclass
class BuildResult:
    """What a build did: its findings and the files it wrote."""

    findings: list[Finding] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Messages for the user that are not findings (e.g. PDF skipped)."""


def build(
    path: Path,
    out_dir: Path,
    formats: tuple[str, ...] = ("docx", "md", "html"),
    *,
    template: Path | None = None,
    pdfa: bool = False,
) -> BuildResult:
    """Check, then render every requested format and write them all at once.

    ``template`` is a DOCX template chosen on the command line (else the data
    repository's, see template.py); ``pdfa`` asks for PDF/A.
    Errors stop the build before anything is written; warnings are kept and
    the build goes on. The outputs are written atomically (see output.py); what a
    build killed while writing left in ``out_dir`` is undone first.
    """
    from lkjip_cli.output import recover, source_date, write_outputs
    from lkjip_cli.render.document import build_document

    _refuse_data_directory(path, out_dir)
    recover(out_dir)
    checked = check(path, narratives=False)
    result = BuildResult(findings=list(checked.findings))
    if checked.data is None or checked.report is None or _has_errors(result.findings):
        if checked.data is not None:
            result.findings = acknowledge(checked.data, result.findings)
        return result
    options = Options(pdfa=pdfa)
    if "docx" in formats or "pdf" in formats:
        try:
            options = Options(_template(checked.data, template), pdfa)
        except InputError as exc:
            result.findings.append(_unreadable(exc))
            return result
    dok, doc_findings = build_document(checked.data, checked.report)
    result.findings = acknowledge(checked.data, result.findings + doc_findings)
    if dok is None:
        return result
    try:
        dok = dataclasses.replace(dok, date=source_date(dok.date))
    except ValueError as exc:
        result.findings.append(Finding("input.tidak-terbaca", "error", str(exc), unreadable=True))
        return result
    stem = f"lkjip-{checked.report.tahun}"
    written = write_all(dok, stem, formats, options)
    result.notes.extend(written.notes)
    result.written = write_outputs(out_dir, written.files)
    _remove_stale_figures(out_dir, written.files)
    return result


def _refuse_data_directory(path: Path, out_dir: Path) -> None:
    """OutputError for an ``--out`` that is the data directory or its narasi/ or tabel/.

    There the report's files would mix with the data: a Markdown file in narasi/ is
    read as a narrative, and a build removes the chart images (``gambar-*.png``) of
    an earlier one from its directory, which in the data are the planner's pictures.
    """
    data = path.resolve()
    out = out_dir.resolve()
    if out == data or any(out.is_relative_to(data / sub) for sub in ("narasi", "tabel")):
        where = "adalah" if out == data else "di dalam"
        raise OutputError(
            f"tidak menulis laporan ke {out_dir}: direktori itu {where} direktori data "
            f"{path}, dan berkas laporan akan bercampur dengan data; pilih direktori lain "
            "dengan --out (bawaan: build/TAHUN)"
        )


def _unreadable(exc: InputError) -> Finding:
    """An input lkjip cannot read, as a finding (exit 2)."""
    return Finding(exc.rule, "error", exc.message, exc.position, unreadable=True)


def _template(data: DataTahun, option: Path | None) -> bytes | None:
    """The DOCX template's bytes (None: the packaged one); InputError names its path."""
    from lkjip_cli.template import read_template

    setting = data.config.templat
    try:
        return read_template(data.root, setting, option)
    except InputError as exc:
        if option is None and setting is not None:
            exc.position = data.pos("lkjip.yaml", ("templat",))
        raise


def _remove_stale_figures(out_dir: Path, files: dict[str, bytes]) -> None:
    """Chart images of an earlier build that this build no longer has."""
    for old in (*out_dir.glob("gambar-*.png"), *out_dir.glob("gambar-*.svg")):
        if old.name not in files and old.is_file():
            # the report is written; an unused old image that stays does no harm
            with contextlib.suppress(OSError):
                old.unlink(missing_ok=True)


def _has_errors(findings: list[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
