"""Column widths from content: the widest word of a column is its minimum, the rest is shared.

Widths are in twips (1/20 pt). Arial's digits are 556/1000 em wide, its full
stop 278, so ``11.854.989.245`` at 10 pt is (11 × 556 + 3 × 278) / 100 =
69,5 pt = 1390 twips; a bordered cell adds 2 × 85 twips of margin and the
writer's 40 twips of slack.
"""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from lkjip_cli.render.blocks import Cell, Table
from lkjip_cli.render.colwidths import (
    NBSP,
    Layout,
    bind_rupiah,
    cell_lines,
    layout,
    lines_at_most,
    tokens,
)
from lkjip_cli.render.metrics import text_width

PORTRAIT = 8788
"""Text width of A4 portrait in the reference template: 21 cm less 2,5 and 3 cm margins."""
AMOUNT_AT_10PT = 1390 + 2 * 85 + 40
LONG_TEXT = (
    "Persentase penyandang masalah kesejahteraan sosial yang memperoleh bantuan sosial "
    "untuk pemenuhan kebutuhan dasar selama satu tahun anggaran berjalan"
)


def test_rupiah_and_its_amount_are_one_token() -> None:
    assert (
        bind_rupiah("Rp. 5.046.629.436,54 dan Rp 12") == f"Rp.{NBSP}5.046.629.436,54 dan Rp{NBSP}12"
    )
    assert tokens("Pagu Rp. 1.000") == ["Pagu", "Rp.\x001.000"]
    assert bind_rupiah("Rp.") == "Rp."  # no amount after it: nothing to bind


def test_widths_fill_the_width_and_the_amount_never_breaks() -> None:
    table = Table(
        header=((Cell("No."), Cell("Uraian"), Cell("Jumlah")),),
        body=((Cell("1"), Cell(LONG_TEXT), Cell("11.854.989.245")),),
        widths=(1, 1, 1),
    )
    fitted = layout(table, PORTRAIT)
    no, uraian, jumlah = fitted.widths
    assert sum(fitted.widths) == PORTRAIT
    assert fitted.size_pt == 10 and fitted.margin == 85
    # the amount column is as wide as the amount, no wider: the long text takes the rest
    assert int(AMOUNT_AT_10PT) <= jumlah <= AMOUNT_AT_10PT + 1
    # "No." bold in the header: N 722 + o 611 + . 278 = 1611/100 pt = 322 twips
    assert 322 + 210 <= no <= 322 + 211
    assert uraian == PORTRAIT - no - jumlah


def test_builder_hints_do_not_decide() -> None:
    body = ((Cell("1"), Cell(LONG_TEXT)),)
    one = layout(Table(header=(), body=body, widths=(5, 1)), PORTRAIT)
    other = layout(Table(header=(), body=body, widths=(1, 5)), PORTRAIT)
    assert one == other
    assert one.widths[0] < one.widths[1]


def test_surplus_goes_to_text_columns_not_to_numbers() -> None:
    table = Table(header=(), body=((Cell("1"), Cell("Sandang"), Cell("95,38%")),), widths=(1, 1, 1))
    no, text, percent = layout(table, PORTRAIT).widths
    assert text == PORTRAIT - no - percent
    assert no < 600 and percent < 1200


def test_a_spanning_cell_spreads_its_word_over_its_columns() -> None:
    word = "Mengkoordinasikan"
    table = Table(
        header=((Cell(word, colspan=2), Cell("x")),),
        body=((Cell("a"), Cell("b"), Cell(LONG_TEXT)),),
        widths=(1, 1, 1),
    )
    first, second, _ = layout(table, PORTRAIT).widths
    alone = layout(Table(header=(), body=((Cell(word), Cell(LONG_TEXT)),), widths=(1, 1)), PORTRAIT)
    # together the two columns are as wide as the word needs in one column, each about half
    assert first + second >= alone.widths[0] - 1
    assert abs(first - second) <= 1


def test_rowspan_keeps_later_cells_in_their_columns() -> None:
    table = Table(
        header=(),
        body=(
            (Cell("Kajian", rowspan=2), Cell("a"), Cell("1")),
            (Cell("b"), Cell("11.854.989.245")),
        ),
        widths=(1, 1, 1),
    )
    widths = layout(table, PORTRAIT).widths
    # the amount of the second row is in the third column, not the second
    assert widths[2] >= AMOUNT_AT_10PT - 1


def test_too_wide_at_10pt_goes_to_the_small_font_then_narrow_margins() -> None:
    amounts = tuple(Cell("11.854.989.245") for _ in range(6))
    six = Table(header=(), body=(amounts,), widths=(1,) * 6)
    # 6 × 1600 twips at 10 pt is more than 8788: the small font fits (9 pt: 1251 + 210 each)
    fitted = layout(six, PORTRAIT)
    assert fitted.small and fitted.size_pt == 9 and fitted.margin == 85
    seven = Table(header=(), body=(amounts + amounts[:1],), widths=(1,) * 7)
    # 7 × 1461 = 10227 does not fit at 9 pt, nor 7 × (1251 + 154) = 9835 with 1 mm margins,
    # nor 7 × (1112 + 154) = 8862 at 8 pt; at 7,5 pt 7 × (1042,5 + 154) = 8375,5 does
    last = layout(seven, PORTRAIT)
    assert (last.size_pt, last.margin, sum(last.widths)) == (7.5, 57, PORTRAIT)
    # whole, but below 8 pt: the DOCX writer turns its page landscape
    assert last.fits and last.cramped and not fitted.cramped
    # a table the builder marks small never grows to 10 pt
    small = Table(header=(), body=((Cell("a"), Cell("b")),), widths=(1, 1), small=True)
    assert layout(small, PORTRAIT).size_pt == 9


LANDSCAPE = 13720
"""Text width of A4 landscape in the reference template: 29,7 cm less the same margins."""


def test_on_landscape_the_same_fonts_then_half_points_until_every_word_fits() -> None:
    amounts = tuple(Cell("11.854.989.245") for _ in range(7))
    seven = Table(header=(), body=(amounts,), widths=(1,) * 7)
    # 7 × 1600 = 11200 fits a landscape page at 10 pt
    assert layout(seven, LANDSCAPE).size_pt == 10
    sixteen = Table(header=(), body=(amounts * 2 + amounts[:2],), widths=(1,) * 16)
    # 16 columns: at 6,5 pt 16 × (903,5 + 154) = 16920 > 13720; at 5,5 pt 16 × (764,5 + 154)
    # = 14696 > 13720; at 5 pt 16 × (695 + 154) = 13584 fits
    fitted = layout(sixteen, LANDSCAPE)
    assert (fitted.size_pt, fitted.fits) == (5, True)
    assert min(fitted.widths) >= 695 + 154 - 1
    # more columns than fit even at 5 pt: the columns shrink (words break), reported
    many = Table(header=(), body=(amounts * 3,), widths=(1,) * 21)
    squeezed = layout(many, LANDSCAPE)
    assert not squeezed.fits and squeezed.cramped and sum(squeezed.widths) == LANDSCAPE


def test_a_cells_lines_as_its_words_wrap_in_the_column() -> None:
    fitted = Layout((PORTRAIT,), 10.0, 85)
    two = round(text_width("kesejahteraan kesejahteraan", 10) * 20) + 2 * 85 + 1
    words = " ".join(["kesejahteraan"] * 12)
    assert cell_lines(words, two, fitted) == 6  # two words a line
    assert cell_lines(words, PORTRAIT, fitted) == 2
    assert cell_lines("satu\ndua\n\nempat", PORTRAIT, fitted) == 4  # an empty line counts
    assert cell_lines("", PORTRAIT, fitted) == 1
    # bold is wider: the two words no longer fit a line together
    assert cell_lines(words, two, fitted, bold=True) == 12


def test_a_web_address_may_break_after_its_slashes_and_nothing_else_does() -> None:
    """Held whole, a source column's address set Tabel 2.1 of a public-works office at 5 pt."""
    from lkjip_cli.render.colwidths import ZWSP, break_urls

    url = "https://simonev.sukamajukab.example/data/2024/jalan_mantap"
    assert tokens(f"Aplikasi {url}") == [
        "Aplikasi",
        "https://",
        "simonev.sukamajukab.example/",
        "data/2024/",  # not before a digit
        "jalan_mantap",
    ]
    assert break_urls(f"lihat {url}") == "lihat " + ZWSP.join(tokens(url))
    # a slash outside a web address, and a code, stay whole
    assert tokens("Kabupaten/Kota 1.03.02.2.01.0001") == ["Kabupaten/Kota", "1.03.02.2.01.0001"]
    wide = Table(header=(), body=((Cell("No"), Cell(url)),), widths=(1, 1))
    assert layout(wide, 6000).size_pt == 10  # whole, it needs 9,6 cm at 10 pt


@given(
    text=st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400),
    width=st.integers(min_value=0, max_value=9000),
    size=st.sampled_from([5.0, 8.0, 10.0]),
    bold=st.booleans(),
)
def test_lines_at_most_bounds_the_count(text: str, width: int, size: float, bold: bool) -> None:
    # the writer counts a row's lines only when this bound says it may be tall
    fitted = layout(Table(header=(), body=((Cell("x"),),), widths=(1,)), PORTRAIT)
    fitted = dataclasses.replace(fitted, size_pt=size)
    assert cell_lines(text, width, fitted, bold=bold) <= lines_at_most(text, width, fitted)
