"""Source model → Report: every derived figure, computed once, exactly.

Formulas (DOMAIN.md): capaian by polarity, the mean per sasaran, serapan =
realisasi ÷ pagu perubahan, efisiensi by the configured method, sums at every
level of the DPA from the sub kegiatan up. Nothing here rounds or prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TypedDict

from lkjip_cli import rujukan
from lkjip_cli.compute_tabel import compute_table
from lkjip_cli.model import DataTahun
from lkjip_cli.model.config import Interval
from lkjip_cli.model.iku import Indikator
from lkjip_cli.model.realisasi import IndikatorRpjmd
from lkjip_cli.numbers import quantize
from lkjip_cli.report import (
    AnggaranHasil,
    IndikatorHasil,
    KegiatanHasil,
    PegawaiHasil,
    PembandingHasil,
    ProgramHasil,
    Report,
    RpjmdHasil,
    SasaranHasil,
    SubKegiatanHasil,
    TabelHasil,
)

HUNDRED = Decimal(100)
ZERO = Decimal(0)


def percent(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """part ÷ whole × 100, exact; none when whole is 0."""
    if whole == 0:
        return None
    return Decimal(part) * HUNDRED / Decimal(whole)


def capaian(
    target: Decimal | None,
    realisasi: Decimal | None,
    polaritas: str = "naik",
    metode: str | None = None,
    batas_atas: Decimal | None = None,
) -> Decimal | None:
    """Achievement in percent by polarity; none when it is undefined.

    - naik: realisasi ÷ target × 100 (target 0 → undefined).
    - turun, ``target/realisasi``: target ÷ realisasi × 100 (realisasi 0 → undefined).
    - turun, ``2target-realisasi`` (the default for turun): (2 × target − realisasi) ÷
      target × 100, never below 0 (realisasi beyond twice the target → 0).
    The optional cap bounds the result from above.
    """
    if target is None or realisasi is None:
        return None
    if polaritas == "naik":
        value = percent(realisasi, target)
    elif metode == "target/realisasi":
        value = percent(target, realisasi)
    else:
        value = None if target == 0 else max(ZERO, (2 * target - realisasi) * HUNDRED / target)
    if value is not None and batas_atas is not None:
        value = min(value, batas_atas)
    return value


def predikat(value: Decimal | None, scale: Sequence[Interval]) -> str | None:
    """The category of ``value`` on ``scale``, judged at its printed precision (2 places).

    Classifying the printed figure keeps the table honest: a capaian printed as
    91,00% is never called "Tinggi" because its third decimal was below 91.
    """
    if value is None:
        return None
    shown = quantize(value, 2)
    for band in scale:
        if (band.dari is None or shown >= band.dari) and (
            band.sampai is None or shown < band.sampai
        ):
            return band.predikat
    return None


def mean(values: Sequence[Decimal]) -> Decimal | None:
    """Arithmetic mean; none for no values."""
    return sum(values, ZERO) / len(values) if values else None


def compute(data: DataTahun) -> Report:
    """Build the Report from validated data."""
    cfg = data.config
    anggaran = _anggaran(data)
    programs = {p.id: p for p in anggaran.program}
    tables = {name: compute_table(t, cfg.tahun) for name, t in data.tabel.items()}
    indikator = {i.id: _indikator(data, i, tables, anggaran) for i in data.iku.indikator}
    sasaran = _sasaran(data, indikator, anggaran)
    return Report.model_construct(
        tahun=cfg.tahun,
        skala=cfg.scale(),
        metode_efisiensi=cfg.efisiensi.metode,
        batas_capaian=cfg.capaian.batas_atas,
        anggaran=anggaran,
        program=programs,
        sasaran=sasaran,
        indikator=indikator,
        pegawai=PegawaiHasil.model_construct(
            jumlah=sum(p.jumlah for p in data.instansi.pegawai),
            asn=sum(p.jumlah for p in data.instansi.pegawai if p.asn),
        ),
        tabel=tables,
        rpjmd=[_rpjmd(data, r) for r in data.realisasi.rpjmd],
    )


def _anggaran(data: DataTahun) -> AnggaranHasil:
    programs: list[ProgramHasil] = []
    for p in data.anggaran.program:
        kegiatan: list[KegiatanHasil] = []
        for k in p.kegiatan:
            subs = [
                SubKegiatanHasil.model_construct(
                    nama=s.nama,
                    kode=s.kode,
                    pagu_murni=s.pagu_murni,
                    pagu_perubahan=s.pagu_perubahan,
                    realisasi=s.realisasi or ZERO,
                    serapan=percent(s.realisasi or ZERO, s.pagu_perubahan),
                    rencana_aksi=s.rencana_aksi,
                    kinerja=s.kinerja,
                )
                for s in k.sub_kegiatan
            ]
            kegiatan.append(
                KegiatanHasil.model_construct(
                    nama=k.nama,
                    kode=k.kode,
                    indikator=k.indikator,
                    sub_kegiatan=subs,
                    **_sums(subs),
                )
            )
        programs.append(
            ProgramHasil.model_construct(
                id=p.id,
                nama=p.nama,
                kode=p.kode,
                sasaran=p.sasaran,
                penanggung_jawab=p.penanggung_jawab,
                indikator=p.indikator,
                kegiatan=kegiatan,
                **_sums(kegiatan),
            )
        )
    return AnggaranHasil.model_construct(
        jumlah_program=len(programs),
        jumlah_kegiatan=sum(len(p.kegiatan) for p in programs),
        jumlah_sub_kegiatan=sum(len(k.sub_kegiatan) for p in programs for k in p.kegiatan),
        program=programs,
        **_sums(programs),
    )


class _Sums(TypedDict):
    pagu_murni: Decimal
    pagu_perubahan: Decimal
    realisasi: Decimal
    serapan: Decimal | None


def _sums(children: Sequence[SubKegiatanHasil | KegiatanHasil | ProgramHasil]) -> _Sums:
    murni = sum((c.pagu_murni for c in children), ZERO)
    perubahan = sum((c.pagu_perubahan for c in children), ZERO)
    realisasi = sum((c.realisasi for c in children), ZERO)
    return {
        "pagu_murni": murni,
        "pagu_perubahan": perubahan,
        "realisasi": realisasi,
        "serapan": percent(realisasi, perubahan),
    }


def realisasi_indikator(
    data: DataTahun, ind: Indikator, tables: dict[str, TabelHasil], anggaran: AnggaranHasil
) -> Decimal | None:
    """This year's realization: computed from its data (``realisasi_dari``), else as entered."""
    if ind.realisasi_dari is not None:
        return rujukan.realisasi(ind, tables, anggaran)
    entry = next((r for r in data.realisasi.indikator if r.indikator == ind.id), None)
    return entry.realisasi if entry else None


def _target(data: DataTahun, indikator_id: str, *, murni: bool = False) -> Decimal | None:
    pk = data.pk.murni if murni else data.pk.berlaku()
    return next((t.target for t in pk.target if t.indikator == indikator_id), None)


def _indikator(
    data: DataTahun, ind: Indikator, tables: dict[str, TabelHasil], anggaran: AnggaranHasil
) -> IndikatorHasil:
    cfg = data.config
    entry = next((r for r in data.realisasi.indikator if r.indikator == ind.id), None)
    target = _target(data, ind.id)
    real = realisasi_indikator(data, ind, tables, anggaran)
    cap = capaian(target, real, ind.polaritas, ind.metode, cfg.capaian.batas_atas)
    riwayat = dict(sorted(entry.riwayat.items())) if entry else {}
    pembanding = None
    if entry and entry.pembanding:
        b = entry.pembanding
        pembanding = PembandingHasil.model_construct(
            daerah=b.daerah,
            tahun=b.tahun,
            realisasi=b.realisasi,
            jumlah=b.jumlah,
            tertangani=b.tertangani,
        )
    return IndikatorHasil.model_construct(
        id=ind.id,
        nama=ind.nama,
        sasaran=ind.sasaran,
        utama=ind.utama,
        satuan=ind.satuan,
        polaritas=ind.polaritas,
        target=target,
        target_murni=_target(data, ind.id, murni=True),
        realisasi=real,
        capaian=cap,
        predikat=predikat(cap, cfg.scale()),
        keterangan=entry.keterangan if entry else None,
        riwayat=riwayat,
        selisih_tahun={y: shown(real) - shown(v) for y, v in riwayat.items()}
        if real is not None
        else {},
        pembanding=pembanding,
        selisih_pembanding=(shown(real) - shown(pembanding.realisasi))
        if pembanding and real is not None
        else None,
        target_renstra=ind.target_renstra,
        capaian_renstra=capaian(
            ind.target_renstra, real, ind.polaritas, ind.metode, cfg.capaian.batas_atas
        ),
    )


def _sasaran(
    data: DataTahun, indikator: dict[str, IndikatorHasil], anggaran: AnggaranHasil
) -> dict[str, SasaranHasil]:
    cfg = data.config
    in_pk = {t.indikator for t in data.pk.berlaku().target}
    result: dict[str, SasaranHasil] = {}
    for tujuan in data.renstra.tujuan:
        for s in tujuan.sasaran:
            ids = [i for i, ind in indikator.items() if ind.sasaran == s.id and i in in_pk]
            values = [indikator[i].capaian for i in ids]
            cap = mean([v for v in values if v is not None])
            progs = [p for p in anggaran.program if p.sasaran == s.id]
            pagu = sum((p.pagu_perubahan for p in progs), ZERO)
            real = sum((p.realisasi for p in progs), ZERO)
            serapan = percent(real, pagu)
            result[s.id] = SasaranHasil.model_construct(
                id=s.id,
                nama=s.nama,
                tujuan=tujuan.nama,
                indikator=ids,
                jumlah_indikator=len(ids),
                capaian=cap,
                predikat=predikat(cap, cfg.scale()),
                program=[p.id for p in progs],
                pagu=pagu,
                pagu_murni=sum((p.pagu_murni for p in progs), ZERO),
                realisasi=real,
                serapan=serapan,
                efisiensi=efisiensi(cap, serapan, cfg.efisiensi.metode),
            )
    return result


def shown(value: Decimal) -> Decimal:
    """A percentage as the report prints it (2 decimals, half up).

    A derived figure printed beside the figures it comes from (efisiensi,
    selisih) is computed from them as printed, so that a reader who does the
    sum on paper gets the printed result (docs/data-format.md).
    """
    return quantize(value, 2)


def efisiensi(cap: Decimal | None, serapan: Decimal | None, metode: str) -> Decimal | None:
    """100 − serapan (the reference's) or capaian − serapan, of the printed figures."""
    if serapan is None:
        return None
    if metode == "capaian-serapan":
        return None if cap is None else shown(cap) - shown(serapan)
    return HUNDRED - shown(serapan)


def _rpjmd(data: DataTahun, r: IndikatorRpjmd) -> RpjmdHasil:
    year = data.config.tahun
    now = r.realisasi.get(year)
    before = r.realisasi.get(year - 1)
    return RpjmdHasil.model_construct(
        nama=r.nama,
        satuan=r.satuan,
        polaritas=r.polaritas,
        target_awal=r.target_awal,
        target=dict(sorted(r.target.items())),
        realisasi=dict(sorted(r.realisasi.items())),
        selisih=(before - now) if now is not None and before is not None else None,
    )
