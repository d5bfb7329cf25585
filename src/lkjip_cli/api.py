"""The library API the CLI calls: load, check, build. Nothing here prints."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lkjip_cli import checks
from lkjip_cli.compute import compute
from lkjip_cli.findings import Finding
from lkjip_cli.model import DataTahun
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


def load(path: Path) -> tuple[DataTahun | None, list[Finding]]:
    """Load and validate a year's directory."""
    result = _load(path)
    return result.data, result.findings


def check(path: Path) -> CheckResult:
    """Load, validate, compute and run every rule; collect every finding."""
    data, findings = load(path)
    if data is None:
        return CheckResult(None, None, findings)
    report = compute(data)
    findings = findings + checks.run(data, report)
    return CheckResult(data, report, findings)
