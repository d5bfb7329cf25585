"""``lkjip.yaml``: the year and the methods the report uses."""

from __future__ import annotations

from typing import Literal

from lkjip_cli.model.common import Nilai, Source, Teks


class Capaian(Source):
    """How an indicator's achievement is bounded."""

    batas_atas: Nilai | None = None
    """Cap on capaian in percent (e.g. 100 or 120); none when empty."""


class Efisiensi(Source):
    """How the efficiency of resource use is computed."""

    metode: Literal["100-serapan", "capaian-serapan"] = "100-serapan"
    """100-serapan (the reference's) or capaian-serapan."""


class Interval(Source):
    """One predikat band: capaian in [dari, sampai) percent."""

    dari: Nilai | None = None
    """Lower bound, inclusive; empty = no lower bound."""
    sampai: Nilai | None = None
    """Upper bound, exclusive; empty = no upper bound."""
    predikat: Teks
    """The category name, e.g. Sangat Tinggi."""


def _default_scale() -> list[Interval]:
    from decimal import Decimal

    bands = [
        (91, None, "Sangat Tinggi"),
        (76, 91, "Tinggi"),
        (66, 76, "Sedang"),
        (51, 66, "Rendah"),
        (None, 51, "Sangat Rendah"),
    ]
    return [
        Interval(
            dari=None if lo is None else Decimal(lo),
            sampai=None if hi is None else Decimal(hi),
            predikat=name,
        )
        for lo, hi, name in bands
    ]


class Config(Source):
    """The year's settings."""

    tahun: int
    """The report's year."""
    kertas: Literal["A4", "F4"] = "A4"
    """Paper size of the DOCX."""
    capaian: Capaian = Capaian()
    """Achievement settings."""
    efisiensi: Efisiensi = Efisiensi()
    """Efficiency settings."""
    predikat: list[Interval] = []
    """The predikat scale (Tabel 3.1); empty = the reference's scale."""

    def scale(self) -> list[Interval]:
        """The configured scale, or the reference's default."""
        return self.predikat or _default_scale()
