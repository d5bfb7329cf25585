"""The Finding type and its reporters (text, json, github)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lkjip_cli.loader import Position

Severity = Literal["error", "warning"]
_LABEL = {"error": "galat", "warning": "peringatan"}


@dataclass(frozen=True)
class Finding:
    """One problem: a rule id, severity, where, and what (in Indonesian)."""

    rule: str
    severity: Severity
    message: str
    position: Position | None = None
    unreadable: bool = False
    """The input could not be read at all (exit code 2)."""
    diakui: str | None = None
    """The reason the agency gave for acknowledging this warning (``lkjip.yaml`` ``diakui``)."""

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order by file, line, column, rule."""
        p = self.position
        return (p.file, p.line, p.column, self.rule) if p else ("", 0, 0, self.rule)


def error(rule: str, message: str, position: Position | None = None) -> Finding:
    """An error finding."""
    return Finding(rule, "error", message, position)


def warning(rule: str, message: str, position: Position | None = None) -> Finding:
    """A warning finding."""
    return Finding(rule, "warning", message, position)


def exit_code(findings: Iterable[Finding], *, strict: bool = False) -> int:
    """0 clean (warnings allowed), 1 errors (or warnings when strict), 2 unreadable."""
    items = list(findings)
    if any(f.unreadable for f in items):
        return 2
    if any(f.severity == "error" for f in items):
        return 1
    if strict and any(f.diakui is None for f in items):
        return 1  # an acknowledged warning passes --strict
    return 0


def summary(findings: list[Finding]) -> str:
    """``2 galat, 1 peringatan`` (``, 2 diakui`` when warnings were acknowledged)."""
    errors = sum(f.severity == "error" for f in findings)
    acknowledged = sum(f.diakui is not None for f in findings)
    warnings = len(findings) - errors - acknowledged
    if not findings:
        return "tidak ada temuan"
    counted = f"{errors} galat, {warnings} peringatan"
    return f"{counted}, {acknowledged} diakui" if acknowledged else counted


def _where(p: Position | None) -> str:
    """``142:27`` in a YAML file, ``Sheet1!C12`` in a spreadsheet."""
    if p is None:
        return "-"
    return p.cell if p.cell is not None else f"{p.line}:{p.column}"


def render_text(findings: list[Finding], *, color: bool = False) -> str:
    """Readable text grouped by file; ANSI colour only when ``color`` (a terminal).

    The layout is the same with and without colour::

        data/2024/anggaran.yaml
          142:27: galat [anggaran.jumlah-tidak-cocok] pagu perubahan kegiatan ...
              - Penyediaan Peralatan Rumah Tangga: Rp. 19.309.899

        1 galat, 0 peringatan
    """
    lines: list[str] = []
    current: str | None = None
    for f in sorted(findings, key=Finding.sort_key):
        file = _one_line(f.position.file) if f.position else "(umum)"
        if file != current:
            if current is not None:
                lines.append("")
            lines.append(_paint(file, "1", color))
            current = file
        where = _where(f.position)
        label = _paint(_LABEL[f.severity], "31" if f.severity == "error" else "33", color)
        if f.diakui is not None:
            label = _paint("diakui", "2", color)
        rule = _paint(f"[{f.rule}]", "2", color)
        first, *rest = f.message.replace("\r", "\\r").split("\n")
        lines.append(f"  {where}: {label} {rule} {first}")
        lines.extend(f"      {line}" for line in rest)
        if f.diakui is not None:
            lines.append(f"      alasan: {_one_line(f.diakui)}")
    if lines:
        lines.append("")
    lines.append(_paint(summary(findings), _summary_colour(findings), color))
    return no_workflow_commands("\n".join(lines) + "\n")


_COMMAND_START = re.compile(r"^(\s*):(?=:)", re.MULTILINE)


def no_workflow_commands(text: str) -> str:
    """``text`` with no line that GitHub Actions would run as a workflow command.

    The runner takes any line of a step's output that starts with ``::``
    (after blanks) as a command: a file name or a value holding a newline
    followed by ``::error::…`` must not forge an annotation (or ``::add-mask::``,
    ``::stop-commands::``). Such a line gets a blank between its two colons.
    """
    return _COMMAND_START.sub(r"\1: ", text)


def _one_line(text: str) -> str:
    """A file name on one line: line breaks shown as ``\\n`` and ``\\r``."""
    return text.replace("\r", "\\r").replace("\n", "\\n")


def _summary_colour(findings: list[Finding]) -> str:
    if any(f.severity == "error" for f in findings):
        return "1;31"
    return "1;33" if any(f.diakui is None for f in findings) else "1;32"


def wants_color(stream: object, environ: Mapping[str, str] | None = None) -> bool:
    """Colour for a terminal, unless ``NO_COLOR`` is set (https://no-color.org)."""
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def render_for(findings: list[Finding], fmt: str, stream: object) -> str:
    """The findings as ``fmt`` (``text``, ``json`` or ``github``) to be written to ``stream``.

    Text is in colour when ``stream`` is a terminal that wants it (:func:`wants_color`);
    GitHub annotations name files relative to :func:`repository_root`.
    """
    if fmt == "json":
        return render_json(findings)
    if fmt == "github":
        return render_github(findings, repository_root())
    return render_text(findings, color=wants_color(stream))


def render_json(findings: list[Finding]) -> str:
    """A JSON array of findings."""
    items = [
        {
            "rule": f.rule,
            "severity": f.severity,
            "file": f.position.file if f.position else None,
            "line": f.position.line if f.position else None,
            **({"cell": f.position.cell} if f.position and f.position.cell else {}),
            "column": f.position.column if f.position else None,
            "message": f.message,
            **({"diakui": f.diakui} if f.diakui is not None else {}),
        }
        for f in sorted(findings, key=Finding.sort_key)
    ]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def repository_root(environ: Mapping[str, str] | None = None, cwd: Path | None = None) -> Path:
    """``GITHUB_WORKSPACE`` when set, else the nearest directory holding ``.git``, else ``cwd``."""
    env = os.environ if environ is None else environ
    here = (cwd or Path.cwd()).resolve()
    if workspace := env.get("GITHUB_WORKSPACE"):
        return (here / workspace).resolve()
    return next((d for d in (here, *here.parents) if (d / ".git").exists()), here)


def render_github(
    findings: list[Finding], root: Path | None = None, cwd: Path | None = None
) -> str:
    """GitHub workflow annotations, one per line, files relative to ``root``.

    GitHub resolves an annotation's ``file`` against the repository root, not
    the directory the step ran in; a file outside ``root`` keeps its path.
    """
    lines = []
    for f in sorted(findings, key=Finding.sort_key):
        kind = "error" if f.severity == "error" else "warning"
        message = f.message
        if f.diakui is not None:  # shown, not flagged
            kind, message = "notice", f"{message} (diakui: {f.diakui})"
        title = f"title={_property(f.rule)}"
        if f.position:
            p = f.position
            file = _property(_relative(p.file, root, cwd))
            head = f"::{kind} file={file},line={p.line},col={p.column},{title}"
        else:
            head = f"::{kind} {title}"
        lines.append(f"{head}::{_data(message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def _relative(file: str, root: Path | None, cwd: Path | None) -> str:
    if root is None:
        return file
    path = (cwd or Path.cwd()) / file
    try:  # the directories resolved, the file itself not: a link is annotated where it is
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return file


def _data(text: str) -> str:
    """A workflow command's message, escaped as the runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    """A workflow command's property value (``file``, ``title``): also ``:`` and ``,``."""
    return _data(text).replace(":", "%3A").replace(",", "%2C")
