"""Number conventions and separators: every case read exactly, or asked about."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from foodchain.model.io import read_csv_bytes, read_raw
from foodchain.model.numbers import ambiguous, readings

HEADER = {
    ",": "node_id,commodity,initial_t\n",
    ";": "node_id;commodity;initial_t\n",
    "\t": "node_id\tcommodity\tinitial_t\n",
}


# (separator, cell as written, convention, value read, ambiguous?)
CASES = [
    (",", "30", "auto", "30", False),
    (",", "12.5", "auto", "12.5", False),
    (",", '"1,234.5"', "auto", "1234.5", False),
    (",", "30.000", "auto", "30", True),  # 30 or 30,000: asked about
    (",", "12.500", "auto", "12.5", True),
    (",", "30.000", "id", "30000", False),
    (",", "30.000", "en", "30", False),
    (",", "0.500", "auto", "0.5", False),  # a group never starts with 0
    (",", "1e-05", "auto", "1e-05", False),
    (";", "1.040,0", "auto", "1040", False),
    (";", "12,5", "auto", "12.5", False),
    (";", "1.234.567", "auto", "1234567", False),
    (";", "30.000", "auto", "30000", True),  # a ';' file reads it the Indonesian way, and asks
    (";", "12,500", "auto", "12.5", True),
    (";", "12,500", "en", "12500", False),
    (";", "12,500", "id", "12.5", False),
    (";", "12,5", "en", "12,5", False),  # strict: left as written, validation says "not a number"
    ("\t", "7,25", "auto", "7.25", False),
]


@pytest.mark.parametrize(("sep", "cell", "convention", "expected", "asked"), CASES)
def test_number_convention_table(sep, cell, convention, expected, asked):
    data = (HEADER[sep] + sep.join(["HUB-PIBC", "rice", cell]) + "\n").encode()
    frame, problems = read_csv_bytes(data, "stock", convention)
    assert frame["initial_t"].tolist() == [expected]
    found = ambiguous(problems)
    assert bool(found) == asked
    if asked:
        p = found[0]
        assert (p.table, p.row, p.column) == ("stock", 2, "initial_t")
        raw = cell.strip('"')
        en, id_ = readings(raw)
        assert f"'{raw}'" in p.message and f"{en:.10g}" in p.message and f"{id_:.10g}" in p.message


def test_evidence_in_the_same_file_settles_the_convention():
    data = b"node_id;commodity;initial_t\nA;rice;1.040,5\nB;rice;30.000\n"
    frame, problems = read_csv_bytes(data, "stock")
    assert frame["initial_t"].tolist() == ["1040.5", "30000"]
    assert not ambiguous(problems)
    data = b'node_id,commodity,initial_t\nA,rice,"1,040.5"\nB,rice,30.000\n'
    frame, problems = read_csv_bytes(data, "stock")
    assert frame["initial_t"].tolist() == ["1040.5", "30"] and not ambiguous(problems)


def test_mixed_evidence_reads_each_cell_its_own_way_and_asks_about_the_rest():
    data = b"node_id;commodity;initial_t\nA;rice;1,5\nB;rice;2.5\nC;rice;30.000\n"
    frame, problems = read_csv_bytes(data, "stock")
    assert frame["initial_t"].tolist() == ["1.5", "2.5", "30000"]
    assert [p.row for p in ambiguous(problems)] == [4]


@pytest.mark.parametrize(
    "header",
    ["node_id,kind,note;a;b;c", 'node_id,kind,"x;y"', "node_id,kind,name"],
)
def test_semicolon_in_header_or_cell_never_flips_a_comma_file(header):
    data = f'{header}\nA,hub,"Pasar; Induk"\n'.encode()
    frame, problems = read_csv_bytes(data, "nodes")
    assert frame.columns[:2].tolist() == ["node_id", "kind"]
    assert frame["node_id"].tolist() == ["A"]
    assert not any("separated" in p.message for p in problems)


def test_semicolon_file_with_commas_in_a_name_is_still_semicolon():
    data = b"node_id;kind;name\nA;hub;Pasar Induk, Cipinang\n"
    frame, _ = read_csv_bytes(data, "nodes")
    assert frame["name"].tolist() == ["Pasar Induk, Cipinang"]


def test_degree_columns_never_hold_thousands():
    data = b"node_id;kind;lat;lon;population\nA;hub;-6.200;106.850;1.500\n"
    frame, problems = read_csv_bytes(data, "nodes")
    assert frame.iloc[0][["lat", "lon", "population"]].tolist() == ["-6.2", "106.85", "1500"]
    assert [p.column for p in ambiguous(problems)] == ["population"]


def _xlsx(rows: list[list]) -> bytes:
    buf = io.BytesIO()
    frame = pd.DataFrame(rows, columns=["node_id", "commodity", "initial_t"])
    with pd.ExcelWriter(buf, engine="xlsxwriter") as writer:
        frame.to_excel(writer, sheet_name="stock", index=False)
    return buf.getvalue()


def test_xlsx_number_cells_exact_and_text_cells_asked_about():
    data = _xlsx([["HUB-PIBC", "rice", "35.000"], ["HUB-X", "rice", 35.0], ["HUB-Y", "rice", 0.125]])
    tables, problems = read_raw(data, "stock.xlsx")
    assert tables["stock"]["initial_t"].tolist() == ["35", "35", "0.125"]
    assert [(p.row, p.column) for p in ambiguous(problems)] == [(2, "initial_t")]
    tables, problems = read_raw(data, "stock.xlsx", numbers="id")
    assert tables["stock"]["initial_t"].tolist() == ["35000", "35", "0.125"] and not ambiguous(problems)


def test_validate_warns_about_ambiguous_numbers_and_takes_numbers_option(tmp_path, capsys):
    import shutil

    from foodchain.cli import main
    from tests.conftest import TINY

    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    (data / "stock.csv").write_text("node_id,commodity,initial_t\nHUB-CENTRAL,rice,30.000\n")
    nodes = (data / "nodes.csv").read_text().splitlines()
    (data / "nodes.csv").write_text("\n".join([nodes[0] + ",note;a;b"] + [n + ",x" for n in nodes[1:]]) + "\n")
    assert main(["validate", str(data)]) == 0  # a ';' in a header never flips a comma file
    out = capsys.readouterr().out
    assert "warning: stock, 2, initial_t, ambiguous number '30.000': 30 if written as 1,234.5, 30000" in out
    assert main(["validate", str(data), "--numbers", "id"]) == 0
    assert "ambiguous" not in capsys.readouterr().out
