"""The writers' environment, and the sandbox narratives render in."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from pydantic import BaseModel

from conftest import MINIMAL
from lkjip_cli import api
from lkjip_cli.render.jinja import (
    NARRATIVE_FILTERS,
    FilterValueError,
    templates_dir,
    writer_env,
)
from lkjip_cli.render.limits import Budget
from lkjip_cli.render.sandbox import NarrativeError, render_narrative
from lkjip_cli.render.sandbox_env import narrative_env

CONTEXT: dict[str, Any] = {
    "tahun": 2024,
    "sasaran": {"S1": {"nama": "Meningkatnya Kesejahteraan PMKS"}, "S2": {"nama": "SAKIP"}},
    "anggaran": {"pagu": 17223131900, "serapan": Decimal("95.385"), "selisih": Decimal("-0.5")},
    "daftar": [1, 2, 3],
    "rasio": 0.9538,
}


def render(source: str, **extra: Any) -> str:
    return render_narrative(source, "narasi/bab-3.md", {**CONTEXT, **extra})


def fails(source: str, **extra: Any) -> NarrativeError:
    with pytest.raises(NarrativeError) as info:
        render(source, **extra)
    return info.value


# --- writer_env -------------------------------------------------------------------


def test_templates_dir_holds_the_writers_templates() -> None:
    names = {p.name for p in templates_dir().iterdir()}
    assert {"laporan.md.j2", "laporan.html.j2", "_blok.md.j2", "_blok.html.j2"} <= names


def test_writer_env_escapes_html_templates_only() -> None:
    env = writer_env()
    assert env.undefined is StrictUndefined
    by_name = env.autoescape
    assert callable(by_name)
    assert by_name("laporan.html.j2") is True
    assert by_name("laporan.md.j2") is False
    assert env.trim_blocks and env.lstrip_blocks and env.keep_trailing_newline


def test_writer_env_loads_templates_and_refuses_paths_outside() -> None:
    env = writer_env()
    assert env.get_template("laporan.md.j2") is not None
    from jinja2 import TemplateNotFound

    with pytest.raises(TemplateNotFound):
        env.get_template("../pyproject.toml")


# --- filters (expectations computed by hand) -------------------------------------


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("rupiah", 17223131900, "Rp. 17.223.131.900,00"),
        ("rupiah", Decimal("16162638086.54"), "Rp. 16.162.638.086,54"),
        ("rupiah", None, "-"),
        ("persen", Decimal("95.385"), "95,39%"),  # half up, not to even
        ("persen", Decimal("93.8426"), "93,84%"),
        ("persen", Decimal("0.005"), "0,01%"),
        ("persen", 100, "100%"),
        ("persen", None, "-"),
        ("angka", 110692, "110.692"),
        ("angka", Decimal("1925.5"), "1.926"),
        ("angka", None, "-"),
        ("desimal", Decimal("60.15"), "60,15"),
        ("desimal", Decimal("100.00"), "100"),
        ("desimal", None, "-"),
        (
            "terbilang",
            17223131900,
            "Tujuh Belas Miliar Dua Ratus Dua Puluh Tiga Juta Seratus "
            "Tiga Puluh Satu Ribu Sembilan Ratus Rupiah",
        ),
        (
            "terbilang",
            Decimal("16162638086.54"),
            "Enam Belas Miliar Seratus Enam Puluh Dua Juta "
            "Enam Ratus Tiga Puluh Delapan Ribu Delapan Puluh Enam Rupiah Lima Puluh Empat Sen",
        ),
        ("tanggal", dt.date(2025, 2, 28), "28 Februari 2025"),
        ("naik_turun", Decimal("-0.01"), "penurunan"),
        ("naik_turun", 0, "perubahan"),  # no change is no kenaikan
        ("naik_turun", 3, "kenaikan"),
        ("abs", Decimal("-6.23"), Decimal("6.23")),
        ("abs", None, None),
        ("lower", "PMKS", "pmks"),
    ],
)
def test_filters_format_the_indonesian_way(name: str, value: object, expected: object) -> None:
    assert NARRATIVE_FILTERS[name](value) == expected


@pytest.mark.parametrize("name", ["rupiah", "angka", "desimal", "persen", "terbilang", "abs"])
@pytest.mark.parametrize("value", [95.385, True, "95,39", Decimal("NaN")])
def test_number_filters_refuse_floats_and_other_non_numbers(name: str, value: object) -> None:
    with pytest.raises(FilterValueError):
        NARRATIVE_FILTERS[name](value)


def test_a_float_reaching_a_filter_in_a_narrative_is_an_error_with_its_line() -> None:
    err = fails("Serapan:\n{{ rasio | persen }}")
    assert err.line == 2
    assert "float" in err.message and "persen" in err.message


def test_only_the_formatting_filters_exist() -> None:
    assert set(narrative_env().filters) == {
        "rupiah",
        "angka",
        "desimal",
        "persen",
        "terbilang",
        "tanggal",
        "naik_turun",
        "naik_atau_turun",
        "meningkat_menurun",
        "banding",
        "status_target",
        "kapital",
        "abs",
        "lower",
        "length",
    }
    err = fails("{{ tahun | upper }}")
    assert err.message.startswith("filter 'upper' tidak dikenal; filter yang tersedia: abs, ")


def test_an_unknown_filter_hides_no_other_placeholder() -> None:
    """Every failing placeholder of the file is reported, the unknown filter with its guess."""
    err = fails("{{ anggaran.serapan | persn }}\n{{ sasaran.S9.nama }}\n{{ tahun | upper }}\n")
    found = [(p.line, p.message) for p in err.problems]
    assert found[0] == (
        1,
        "filter 'persn' tidak dikenal; maksud Anda 'persen'? (filter yang tersedia: abs, "
        "angka, banding, desimal, kapital, length, lower, meningkat_menurun, naik_atau_turun, "
        "naik_turun, persen, rupiah, status_target, tanggal, terbilang)",
    )
    assert (2, "'sasaran.S9' tidak dikenal; yang ada: S1, S2") in found
    assert any(line == 3 and "filter 'upper' tidak dikenal" in m for line, m in found)


def test_a_hyphened_name_is_suggested_in_brackets() -> None:
    """``tabel.hasil-pemeriksaan`` subtracts; the message says to write ``tabel['…']``."""
    tabel = {"hasil-pemeriksaan": {"jumlah": {"temuan": 3}}}
    typo = fails("{{ tabel.hasil_pemeriksaan.jumlah.temuan }}", tabel=tabel)
    assert typo.message == (
        "'tabel.hasil_pemeriksaan' tidak dikenal; maksud Anda 'tabel['hasil-pemeriksaan']'?"
    )
    minus = fails("{{ tabel.hasil-pemeriksaan.jumlah.temuan }}", tabel=tabel)
    assert (
        "'tabel.hasil' tidak dikenal; nama yang memuat '-' ditulis dalam kurung siku: "
        "tabel['hasil-pemeriksaan'] (tabel.hasil-pemeriksaan dibaca sebagai pengurangan)"
    ) in [p.message for p in minus.problems]
    assert render("{{ tabel['hasil-pemeriksaan'].jumlah.temuan }}", tabel=tabel) == "3"


# --- render_narrative ---------------------------------------------------------------


def test_renders_placeholders_and_filters() -> None:
    text = render(
        "Tahun {{ tahun }}: {{ sasaran.S1.nama }} — {{ anggaran.pagu | rupiah }} "
        "({{ anggaran.serapan | persen }}), {{ anggaran.selisih | naik_turun }} "
        "{{ anggaran.selisih | abs | desimal }}.\n"
    )
    assert text == (
        "Tahun 2024: Meningkatnya Kesejahteraan PMKS — Rp. 17.223.131.900,00 (95,39%), "
        "penurunan 0,50.\n"
    )


def test_narratives_are_markdown_and_not_escaped() -> None:
    assert render("{{ x }}", x="<b>&</b>") == "<b>&</b>"


def test_block_tags_do_not_leave_blank_lines() -> None:
    source = "Daftar:\n{% for s in sasaran %}\n- {{ s }}\n{% endfor %}\nSelesai.\n"
    assert render(source) == "Daftar:\n- S1\n- S2\nSelesai.\n"


def test_unknown_attribute_names_the_dotted_path_and_line() -> None:
    err = fails("Paragraf pertama.\n\nSasaran: {{ sasaran.S9.nama }}\n")
    assert err.message.startswith("'sasaran.S9' tidak dikenal")
    assert (err.file, err.line) == ("narasi/bab-3.md", 3)
    assert str(err) == f"narasi/bab-3.md:3: {err.message}"
    assert err.position.line == 3


def test_unknown_name_suggests_a_close_one() -> None:
    err = fails("a\nb\n\n{{ tahunn }}")
    assert err.message == "'tahunn' tidak dikenal; maksud Anda 'tahun'?"
    assert err.line == 4


def test_unknown_key_through_a_variable_and_by_subscript() -> None:
    err = fails("{% set s = sasaran.S1 %}\n{{ s.nma }}")
    assert err.message == "'s.nma' tidak dikenal; maksud Anda 's.nama'?"
    assert err.line == 2
    assert fails("{{ sasaran['S9'] }}").message == "'sasaran.S9' tidak dikenal; yang ada: S1, S2"


def test_syntax_error_has_its_line() -> None:
    err = fails("Baris satu.\nBaris dua {{ tahun }\n")
    assert err.line == 2
    assert err.message == (
        "kesalahan sintaks: '}' tunggal tidak pada tempatnya: '{{ … }}' ditutup dengan dua "
        "kurawal '}}' (Jinja: unexpected '}')"
    )


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("{{ tahun", "narasi berakhir sebelum '}}' penutupnya"),
        ("{% if tahun %}a", "narasi berakhir, tetapi blok '{% if %}' belum ditutup; tutup "
         "dengan '{% endif %}'"),
        ("{% for s in sasaran %}{% endif %}", "'{% endif %}' tidak cocok di sini: blok "
         "'{% for %}' belum ditutup; tutup dengan '{% endfor %}'"),
        ("{% endif %}", "'{% endif %}' tanpa blok yang dibukanya"),
        ("{% tabel %}", "perintah '{% tabel %}' tidak dikenal"),
        ("{{ tahun tahun }}", "seharusnya '}}', tertulis 'tahun'"),
        ("{{ tahun | }}", "seharusnya sebuah nama, tertulis '}}'"),
        ("{{ (tahun }}", "')' penutup belum ada sebelum '}'"),
        ("{{ tahun == }}", "ungkapan belum lengkap sebelum '}}'"),
        ("{{ tahun ) }}", "')' tidak pada tempatnya (kurung atau kurawal tidak berpasangan?)"),
        ("{{ 'abc }}", "tanda kutip ' tidak ditutup"),
        ("{{ tahun @ 2 }}", "tanda '@' tidak dapat dipakai di dalam '{{ }}' atau '{% %}'"),
        ("{% if %}x{% endif %}", "nama atau nilai belum ditulis sebelum '%}'"),
        ("{{ tahun. }}", "setelah '.' harus ada nama atau angka"),
        ("{# catatan", "komentar '{#' tidak ditutup dengan '#}'"),
    ],
)  # fmt: skip
def test_syntax_errors_say_what_to_correct_in_indonesian(source: str, says: str) -> None:
    message = fails(f"Baris satu.\n{source}\n").message
    assert message.startswith(f"kesalahan sintaks: {says} (Jinja: "), message


def test_sandbox_refuses_reaching_into_python() -> None:
    err = fails("Baris satu.\n{{ ''.__class__.__mro__ }}")
    assert err.message == (
        "ekspresi tidak diizinkan di narasi: hanya nilai data dan filter format yang boleh "
        "dipakai (atribut '__class__' tidak boleh diakses)"
    )
    assert err.line == 2
    for source in (
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ tahun.__class__ }}",
        "{{ render.__globals__ }}",
        "{{ daftar.append(4) }}",
        "{{ sasaran.clear() }}",
        "{{ sasaran.S1.update({'nama': 'x'}) }}",
    ):
        assert fails(source, render=render).message.startswith(
            "ekspresi tidak diizinkan di narasi"
        ), source
    assert CONTEXT["daftar"] == [1, 2, 3]


@pytest.mark.parametrize(
    "source",
    [
        "{% include '/etc/passwd' %}",
        "{% include 'narasi/bab-1.md' %}",
        "{% import '/etc/passwd' as p %}",
        "{% from '/etc/passwd' import root %}",
        "{% extends '/etc/passwd' %}",
    ],
)
def test_no_file_can_be_read_from_a_narrative(source: str) -> None:
    err = fails(f"Baris satu.\n\n{source}\n")
    assert err.line == 3
    assert "tidak boleh memuat berkas lain" in err.message
    assert "root:" not in err.message
    assert narrative_env().loader is None


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'a' * 100000000 }}",
        "{{ daftar * 100000000 }}",
        "{{ 10 ** 100000 }}",
        "{% for i in range(100000000) %}{% endfor %}",
    ],
)
def test_cheap_expressions_that_would_exhaust_memory_are_refused(source: str) -> None:
    assert fails(source).message.startswith("ekspresi tidak diizinkan di narasi")


def test_any_other_runtime_failure_is_a_narrative_error() -> None:
    err = fails("Baris satu.\n{{ anggaran.pagu / 0 }}")
    assert err.message == "'anggaran.pagu / 0': pembagian dengan nol"
    assert err.line == 2
    err = fails("{{ 'a' + tahun }}")
    assert err.message == (
        "''a' + tahun': operasi '+' tidak dapat dijalankan pada teks dan bilangan"
    )
    assert "Error" not in err.message


def test_every_failing_placeholder_of_a_narrative_is_reported_by_its_whole_path() -> None:
    err = fails(
        "{{ sasaran.S9.nama }} dan {{ sasaran.S1.nma }}\n"
        "{% if tahunn > 3 %}x{% endif %} {{ rasio | persen }} {{ 'a' + tahun }}\n"
        "{{ sasaran.S9.nama }}\n",
        riwayat={2023: 1},
        selisih={2022: 1},
    )
    assert [(p.line, p.path) for p in err.problems] == [
        (1, "sasaran.S9"),
        (1, "sasaran.S1.nma"),
        (2, "tahunn"),
        (2, "rasio | persen"),
        (2, "'a' + tahun"),
        (3, "sasaran.S9"),
    ]


def test_a_refused_filter_names_the_placeholder_it_was_given() -> None:
    err = fails("{{ sasaran.S1.nama | persen }} {{ tahun | persen }} {{ rasio | persen }}")
    assert [p.path for p in err.problems] == ["sasaran.S1.nama | persen", "rasio | persen"]


@pytest.mark.parametrize(
    ("source", "path", "said"),
    [
        # two filters on a line, only the second wrong; then only the first
        (
            "{{ tahun | angka }} {{ sasaran.S1.nama | persen }}",
            "sasaran.S1.nama | persen",
            "persen",
        ),
        (
            "{{ sasaran.S1.nama | persen }} {{ tahun | angka }}",
            "sasaran.S1.nama | persen",
            "persen",
        ),
        # the same filter twice
        ("{{ tahun | angka }} {{ sasaran.S2.nama | angka }}", "sasaran.S2.nama | angka", "angka"),
        ("{{ sasaran.S2.nama | angka }} {{ tahun | angka }}", "sasaran.S2.nama | angka", "angka"),
        # two filters on one placeholder: the second refuses the text the first made
        (
            "{{ sasaran.S2.nama | lower }} {{ anggaran.serapan | persen | angka }}",
            "anggaran.serapan | persen | angka",
            "angka",
        ),
        # a filter's argument is wrong, not its value
        (
            "{{ tahun | banding(2023) }} {{ tahun | banding(sasaran.S1.nama) }}",
            "tahun | banding(sasaran.S1.nama)",
            "banding",
        ),
        # a value that is no path
        (
            "{{ anggaran.serapan | angka }} {{ (anggaran.serapan ~ '%') | angka }}",
            "anggaran.serapan ~ '%' | angka",
            "angka",
        ),
    ],
)
def test_a_refused_filter_names_the_filter_and_placeholder_that_failed(
    source: str, path: str, said: str
) -> None:
    err = fails(source)
    assert [p.path for p in err.problems] == [path]
    assert err.message.startswith(f"'{path}': filter '{said}' ")


def test_a_filter_given_an_argument_it_takes_not_says_so() -> None:
    err = fails("{{ anggaran.serapan | desimal(2) }}")
    assert err.message == (
        "'anggaran.serapan | desimal(2)': filter 'desimal' tidak menerima 1 argumen yang "
        "diberikan (lihat docs/narasi.md)"
    )


def test_a_missing_key_is_named_by_the_path_it_was_reached_by() -> None:
    source = "{{ x.riwayat[2023] | persen }} {{ x.selisih_tahun[2023] | persen }}"
    x = {"riwayat": {2023: Decimal(1)}, "selisih_tahun": {}}
    err = fails(source, x=x)
    assert [p.path for p in err.problems] == ["x.selisih_tahun[2023]"]
    assert err.message.startswith("'x.selisih_tahun[2023]' belum ada nilainya")


def test_the_narrative_environment_is_an_immutable_sandbox() -> None:
    env = narrative_env()
    assert isinstance(env, ImmutableSandboxedEnvironment)
    assert not env.autoescape
    assert "lipsum" not in env.globals and "cycler" not in env.globals


class _Model(BaseModel):
    nama: str
    nilai: Decimal


def test_models_give_their_data_but_not_their_methods(tmp_path: Path) -> None:
    model = _Model(nama="Dinas Sosial", nilai=Decimal("95.385"))
    assert render("{{ m.nama }} {{ m.nilai | persen }}", m=model) == "Dinas Sosial 95,39%"
    secret = tmp_path / "rahasia.json"
    secret.write_text('{"nama": "rahasia", "nilai": 1}')
    for source in (
        f"{{{{ m.parse_file('{secret}') }}}}",
        f"{{{{ m.parse_file('{secret}', proto='pickle', allow_pickle=True) }}}}",
        f"{{{{ m['parse_file']('{secret}') }}}}",
        "{{ m.model_dump() }}",
        "{{ m.model_copy(update={'nama': 'x'}) }}",
        "{{ m.model_validate_json('{}') }}",
    ):
        err = fails(source, m=model)
        assert err.message.startswith("ekspresi tidak diizinkan di narasi"), source
        assert "rahasia" not in err.message


def test_plain_values_keep_their_harmless_methods() -> None:
    source = (
        "{% for k, v in sasaran.items() %}{{ k }}={{ v.nama.upper() }};{% endfor %}"
        "{% for x in daftar %}{{ loop.cycle('a', 'b') }}{% endfor %}"
    )
    assert render(source) == "S1=MENINGKATNYA KESEJAHTERAAN PMKS;S2=SAKIP;aba"


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'a'.ljust(10**8) }}",
        "{{ 'a'.center(10**8) }}",
        "{{ ','.join(range(999)) }}",
        "{{ 'a'.replace('', 'bb') }}",
        "{{ '{:>100000000}'.format(1) }}",
    ],
)
def test_string_methods_that_grow_text_are_refused(source: str) -> None:
    with pytest.raises(NarrativeError, match="tidak diizinkan"):
        render_narrative(source, "narasi/bab-1.md", {})


def test_harmless_string_methods_still_work() -> None:
    assert render_narrative("{{ 'Sangat Tinggi'.lower() }}", "n.md", {}) == "sangat tinggi"


def test_a_render_that_runs_too_long_is_stopped() -> None:
    # counted steps stop it first; with steps to spare, the clock does
    source = (
        "{% for a in range(1000) %}{% for b in range(1000) %}{% for c in range(1000) %}"
        "{% endfor %}{% endfor %}{% endfor %}"
    )
    with pytest.raises(NarrativeError, match=r"melewati batas 200\.000 langkah"):
        render_narrative(source, "n.md", {})
    budget = Budget(steps=10**12, seconds=0.5)
    started = time.monotonic()
    with pytest.raises(NarrativeError, match="tidak selesai dirender dalam 10 detik"):
        render_narrative(source, "n.md", {}, budget)
    assert time.monotonic() - started < 2
    assert budget.seconds <= 0
    with pytest.raises(NarrativeError, match="tidak selesai dirender"):  # nothing left
        render_narrative("Teks biasa.", "n.md", {}, budget)


def test_no_compiled_narrative_is_kept_between_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A kept entry is code a later run would execute: a forged one escapes the sandbox.
    home = tmp_path / "home"
    for name, value in (
        ("HOME", home),
        ("XDG_CACHE_HOME", home / "xdg"),
        ("LKJIP_CACHE_DIR", home / "lkjip"),
    ):
        value.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(value))
    monkeypatch.delenv("LKJIP_NO_CACHE", raising=False)
    assert (MINIMAL / "narasi").is_dir()
    assert api.check(MINIMAL).data is not None
    assert sorted(p.relative_to(home).as_posix() for p in home.rglob("*")) == ["lkjip", "xdg"]


# --- limits -----------------------------------------------------------------------


def test_all_narratives_of_a_run_spend_from_one_budget() -> None:
    # 150 × 1000 loop steps fit in the 200.000 steps once, not twice
    source = "{% for a in range(150) %}{% for b in range(1000) %}{% endfor %}{% endfor %}Ok."
    budget = Budget()
    assert render_narrative(source, "narasi/bab-1.md", {}, budget) == "Ok."
    with pytest.raises(NarrativeError, match="semua narasi bersama") as caught:
        render_narrative(source, "narasi/bab-2.md", {}, budget)
    assert caught.value.file == "narasi/bab-2.md" and caught.value.line == 1
    assert render_narrative(source, "narasi/bab-2.md", {}) == "Ok."  # a budget of its own


def test_the_output_of_all_narratives_is_capped() -> None:
    budget = Budget(output=10)
    assert render_narrative("Lima.", "a.md", {}, budget) == "Lima."
    with pytest.raises(NarrativeError, match=r"menghasilkan lebih dari 262\.144 karakter"):
        render_narrative("Enam..", "b.md", {}, budget)


def test_literal_text_is_charged_where_it_can_repeat() -> None:
    # Top-level text is printed once (the file's size bounds it); inside a loop,
    # a condition or a set block each printing is charged as text built.
    text = "A" * 1000
    top_level = Budget()
    render_narrative(f"{text} {{{{ 1 }}}}", "a.md", {}, top_level)
    in_loop = Budget()
    render_narrative(f"{{% for i in range(3) %}}{text}{{% endfor %}}", "b.md", {}, in_loop)
    in_set = Budget()
    render_narrative(f"{{% set x %}}{text}{{% endset %}}", "c.md", {}, in_set)
    start = Budget().allocated
    assert start - top_level.allocated < 1000
    assert start - in_loop.allocated >= 3 * 1000
    assert start - in_set.allocated >= 1000


def test_text_formatting_with_percent_is_refused_but_modulo_works() -> None:
    assert render("{{ 7 % 3 }} {{ tahun % 100 }}") == "1 24"
    for source in ("{{ '%s' % tahun }}", "{{ '%1000000000s' % 'a' }}", "{{ '%d' % 1 }}"):
        # noted like a refused filter, naming the operation as written
        assert fails(source).message.endswith(
            "': format teks dengan % tidak diizinkan; pakai "
            "filter rupiah, angka, desimal atau persen"
        )


def test_numbers_dates_and_sets_have_no_methods() -> None:
    for source in (
        "{{ (0).to_bytes(10**9, 'big') }}",
        "{{ tahun.bit_length() }}",
        "{{ anggaran.serapan.scaleb(999999) }}",
        "{{ hari.strftime('%Y') }}",
        "{{ daftar.index(9) }}",
    ):
        assert fails(source, hari=dt.date(2024, 1, 1)).message.startswith(
            "ekspresi tidak diizinkan di narasi"
        ), source
    assert render("{{ daftar.count(2) }} {{ sasaran.get('S2').nama }}") == "1 SAKIP"


def test_joins_and_sums_keep_their_meaning_within_the_caps() -> None:
    assert render("{{ 'a' ~ tahun ~ none }}|{{ 'a' + 'b' }}|{{ daftar + [4] }}|{{ (1, 2) }}") == (
        "a2024None|ab|[1, 2, 3, 4]|(1, 2)"
    )
    assert (
        "lebih dari batas 2.097.152" in fails("{{ ('a' * 10000) ~ x }}", x="b" * 2_100_000).message
    )
    assert "lebih dari batas" in fails("{{ x + x }}", x="b" * 1_100_000).message


def test_a_structure_that_doubles_is_refused_before_it_is_printed_or_compared() -> None:
    source = (
        "{% set ns = namespace(a=[1], b=[1]) %}{% for i in range(60) %}"
        "{% set ns.a = [ns.a, ns.a] %}{% set ns.b = [ns.b, ns.b] %}{% endfor %}{{ ns.a == ns.b }}"
    )
    started = time.monotonic()
    assert "melewati batas 200.000 langkah" in fails(source).message
    assert time.monotonic() - started < 5


def test_lower_takes_text_numbers_and_dates_only() -> None:
    assert render("{{ 'SANGAT Tinggi' | lower }} {{ tahun | lower }}") == "sangat tinggi 2024"
    assert fails("{{ daftar | lower }}").message == (
        "'daftar | lower': filter 'lower' hanya menerima teks, bukan list"
    )


def test_loops_keep_every_feature_under_the_step_count() -> None:
    pohon = [{"n": "a", "c": [{"n": "b", "c": []}]}]
    source = (
        "{% for x in daftar %}{{ loop.index }}/{{ loop.length }}"
        "{{ loop.previtem if not loop.first }}{{ loop.nextitem is defined }};{% endfor %}"
        "{% for x in daftar if x > 1 %}{{ x }}{% else %}-{% endfor %}"
        "{% for x in [] %}{% else %}kosong{% endfor %}"
        "{% for p in pohon recursive %}{{ p.n }}[{{ loop(p.c) }}]{% endfor %}"
        "{% set a, b = 1, 2 %}{{ a }}{{ b }}{% set t %}X{{ 1 }}{% endset %}{{ t }}"
    )
    assert render(source, pohon=pohon) == "1/3True;2/31True;3/32False;23kosonga[b[]]12X1"


def test_slices_and_namespaces_are_charged_like_any_text_they_hold() -> None:
    assert render("{{ 'abcdef'[1:3] }}{{ daftar[::-1] }}") == "bc[3, 2, 1]"
    big = "b" * 300_000  # printed inside a namespace, its repr could be ten times longer
    assert "lebih dari batas" in fails("{{ namespace(a=x[1:]) }}", x=big).message
    budget = Budget(allocated=1000)
    with pytest.raises(NarrativeError, match=r"lebih dari 33\.554\.432 karakter"):
        render_narrative("{{ x[1:] }}", "n.md", {"x": "c" * 2000}, budget)


def test_a_message_shows_a_long_value_shortened() -> None:
    assert fails("{{ sasaran[daftar * 1000] }}").message.startswith(
        "'sasaran['[1, 2, 3, 1, 2, 3, ...]']' tidak dikenal"
    )
    assert fails("{{ (daftar * 1000) | rupiah }}").message.endswith(
        "bukan list ([1, 2, 3, 1, 2, 3, ...])"
    )


def test_a_comparison_that_fails_names_its_placeholder() -> None:
    err = fails("Satu.\n{% if sasaran.S1.nama > 100 %}x{% endif %}")
    assert err.line == 2
    assert err.message == (
        "'sasaran.S1.nama > 100': perbandingan '>' tidak dapat dijalankan pada teks dan bilangan"
    )


def test_problems_after_a_failed_comparison_loop_call_or_sign_are_reported_too() -> None:
    err = fails(
        "{% if sasaran.S1.nama > 100 %}x{% endif %}\n"
        "{% for x in tahun %}{{ x }}{% endfor %}\n"
        "{{ tahun(1) }}\n"
        "{{ ref }}\n"
        "{{ 1 < 2 < 3 }} {{ 'b' in sasaran.S1.nama }}\n"
        "{{ -sasaran.S1.nama }} {{ '%d' % 1 }}\n"
        "{{ sasaran.S9 }}",
        ref=lambda name: name,
    )
    assert [(p.line, p.message) for p in err.problems] == [
        (1, "'sasaran.S1.nama > 100': perbandingan '>' tidak dapat dijalankan pada teks dan "
         "bilangan"),
        (2, "'tahun': nilai bilangan tidak dapat diulang dengan {% for %}; yang dapat diulang: "
         "daftar atau kumpulan nilai"),
        (3, "'tahun': nilai bilangan tidak dapat dipanggil seperti fungsi"),
        (4, "'ref': ini fungsi, bukan nilai: panggil dengan argumennya, mis. ref('pegawai')"),
        (6, "'sasaran.S1.nama': tanda '-' tidak dapat dipakai pada teks"),
        (6, "''%d' % 1': format teks dengan % tidak diizinkan; pakai filter rupiah, angka, "
         "desimal atau persen"),
        (7, "'sasaran.S9' tidak dikenal; yang ada: S1, S2"),
    ]  # fmt: skip
    assert render("{{ 1 < 2 < 3 }} {{ 3 < 2 < 5 }} {{ 'b' not in 'abc' }}") == "True False False"
