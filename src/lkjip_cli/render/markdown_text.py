"""Text as CommonMark shows it literally: escaping, and runs as one Markdown line.

Text from the data is escaped so that it reads as written: ``*``, ``_``, ``[``
or a leading ``1.`` never turn into emphasis, links or lists, and bold and
italic runs keep their markers touching the text. The Markdown writer
(:mod:`lkjip_cli.render.markdown`) builds every block's lines with these.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lkjip_cli.render.blocks import Run, Runs

# Backslash-escapable punctuation that means something inline in CommonMark,
# GFM (~~strike~~) or pandoc (^super^, ~sub~).
_INLINE = re.compile(r"([\\`*_\[\]<>~^])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
# What turns the start of a line into a block: heading, quote, list, rule, setext.
_BLOCK_START = re.compile(r"^(#|>|[-+=:]|\d{1,9}(?=[.)]))")


def escape_inline(text: str) -> str:
    """Escape text so that CommonMark shows it literally inside a line."""
    return _ENTITY.sub("&amp;", _INLINE.sub(r"\\\1", text.replace("\t", " ")))


def escape_line(text: str) -> str:
    """Escape text that starts a line of its own (a paragraph, an item, an entry)."""
    return guard_line_start(escape_inline(text.strip()))


def guard_line_start(line: str) -> str:
    """Keep an escaped line from opening a heading, quote, list, rule or pandoc div."""
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    if match.group(1)[0].isdigit():  # "2024. Tahun" must not become an ordered list
        end = match.end()
        return f"{line[:end]}\\{line[end:]}"
    return "\\" + line


def inline(runs: Iterable[Run], *, force_bold: bool = False) -> str:
    """Runs → one Markdown line: escaped text with ``**bold**`` and ``*italic*``."""
    return "".join(_run(run, force_bold) for run in runs)


def _run(run: Run, force_bold: bool) -> str:
    text = escape_inline(run.text.replace("\n", " "))
    core = text.strip()
    marker = ("**" if run.bold or force_bold else "") + ("*" if run.italic else "")
    if not core or not marker:
        return text
    # Delimiters must touch the text: "** x **" is not emphasis in CommonMark.
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{marker}{core}{marker[::-1]}{trail}"


def paragraph_lines(runs: Runs, *, force_bold: bool = False) -> list[str]:
    """A paragraph's non-empty lines; a ``\\n`` in the text starts a new line."""
    lines: list[list[Run]] = [[]]
    for run in runs:
        for i, part in enumerate(run.text.split("\n")):
            if i:
                lines.append([])
            lines[-1].append(Run(part, run.bold, run.italic))
    texts = (inline(line, force_bold=force_bold).strip() for line in lines)
    return [guard_line_start(text) for text in texts if text]
