"""Rules over the fiscal-incentive fund (``insentif_fiskal.yaml``)."""

from __future__ import annotations

from decimal import Decimal

from lkjip_cli.checks._common import Part, Rule, count, rp, sum_lines
from lkjip_cli.findings import Finding, error, warning
from lkjip_cli.model import DataTahun
from lkjip_cli.report import Report

FILE = "insentif_fiskal.yaml"


def realisasi_melebihi_pagu(data: DataTahun, report: Report) -> list[Finding]:
    """An allocation of the fund spent beyond its pagu."""
    if report.insentif is None:
        return []
    return [
        error(
            "insentif.realisasi-melebihi-pagu",
            f"realisasi insentif fiskal program '{a.program_nama}' {rp(a.realisasi)} melebihi "
            f"pagunya {rp(a.pagu)} (lebih {rp(a.realisasi - a.pagu)})",
            data.pos(FILE, ("alokasi", j, "realisasi")),
        )
        for j, a in enumerate(report.insentif.alokasi)
        if a.realisasi > a.pagu
    ]


def alokasi_melebihi_dana(data: DataTahun, report: Report) -> list[Finding]:
    """Allocations that together exceed the fund received."""
    hasil = report.insentif
    if hasil is None or data.is_incomplete(FILE, ("alokasi",)):
        return []
    parts = [Part(a.program_nama, a.pagu) for a in hasil.alokasi]
    total = sum((p.value for p in parts), Decimal(0))
    if total <= hasil.jumlah:
        return []
    lines = [
        f"jumlah pagu alokasi insentif fiskal {rp(total)} melebihi dana yang diterima "
        f"{rp(hasil.jumlah)} (lebih {rp(total - hasil.jumlah)})",
        *sum_lines(parts),
    ]
    return [error("insentif.alokasi-melebihi-dana", "\n".join(lines), data.pos(FILE, ("jumlah",)))]


def penyaluran_tidak_lengkap(data: DataTahun, report: Report) -> list[Finding]:
    """Recipients delivered plus not delivered that are not the target recipients."""
    if data.insentif is None:
        return []
    findings = []
    for j, a in enumerate(data.insentif.alokasi):
        if a.berhasil_salur is None or a.gagal_salur is None:
            continue
        done = a.berhasil_salur + a.gagal_salur
        if done == a.target_penerima:
            continue
        findings.append(
            warning(
                "insentif.penyaluran-tidak-lengkap",
                f"alokasi insentif fiskal ke-{j + 1} ({a.bentuk}): berhasil salur "
                f"{count(a.berhasil_salur)} + gagal salur {count(a.gagal_salur)} = {count(done)} "
                f"penerima, sedangkan targetnya {count(a.target_penerima)}; jelaskan "
                f"{count(abs(a.target_penerima - done))} penerima selebihnya",
                data.pos(FILE, ("alokasi", j, "target_penerima")),
            )
        )
    return findings


RULES: tuple[Rule, ...] = (realisasi_melebihi_pagu, alokasi_melebihi_dana, penyaluran_tidak_lengkap)
"""The rules of this family, in the order they run."""
