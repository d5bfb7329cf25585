"""Indonesian numbers, percentages and dates: parse exactly, format for print.

Parsing is strict: ``.`` groups thousands in threes and ``,`` marks decimals, so
``14.972.00`` or ``60.15`` are refused rather than guessed. Formatting rounds half
up, and only here: the rest of lkjip carries exact ``Decimal`` values.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Context, Decimal
from pathlib import Path
from typing import cast

BULAN = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

MAX_DIGITS = 18
"""Most digits before the comma: beyond every real budget (the APBN has 16), and it
keeps sums and percentages exact within Decimal's 28 digits."""

_GROUPED = r"[0-9]{1,3}(?:\.[0-9]{3})+"
_PLAIN = r"[0-9]+"
_NUMBER = re.compile(rf"^(?P<sign>-)?(?P<int>{_GROUPED}|{_PLAIN})(?:,(?P<frac>[0-9]+))?$")
_RUPIAH_PREFIX = re.compile(r"^rp\.?\s*", re.IGNORECASE)
_DATE_ID = re.compile(r"^(?P<d>\d{1,2})\s+(?P<m>[A-Za-z]+)\s+(?P<y>\d{4})$")
_DATE_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")


class NumberFormatError(ValueError):
    """A text that is not a number written the Indonesian way."""


def parse_decimal(text: str, *, max_frac: int | None = None, percent: bool = True) -> Decimal:
    """Parse ``1.234,56`` / ``95,39`` / ``100``; a trailing ``%`` is dropped when allowed."""
    raw = text.strip()
    if percent and raw.endswith("%"):
        raw = raw[:-1].rstrip()
    match = _NUMBER.match(raw)
    if not match:
        raise NumberFormatError(_explain(text))
    frac = match.group("frac") or ""
    if max_frac is not None and len(frac) > max_frac:
        raise NumberFormatError(
            f"'{text}' memiliki {len(frac)} angka di belakang koma; paling banyak {max_frac}"
        )
    digits = match.group("int").replace(".", "").lstrip("0") or "0"
    if len(digits) > MAX_DIGITS:
        raise NumberFormatError(
            f"'{_clip(text)}' terlalu besar: paling banyak {MAX_DIGITS} angka sebelum koma"
        )
    value = Decimal(f"{digits}.{frac}" if frac else digits)
    return -value if match.group("sign") else value


def parse_rupiah(text: str) -> Decimal:
    """Parse an amount in rupiah and sen: ``Rp. 5.046.629.436,54`` or ``1550448``."""
    return parse_decimal(_RUPIAH_PREFIX.sub("", text.strip()), max_frac=2, percent=False)


def parse_count(text: str) -> int:
    """Parse a whole count: ``110.692`` or ``110692``."""
    value = parse_decimal(text, percent=False)
    if value != value.to_integral_value() or "," in text:
        raise NumberFormatError(f"'{text}' bukan bilangan bulat")
    return int(value)


def _clip(text: str, width: int = 40) -> str:
    """A long value shortened for a message."""
    text = text.strip()
    return text if len(text) <= width else f"{text[: width - 1]}…"


def _explain(text: str) -> str:
    hint = "contoh yang benar: 1.550.448 atau 95,39"
    if re.fullmatch(r"-?\d+\.\d{1,2}", text.strip()):
        own = text.strip().replace(".", ",")
        hint = f"koma adalah pemisah desimal dan titik pemisah ribuan: maksud Anda {own}?"
    elif re.fullmatch(r"-?\d{1,3}(?:\.\d{3})*\.\d{1,2}", text.strip()):
        head, _, tail = text.strip().rpartition(".")
        hint = (
            f"kelompok terakhir '{tail}' kurang dari tiga angka; "
            f"maksud Anda {head}.{tail.ljust(3, '0')} atau {head},{tail.ljust(2, '0')}?"
        )
    elif re.fullmatch(r"-?[\d.]+", text.strip()):
        hint = "titik memisahkan ribuan dalam kelompok tiga angka, misalnya 1.550.448"
    return f"'{_clip(text)}' bukan angka yang sah; {hint}"


def parse_date(text: str) -> dt.date:
    """Parse ``28 Februari 2025`` or ``2025-02-28``; an impossible date is an error."""
    raw = text.strip()
    if m := _DATE_ISO.match(raw):
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    elif m := _DATE_ID.match(raw):
        names = [b.lower() for b in BULAN]
        if m["m"].lower() not in names:
            raise ValueError(f"'{m['m']}' bukan nama bulan; gunakan {', '.join(BULAN)}")
        year, month, day = int(m["y"]), names.index(m["m"].lower()) + 1, int(m["d"])
    else:
        raise ValueError(f"'{text}' bukan tanggal; tulis '28 Februari 2025' atau '2025-02-28'")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"tanggal '{text}' tidak ada di kalender") from None


def quantize(value: Decimal, places: int) -> Decimal:
    """Round half up to ``places`` decimals (the only rounding lkjip does)."""
    # A computed value (a capaian over a tiny target) may exceed the default 28
    # digits; quantizing it under that context raises InvalidOperation.
    context = Context(prec=max(28, value.adjusted() + places + 2))
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=context)


def format_number(value: Decimal | int, places: int = 0) -> str:
    """``110692`` → ``110.692``; ``Decimal('60.15')``, 2 → ``60,15``."""
    q = quantize(Decimal(value), places)
    sign = "-" if q < 0 else ""
    # copy_abs is exact; abs() would round to the context's 28 digits
    whole, _, frac = f"{q.copy_abs():f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = ".".join(groups)
    return f"{sign}{text},{frac}" if places else f"{sign}{text}"


def format_rupiah(value: Decimal | int) -> str:
    """``Rp. 17.223.131.900,00``."""
    return f"Rp. {format_number(value, 2)}"


def format_rupiah_short(value: Decimal | int) -> str:
    """``Rp. 1.550.448`` when whole, ``Rp. 455.388.173,54`` when it has sen."""
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else 2
    return f"Rp. {format_number(value, places)}"


def format_money_plain(value: Decimal | int) -> str:
    """An amount in a table column: ``1.550.448`` or ``455.388.173,54``."""
    value = Decimal(value)
    places = 0 if value == value.to_integral_value() else 2
    return format_number(value, places)


def format_percent(value: Decimal | None, places: int = 2, *, compact: bool = False) -> str:
    """``95,38%``; ``-`` when there is no value; ``compact`` prints an exact whole as ``100%``."""
    if value is None:
        return "-"
    if compact and Decimal(value) == Decimal(value).to_integral_value():
        places = 0
    return f"{format_number(value, places)}%"


def format_decimal_id(value: Decimal | int | None, places: int = 2) -> str:
    """``60,15``; whole numbers print without decimals (``100``)."""
    if value is None:
        return "-"
    value = Decimal(value)
    if value == value.to_integral_value():
        return format_number(value, 0)
    return format_number(value, places)


def format_tanggal(value: dt.date) -> str:
    """``28 Februari 2025``: the day without a leading zero, the month by name.

    The month names are the ones :func:`parse_date` reads (babel's CLDR data
    gives the same for ``id``, but loading it cost every build 0.04 s).
    """
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


_SATU_RIBU = re.compile(r"(?<!puluh )(?<!ratus )\bsatu ribu\b")
"""A thousands group of one: num2words writes 1.001.000 "satu juta satu ribu".

Indonesian writes "seribu" for it, as for 1.000 alone: "satu juta seribu".
After "puluh" or "ratus" the "satu" belongs to a larger group and stays
("seratus satu ribu" is 101.000).
"""


def _words(n: int) -> str:
    return _SATU_RIBU.sub("seribu", str(_indonesian_cardinal()(n))).title()


@functools.cache
def _indonesian_cardinal() -> Callable[[int], object]:
    """num2words' Indonesian cardinal (``num2words(n, lang="id")``), loaded on first use.

    ``import num2words`` builds a converter for each of its fifty languages: 0.02 s,
    the largest single cost of ``lkjip check``. Its Indonesian module stands alone
    (no imports), so it is loaded by itself from the installed package. Should a
    later num2words lay itself out otherwise, the package is imported whole;
    tests/unit/test_numbers.py holds both ways to the same words.
    """
    try:
        spec = importlib.util.find_spec("num2words")  # finds the package, does not run it
        if spec is None or not spec.submodule_search_locations:
            raise ImportError("num2words")
        path = Path(next(iter(spec.submodule_search_locations)), "lang_ID.py")
        lang_spec = importlib.util.spec_from_file_location("num2words.lang_ID", path)
        if lang_spec is None or lang_spec.loader is None:
            raise ImportError(str(path))
        module = importlib.util.module_from_spec(lang_spec)
        lang_spec.loader.exec_module(module)  # not in sys.modules: num2words stays whole
        converter = module.Num2Word_ID()
        return cast("Callable[[int], object]", converter.to_cardinal)
    except Exception:  # any surprise falls back to the library's own entry point
        from num2words import num2words

        return functools.partial(num2words, lang="id")


def terbilang(value: Decimal | int, *, satuan: str = "Rupiah") -> str:
    """Amount in words: ``Enam Belas Miliar … Rupiah Lima Puluh Empat Sen``."""
    q = quantize(Decimal(value), 2)
    if q < 0:
        return f"Minus {terbilang(-q, satuan=satuan)}"
    whole = int(q)
    sen = int((q - whole) * 100)
    text = f"{_words(whole)} {satuan}".strip()
    if sen:
        text += f" {_words(sen)} Sen"
    return text


def normalise_words(text: str) -> str:
    """Compare amounts in words loosely: case, spaces and Milyar/Miliar."""
    words = re.sub(r"[^a-z ]", " ", text.lower()).split()
    return " ".join("miliar" if w == "milyar" else w for w in words)
