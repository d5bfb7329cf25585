"""Click's own words in Indonesian: help headings, the help option, usage errors.

typer (and the click it bundles) writes ``Usage:``, ``Options:``, ``Show this
message and exit.`` and ``Error: Missing argument``; a planner reads lkjip in
Indonesian. The command and context classes here swap those words; usage errors
are worded by :func:`usage_error`. Nothing here knows lkjip's commands.
"""

from __future__ import annotations

import re
from typing import Any

from typer import _click
from typer.core import TyperCommand, TyperGroup

HELP_OPTION_HELP = "Tampilkan bantuan ini lalu keluar."

EXIT_CODES = (
    "Kode keluar: 0 tanpa galat (peringatan boleh), 1 data mengandung galat, "
    "2 masukan tidak terbaca, perintah salah pakai, atau keluaran tidak dapat ditulis, "
    "3 galat internal lkjip."
)
"""The last words of every command's help (lkjip_cli.errors holds what each code means)."""

_TYPE_NAME = re.compile(r" <(?:str|int|path|float)>$")  # the metavar already names it
_SECTIONS = {"Arguments": "Argumen", "Options": "Opsi", "Commands": "Perintah"}
_EXTRAS = (
    (re.compile(r"\[required\]"), "[wajib]"),
    (re.compile(r"\[default: ([^\]]*)\]"), r"[bawaan: \1]"),
    (re.compile(r"\[env var: ([^\]]*)\]"), r"[variabel lingkungan: \1]"),
)


class _Formatter(_click.HelpFormatter):
    """Help text with Indonesian headings."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Penggunaan: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(_SECTIONS.get(heading, heading))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(_TYPE_NAME.sub("", term), _extras(text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


def _extras(text: str) -> str:
    for pattern, replacement in _EXTRAS:
        text = pattern.sub(replacement, text)
    return text


class _Context(_click.Context):
    formatter_class = _Formatter


def _indonesian_help_option(command: _click.Command, ctx: _click.Context) -> Any:
    option = _click.Command.get_help_option(command, ctx)
    if option is not None:
        option.help = HELP_OPTION_HELP
    return option


class Command(TyperCommand):
    """A typer command whose help reads in Indonesian."""

    context_class = _Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[OPSI]"

    def get_help_option(self, ctx: _click.Context) -> Any:
        return _indonesian_help_option(self, ctx)


class Group(TyperGroup):
    """A typer group whose help and usage errors read in Indonesian."""

    context_class = _Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[OPSI]"
        self.subcommand_metavar = "PERINTAH [ARGUMEN]..."

    def get_help_option(self, ctx: _click.Context) -> Any:
        return _indonesian_help_option(self, ctx)


def usage_error(exc: _click.ClickException) -> str:
    """The whole message of a usage error: usage line, hint, and what is wrong."""
    if isinstance(exc, _click.exceptions.NoArgsIsHelpError):
        return exc.format_message()
    lines = []
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        lines.append(ctx.get_usage())
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(f"Coba '{ctx.command_path} {ctx.help_option_names[0]}' untuk bantuan.")
        lines.append("")
    lines.append(f"galat: {_what(exc)}")
    return "\n".join(lines)


def _what(exc: _click.ClickException) -> str:
    errors = _click.exceptions
    if isinstance(exc, errors.MissingParameter) and exc.param is not None:
        kind = "argumen" if exc.param.param_type_name == "argument" else "opsi"
        return f"{kind} {_name(exc.param)} wajib diisi"
    if isinstance(exc, errors.NoSuchOption):
        hint = f"; maksud Anda {', '.join(sorted(exc.possibilities))}?" if exc.possibilities else ""
        return f"opsi {exc.option_name} tidak dikenal{hint}"
    if isinstance(exc, errors.BadParameter):
        where = f" untuk {_name(exc.param)}" if exc.param is not None else ""
        reason = _reason(exc.message)
        typed = re.search(r"input_value='([^']*)'", str(exc.__cause__ or ""))
        if "valid integer" in exc.message and typed:
            reason = f"'{typed.group(1)}' bukan bilangan bulat"
        return f"nilai tidak sah{where}: {reason}"
    return _reason(exc.format_message())


def _name(param: Any) -> str:
    """``DATA`` for an argument, ``--format/-f`` for an option."""
    if param.param_type_name == "argument":
        return str(param.metavar or (param.name or "").upper())
    return "/".join(param.opts) or str(param.name)


_REASONS = (
    (re.compile(r"'(?P<v>[^']*)' is not one of (?P<c>.+?)\.?$"), "'{v}' bukan salah satu dari {c}"),
    (re.compile(r"Value '(?P<v>[^']*)' is not a valid (?P<c>\w+)\.?$"), "'{v}' bukan {c} yang sah"),
    (re.compile(r"valid integer"), "harus bilangan bulat"),
    (
        re.compile(r"No such command '(?P<v>[^']*)'\.(?: Did you mean (?P<c>.+)\?)?"),
        "perintah '{v}' tidak dikenal",
    ),
    (
        re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((?P<v>.*)\)"),
        "argumen berlebih: {v}",
    ),
    (re.compile(r"Option '(?P<v>[^']*)' requires an argument"), "opsi {v} memerlukan nilai"),
    (re.compile(r"Option '(?P<v>[^']*)' does not take a value"), "opsi {v} tidak menerima nilai"),
    (re.compile(r"Missing command"), "perintah belum disebut"),
)


def _reason(message: str) -> str:
    """click's English reason in Indonesian where it is known; else as it is."""
    for pattern, wording in _REASONS:
        match = pattern.search(message)
        if match:
            text = wording.format(**{k: v or "" for k, v in match.groupdict().items()})
            suggestion = match.groupdict().get("c") if "No such command" in message else None
            return f"{text}; maksud Anda {suggestion}?" if suggestion else text
    return message
