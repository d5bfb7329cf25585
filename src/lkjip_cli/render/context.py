"""Report → the names a narrative may use: the only place that shapes them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lkjip_cli.model import DataTahun
from lkjip_cli.report import Report


def narrative_context(data: DataTahun, report: Report, ref: Callable[[str], str]) -> dict[str, Any]:
    """Everything ``{{ ... }}`` in ``narasi/*.md`` can read (see docs/data-format.md)."""
    return {
        "tahun": report.tahun,
        "instansi": data.instansi,
        "renstra": data.renstra,
        "anggaran": report.anggaran,
        "program": report.program,
        "sasaran": report.sasaran,
        "indikator": report.indikator,
        "rpjmd": report.rpjmd,
        "pmks": report.pmks,
        "spm": data.spm.layanan,
        "bansos": data.bansos.bansos,
        "psks": data.psks.psks,
        "pegawai": report.pegawai,
        "insentif": report.insentif,
        "ref": ref,
    }
