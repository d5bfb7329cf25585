"""The ``lkjip`` command: a few lines per command; the one place for exit codes."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from lkjip_cli import __version__, api
from lkjip_cli.findings import Finding, exit_code, render_github, render_json, render_text

app = typer.Typer(
    name="lkjip",
    help="Menyusun Laporan Kinerja Instansi Pemerintah (LKjIP) dari berkas data YAML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["--help", "-h"]},
)

TARGET_HELP = "Tahun (mis. 2024, berarti data/2024) atau jalur direktori data."


class Format(str, Enum):
    """Output format of findings."""

    text = "text"
    json = "json"
    github = "github"


def _emit_findings(findings: list[Finding], fmt: Format, stream: object = None) -> None:
    out = sys.stdout if stream is None else stream
    if fmt is Format.json:
        text = render_json(findings)
    elif fmt is Format.github:
        text = render_github(findings)
    else:
        text = render_text(findings, color=sys.stdout.isatty())
    out.write(text)  # type: ignore[attr-defined]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lkjip {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Tampilkan versi lalu keluar."),
    ] = False,
) -> None:
    """Menyusun LKjIP dari berkas data YAML: check, show, build, schema, new."""


@app.command()
def check(
    target: Annotated[str, typer.Argument(help=TARGET_HELP)],
    format: Annotated[Format, typer.Option("--format", "-f", help="Bentuk keluaran: text, json, github.")] = Format.text,
    strict: Annotated[bool, typer.Option("--strict", help="Peringatan juga dianggap galat (kode keluar 1).")] = False,
) -> None:
    """Periksa konsistensi data satu tahun; laporkan setiap temuan."""
    result = api.check(api.resolve(target))
    _emit_findings(result.findings, format)
    raise typer.Exit(exit_code(result.findings, strict=strict))


def main() -> None:
    """Console-script entry point: never a traceback for the user."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("dibatalkan\n")
        sys.exit(130)
