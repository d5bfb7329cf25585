"""The formula language against Python's own arithmetic over Decimals (same trees)."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from lkjip_cli.rumus import evaluate, parse, spelled

VALUES = {"a": Decimal("7"), "b": Decimal("-2.5"), "c": Decimal("0.1")}

leaves = st.one_of(
    st.sampled_from(sorted(VALUES)),
    st.integers(min_value=0, max_value=999).map(str),
)


def _combine(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(children, st.sampled_from("+-*/"), children).map(
        lambda t: f"({t[0]} {t[1]} {t[2]})"
    )


expressions = st.recursive(leaves, _combine, max_leaves=8)


def _python(text: str) -> Decimal | None:
    """The same expression by Python over Decimals (a test oracle, never used by lkjip)."""
    source = re.sub(r"\b(\d+)\b", r"Decimal('\1')", text)
    try:
        value: Decimal = eval(source, {"Decimal": Decimal, "__builtins__": {}}, dict(VALUES))
    except ArithmeticError:  # a division by 0 (or 0 / 0): lkjip leaves the cell empty
        return None
    return value


@settings(derandomize=True, max_examples=300, deadline=None)
@given(expressions)
def test_formula_evaluates_as_arithmetic(text: str) -> None:
    assert evaluate(parse(text), VALUES) == _python(text)


@settings(derandomize=True, max_examples=100, deadline=None)
@given(expressions)
def test_a_formula_spelt_out_parses_back_to_the_same_value(text: str) -> None:
    node = parse(text)
    again = parse(spelled(node, lambda c: c, lambda v: f"{v}".replace(".", ",")))
    assert evaluate(again, VALUES) == evaluate(node, VALUES)
