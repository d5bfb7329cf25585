"""Indonesian number, percent and date parsing and formatting."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lkjip_cli import numbers as n


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.550.448", Decimal("1550448")),
        ("1550448", Decimal("1550448")),
        ("5.046.629.436,54", Decimal("5046629436.54")),
        ("Rp. 17.223.131.900,00", Decimal("17223131900.00")),
        ("14.972", Decimal("14972")),
    ],
)
def test_parse_rupiah(text: str, expected: Decimal) -> None:
    assert n.parse_rupiah(text) == expected


@pytest.mark.parametrize(
    "text", ["14.972.00", "113.550.00", "60.15", "1,234", "abc", "1.2345", "12,345"]
)
def test_parse_rupiah_refuses_malformed(text: str) -> None:
    with pytest.raises(n.NumberFormatError):
        n.parse_rupiah(text)


def test_malformed_group_suggests_both_readings() -> None:
    with pytest.raises(n.NumberFormatError, match=r"14\.972\.000 atau 14\.972,00"):
        n.parse_rupiah("14.972.00")


def test_parse_decimal_and_percent() -> None:
    assert n.parse_decimal("95,39") == Decimal("95.39")
    assert n.parse_decimal("95,39%") == Decimal("95.39")
    assert n.parse_decimal("-1,31") == Decimal("-1.31")
    assert n.parse_count("110.692") == 110692
    with pytest.raises(ValueError):
        n.parse_count("1,5")


def test_parse_date() -> None:
    assert n.parse_date("28 Februari 2025") == dt.date(2025, 2, 28)
    assert n.parse_date("2025-02-28") == dt.date(2025, 2, 28)
    with pytest.raises(ValueError, match="tidak ada di kalender"):
        n.parse_date("34 Oktober 2024")
    with pytest.raises(ValueError, match="bukan nama bulan"):
        n.parse_date("12 Juno 2024")


def test_formatting_rounds_half_up_only_when_printed() -> None:
    assert n.format_rupiah(Decimal("17223131900")) == "Rp. 17.223.131.900,00"
    assert n.format_number(110692) == "110.692"
    assert n.format_percent(Decimal("95.385")) == "95,39%"
    assert n.format_percent(Decimal("95.3849")) == "95,38%"
    assert n.format_percent(Decimal("-1.315")) == "-1,32%"
    assert n.format_percent(None) == "-"
    assert n.format_decimal_id(Decimal("100")) == "100"
    assert n.format_decimal_id(Decimal("60.15")) == "60,15"
    assert n.format_money_plain(Decimal("455388173.54")) == "455.388.173,54"
    assert n.format_tanggal(dt.date(2025, 2, 28)) == "28 Februari 2025"
    assert n.format_tanggal(dt.date(2024, 8, 1)) == "1 Agustus 2024"  # no leading zero


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_a_printed_date_reads_back_as_the_same_date(day: dt.date) -> None:
    assert n.parse_date(n.format_tanggal(day)) == day


def test_terbilang() -> None:
    assert n.terbilang(Decimal("17223131900")) == (
        "Tujuh Belas Miliar Dua Ratus Dua Puluh Tiga Juta Seratus Tiga Puluh Satu Ribu "
        "Sembilan Ratus Rupiah"
    )
    assert n.terbilang(Decimal("16162638086.54")) == (
        "Enam Belas Miliar Seratus Enam Puluh Dua Juta Enam Ratus Tiga Puluh Delapan Ribu "
        "Delapan Puluh Enam Rupiah Lima Puluh Empat Sen"
    )
    assert n.normalise_words("Tujuh Belas Milyar") == n.normalise_words("tujuh belas miliar")


@pytest.fixture
def without_standalone_loading(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """As if num2words' Indonesian module could not be found by itself."""
    monkeypatch.setattr(n.importlib.util, "find_spec", lambda name: None)
    n._indonesian_cardinal.cache_clear()
    yield
    n._indonesian_cardinal.cache_clear()


@given(st.integers(min_value=0, max_value=10**18 - 1))
def test_the_standalone_indonesian_module_is_num2words(value: int) -> None:
    from num2words import num2words

    assert n._indonesian_cardinal()(value) == num2words(value, lang="id")


def test_words_fall_back_to_the_whole_package(without_standalone_loading: None) -> None:
    assert isinstance(n._indonesian_cardinal(), functools.partial)
    assert n.terbilang(1_001_011) == "Satu Juta Seribu Sebelas Rupiah"
    assert n.terbilang(17_223_131_900) == (
        "Tujuh Belas Miliar Dua Ratus Dua Puluh Tiga Juta Seratus Tiga Puluh Satu Ribu "
        "Sembilan Ratus Rupiah"
    )


# Written by hand from Indonesian usage (as the law writes amounts): a thousands
# group of one is "seribu", wherever it stands; "satu" stays in a larger group.
TERBILANG = {
    "0": "Nol Rupiah",
    "1.000": "Seribu Rupiah",
    "1.001": "Seribu Satu Rupiah",
    "1.100": "Seribu Seratus Rupiah",
    "11.000": "Sebelas Ribu Rupiah",
    "21.000": "Dua Puluh Satu Ribu Rupiah",
    "100.000": "Seratus Ribu Rupiah",
    "101.000": "Seratus Satu Ribu Rupiah",
    "111.111": "Seratus Sebelas Ribu Seratus Sebelas Rupiah",
    "1.000.000": "Satu Juta Rupiah",
    "1.000.001": "Satu Juta Satu Rupiah",
    "1.001.000": "Satu Juta Seribu Rupiah",
    "1.201.000": "Satu Juta Dua Ratus Satu Ribu Rupiah",
    "2.011.000": "Dua Juta Sebelas Ribu Rupiah",
    "17.001.500": "Tujuh Belas Juta Seribu Lima Ratus Rupiah",
    "21.001.000": "Dua Puluh Satu Juta Seribu Rupiah",
    "1.000.001.000": "Satu Miliar Seribu Rupiah",
    "1.001.001.000": "Satu Miliar Satu Juta Seribu Rupiah",
    "5.201.001.000": "Lima Miliar Dua Ratus Satu Juta Seribu Rupiah",
    "1.001.000.000.000": "Satu Triliun Satu Miliar Rupiah",
    "3.000.000.001.000": "Tiga Triliun Seribu Rupiah",
    "1.000,01": "Seribu Rupiah Satu Sen",
    "1.001.000,25": "Satu Juta Seribu Rupiah Dua Puluh Lima Sen",
    "17.001.500,50": "Tujuh Belas Juta Seribu Lima Ratus Rupiah Lima Puluh Sen",
    "16.162.001.086,54": (
        "Enam Belas Miliar Seratus Enam Puluh Dua Juta Seribu Delapan Puluh Enam Rupiah "
        "Lima Puluh Empat Sen"
    ),
    "-1.001.000": "Minus Satu Juta Seribu Rupiah",
}


@pytest.mark.parametrize(("amount", "words"), sorted(TERBILANG.items()))
def test_terbilang_as_indonesian_writes_it(amount: str, words: str) -> None:
    value = n.parse_rupiah(amount.removeprefix("-"))
    assert n.terbilang(-value if amount.startswith("-") else value) == words


_GROUPS = ("juta", "miliar", "triliun", "kuadriliun")


_GROUP = st.integers(min_value=0, max_value=999) | st.sampled_from((0, 1, 10, 11, 21, 100, 101))
"""A group of three digits, often one of those whose words are special."""


@given(st.lists(_GROUP, min_size=1, max_size=6), st.integers(min_value=0, max_value=99))
def test_seribu_is_a_thousands_group_of_one(groups: list[int], sen: int) -> None:
    whole = sum(g * 1000**i for i, g in enumerate(groups))
    words = n.terbilang(Decimal(whole) + Decimal(sen) / 100).lower().split()
    for i, word in enumerate(words):
        before = words[i - 1] if i else None
        if word == "seribu":  # alone, or right after a higher group
            assert before is None or before in _GROUPS, words
        if word == "ribu" and before == "satu":  # "satu" only inside a larger group
            assert i >= 2 and words[i - 2] in ("puluh", "ratus", "seratus"), words
    assert ("seribu" in words) == ((whole // 1000) % 1000 == 1)


@given(st.decimals(min_value=0, max_value=10**13, places=2, allow_nan=False, allow_infinity=False))
def test_money_round_trips_through_print(value: Decimal) -> None:
    assert n.parse_rupiah(n.format_rupiah(value)) == value


@pytest.mark.parametrize("text", ["٥", "１２", "5%"])
def test_money_and_counts_take_ascii_digits_without_percent(text: str) -> None:
    with pytest.raises(n.NumberFormatError):
        n.parse_rupiah(text)
    with pytest.raises(n.NumberFormatError):
        n.parse_count(text)


def test_compact_percent_prints_exact_wholes_plainly() -> None:
    assert n.format_percent(Decimal("100"), compact=True) == "100%"
    assert n.format_percent(Decimal("99.996"), compact=True) == "100,00%"
    assert n.format_percent(Decimal("95.3836"), compact=True) == "95,38%"
