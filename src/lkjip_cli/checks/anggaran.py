"""Rules over the DPA tree (``anggaran.yaml``): sums, Rencana Aksi, money, printed figures."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal

from lkjip_cli.checks._common import (
    FIELD_LABEL,
    Part,
    Rule,
    balancing,
    matches,
    num,
    places,
    rp,
    rp_diff,
    show_places,
    signed,
    suggestion,
    sum_lines,
    where,
)
from lkjip_cli.checks._tree import FIELDS, FILE, Node, build, walk
from lkjip_cli.compute import percent
from lkjip_cli.findings import Finding, error, warning
from lkjip_cli.model import DataTahun
from lkjip_cli.model.common import printed
from lkjip_cli.numbers import normalise_words, terbilang
from lkjip_cli.report import Report

_CHILDREN = {"anggaran": "programnya", "program": "kegiatannya", "kegiatan": "sub kegiatannya"}


def _printed_serapan(node: Node) -> list[Decimal]:
    value = getattr(node.tercetak, "serapan", None) if node.tercetak is not None else None
    return [Decimal(v) for v, _ in printed(value)]


def _fits(serapan: list[Decimal], real: Decimal, pagu: Decimal) -> bool:
    return pagu > 0 and all(matches(s, real * 100 / pagu) for s in serapan)


def _confirms(node: Node, name: str) -> Callable[[Decimal], bool] | None:
    """What else records ``name`` of ``node``: Rencana Aksi, sub-rows, printed serapan."""
    checks: list[Callable[[Decimal], bool]] = []
    leaf = node.leaf
    if leaf is not None and name == "pagu_murni" and leaf.rencana_aksi is not None:
        ra = leaf.rencana_aksi.anggaran
        if ra is not None:
            checks.append(lambda v: v == ra)
    if leaf is None:
        rows = node.children_sum(name)
        if rows is not None:
            checks.append(lambda v: v == rows)
    # the printed serapan is evidence only when it contradicts the amount as it stands
    serapan = _printed_serapan(node)
    real, pagu = node.known("realisasi"), node.known("pagu_perubahan")
    if serapan and real is not None and pagu:
        if name == "pagu_perubahan" and not _fits(serapan, real, pagu):
            checks.append(lambda v: _fits(serapan, real, v))
        if name == "realisasi" and not _fits(serapan, real, pagu):
            checks.append(lambda v: _fits(serapan, v, pagu))
    if not checks:
        return None
    return lambda v: any(check(v) for check in checks)


def _equals(expected: Decimal) -> Callable[[Decimal], bool]:
    return lambda value: value == expected


def _parts(node: Node, name: str) -> list[Part]:
    parts = []
    for child in node.children:
        value = child.known(name)
        if value is None:
            continue
        blank = child.leaf is not None and getattr(child.leaf, name) is None
        parts.append(Part(child.name, value, _confirms(child, name), blank))
    return parts


def jumlah_tidak_cocok(data: DataTahun, report: Report) -> list[Finding]:
    """A printed total (``jumlah``) that is not the sum of the rows below it."""
    findings = []
    for node in walk(build(data)):
        if node.leaf is not None or node.stated is None:
            continue
        for name in FIELDS:
            stated = node.own(name)
            computed = node.children_sum(name)
            if stated is None or computed is None or matches(stated, computed):
                continue
            parts = _parts(node, name)
            lines = [
                f"{FIELD_LABEL[name]} {node.label} tertulis {rp(stated)}, sedangkan jumlah "
                f"{len(parts)} {_CHILDREN[node.kind]} {rp(computed)} "
                f"(selisih {rp_diff(stated, computed)})",
                *sum_lines(parts),
                *suggestion(name, balancing(parts, stated, computed)),
            ]
            findings.append(
                error(
                    "anggaran.jumlah-tidak-cocok", "\n".join(lines), node.pos(data, "jumlah", name)
                )
            )
    return findings


def _printed_at(
    node: Node, key: str
) -> Iterator[tuple[Decimal, str | None, tuple[str | int, ...]]]:
    value = getattr(node.tercetak, key, None) if node.tercetak is not None else None
    entries = printed(value)
    for j, (item, di) in enumerate(entries):
        rest: tuple[str | int, ...] = (
            ("tercetak", key, j, "nilai") if isinstance(value, list) else ("tercetak", key)
        )
        yield item, di, rest


def serapan_tidak_cocok(data: DataTahun, report: Report) -> list[Finding]:
    """A printed serapan that does not follow from the row's realisasi and pagu perubahan."""
    findings = []
    for node in walk(build(data)):
        real, pagu = node.known("realisasi"), node.known("pagu_perubahan")
        computed = percent(real, pagu) if real is not None and pagu is not None else None
        for stated, di, rest in _printed_at(node, "serapan"):
            if computed is None or matches(stated, computed):
                continue
            k = show_places(stated)
            diff = stated - computed
            findings.append(
                error(
                    "anggaran.serapan-tidak-cocok",
                    f"serapan {node.label} tertulis {num(stated, places(stated))}%{where(di)}, "
                    "sedangkan "
                    f"realisasi {rp(real or 0)} ÷ pagu perubahan {rp(pagu or 0)} × 100 = "
                    f"{num(computed, k)}% (selisih {signed(num(abs(diff), k), diff < 0)} poin)",
                    node.pos(data, *rest),
                )
            )
    return findings


def rencana_aksi_tidak_cocok(data: DataTahun, report: Report) -> list[Finding]:
    """A Rencana Aksi amount that is not the sub kegiatan's pagu murni."""
    findings = []
    for node in walk(build(data)):
        leaf = node.leaf
        if leaf is None or leaf.rencana_aksi is None or leaf.rencana_aksi.anggaran is None:
            continue
        stated, dpa = leaf.rencana_aksi.anggaran, leaf.pagu_murni
        if matches(stated, dpa):
            continue
        findings.append(
            error(
                "anggaran.rencana-aksi-tidak-cocok",
                f"anggaran Rencana Aksi {node.label} tertulis {rp(stated)}, sedangkan pagu murni "
                f"DPA-nya {rp(dpa)} (selisih {rp_diff(stated, dpa)}); salah satunya keliru",
                node.pos(data, "rencana_aksi", "anggaran"),
            )
        )
    return findings


def rencana_aksi_jumlah_tidak_cocok(data: DataTahun, report: Report) -> list[Finding]:
    """The Rencana Aksi's TOTAL row against the sum of its rows."""
    stated = data.anggaran.rencana_aksi_jumlah
    if stated is None or data.is_incomplete(FILE, ("program",)):
        return []
    root = build(data)
    per_program, rows = [], []
    for program in root.children:
        amounts = []
        for kegiatan in program.children:
            for sub in kegiatan.children:
                if sub.leaf is None:
                    continue
                ra = sub.leaf.rencana_aksi
                value = ra.anggaran if ra and ra.anggaran is not None else sub.leaf.pagu_murni
                amounts.append(value)
                confirm = _equals(sub.leaf.pagu_murni) if value != sub.leaf.pagu_murni else None
                rows.append(Part(sub.name, value, confirm))
        per_program.append(Part(program.name, sum(amounts, Decimal(0))))
    computed = sum((p.value for p in per_program), Decimal(0))
    if matches(stated, computed):
        return []
    lines = [
        f"baris TOTAL Rencana Aksi tertulis {rp(stated)}, sedangkan jumlah anggaran "
        f"{len(rows)} sub kegiatannya {rp(computed)} (selisih {rp_diff(stated, computed)})",
        *sum_lines(per_program),
        *suggestion("anggaran Rencana Aksi", balancing(rows, stated, computed)[:3]),
    ]
    return [
        error(
            "anggaran.rencana-aksi-jumlah-tidak-cocok",
            "\n".join(lines),
            data.pos(FILE, ("rencana_aksi_jumlah",)),
        )
    ]


def realisasi_melebihi_pagu(data: DataTahun, report: Report) -> list[Finding]:
    """Spending above the revised allocation, in a sub kegiatan or a printed total."""
    findings = []
    for node in walk(build(data)):
        real, pagu = node.own("realisasi"), node.own("pagu_perubahan")
        if real is None or pagu is None or real <= pagu:
            continue
        findings.append(
            error(
                "anggaran.realisasi-melebihi-pagu",
                f"realisasi {node.label} {rp(real)} melebihi pagu perubahannya {rp(pagu)} "
                f"(lebih {rp(real - pagu)}); belanja tidak boleh melampaui pagu",
                node.pos(data, "realisasi") if node.leaf else node.pos(data, "jumlah", "realisasi"),
            )
        )
    return findings


def tanpa_realisasi(data: DataTahun, report: Report) -> list[Finding]:
    """A sub kegiatan with an allocation but no spending recorded."""
    findings = []
    for node in walk(build(data)):
        leaf = node.leaf
        if leaf is None or leaf.pagu_perubahan <= 0 or leaf.realisasi or node.blanked:
            continue
        state = "tidak diisi" if leaf.realisasi is None else "Rp. 0"
        findings.append(
            warning(
                "anggaran.tanpa-realisasi",
                f"{node.label} memiliki pagu perubahan {rp(leaf.pagu_perubahan)}, tetapi "
                f"realisasinya {state}; isi realisasinya atau jelaskan mengapa tidak terserap",
                node.pos(data, "realisasi") if leaf.realisasi is not None else node.pos(data),
            )
        )
    return findings


def terbilang_tidak_cocok(data: DataTahun, report: Report) -> list[Finding]:
    """An amount of the whole budget spelled out in words that is not the amount."""
    root = build(data)
    findings = []
    for key, name in (
        ("pagu_murni_terbilang", "pagu_murni"),
        ("pagu_perubahan_terbilang", "pagu_perubahan"),
        ("realisasi_terbilang", "realisasi"),
    ):
        amount = root.known(name)
        if amount is None:
            continue
        expected = terbilang(amount)
        for words, di, rest in _printed_at(root, key):
            if normalise_words(str(words)) == normalise_words(expected):
                continue
            findings.append(
                error(
                    "anggaran.terbilang-tidak-cocok",
                    f"{FIELD_LABEL[name]} seluruh anggaran {rp(amount)} tertulis dengan huruf "
                    f'"{words}"{where(di)}, seharusnya "{expected}"',
                    data.pos(FILE, rest),
                )
            )
    return findings


def banyaknya_tidak_cocok(data: DataTahun, report: Report) -> list[Finding]:
    """A printed number of programs, kegiatan or sub kegiatan that is not the count."""
    tercetak = data.anggaran.tercetak
    if tercetak is None or data.is_incomplete(FILE, ("program",)):
        return []
    counts = {
        "jumlah_program": ("program", report.anggaran.jumlah_program),
        "jumlah_kegiatan": ("kegiatan", report.anggaran.jumlah_kegiatan),
        "jumlah_sub_kegiatan": ("sub kegiatan", report.anggaran.jumlah_sub_kegiatan),
    }
    findings = []
    for key, (kind, actual) in counts.items():
        stated = getattr(tercetak, key)
        if stated is None or stated == actual:
            continue
        findings.append(
            error(
                "anggaran.banyaknya-tidak-cocok",
                f"banyaknya {kind} tertulis {stated}, sedangkan anggaran.yaml memuat {actual} "
                f"{kind} (selisih {stated - actual:+d})",
                data.pos(FILE, ("tercetak", key)),
            )
        )
    return findings


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def nama_ganda(data: DataTahun, report: Report) -> list[Finding]:
    """Two kegiatan of a program, or two sub kegiatan of a kegiatan, with one name."""
    findings = []
    for node in walk(build(data)):
        if node.kind not in ("program", "kegiatan"):
            continue
        seen: dict[str, Node] = {}
        for child in node.children:
            first = seen.setdefault(_key(child.name), child)
            if first is child:
                continue
            line = first.pos(data, "nama").line
            findings.append(
                error(
                    "anggaran.nama-ganda",
                    f"{child.label} tertulis dua kali dalam {node.label} "
                    f"(pertama di baris {line}); "
                    "hapus baris gandanya atau bedakan namanya",
                    child.pos(data, "nama"),
                )
            )
    return findings


def kode_ganda(data: DataTahun, report: Report) -> list[Finding]:
    """One budget code given to two nodes of the DPA tree."""
    findings = []
    seen: dict[str, Node] = {}
    for node in walk(build(data)):
        kode = node.kode
        if not kode:
            continue
        first = seen.setdefault(kode.strip(), node)
        if first is node:
            continue
        findings.append(
            error(
                "anggaran.kode-ganda",
                f"kode {kode} dipakai {node.label} dan juga {first.label} "
                f"(baris {first.pos(data, 'kode').line}); setiap kode DPA hanya untuk satu baris",
                node.pos(data, "kode"),
            )
        )
    return findings


RULES: tuple[Rule, ...] = (
    jumlah_tidak_cocok,
    serapan_tidak_cocok,
    rencana_aksi_tidak_cocok,
    rencana_aksi_jumlah_tidak_cocok,
    realisasi_melebihi_pagu,
    tanpa_realisasi,
    terbilang_tidak_cocok,
    banyaknya_tidak_cocok,
    nama_ganda,
    kode_ganda,
)
"""The rules of this family, in the order they run."""
