"""The text reporter: grouped by file, the same layout with and without colour."""

from __future__ import annotations

from lkjip_cli.findings import error, render_text, wants_color, warning
from lkjip_cli.loader import Position

FINDINGS = [
    warning(
        "kelengkapan.tanpa-pembanding",
        "indikator 'Nilai SAKIP' tanpa pembanding",
        Position("data/2024/realisasi.yaml", 18, 5),
    ),
    error(
        "anggaran.jumlah-tidak-cocok",
        "pagu murni kegiatan 'A' tertulis Rp. 3\n- B: Rp. 1",
        Position("data/2024/anggaran.yaml", 12, 7),
    ),
    error(
        "anggaran.serapan-tidak-cocok",
        "serapan kegiatan 'A' tertulis 90%",
        Position("data/2024/anggaran.yaml", 9, 3),
    ),
]


def test_text_is_grouped_by_file_in_line_order() -> None:
    assert render_text(FINDINGS) == (
        "data/2024/anggaran.yaml\n"
        "  9:3: galat [anggaran.serapan-tidak-cocok] serapan kegiatan 'A' tertulis 90%\n"
        "  12:7: galat [anggaran.jumlah-tidak-cocok] pagu murni kegiatan 'A' tertulis Rp. 3\n"
        "      - B: Rp. 1\n"
        "\n"
        "data/2024/realisasi.yaml\n"
        "  18:5: peringatan [kelengkapan.tanpa-pembanding] indikator 'Nilai SAKIP' tanpa "
        "pembanding\n"
        "\n"
        "2 galat, 1 peringatan\n"
    )


def test_no_findings() -> None:
    assert render_text([]) == "tidak ada temuan\n"


def test_colour_only_adds_escape_codes() -> None:
    coloured = render_text(FINDINGS, color=True)
    assert "\x1b[31mgalat\x1b[0m" in coloured
    assert "\x1b[33mperingatan\x1b[0m" in coloured
    plain = coloured
    for code in ("\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[33m", "\x1b[1;31m", "\x1b[0m"):
        plain = plain.replace(code, "")
    assert plain == render_text(FINDINGS)


class _Tty:
    def isatty(self) -> bool:
        return True


def test_wants_color_on_a_terminal_unless_no_color() -> None:
    assert wants_color(_Tty(), {}) is True
    assert wants_color(_Tty(), {"NO_COLOR": "1"}) is False
    assert wants_color(object(), {}) is False
