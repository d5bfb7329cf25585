"""Hostile narratives and markup in the data, through a real build of 2024.

A narrative is data many people edit: whatever it holds, a placeholder can
read figures and call the formatting filters, nothing else. Each attempt below
goes into ``data/2024/narasi/bab-1.md`` and must be refused with an Indonesian
message naming the file and the line, exit 1, and no output written. What the
data says is escaped in the HTML report and never becomes markup.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from .harness import OUT, YEAR, assert_build_refused, assert_refused, build, snapshot

BAB_1 = Path("narasi") / "bab-1.md"
LINE = 5
"""Where the attempt is written: a paragraph of its own, after the first one."""

ATTEMPTS = {
    "mro": "{{ ''.__class__.__mro__ }}",
    "kelas-model": "{{ instansi.__class__ }}",
    "subclasses": "{{ instansi.nama.__class__.__base__.__subclasses__() }}",
    "include": "{% include '/etc/passwd' %}",
    "import": "{% import 'x' as y %}",
    "from-import": "{% from '/etc/passwd' import x %}",
    "extends": "{% extends '../../pyproject.toml' %}",
    "globals": "{{ cycler.__init__.__globals__ }}",
    "globals-fungsi": "{{ ref.__globals__ }}",
    "range-besar": "{{ range(10**9)|list }}",
    "range-panggil": "{{ range(10**9) }}",
    "kali-teks": "{{ 'a' * 10**9 }}",
    "kali-daftar": "{{ [0] * 10**9 }}",
    "pangkat": "{{ 10 ** (10 ** 10) }}",
    "pangkat-berantai": "{{ ((10 ** 100) ** 100) ** 100 }}",  # small exponents, minutes of CPU
    "format": "{{ '{0.__class__}'.format(instansi) }}",
    "metode-model": "{{ instansi.model_dump() }}",
    "ubah-data": "{{ instansi.fungsi.append('x') }}",
    "lipsum": "{{ lipsum(10**6) }}",
    "karakter-kendali": "{{ '%c' % 27 }}",
    "surrogate": "{{ '%c' % 55296 }}",
}


def _write_attempt(root: Path, text: str) -> None:
    path = root / YEAR / BAB_1
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[LINE - 2] == "", "line 4 of bab-1.md must stay blank: a paragraph of its own"
    lines.insert(LINE - 1, f"Kalimat sisipan {text} selesai.\n")
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.mark.parametrize("name", sorted(ATTEMPTS))
def test_the_sandbox_refuses(name: str, year: Path, previous: dict[str, tuple[bytes, int]]) -> None:
    _write_attempt(year, ATTEMPTS[name])
    started = time.monotonic()
    outcome = build()
    assert time.monotonic() - started < 30
    assert_refused(outcome, BAB_1.as_posix(), LINE, codes=(1,))
    message = next(line for line in outcome.stderr.splitlines() if line.startswith(f"  {LINE}:"))
    # Indonesian, and no Python reprs (addresses, class names) leaking through
    assert re.search(r"\b(tidak|narasi|nilai|filter|hasil|ekspresi)\b", message), message
    assert " at 0x" not in message and "Traceback" not in message
    assert_build_refused(outcome, previous)


def test_no_file_outside_the_data_directory_reaches_the_report(
    year: Path, previous: dict[str, tuple[bytes, int]]
) -> None:
    _write_attempt(year, "{% include 'narasi/bab-2.md' %}")
    outcome = build()
    assert_refused(outcome, BAB_1.as_posix(), LINE, codes=(1,), words="tidak boleh memuat berkas")
    assert_build_refused(outcome, previous)


SCRIPT = "<script>alert(1)</script>"


def test_html_output_escapes_what_the_data_says(year: Path) -> None:
    anggaran = year / YEAR / "anggaran.yaml"
    text = anggaran.read_text(encoding="utf-8")
    name = "nama: Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
    assert name in text
    anggaran.write_text(
        text.replace(name, f"nama: Program {SCRIPT} Penunjang", 1), encoding="utf-8"
    )
    _write_attempt(year, f"{SCRIPT} <img src=x onerror=alert(2)> {{{{ '<b>tebal</b>' }}}}")
    outcome = build()
    assert outcome.exit_code == 0, outcome.text[-3000:]
    files = snapshot(OUT)
    html = files["lkjip-2024.html"][0].decode("utf-8")
    markdown = files["lkjip-2024.md"][0].decode("utf-8")
    plain = html.replace("<wbr>", "")  # the writer may offer line breaks inside long words
    assert "<script" not in html.lower()
    assert not re.search(r"<[^>]*onerror", html)
    assert "<b>tebal" not in html
    assert plain.count("Program &lt;script&gt;alert(1)&lt;/script&gt; Penunjang") >= 2
    assert "Kalimat sisipan &lt;script&gt;alert(1)&lt;/script&gt; &lt;img" in plain
    assert "&lt;b&gt;tebal&lt;/b&gt;" in plain
    # Markdown is read by other tools too: no live HTML there either
    assert not re.search(r"(?<!\\)<(script|img|b>)", markdown)
    assert "\\<script\\>alert(1)\\</script\\>" in markdown
