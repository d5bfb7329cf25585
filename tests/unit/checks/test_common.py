"""Shared mechanics of the rules: printed precision, typing slips, balancing items."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from lkjip_cli.checks._common import Part, balancing, is_slip, matches, places, tolerance


@pytest.mark.parametrize(
    ("printed", "computed", "ok"),
    [
        ("95.39", "95.383586", False),  # the reference's 95,39 for 105.582 ÷ 110.692
        ("95.38", "95.383586", True),
        ("96", "96.004", True),
        ("96", "96.5", True),  # exactly half a unit: still the printed figure
        ("96", "96.51", False),
        ("94.31", "94.010744", False),
        ("91.7", "91.6667", True),
        ("0.02", "0.0136", False),
        ("100", "100", True),
    ],
)
def test_matches_within_half_a_unit_of_the_last_printed_digit(
    printed: str, computed: str, ok: bool
) -> None:
    assert matches(D(printed), D(computed)) is ok


def test_places_and_tolerance_keep_trailing_zeros() -> None:
    assert places(D("95.30")) == 2
    assert tolerance(D("95.30")) == D("0.005")
    assert tolerance(D("96")) == D("0.5")


@pytest.mark.parametrize(
    ("typed", "meant", "slip"),
    [
        ("284594250", "248594250", True),  # neighbouring digits swapped
        ("19309899", "19303899", True),  # one digit wrong
        ("1497200", "14972000", True),  # one digit missing
        ("5491452200", "5491425220", False),  # a rotation, not one keystroke
        ("100000", "60000", False),
        ("775224", "775224", False),
    ],
)
def test_is_slip(typed: str, meant: str, slip: bool) -> None:
    assert is_slip(D(typed), D(meant)) is slip


def test_balancing_prefers_a_confirmed_value() -> None:
    parts = [
        Part("a", D(107445042)),
        Part("b", D(5491452200), lambda v: v == D(5491425220)),
        Part("c", D(94920000)),
    ]
    [fix] = balancing(parts, stated=D(5693790262), computed=D(5693817242))
    assert (fix.name, fix.value) == ("b", D(5491425220))


def test_balancing_names_a_blank_item() -> None:
    parts = [Part("a", D(100)), Part("b", D(0), blank=True)]
    [fix] = balancing(parts, stated=D(150), computed=D(100))
    assert (fix.name, fix.value) == ("b", D(50))


def test_balancing_says_nothing_when_nothing_is_plausible() -> None:
    # 470.000 → 380.000 and 380.000 → 290.000 are no typing slips, and both stay positive
    parts = [Part("a", D(470000)), Part("b", D(380000))]
    assert balancing(parts, stated=D(760000), computed=D(850000)) == []


def test_balancing_never_suggests_a_negative_value() -> None:
    parts = [Part("a", D(10)), Part("b", D(5000))]
    [fix] = balancing(parts, stated=D(4000), computed=D(5010))
    assert (fix.name, fix.value) == ("b", D(3990))
