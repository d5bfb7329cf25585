"""``lkjip impor``: figures from a spreadsheet into the data files, then a check.

A group of the ``lkjip`` command (:mod:`lkjip_cli.cli` adds it and maps its errors
to exit codes); the work is :mod:`lkjip_cli.impor`'s, imported only when the
command runs. No ``from __future__ import annotations``, as in cli.py: typer
reads the annotations at every run.
"""

import sys
from pathlib import Path
from typing import Annotated

import typer

from lkjip_cli import api, cli_text
from lkjip_cli.cli_text import EXIT_CODES
from lkjip_cli.errors import LkjipError
from lkjip_cli.findings import Finding, exit_code, render_for


def _emit(findings: list[Finding], *, err: bool = False) -> None:
    typer.echo(render_for(findings, "text", sys.stderr if err else sys.stdout), nl=False, err=err)


impor_app = typer.Typer(
    cls=cli_text.Group,
    help="Impor angka dari lembar kerja (xlsx, csv) ke berkas data.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@impor_app.command("anggaran", cls=cli_text.Command, epilog=EXIT_CODES)
def impor_anggaran(
    file: Annotated[
        Path,
        typer.Argument(metavar="BERKAS", help="Lembar kerja .xlsx atau .csv (ekspor SIPD dsb.)."),
    ],
    tahun: Annotated[
        str | None,
        typer.Option(
            "--tahun",
            "-t",
            metavar="DATA",
            help="Tahun (mis. 2024, berarti data/2024) atau jalur direktori data; "
            "bawaan: tahun terakhir di data/.",
        ),
    ] = None,
    kolom: Annotated[
        list[str] | None,
        typer.Option(
            "--kolom",
            "-k",
            metavar="ISIAN=JUDUL",
            help="Judul kolom sebuah isian (kode, nama, kegiatan, pagu_murni, pagu_perubahan, "
            'realisasi), mis. --kolom realisasi="Realisasi s.d. Desember"; boleh berulang.',
        ),
    ] = None,
    peta: Annotated[
        Path | None,
        typer.Option(
            "--peta", metavar="BERKAS", help="Berkas YAML pemetaan kolom (kolom: {isian: judul})."
        ),
    ] = None,
    lembar: Annotated[
        str | None,
        typer.Option("--lembar", metavar="NAMA", help="Nama lembar (bawaan: yang pertama cocok)."),
    ] = None,
    tambah_ke: Annotated[
        str | None,
        typer.Option(
            "--tambah-ke",
            metavar="KEGIATAN",
            help="Tambahkan sub kegiatan yang belum ada di anggaran.yaml ke kegiatan ini "
            "(nama atau kode); tanpa opsi ini baris seperti itu hanya dilaporkan.",
        ),
    ] = None,
    periksa: Annotated[
        bool,
        typer.Option("--periksa", help="Tampilkan perubahan (lama → baru) tanpa menulis apa pun."),
    ] = False,
) -> None:
    """Isi pagu dan realisasi sub kegiatan di anggaran.yaml dari lembar kerja, lalu periksa."""
    from lkjip_cli.impor.anggaran import apply_import, plan_import
    from lkjip_cli.impor.columns import ColumnError, from_options
    from lkjip_cli.impor.text import describe

    path = api.resolve(tahun or api.latest_year())
    try:
        columns = from_options(peta, kolom or [])
    except ColumnError as exc:
        raise LkjipError(str(exc)) from None
    data, findings = api.load(path)
    if data is None or exit_code(findings):
        _emit(findings, err=True)
        typer.echo(f"galat: perbaiki dahulu data di {path}, lalu impor lagi", err=True)
        raise typer.Exit(exit_code(findings) or 1)
    result = plan_import(data, file, columns, lembar, tambah_ke)
    if result.findings:
        _emit(result.findings, err=True)
    code = exit_code(result.findings)
    if code == 2:
        raise typer.Exit(2)
    if not periksa:
        apply_import(path, result)  # a machine that refuses: OutputError, exit 2
    typer.echo(describe(result, dry_run=periksa), nl=False)
    if periksa or code:
        raise typer.Exit(code)
    checked = api.check(path)
    if checked.findings:
        typer.echo(f"Hasil lkjip check {path}:")
        _emit(checked.findings)
    raise typer.Exit(exit_code(checked.findings))
