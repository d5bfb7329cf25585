"""A realization typed in realisasi.yaml for an indicator computed from data.

With ``realisasi_dari`` the realization is pembilang ÷ penyebut × faktor; a
figure also typed in ``realisasi.yaml`` must be that at the precision it was
typed with (:func:`lkjip_cli.checks._common.matches`), or the report would show
one figure and the planner believe another.
"""

from __future__ import annotations

from functools import partial

from lkjip_cli import rujukan
from lkjip_cli.checks._common import Rule, diff_text, matches, num, show_places
from lkjip_cli.findings import Finding, error
from lkjip_cli.model import DataTahun
from lkjip_cli.numbers import format_decimal_id
from lkjip_cli.report import Report


def realisasi_tidak_cocok(data: DataTahun, report: Report) -> list[Finding]:
    """A typed realization that is not the one computed from its pembilang and penyebut."""
    computed_from = {i.id: i for i in data.iku.indikator if i.realisasi_dari is not None}
    findings = []
    for j, entry in enumerate(data.realisasi.indikator):
        ind = computed_from.get(entry.indikator)
        if ind is None or entry.realisasi is None or ind.realisasi_dari is None:
            continue
        computed = report.indikator[ind.id].realisasi
        spec = ind.realisasi_dari
        if computed is not None and matches(entry.realisasi, computed):
            continue
        top = rujukan.value(spec.pembilang, report.tabel, report.anggaran)
        bottom = rujukan.value(spec.penyebut, report.tabel, report.anggaran)
        how = (
            f"{spec.pembilang} {format_decimal_id(top)} ÷ {spec.penyebut} "
            f"{format_decimal_id(bottom)} × {format_decimal_id(rujukan.faktor(ind))}"
        )
        places = show_places(entry.realisasi)
        if computed is None:
            result = f"{how} tidak dapat dihitung (angkanya kosong atau penyebutnya 0)"
        else:
            result = (
                f"{how} = {num(computed, places)} "
                f"(selisih {diff_text(entry.realisasi, computed, partial(num, decimals=places))})"
            )
        findings.append(
            error(
                "indikator.realisasi-tidak-cocok",
                f"realisasi indikator '{ind.nama}' tertulis "
                f"{format_decimal_id(entry.realisasi, places)}, sedangkan dihitung dari data: "
                f"{result}",
                data.pos("realisasi.yaml", ("indikator", j, "realisasi")),
            )
        )
    return findings


RULES: tuple[Rule, ...] = (realisasi_tidak_cocok,)
"""The rules of this family, in the order they run."""
