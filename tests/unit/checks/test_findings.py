"""The reporters: text grouped by file, the same layout with and without colour; GitHub
annotations escaped; no output a workflow runner would take as a command."""

from __future__ import annotations

import re
from pathlib import Path

from lkjip_cli.findings import (
    error,
    no_workflow_commands,
    render_github,
    render_json,
    render_text,
    repository_root,
    wants_color,
    warning,
)
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


# --- GitHub annotations and workflow commands -------------------------------------------

HOSTILE = "x\n::error::pwned"
"""A file name (or a value) that would forge an annotation if printed on its own line."""


def _commands(text: str) -> list[str]:
    """The lines of ``text`` that GitHub's runner takes as workflow commands.

    The runner reads a step's output line by line (``\\n``, ``\\r`` and ``\\r\\n`` end
    a line) and takes a line that starts with ``::`` after leading blanks as a command.
    """
    return [line for line in re.split(r"\r\n|\r|\n", text) if line.lstrip().startswith("::")]


def test_github_escapes_the_message_as_the_runner_unescapes_it() -> None:
    found = error("a.b", "100% tidak\r\ncocok\nlagi", Position("data/2024/a.yaml", 3, 4))
    assert render_github([found]) == (
        "::error file=data/2024/a.yaml,line=3,col=4,title=a.b::100%25 tidak%0D%0Acocok%0Alagi\n"
    )


def test_github_escapes_colon_and_comma_in_the_file_and_title_properties() -> None:
    found = warning("r:1,2", "pesan: a, b", Position("data/2024/x:y,z%.yaml", 1, 1))
    assert render_github([found]) == (
        "::warning file=data/2024/x%3Ay%2Cz%25.yaml,line=1,col=1,title=r%3A1%2C2::pesan: a, b\n"
    )
    # a finding with no position keeps its title escaped too
    assert render_github([error("a,b", "m")]) == "::error title=a%2Cb::m\n"


def test_github_paths_are_relative_to_the_repository_root(tmp_path: Path) -> None:
    sub = tmp_path / "laporan"
    sub.mkdir()
    found = error("a.b", "m", Position("data/2024/a.yaml", 1, 2))
    text = render_github([found], root=tmp_path, cwd=sub)
    assert text.startswith("::error file=laporan/data/2024/a.yaml,line=1,col=2,")
    # a file outside the repository keeps its path as given
    outside = error("a.b", "m", Position("/elsewhere/a.yaml", 1, 2))
    assert "file=/elsewhere/a.yaml," in render_github([outside], root=tmp_path, cwd=sub)


def test_the_repository_root_is_github_workspace_else_the_git_checkout(tmp_path: Path) -> None:
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    deep = tmp_path / "repo" / "data" / "2024"
    deep.mkdir(parents=True)
    workspace = str(tmp_path / "ws")
    assert repository_root({"GITHUB_WORKSPACE": workspace}, deep) == (tmp_path / "ws").resolve()
    assert repository_root({}, deep) == (tmp_path / "repo").resolve()
    assert repository_root({}, tmp_path) == tmp_path.resolve()  # no checkout: where it runs


def test_a_file_name_or_value_with_a_newline_starts_no_workflow_command() -> None:
    findings = [
        warning(
            "input.narasi-tidak-dikenal",
            f"berkas '{HOSTILE}' tidak dipakai",
            Position(HOSTILE, 1, 1),
        ),
        error("a.b", "nama\r::add-mask::rahasia\n  ::stop-commands::t", Position("a.yaml", 2, 1)),
    ]
    github = render_github(findings)
    assert len(github.splitlines()) == 2
    assert [line.split(" ", 1)[0] for line in _commands(github)] == ["::error", "::warning"]
    for text in (render_text(findings), render_text(findings, color=True), render_json(findings)):
        assert _commands(text) == [], text
    # what was written is still there to read, on a line of its own
    text = render_text(findings)
    assert "x\\n::error::pwned\n" in text
    assert "      : :error::pwned' tidak dipakai\n" in text
    assert "nama\\r::add-mask::rahasia\n" in text


def test_no_workflow_commands_leaves_other_text_alone() -> None:
    text = "a::b\n  : :x\nTabel 3.1: ::\n"
    assert no_workflow_commands(text) == text
    assert no_workflow_commands("::error::x\n\t ::y\n") == ": :error::x\n\t : :y\n"
