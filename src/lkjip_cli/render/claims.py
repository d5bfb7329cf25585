"""Narrative filters that choose words from the figures, so that a claim follows the data.

A sentence such as "capaian ini lebih tinggi" or "belum tercapai" stays true when a
figure changes only if its words come from the figures: each filter here compares
numbers (exact ``Decimal`` or ``int``, never floats) and returns grammatical
Indonesian. A missing figure (``None``) gives ``-``, as the formatting filters do.
Each docstring's last line is an example: the call and what it prints.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

Number = int | Decimal


def _difference(
    value: object, than: object, name: str, number: Callable[[object, str], Number]
) -> Number | None:
    """``value − than`` (or ``value`` alone), or None when a figure is missing."""
    if value is None or than is None:
        return None
    first = number(value, name)
    return first if than is _ALONE else first - number(than, name)


_ALONE = object()
"""No second figure: the first one is itself the change."""


def make_claim_filters(
    number: Callable[[object, str], Number], refuse: type[Exception]
) -> dict[str, Callable[..., Any]]:
    """The filters, checking figures with ``number``; a wrong argument raises ``refuse``."""

    def choose(value: object, than: object, name: str, words: tuple[str, str, str]) -> str:
        difference = _difference(value, than, name, number)
        if difference is None:
            return "-"
        up, down, same = words
        return up if difference > 0 else down if difference < 0 else same

    def naik_turun(value: object, dari: object = _ALONE) -> str:
        """The change as a noun: ``kenaikan``, ``penurunan`` or ``perubahan`` (none).

        ``{{ x | naik_turun }}`` reads the sign of x (a difference such as
        ``selisih_tahun[2023]``); ``{{ baru | naik_turun(lama) }}`` compares two figures.
        ``{{ indikator.X.selisih_tahun[tahun - 1] | naik_turun }}`` → ``kenaikan``
        """
        return choose(value, dari, "naik_turun", ("kenaikan", "penurunan", "perubahan"))

    def naik_atau_turun(value: object, dari: object = _ALONE) -> str:
        """The change as a verb: ``naik``, ``turun`` or ``tetap``.

        ``{{ indikator.X.realisasi | naik_atau_turun(indikator.X.riwayat[tahun - 1]) }}`` → ``naik``
        """
        return choose(value, dari, "naik_atau_turun", ("naik", "turun", "tetap"))

    def meningkat_menurun(value: object, dari: object = _ALONE) -> str:
        """The change as a verb: ``meningkat``, ``menurun`` or ``tetap``.

        ``{{ indikator.X.selisih_tahun[tahun - 1] | meningkat_menurun }}`` → ``menurun``
        """
        return choose(value, dari, "meningkat_menurun", ("meningkat", "menurun", "tetap"))

    def banding(value: object, other: object, dari: str = "") -> str:
        """One figure against another: ``lebih tinggi``, ``lebih rendah`` or ``sama dengan``.

        With a second argument ``'dari'`` the comparison reads before the other figure:
        ``lebih tinggi dari``, ``lebih rendah dari``, ``sama dengan``.
        ``{{ i.realisasi | banding(i.pembanding.realisasi) }}`` → ``lebih tinggi``
        """
        if dari not in ("", "dari"):
            raise refuse("argumen kedua filter 'banding' hanya boleh 'dari'")
        tail = f" {dari}" if dari else ""
        words = (f"lebih tinggi{tail}", f"lebih rendah{tail}", "sama dengan")
        return choose(value, other, "banding", words)

    def status_target(value: object, ya: str = "tercapai", belum: str = "belum tercapai") -> str:
        """Whether a target was met: ``tercapai`` or ``belum tercapai`` (other words may be given).

        An indicator compares its realization with its target by its polarity (``turun``:
        at or below the target is met); a sasaran is met when its capaian is at least 100%.
        ``{{ indikator.X | status_target }}`` → ``belum tercapai``;
        ``{{ sasaran.S1 | status_target('terpenuhi', 'belum terpenuhi') }}`` → ``terpenuhi``
        """
        if not (isinstance(ya, str) and isinstance(belum, str)):
            raise refuse("kata filter 'status_target' harus teks")
        polarity = getattr(value, "polaritas", None)
        if polarity in ("naik", "turun"):
            realization, target = getattr(value, "realisasi", None), getattr(value, "target", None)
            difference = _difference(realization, target, "status_target", number)
            if difference is None:
                return "-"
            met = difference >= 0 if polarity == "naik" else difference <= 0
        elif hasattr(value, "capaian"):
            capaian = value.capaian
            if capaian is None:
                return "-"
            met = number(capaian, "status_target") >= 100
        else:
            raise refuse(
                "filter 'status_target' memerlukan indikator atau sasaran "
                f"(indikator.ID atau sasaran.ID), bukan {type(value).__name__}"
            )
        return ya if met else belum

    def kapital(value: object) -> str:
        """The text with its first letter a capital, for a chosen word that opens a sentence.

        ``{{ x | naik_turun | kapital }}`` → ``Penurunan``
        """
        if not isinstance(value, str):
            raise refuse(f"filter 'kapital' hanya menerima teks, bukan {type(value).__name__}")
        return value[:1].upper() + value[1:]

    return {
        "naik_turun": naik_turun,
        "naik_atau_turun": naik_atau_turun,
        "meningkat_menurun": meningkat_menurun,
        "banding": banding,
        "status_target": status_target,
        "kapital": kapital,
    }
