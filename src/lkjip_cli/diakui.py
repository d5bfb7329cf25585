"""Warnings an agency acknowledges in ``lkjip.yaml`` (``diakui``), marked on the findings.

An acknowledgement names a rule and an item (text its message names) and gives
a reason: each warning it matches is shown as acknowledged and counted apart,
and ``--strict`` passes with it. One that matches no finding is a warning (the
data changed, or it was mistyped); one that matches an error is a warning too:
an error stays an error.
"""

from __future__ import annotations

import dataclasses

from lkjip_cli.findings import Finding, warning
from lkjip_cli.model import DataTahun

FILE = "lkjip.yaml"


def acknowledge(data: DataTahun, findings: list[Finding]) -> list[Finding]:
    """``findings`` with each acknowledged warning marked, and the acknowledgements' own."""
    result: list[Finding] = []
    used: set[int] = set()
    refused: dict[int, Finding] = {}
    for f in findings:
        match = next(
            (
                i
                for i, a in enumerate(data.config.diakui)
                if a.aturan == f.rule and a.butir.strip() and a.butir in f.message
            ),
            None,
        )
        if match is None:
            result.append(f)
            continue
        used.add(match)
        if f.severity == "error":
            refused.setdefault(match, f)
            result.append(f)
            continue
        result.append(dataclasses.replace(f, diakui=data.config.diakui[match].alasan))
    for i, a in enumerate(data.config.diakui):
        where = data.pos(FILE, ("diakui", i))
        if i in refused:
            result.append(
                warning(
                    "diakui.galat",
                    f"'{a.aturan}' untuk '{a.butir}' adalah galat dan tidak dapat diakui; "
                    "perbaiki datanya",
                    where,
                )
            )
        elif i not in used:
            result.append(
                warning(
                    "diakui.tidak-cocok",
                    f"pengakuan '{a.aturan}' untuk '{a.butir}' tidak cocok dengan temuan mana "
                    "pun; hapus bila sudah tidak perlu, atau periksa id aturan dan nama butirnya",
                    where,
                )
            )
    return result
