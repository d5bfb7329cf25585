"""Hand-made bad files: each is refused by check and build with its file and line.

A case damages the scratch copy of ``data/2024`` and says what lkjip must
answer: the exit code (1 for data with errors, 2 for input that cannot be
read), the file, the line where there is one, and a word of the message. Every
case runs through ``lkjip check`` and through ``lkjip build`` into a directory
holding a previous report, which must stay byte for byte as it was.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from lkjip_cli.loader import MAX_FILE_BYTES

from .harness import (
    REQUIRED,
    YEAR,
    Outcome,
    assert_build_refused,
    assert_refused,
    build,
    check,
    line_of,
    lkjip,
    replace_line,
)

MB = 1024 * 1024


@dataclass(frozen=True)
class Expect:
    """What lkjip must answer: exit code, file, line (or none) and a word of the message."""

    code: int | tuple[int, ...]
    file: str
    line: int | None
    words: str = ""

    @property
    def codes(self) -> tuple[int, ...]:
        """The accepted exit codes."""
        return self.code if isinstance(self.code, tuple) else (self.code,)


Case = Callable[[Path], Expect]
CASES: dict[str, Case] = {}


def case(func: Case) -> Case:
    CASES[func.__name__] = func
    return func


def _append(path: Path, text: str) -> int:
    """Append ``text`` (one line) to ``path``; the line number it lands on."""
    body = path.read_text(encoding="utf-8")
    if not body.endswith("\n"):
        body += "\n"
    path.write_text(body + text + "\n", encoding="utf-8")
    return body.count("\n") + 1


def _bytes_at(path: Path, needle: str, raw: bytes) -> int:
    """Put ``raw`` bytes in the middle of the first line holding ``needle``; its number."""
    line = line_of(path, needle)
    data = path.read_bytes()
    at = data.index(needle.encode("utf-8")) + len(needle.encode("utf-8")) // 2
    path.write_bytes(data[:at] + raw + data[at:])
    return line


# --- empty, comment-only and mis-shaped files -------------------------------------


@case
def empty_file(root: Path) -> Expect:
    (root / YEAR / "lkjip.yaml").write_bytes(b"")
    return Expect(1, "lkjip.yaml", 1, "tahun: kolom wajib")


@case
def only_a_comment(root: Path) -> Expect:
    (root / YEAR / "pk.yaml").write_text("# PK belum diisi\n", encoding="utf-8")
    return Expect(1, "pk.yaml", 1, "murni: kolom wajib")


@case
def a_list_instead_of_a_mapping(root: Path) -> Expect:
    (root / YEAR / "renstra.yaml").write_text("- visi\n- misi\n", encoding="utf-8")
    return Expect(1, "renstra.yaml", 1, "peta")


@case
def several_documents(root: Path) -> Expect:
    path = root / YEAR / "lkjip.yaml"
    line = _append(path, "---")
    _append(path, "tahun: 2025")
    return Expect(2, "lkjip.yaml", line, "YAML tidak dapat dibaca")


@case
def required_file_missing(root: Path) -> Expect:
    (root / YEAR / "anggaran.yaml").unlink()
    return Expect(2, "anggaran.yaml", None, "berkas wajib tidak ditemukan")


@case
def a_directory_where_a_file_belongs(root: Path) -> Expect:
    path = root / YEAR / "iku.yaml"
    path.unlink()
    path.mkdir()
    return Expect(2, "iku.yaml", 1, "bukan berkas biasa melainkan direktori")


# --- YAML's traps ----------------------------------------------------------------------


@case
def duplicate_key(root: Path) -> Expect:
    line = _append(root / YEAR / "lkjip.yaml", "tahun: 2025")
    return Expect(2, "lkjip.yaml", line, "ditulis dua kali (pertama di baris 2)")


@case
def duplicate_key_deep_in_the_tree(root: Path) -> Expect:
    path = root / YEAR / "anggaran.yaml"
    first = line_of(path, "pagu_murni: 775.224")
    line = replace_line(path, "pagu_perubahan: 775.224", "            pagu_murni: 775.224")
    assert line == first + 1
    return Expect(2, "anggaran.yaml", line, f"pertama di baris {first}")


@case
def anchor(root: Path) -> Expect:
    line = replace_line(
        root / YEAR / "instansi.yaml", "nama_singkat:", "nama_singkat: &singkat Dinas Sosial"
    )
    return Expect(2, "instansi.yaml", line, "anchor YAML")


@case
def alias(root: Path) -> Expect:
    line = replace_line(root / YEAR / "instansi.yaml", "website:", "website: *singkat")
    return Expect(2, "instansi.yaml", line, "alias YAML")


@case
def alias_bomb(root: Path) -> Expect:
    # "billion laughs": 9**9 strings from twenty lines, were aliases expanded
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    (root / YEAR / "lkjip.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Expect(2, "lkjip.yaml", 1, "anchor YAML")


@case
def merge_key(root: Path) -> Expect:
    line = _append(root / YEAR / "lkjip.yaml", "<<: {kertas: F4}")
    return Expect(2, "lkjip.yaml", line, "penggabungan YAML")


@case
def mapping_as_a_key(root: Path) -> Expect:
    line = _append(root / YEAR / "lkjip.yaml", "? {a: 1}")
    _append(root / YEAR / "lkjip.yaml", ": 2")
    return Expect(2, "lkjip.yaml", line, "kunci harus berupa teks")


@case
def python_tag_is_refused(root: Path) -> Expect:
    # the loader never constructs objects, and refuses every tag where it stands
    line = replace_line(
        root / YEAR / "lkjip.yaml",
        "tahun:",
        'tahun: !!python/object/apply:os.system ["touch DIRETAS"]',
    )
    return Expect(2, "lkjip.yaml", line, "tag YAML (!!python/object/apply:os.system)")


@case
def unclosed_flow_mapping(root: Path) -> Expect:
    path = root / YEAR / "pk.yaml"
    line = replace_line(
        path, "{indikator: pmks_tertangani, target: 100}", "    - {indikator: pmks_tertangani"
    )
    return Expect(2, "pk.yaml", line + 1, "YAML tidak dapat dibaca")


@case
def tab_indentation(root: Path) -> Expect:
    line = replace_line(root / YEAR / "pk.yaml", "  tempat: Blitar", "\ttempat: Blitar")
    return Expect(2, "pk.yaml", line, "tab")


@case
def deep_flow_nesting(root: Path) -> Expect:
    # libyaml's C composer recurses once per level and takes the process down
    text = "tahun: 2024\ncatatan: " + "[" * 10_000 + "]" * 10_000 + "\n"
    (root / YEAR / "lkjip.yaml").write_text(text, encoding="utf-8")
    return Expect(2, "lkjip.yaml", 2, "bersarang lebih dari")


@case
def deep_block_nesting(root: Path) -> Expect:
    lines = [f"{'  ' * depth}tingkat:" for depth in range(200)] + [f"{'  ' * 200}ujung"]
    (root / YEAR / "renstra.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return Expect(2, "renstra.yaml", None, "bersarang lebih dari")


# --- size ------------------------------------------------------------------------------


@case
def file_over_the_size_cap(root: Path) -> Expect:
    # refused from its size, before a byte is parsed (a district's tree is ~2.5 MB)
    path = root / YEAR / "anggaran.yaml"
    body = path.read_text(encoding="utf-8")
    filler = "# " + "isian " * 15 + "\n"
    path.write_text(body + filler * ((MAX_FILE_BYTES + MB) // len(filler)), encoding="utf-8")
    return Expect(2, "anggaran.yaml", 1, "berkas terlalu besar")


@case
def endless_device(root: Path) -> Expect:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    path = root / YEAR / "tabel" / "bansos.yaml"
    path.unlink()
    path.symlink_to("/dev/zero")
    return Expect(2, "tabel/bansos.yaml", 1, "menunjuk ke luar direktori data")


@case
def very_long_number(root: Path) -> Expect:
    path = root / YEAR / "anggaran.yaml"
    line = replace_line(path, "pagu_murni: 775.224", "            pagu_murni: 9" + ".999" * 200_000)
    return Expect(1, "anggaran.yaml", line, "terlalu besar")


@case
def very_long_garbage_in_a_number(root: Path) -> Expect:
    path = root / YEAR / "anggaran.yaml"
    line = replace_line(path, "pagu_murni: 775.224", "            pagu_murni: 7x" + "x" * MB)
    return Expect(1, "anggaran.yaml", line, "bukan angka yang sah")


@case
def narrative_too_big(root: Path) -> Expect:
    (root / YEAR / "narasi" / "bab-2.md").write_text("Kalimat. " * 70_000, encoding="utf-8")
    return Expect(2, "narasi/bab-2.md", 1, "terlalu besar")


# --- numbers ---------------------------------------------------------------------------


@case
def huge_number(root: Path) -> Expect:
    path = root / YEAR / "anggaran.yaml"
    line = replace_line(path, "realisasi: 775.224", "            realisasi: 1" + "0" * 30)
    return Expect(1, "anggaran.yaml", line, "terlalu besar")


@case
def huge_count(root: Path) -> Expect:
    path = root / YEAR / "tabel" / "pmks.yaml"
    line = replace_line(path, "tertangani: 48", "    tertangani: 1" + "0" * 30)
    return Expect(1, "tabel/pmks.yaml", line, "terlalu besar")


@case
def negative_amount(root: Path) -> Expect:
    path = root / YEAR / "anggaran.yaml"
    line = replace_line(path, "pagu_perubahan: 775.224", "            pagu_perubahan: -775.224")
    return Expect(1, "anggaran.yaml", line, "negatif")


@case
def negative_count(root: Path) -> Expect:
    path = root / YEAR / "tabel" / "pmks.yaml"
    line = replace_line(path, "tertangani: 48", "    tertangani: -48")
    return Expect(1, "tabel/pmks.yaml", line, "negatif")


# --- encodings and characters ----------------------------------------------------------


@case
def invalid_utf8(root: Path) -> Expect:
    line = _bytes_at(root / YEAR / "instansi.yaml", "Jenderal Ahmad Yani", b"\xff\xfe")
    return Expect(2, "instansi.yaml", line, "bukan teks UTF-8")


@case
def encoded_lone_surrogate(root: Path) -> Expect:
    # U+D800 encoded as UTF-8 (what a lone surrogate would be): not valid UTF-8
    line = _bytes_at(root / YEAR / "instansi.yaml", "Jenderal Ahmad Yani", b"\xed\xa0\x80")
    return Expect(2, "instansi.yaml", line, "bukan teks UTF-8")


@case
def nul_byte(root: Path) -> Expect:
    line = _bytes_at(root / YEAR / "instansi.yaml", "Jenderal Ahmad Yani", b"\x00")
    return Expect(2, "instansi.yaml", line, "NUL")


@case
def raw_control_character(root: Path) -> Expect:
    line = _bytes_at(root / YEAR / "instansi.yaml", "Jenderal Ahmad Yani", b"\x07")
    return Expect(2, "instansi.yaml", line, "U+0007")


@case
def escaped_control_character(root: Path) -> Expect:
    line = replace_line(root / YEAR / "instansi.yaml", "alamat:", 'alamat: "Jl. A\\x07 Yani"')
    return Expect(2, "instansi.yaml", line, "U+0007")


@case
def escaped_lone_surrogate(root: Path) -> Expect:
    line = replace_line(root / YEAR / "instansi.yaml", "alamat:", 'alamat: "Jl. \\ud800 Yani"')
    return Expect(2, "instansi.yaml", line)  # libyaml refuses the escape, else the loader


@case
def escaped_terminal_sequence_in_a_key(root: Path) -> Expect:
    line = _append(root / YEAR / "lkjip.yaml", '"\\e[2J": x')
    return Expect(2, "lkjip.yaml", line, "U+001B")


@case
def byte_order_mark_inside_a_file(root: Path) -> Expect:
    line = replace_line(root / YEAR / "lkjip.yaml", "kertas:", "\ufeffkertas: A4")
    # libyaml refuses the line, PyYAML's own parser reads an unknown key
    return Expect((1, 2), "lkjip.yaml", line)


@case
def narrative_invalid_utf8(root: Path) -> Expect:
    line = _bytes_at(root / YEAR / "narasi" / "bab-1.md", "Penjelasan Umum", b"\xc3\x28")
    return Expect(2, "narasi/bab-1.md", line, "bukan teks UTF-8")


@case
def narrative_control_character(root: Path) -> Expect:
    line = _bytes_at(root / YEAR / "narasi" / "bab-1.md", "Aspek Strategis", b"\x1b[2J")
    return Expect(2, "narasi/bab-1.md", line, "U+001B")


# --- keys and types --------------------------------------------------------------------


@case
def misspelt_key(root: Path) -> Expect:
    path = root / YEAR / "anggaran.yaml"
    line = replace_line(path, "penanggung_jawab:", "    penangung_jawab: X")
    return Expect(1, "anggaran.yaml", line, "maksud Anda 'penanggung_jawab'")


@case
def deleted_required_key(root: Path) -> Expect:
    path = root / YEAR / "lkjip.yaml"
    replace_line(path, "tahun:", "")
    # a missing key is reported where its mapping starts
    return Expect(1, "lkjip.yaml", line_of(path, "kertas:"), "tahun: kolom wajib")


@case
def mapping_where_a_number_belongs(root: Path) -> Expect:
    path = root / YEAR / "anggaran.yaml"
    line = replace_line(path, "pagu_murni: 775.224", "            pagu_murni: {nilai: 775.224}")
    return Expect(1, "anggaran.yaml", line, "pagu_murni")


@case
def list_where_text_belongs(root: Path) -> Expect:
    line = replace_line(root / YEAR / "instansi.yaml", "daerah:", "daerah: [Blitar, Kediri]")
    return Expect(1, "instansi.yaml", line, "daerah: teks")


@case
def text_where_a_list_belongs(root: Path) -> Expect:
    line = replace_line(root / YEAR / "iku.yaml", "program: [penunjang]", "    program: penunjang")
    return Expect(1, "iku.yaml", line, "diharapkan daftar")


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_refuses(name: str, year: Path) -> None:
    expect = CASES[name](year)
    outcome = check()
    assert_refused(outcome, expect.file, expect.line, codes=expect.codes, words=expect.words)
    _short_lines(outcome)
    assert not (year / "DIRETAS").exists()


@pytest.mark.parametrize("name", sorted(CASES))
def test_build_refuses_and_keeps_the_previous_report(
    name: str, year: Path, previous: dict[str, tuple[bytes, int]]
) -> None:
    expect = CASES[name](year)
    outcome = build()
    assert_refused(outcome, expect.file, expect.line, codes=expect.codes, words=expect.words)
    assert_build_refused(outcome, previous)


def _short_lines(outcome: Outcome) -> None:
    # a megabyte of garbage is quoted, not copied, into the message
    assert max(map(len, outcome.text.splitlines()), default=0) < 2_000


# --- what is odd but valid --------------------------------------------------------------


def test_byte_order_marks_are_accepted(year: Path) -> None:
    clean = check()
    for path in [*(year / YEAR).glob("*.yaml"), *(year / YEAR / "narasi").glob("*.md")]:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    outcome = check()
    assert (outcome.exit_code, outcome.stdout) == (clean.exit_code, clean.stdout)


def test_a_megabyte_of_text_on_one_line_is_calm(year: Path) -> None:
    path = year / YEAR / "instansi.yaml"
    replace_line(path, "alamat:", "alamat: " + "Jalan Panjang " * 80_000)
    started = time.monotonic()
    outcome = check()
    assert outcome.exit_code == 0, outcome.text[-2000:]
    assert time.monotonic() - started < 10


def test_deep_nesting_ends_quickly_in_a_real_process(year: Path) -> None:
    (year / YEAR / "lkjip.yaml").write_text(
        "tahun: " + "[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8"
    )
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", "from lkjip_cli.cli import main; main()", "check", "data/2024"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 2, result.stdout + result.stderr
    assert "data/2024/lkjip.yaml\n  1:" in result.stdout
    assert "struktur bersarang lebih dari 40 tingkat" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert elapsed < 10


@pytest.mark.parametrize("name", REQUIRED)
def test_every_required_file_emptied_is_refused(name: str, year: Path) -> None:
    (year / YEAR / name).write_bytes(b"")
    assert_refused(check(), name, 1, codes=(1,), words="kolom wajib ini belum diisi")


def test_a_capaian_beyond_decimal_precision_is_calm(year: Path) -> None:
    # 10^17 over a target of 10^-22 is a capaian of 10^41 %: more digits than
    # Decimal's default context can round (it raised InvalidOperation, exit 3)
    pk = year / YEAR / "pk.yaml"
    pk.write_text(
        pk.read_text(encoding="utf-8").replace(
            "{indikator: nilai_sakip, target: 70}",
            "{indikator: nilai_sakip, target: '0,0000000000000000000001'}",
        ),
        encoding="utf-8",
    )
    replace_line(year / YEAR / "realisasi.yaml", "realisasi: 60,15", "    realisasi: 1" + "0" * 17)
    outcome = check()
    assert outcome.exit_code in (0, 1), outcome.text[-2000:]
    show = lkjip("show", YEAR.as_posix())
    assert show.exit_code == 0, show.text[-2000:]
    # every digit printed, and the two decimals after them (abs() used to round them away)
    assert "100.000.000.000.000.000.000.000.000.000.000.000.000.000,00%" in show.stdout
