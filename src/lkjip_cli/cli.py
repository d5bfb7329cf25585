"""The ``lkjip`` command: a few lines per command; the one place for exit codes.

The ``lkjip impor`` group is in :mod:`lkjip_cli.cli_impor`, added here; the
findings are worded by :mod:`lkjip_cli.findings`, the help's own words by
:mod:`lkjip_cli.cli_text`.

Exit codes: 0 no errors (warnings allowed), 1 the data has errors (or warnings
under ``--strict``), 2 input that cannot be read, a usage error or a machine
that refuses (no permission, a full or read-only disk: any
:class:`~lkjip_cli.errors.LkjipError` carries its code), 3 an internal error of
lkjip itself. No traceback reaches the user; ``LKJIP_DEBUG=1`` shows it.

No ``from __future__ import annotations`` here: typer reads the commands'
annotations at every run, and as text each would be compiled again by ``eval``
(3 ms of every command, README, Performance).
"""

import gc
import os
import signal
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer import _click

from lkjip_cli import __version__, api, cli_text
from lkjip_cli.cli_impor import impor_app
from lkjip_cli.cli_text import EXIT_CODES
from lkjip_cli.errors import LkjipError
from lkjip_cli.findings import Finding, exit_code, no_workflow_commands, render_for
from lkjip_cli.findings import summary as findings_summary
from lkjip_cli.render.writers import parse_formats
from lkjip_cli.summary import summary

EXIT_INTERNAL = 3
"""An error of lkjip itself, not of the data or of the command line."""


class _Group(cli_text.Group):
    """The top-level group: usage errors in Indonesian, never a traceback."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        forward = (args, prog_name, complete_var, False, windows_expand_args)
        if not standalone_mode:
            return super().main(*forward, **extra)
        try:
            code = super().main(*forward, **extra)
        except _click.exceptions.ClickException as exc:
            try:
                message = cli_text.usage_error(exc)
            except Exception:  # the wording must never hide the error itself
                message = f"galat: {exc.format_message()}"
            typer.echo(message, err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("dibatalkan", err=True)
            sys.exit(1)
        except LkjipError as exc:  # the user's input or machine: the message says what to do
            typer.echo(f"galat: {exc.message}", err=True)
            sys.exit(exc.exit_code)
        except Exception as exc:
            if os.environ.get("LKJIP_DEBUG"):
                raise
            typer.echo(
                f"galat internal: {type(exc).__name__}: {exc}; laporkan ke pengembang "
                "(jalankan ulang dengan LKJIP_DEBUG=1 untuk rinciannya)",
                err=True,
            )
            sys.exit(EXIT_INTERNAL)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    name="lkjip",
    cls=_Group,
    help="Menyusun Laporan Kinerja Instansi Pemerintah (LKjIP) dari berkas data YAML.",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["--help", "-h"]},
)

TARGET = "Tahun (mis. 2024, berarti data/2024) atau jalur direktori data."
Target = Annotated[str, typer.Argument(metavar="DATA", help=TARGET, show_default=False)]


class Format(StrEnum):
    """Output format of findings."""

    text = "text"
    json = "json"
    github = "github"


class ShowFormat(StrEnum):
    """Output format of ``show``."""

    text = "text"
    json = "json"


def _emit_findings(findings: list[Finding], fmt: Format, *, err: bool = False) -> None:
    typer.echo(render_for(findings, fmt, sys.stderr if err else sys.stdout), nl=False, err=err)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lkjip {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Tampilkan versi lalu keluar."
        ),
    ] = False,
) -> None:
    """Menyusun LKjIP dari berkas data YAML: check, show, build, schema, init, new, impor."""


@app.command(cls=cli_text.Command, epilog=EXIT_CODES)
def check(
    target: Target,
    format: Annotated[
        Format,
        typer.Option("--format", "-f", help="Bentuk keluaran: text, json atau github."),
    ] = Format.text,
    strict: Annotated[
        bool, typer.Option("--strict", help="Peringatan juga dianggap galat (kode keluar 1).")
    ] = False,
) -> None:
    """Periksa konsistensi data satu tahun; laporkan setiap temuan."""
    result = api.check(api.resolve(target))
    _emit_findings(result.findings, format)
    raise typer.Exit(exit_code(result.findings, strict=strict))


@app.command(cls=cli_text.Command, epilog=EXIT_CODES)
def show(
    target: Target,
    format: Annotated[
        ShowFormat,
        typer.Option(
            "--format", "-f", help="text: tabel angka utama; json: seluruh hasil perhitungan."
        ),
    ] = ShowFormat.text,
) -> None:
    """Tampilkan angka utama: anggaran, capaian sasaran dan indikator, jumlah tabel."""
    result = api.check(api.resolve(target))
    code = exit_code(result.findings)
    # The figures do not depend on the prose: a narrative's error (last year's text
    # naming a figure not filled yet, right after lkjip new) still lets them show.
    figures_wrong = any(
        f.severity == "error" and not f.rule.startswith("narasi.") for f in result.findings
    )
    if figures_wrong or result.data is None or result.report is None:
        _emit_findings(result.findings, Format.text, err=True)
        raise typer.Exit(code or 1)
    if format is ShowFormat.json:
        typer.echo(result.report.model_dump_json(indent=2))
    else:
        typer.echo(no_workflow_commands(summary(result.data, result.report)), nl=False)
    if result.findings:
        typer.echo(
            f"catatan: {findings_summary(result.findings)}; lihat lkjip check {target}", err=True
        )
    raise typer.Exit(code)


@app.command(cls=cli_text.Command, epilog=EXIT_CODES)
def build(
    target: Target,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", metavar="DIREKTORI", help="Direktori keluaran (bawaan: build/TAHUN)."
        ),
    ] = None,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="BENTUK",
            help=f"Bentuk keluaran dipisah koma: {', '.join(api.FORMATS)}.",
        ),
    ] = "docx,md,html",
    templat: Annotated[
        Path | None,
        typer.Option(
            "--templat",
            metavar="BERKAS",
            help="Templat DOCX (berkas .docx, atau direktori berisi reference.docx); "
            "bawaan: templat: di lkjip.yaml, lalu templates/reference.docx repositori data.",
        ),
    ] = None,
    pdfa: Annotated[
        bool, typer.Option("--pdfa", help="Tulis PDF sebagai PDF/A-2b (arsip, mis. untuk e-SAKIP).")
    ] = False,
) -> None:
    """Periksa data lalu susun laporan LKjIP (DOCX, Markdown, HTML, PDF, XLSX)."""
    try:
        formats = parse_formats(format)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    if pdfa and "pdf" not in formats:
        raise typer.BadParameter("--pdfa hanya berlaku bersama --format pdf", param_hint="--pdfa")
    path = api.resolve(target)
    result = api.build(path, out or Path("build") / path.name, formats, template=templat, pdfa=pdfa)
    if result.findings:
        _emit_findings(result.findings, Format.text, err=True)
    code = exit_code(result.findings)
    if code or not result.written:
        typer.echo("laporan tidak disusun: perbaiki galat di atas lalu jalankan lagi.", err=True)
        raise typer.Exit(code or 1)
    for note in result.notes:
        typer.echo(f"catatan: {note}", err=True)
    for written in result.written:
        typer.echo(f"ditulis: {written}")


@app.command(cls=cli_text.Command)
def schema(
    out: Annotated[
        Path,
        typer.Option("--out", "-o", metavar="DIREKTORI", help="Direktori tujuan."),
    ] = Path("schema"),
) -> None:
    """Tulis JSON Schema setiap berkas data, agar penyunting teks memeriksa dan melengkapinya."""
    from lkjip_cli.schemas import write_schemas  # only this command needs pydantic's JSON Schema

    written = write_schemas(out)
    typer.echo(f"{len(written)} skema ditulis ke {out}")


@app.command(cls=cli_text.Command, epilog=EXIT_CODES)
def new(
    year: Annotated[int, typer.Argument(metavar="TAHUN", help="Tahun baru, mis. 2025.")],
    source: Annotated[
        str,
        typer.Option(
            "--from",
            metavar="TAHUN|DIREKTORI",
            help="Tahun sumber di --data (mis. 2024), atau direktori data mana pun.",
        ),
    ],
    data: Annotated[
        Path,
        typer.Option("--data", metavar="DIREKTORI", help="Direktori yang berisi data per tahun."),
    ] = Path("data"),
) -> None:
    """Mulai tahun baru dari tahun sebelumnya: struktur disalin, angka dikosongkan untuk diisi."""
    from lkjip_cli.scaffold import new_year  # once a year: not on every start

    result = new_year(data, year, int(source) if source.isdigit() else Path(source))
    if not result.written:
        _emit_findings(result.findings, Format.text, err=True)
        raise typer.Exit(exit_code(result.findings) or 1)
    typer.echo(f"{result.target} dibuat dari {result.source}: {len(result.written)} berkas.")
    if result.skipped:
        typer.echo(f"Tidak disalin: {', '.join(result.skipped)}.")
    if any(name.startswith("narasi/") for name in result.written):
        typer.echo(f"Narasi disalin apa adanya: perbarui isinya untuk tahun {year}.")
    checked = api.check(result.target)
    typer.echo(
        "Isi setiap nilai bertanda '# ISI', periksa yang bertanda '# PERIKSA', lalu jalankan "
        f"lkjip check {result.target} (sekarang: {findings_summary(checked.findings)})."
    )


@app.command(cls=cli_text.Command, epilog=EXIT_CODES)
def init(
    directory: Annotated[
        Path, typer.Argument(metavar="DIREKTORI", help="Direktori data baru, mis. data/2025.")
    ],
    nama: Annotated[
        str,
        typer.Option("--nama", help="Nama perangkat daerah, mis. 'Dinas Pendidikan Kota X'."),
    ],
    daerah: Annotated[
        str, typer.Option("--daerah", help="Nama daerah, mis. 'Kota X' atau 'Kabupaten Y'.")
    ],
    tahun: Annotated[int, typer.Option("--tahun", help="Tahun laporan, mis. 2025.")],
) -> None:
    """Mulai data perangkat daerah mana pun: berkas pola bertanda '# ISI' dan narasi per bab."""
    from lkjip_cli.starter import init_directory  # once per agency: not on every start

    result = init_directory(directory, nama, daerah, tahun)
    typer.echo(f"{result.target} dibuat: {len(result.written)} berkas.")
    checked = api.check(result.target)
    typer.echo(
        "Isi setiap nilai bertanda '# ISI' (di narasi: '{# ISI ... #}'), lalu jalankan "
        f"lkjip check {result.target} (sekarang: {findings_summary(checked.findings)})."
    )


app.add_typer(impor_app, name="impor")


class _Terminated(BaseException):
    """SIGTERM, raised where the command is so that its cleanup runs (see ``main``)."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


def main() -> None:
    """Console-script entry point: never a traceback for the user."""
    # A stopped CI job or `timeout` sends SIGTERM, whose default ends the process at
    # once: the PDF's LibreOffice profile stayed in the temporary directory. As an
    # exception it unwinds like Ctrl-C: temporary files and the output lock go, a
    # running LibreOffice is killed, and the previous report stays.
    signal.signal(signal.SIGTERM, _terminate)
    # The cyclic garbage collector stays off while the command runs: lkjip's own
    # objects live until the process ends, so its passes over them free nothing,
    # and what a narrative can build is bounded (render/limits.py: 200,000 steps,
    # 32 MiB of text and lists). At exit the objects are frozen, so Python's last
    # full collection skips them and the operating system reclaims the memory.
    # Measured (README, Performance): check 2024 0.316 s → 0.290 s. The only
    # collector setting lkjip makes, and only here: the library functions leave
    # the collector as they find it.
    gc.disable()
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("dibatalkan\n")
        sys.exit(130)
    except _Terminated:
        sys.stderr.write("dibatalkan (SIGTERM)\n")
        sys.exit(128 + signal.SIGTERM)
    finally:
        gc.freeze()
