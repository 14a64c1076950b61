"""The command line in Bahasa Indonesia: every problem line of a hostile input, argparse's own errors.

Each case runs the same command with ``--lang en`` and ``--lang id`` and compares the
outputs line by line: the same number of lines, the same severity position, table, row and
column, a different message, and no English words from a small denylist in Bahasa.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from foodchain.cli import main
from foodchain.messages import msg, num, use_language
from foodchain.messages.catalog import CATALOG
from foodchain.store.guard import WRITES
from tests.conftest import TINY

DENYLIST = re.compile(r"\b(is not|missing|did you mean|unknown|must be|required|none|not a|error|warning)\b", re.I)
SEVERITY = {"en": ("error", "warning"), "id": ("galat", "peringatan")}


def _run(argv: list[str], lang: str, capsys) -> tuple[int, list[str], list[str]]:
    try:
        code = main([*argv, "--lang", lang])
    except SystemExit as exc:  # argparse's errors exit from inside parse_args
        code = exc.code
    out = capsys.readouterr()
    return code, out.out.splitlines(), out.err.splitlines()


def _fields(line: str, lang: str) -> tuple[int, str, str, str, str]:
    """(severity index, table, row, column, message) of ``severity: table, row, column, message``."""
    severity, rest = line.split(": ", 1)
    table, row, column, message = rest.split(", ", 3)
    return SEVERITY[lang].index(severity), table, row, column, message


def _problem_lines(argv: list[str], capsys, stream: str = "err", code: int = 2) -> list[tuple[tuple, tuple]]:
    """The problem lines of ``argv`` in en and id, paired; checks what every case shares."""
    runs = {lang: _run(argv, lang, capsys) for lang in ("en", "id")}
    lines = {lang: runs[lang][1 if stream == "out" else 2] for lang in runs}
    assert runs["en"][0] == runs["id"][0] == code, lines
    assert len(lines["en"]) == len(lines["id"]) > 0
    pairs = []
    for en, id_ in zip(lines["en"], lines["id"]):
        assert not DENYLIST.search(id_), f"English left in Bahasa: {id_}"
        if en.startswith(SEVERITY["en"]):
            e, i = _fields(en, "en"), _fields(id_, "id")
            assert e[:4] == i[:4], (en, id_)  # severity, table, row and column unchanged
            assert e[4] != i[4], f"not translated: {id_}"
            pairs.append((e, i))
    return pairs


def _bad_dataset(folder):
    shutil.copytree(TINY, folder)
    (folder / "nodes.csv").write_text(
        "node_id,kind,name,lat,lon,region,population,vulnerabilty,storage_t\n"
        "SRC-WEST,source,West,-6.2,106.6,West,,,\n"
        "SRC-EAST,sorce,East,106.8,-6.2,East,,,\n"  # kind with a hint; lat and lon swapped
        "HUB-CENTRAL,hub,Central,-95,200,Central,12.5,,\n"  # lat and lon out of range, population not whole
        "HUB-PORT,hub,Port,-6.1,,North,,,inf\n"  # half a position, storage not finite
        "MKT-NORTH,market,North,-6.1,106.8,North,,,\n"
        "MKT-SOUTH,market,South,-6.3,106.8,South,,,\n"
        "MKT-SOUTH,market,South again,-6.3,106.8,South,,,\n"  # duplicate id
        ",market,Nameless,-6.3,106.8,South,,,\n"  # blank id
    )
    (folder / "routes.csv").write_text(
        "route_id,origin,destination,capacity_t_per_day,cost_per_t,geometry\n"
        "R1,SRC-WEST,HUB-CENTRAL,abc,200,\n"  # not a number
        "R2,SRC-WEST,HUB-CENTRL,30,-5,\n"  # reference with a hint; below the minimum
        "R3,HUB-PORT,HUB-PORT,1e20,1,\n"  # self loop; too large
        "R4,HUB-CENTRAL,MKT-NORTH,10,1,POINT (1 2)\n"  # not a line
        "R5,HUB-CENTRAL,MKT-SOUTH,10,1,zigzag\n"  # not WKT
    )
    (folder / "commodities.csv").write_text(
        "commodity,shortfall_penalty_per_t,shelf_life_days\nrice,1000,\nchili,2000,maybe\n"
    )
    (folder / "stock.csv").write_text("node_id,commodity\nHUB-CENTRAL,rice\n")  # initial_t absent
    (folder / "supply.csv").unlink()  # a table absent


def test_validate_prints_every_problem_in_bahasa_with_table_row_and_column_unchanged(tmp_path, capsys):
    bad = tmp_path / "bad"
    _bad_dataset(bad)
    pairs = _problem_lines(["validate", str(bad)], capsys, stream="out")
    assert len(pairs) >= 18
    ids = [i for _, i in pairs]
    assert (
        1,
        "nodes",
        "",
        "vulnerabilty",
        "kolom 'vulnerabilty' tidak dikenal dan diabaikan (mungkin maksudnya 'vulnerability'?)",
    ) in ids
    assert (
        0,
        "nodes",
        "3",
        "kind",
        "'sorce' bukan jenis tempat; gunakan source, hub atau market (mungkin maksudnya 'source'?)",
    ) in ids
    assert (0, "routes", "2", "capacity_t_per_day", "'abc' bukan angka") in ids
    assert (
        0,
        "nodes",
        "3",
        "lat",
        "lat 106,8 di luar -90..90 dan lon -6,2 tampak seperti garis lintang:"
        " apakah lat dan lon tertukar? (Jakarta berada di sekitar lat -6,2, lon 106,8)",
    ) in ids
    assert any(i[1:4] == ("routes", "4", "capacity_t_per_day") and "paling banyak 1.000.000.000" in i[4] for i in ids)
    _, lines, _ = _run(["validate", str(bad)], "id", capsys)
    assert re.fullmatch(r"\d+ galat, \d+ peringatan", lines[-1])


def test_read_and_network_problems_in_bahasa(tmp_path, capsys):
    data = tmp_path / "net"
    shutil.copytree(TINY, data)
    (data / "stock.csv").write_text("node_id;commodity;initial_t\nMKT-NORTH;rice;30.000\n")  # ; and 30.000
    (data / "demand.csv").write_text(
        "node_id,commodity,demand_t_per_day\n MKT-NORTH ,rice,50\nMKT-ISLAND,rice,10\nMKT-SOUTH,salt,5\n"
    )
    pairs = _problem_lines(["validate", str(data)], capsys, stream="out")
    texts = {i[1:4]: i[4] for _, i in pairs}
    assert texts[("stock", "", "")] == "dipisahkan dengan ';', bukan ','; dibaca dengan pemisah tersebut"
    assert texts[("stock", "2", "initial_t")].startswith(
        "angka bermakna ganda '30.000': 30 bila ditulis seperti 1,234.5, 30000"
    )
    assert texts[("demand", "", "node_id")] == "spasi di awal/akhir 1 sel dihapus"
    assert ("demand", "", "commodity") in texts or ("demand", "4", "commodity") in texts


def test_a_hostile_flood_file_is_reported_in_bahasa(tmp_path, capsys):
    features = [
        {"type": "Thing"},
        {"type": "Feature", "properties": [1], "geometry": None},
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [106.8, -6.2]}},
        {"type": "Feature", "properties": {}},
        {
            "type": "Feature",
            "properties": {},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[-6.2, 106.7], [-6.2, 106.9], [-6.1, 106.9], [-6.2, 106.7]]],
            },
        },
        {
            "type": "Feature",
            "properties": {"name": "Kali", "depth_m": -1, "start_day": 0, "end_day": 1},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[500000, 9300000], [500100, 9300000], [500100, 9300100], [500000, 9300000]]],
            },
        },
    ]
    (tmp_path / "banjir.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    doc = {
        "name": "Banjir",
        "horizon_days": 2,
        "disruptions": [{"type": "flood", "geojson": "banjir.geojson", "passability": [[0.5, 1.5], [0.1, 0]]}],
    }
    scenario = tmp_path / "banjir.json"
    scenario.write_text(json.dumps(doc))
    pairs = _problem_lines(["flood-overlay", str(TINY), "--scenario", str(scenario)], capsys)
    assert {e[1] for e, _ in pairs} == {"scenario"}  # passability is checked first
    doc["disruptions"][0].pop("passability")
    scenario.write_text(json.dumps(doc))
    pairs = _problem_lines(["flood-overlay", str(TINY), "--scenario", str(scenario)], capsys)
    assert len(pairs) >= 8 and {e[1] for e, _ in pairs} == {"flood"}
    texts = [i[4] for _, i in pairs]
    assert "'banjir.geojson' fitur 1 bukan GeoJSON Feature" in texts
    assert any(t.startswith("'banjir.geojson' fitur 6 ('Kali'): depth_m harus angka >= 0") for t in texts)


def test_a_hostile_ensemble_spec_is_reported_in_bahasa(tmp_path, capsys):
    spec = tmp_path / "spec.json"
    spec.write_text(
        json.dumps(
            {
                "horizon_days": 0,
                "nmae": "x",
                "corridors": {
                    "Tol Barat": {
                        "p": 2,
                        "days": [],
                        "weights": [1, 2],
                        "factor": 3,
                        "start_day": 0,
                        "depth_m": [5, 1],
                        "colour": 1,
                    }
                },
                "zones": {"West": 3},
                "scenarios": "x",
            }
        )
    )
    argv = ["ensemble", str(TINY), "--spec", str(spec), "--runs", "2", "--seed", "1", "--out", str(tmp_path / "o")]
    pairs = _problem_lines(argv, capsys)
    assert len(pairs) >= 10 and {e[1] for e, _ in pairs} == {"spec"}
    spec.write_text(
        json.dumps(
            {
                "horizon_days": 2,
                "corridors": {"Tol Barrat": {"p": 0.5, "days": [1], "start_day": 5}},
                "scenarios": ["hilang.json"],
            }
        )
    )
    pairs = _problem_lines(argv, capsys)
    texts = [i[4] for _, i in pairs]
    assert "'Tol Barrat' tidak terdapat sebagai koridor di dataset (mungkin maksudnya 'Tol Barat'?)" in texts
    assert "berkas skenario 'hilang.json' tidak ditemukan" in texts


@pytest.mark.parametrize(
    ("argv", "id_text"),
    [
        (["solve", "DATA", "--out", "o", "--days", "x"], "argumen --days: 'x' bukan bilangan bulat"),
        (["solve", "DATA", "--out", "o", "--days", "400"], "harus bilangan bulat dari 1 sampai 366 (paling lama"),
        (
            ["solve", "DATA", "--out", "o", "--solver", "fast"],
            "argumen --solver: pilihan tidak sah: 'fast' (pilih dari",
        ),
        (["solve", "DATA"], "argumen berikut wajib diisi: --out"),
        (["validate", "DATA", "--colour"], "argumen tidak dikenal: --colour"),
        (["solve", "DATA", "--out", "o", "--time-limit", "-1"], "harus jumlah detik yang terhingga dan > 0"),
        (["criticality", "DATA", "--out", "o", "--workers", "0"], "harus bilangan bulat dari 1 sampai 256, bukan 0"),
        (["frobnicate"], "pilihan tidak sah: 'frobnicate'"),
    ],
)
def test_argument_errors_are_one_line_in_bahasa(argv, id_text, capsys):
    code, _, err = _run(argv, "id", capsys)
    assert code == 2 and len(err) == 1 and err[0].startswith("galat: foodchain") and id_text in err[0], err
    assert err[0].endswith("--help)") and not DENYLIST.search(err[0].replace("(lihat", "")), err
    code, _, err_en = _run(argv, "en", capsys)
    assert code == 2 and err_en[0].startswith("error: foodchain") and err_en != err


def test_foodchain_lang_in_the_environment_is_the_default(monkeypatch, capsys):
    monkeypatch.setenv("FOODCHAIN_LANG", "id")
    assert main(["validate", str(TINY)]) == 0
    assert capsys.readouterr().out.strip() == f"0 galat, 0 peringatan: {TINY} sah"
    assert main(["validate", str(TINY), "--lang", "en"]) == 0
    assert capsys.readouterr().out.strip() == f"0 error(s), 0 warning(s): {TINY} is valid"


def test_every_command_takes_lang(tmp_path, monkeypatch, capsys):
    from foodchain.cli import _leaves, build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    leaves = _leaves(sub)
    assert len(leaves) == 15  # store and users count each of their subcommands
    for leaf in leaves:
        assert "--lang" in leaf._option_string_actions, leaf.prog
    monkeypatch.setenv("FOODCHAIN_DB", str(tmp_path / "store.sqlite"))
    assert main(["store", "log", "--lang", "id"]) == 0
    assert main(["store", "activate", "9", "--by", "Ana", "--lang", "id"]) == 2
    assert capsys.readouterr().err.strip() == "galat: versi dataset 9 tidak ada"


def test_numbers_in_messages_use_the_readers_separators():
    m = msg("dataset.too_large", cell="2e15", column="cost_per_t", top=num(1e15, 0), unit=" (Rp/t)")
    assert m == "2e15 is too large: cost_per_t must be at most 1,000,000,000,000,000 (Rp/t)"
    assert m.render("id") == "2e15 terlalu besar: cost_per_t paling banyak 1.000.000.000.000.000 (Rp/t)"
    assert num(-6.2).render("id") == "-6,2" and num(1234.5).render("en") == "1,234.5"
    assert num(0.25, 1).render("id") in ("0,2", "0,3") and num(float("nan")).render("id") == "–"
    with use_language("id"):
        assert f"{num(4494)}" == "4.494"


def test_every_store_write_has_its_action_in_words():
    for method in WRITES:
        assert f"store.action.{method}" in CATALOG


def test_a_whole_number_without_an_upper_bound_says_so_in_both_languages():
    import argparse

    from foodchain.cli.args import positive_int

    with pytest.raises(argparse.ArgumentTypeError) as caught:
        positive_int("0")
    message = caught.value.args[0]
    assert message == "must be a whole number >= 1, not 0"
    assert message.render("id") == "harus bilangan bulat >= 1, bukan 0"


def test_every_unit_of_the_schema_has_words():
    from foodchain.model.schema import TABLES

    for spec in (s for specs in TABLES.values() for s in specs if s.unit):
        assert f"dataset.unit.{spec.unit}" in CATALOG, spec.unit


def test_an_invalid_input_error_reads_in_the_readers_language():
    from foodchain.errors import InvalidDataset
    from foodchain.model.problems import Problem

    exc = InvalidDataset([Problem("routes", 4, "capacity_t_per_day", msg("dataset.not_number", cell="abc"))])
    assert (
        exc._text("en")
        == "1 problem(s) in the dataset:\nroutes row 4, column capacity_t_per_day: 'abc' is not a number"
    )
    with use_language("id"):
        assert str(exc) == "1 masalah pada dataset:\nroutes baris 4, kolom capacity_t_per_day: 'abc' bukan angka"


def test_a_trailing_comma_on_some_rows_only_is_ignored_as_the_warning_says(tmp_path, capsys):
    data = tmp_path / "trail"
    shutil.copytree(TINY, data)
    (data / "demand.csv").write_text(
        "node_id,commodity,demand_t_per_day\nMKT-NORTH,rice,50,\nMKT-SOUTH,rice,40\nMKT-ISLAND,rice,10,,\n"
    )
    pairs = _problem_lines(["validate", str(data)], capsys, stream="out", code=0)
    assert [e[:4] for e, _ in pairs] == [(1, "demand", "", "")]
    assert pairs[0][1][4] == "2 baris diakhiri nilai tambahan yang kosong (tanda ',' di akhir baris); diabaikan"


# Modules whose user-facing messages are built from message ids (scenario, disruption and lever
# messages are converted in their own modules: optimize/scenario.py, factors.py, analysis/levers.py).
CONVERTED = [
    "model/*.py",
    "safe_read.py",
    "ingest.py",
    "outdir.py",
    "geo.py",
    "boundaries.py",
    "store/*.py",
    "cli/*.py",
    "optimize/flood*.py",
    "optimize/size.py",
    "optimize/backends.py",
    "optimize/solve.py",
    "analysis/flood_spec.py",
    "analysis/ensemble.py",
    "analysis/criticality.py",
]
MESSAGE_ARGUMENT = {"Problem": 3, "refuse": 1, "problem": 1, "_problem": 1, "_flood_error": 2}
RAISED = {
    "FoodchainError",
    "SolverError",
    "PermissionDenied",
    "NameRequired",
    "UnknownVersion",
    "ArgumentTypeError",
}


def _literal_messages(path) -> list[str]:
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        position = MESSAGE_ARGUMENT.get(name, 0 if name in RAISED else None)
        if position is None or len(node.args) <= position:
            continue
        arg = node.args[position]
        if isinstance(arg, ast.JoinedStr) or (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
            found.append(f"{path.name}:{node.lineno} {name}")
    return found


def test_no_message_a_user_can_cause_is_a_plain_english_literal():
    from pathlib import Path

    import foodchain

    package = Path(foodchain.__file__).parent
    paths = sorted({p for pattern in CONVERTED for p in package.glob(pattern)})
    assert len(paths) > 30
    literal = [hit for path in paths for hit in _literal_messages(path)]
    assert not literal, "write these as msg('topic.name', ...):\n" + "\n".join(literal)
