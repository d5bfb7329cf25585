"""The appendices (Lampiran) of the LKjIP as blocks.

Each appendix opens a new section (portrait for the agreements and the IKU
decree, landscape for the wide tables) whose page numbers continue the
report's, and a level-1 heading labelled ``LAMPIRAN I``, ``LAMPIRAN II``, …
so that it appears in the table of contents. Appendices without data (no PK
Perubahan) are left out and the labels close up.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from lkjip_cli.model import DataTahun
from lkjip_cli.render.blocks import Block, Letterhead
from lkjip_cli.render.lampiran import cascade, iku, pk, rencana_aksi
from lkjip_cli.render.lampiran._common import roman
from lkjip_cli.render.pictures import Picture
from lkjip_cli.report import Report

Builder = Callable[[DataTahun, Report, str], list[Block]]

URUTAN: tuple[Builder, ...] = (
    pk.murni,
    pk.perubahan,
    iku.iku,
    rencana_aksi.rencana_aksi,
    cascade.cascading,
)
"""The appendices in print order, as DOMAIN.md lists them.

The reference's PDF binds the cascade pages directly after BAB IV, before the
PK's divider page; to follow it, move ``cascade.cascading`` to the front.
"""


def lampiran(data: DataTahun, report: Report, logo: Picture | None = None) -> list[Block]:
    """Every appendix, in order, each starting with its section and heading; their
    letterheads carry ``logo``, the agency's logo read once for the whole report."""
    blocks: list[Block] = []
    number = 0
    for build in URUTAN:
        # An appendix without data (no PK Perubahan) must not use up a number.
        made = build(data, report, f"LAMPIRAN {roman(number + 1)}")
        if made:
            number += 1
            blocks += made
    if logo is None:
        return blocks
    return [dataclasses.replace(b, logo=logo) if isinstance(b, Letterhead) else b for b in blocks]


__all__ = ["lampiran"]
