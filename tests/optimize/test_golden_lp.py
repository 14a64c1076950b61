"""Golden ``.lp`` files, one per constraint family: catch unintended model changes where they happen.

The LP is the tiny dataset under a 3-day closure of the west toll road, over 5 days (so the
shelf-life rows of chili, 3 days, both start and carry their window), with rice stock valued
at 5000 Rp/t (so the reserve rows ``stock_end`` and the ``drawdown`` columns are written too).
:func:`foodchain.optimize.lp_names.write_lp` writes it with ids and 1-based days in the
names; its sections are kept in ``golden/``:

* ``objective.lp``: the objective;
* ``<family>.lp``: the rows of one constraint family (``balance``, ``route_capacity``, ...);
* ``bounds.lp``: the column bounds;
* ``shelf_life_window.lp``: the shelf-life rows written as a running window (the form of
  shelf lives longer than ``lp.DIRECT_SHELF_LIFE_DAYS``; chili's 3 days are direct otherwise).

Regenerate after an intended change with ``FOODCHAIN_REGEN_GOLDEN=1 pytest tests/optimize/test_golden_lp.py``
and review the diff file by file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import highspy
import pytest

from foodchain import dataset_from_tables, load_scenario
from foodchain.optimize import lp as lp_module
from foodchain.optimize.backends import highs_model, run_highs
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp
from foodchain.optimize.lp_names import write_lp
from tests.conftest import SCENARIOS

GOLDEN = Path(__file__).parent / "golden"
EVERY_FAMILY = {"balance", "route_capacity", "throughput_in", "throughput_out", "storage", "shelf_life", "stock_end"}
DAYS = 5
WINDOW = "shelf_life_window"  # chili's shelf-life rows as a running window (lp.DIRECT_SHELF_LIFE_DAYS = 0)


def with_reserve(dataset):
    """The dataset with rice stock valued at 5000 Rp/t (chili blank)."""
    tables = {name: frame.copy() for name, frame in dataset.tables().items()}
    tables["commodities"]["stock_value_per_t"] = [5000.0, None]
    return dataset_from_tables(tables)


def write(dataset, folder: Path):
    """(LP, path of its ``.lp`` file)."""
    scenario = load_scenario(SCENARIOS / "tiny_west_toll_closed.json")
    inst = build_instance(dataset, scenario_factors(dataset, scenario, DAYS))
    lp = build_lp(inst)
    write_lp(lp, inst, folder / "model.lp")
    return lp, folder / "model.lp"


@pytest.fixture(scope="module")
def written(tiny, tmp_path_factory):
    return write(with_reserve(tiny), tmp_path_factory.mktemp("lp"))


def sections(text: str) -> dict[str, str]:
    """The file's objective, each constraint family's rows, and its bounds, by name."""
    head, _, rest = text.partition("\nst\n")
    rows, _, bounds = rest.partition("\nbounds\n")
    out = {"objective": head + "\n", "bounds": "bounds\n" + bounds}
    for line in rows.splitlines():
        family = re.match(r" ([a-z_]+)\(", line).group(1)
        out[family] = out.get(family, "") + line + "\n"
    return out


def test_every_section_matches_its_golden_file(written):
    parts = sections(written[1].read_text())
    assert set(parts) >= EVERY_FAMILY
    if os.environ.get("FOODCHAIN_REGEN_GOLDEN"):
        for name, text in parts.items():
            (GOLDEN / f"{name}.lp").write_text(text)
    kept = {p.stem for p in GOLDEN.glob("*.lp")} - {WINDOW}
    assert kept == set(parts), "a family was added or removed; see the module docstring to regenerate"
    for name, text in parts.items():
        assert text == (GOLDEN / f"{name}.lp").read_text(), f"the {name} section changed"


def test_the_running_window_form_of_shelf_life_matches_its_golden_file(tiny, tmp_path, monkeypatch):
    monkeypatch.setattr(lp_module, "DIRECT_SHELF_LIFE_DAYS", 0)
    parts = sections(write(with_reserve(tiny), tmp_path)[1].read_text())
    if os.environ.get("FOODCHAIN_REGEN_GOLDEN"):
        (GOLDEN / f"{WINDOW}.lp").write_text(parts["shelf_life"])
    assert parts["shelf_life"] == (GOLDEN / f"{WINDOW}.lp").read_text()
    assert "shelf_room(HUB_CENTRAL,chili,d4)" in parts["shelf_life"]


def test_names_hold_ids_and_one_based_days():
    balance = (GOLDEN / "balance.lp").read_text()
    assert " balance(HUB_CENTRAL,rice,d1): " in balance and "stock(HUB_CENTRAL,rice,d1)" in balance
    assert "d0" not in balance and f"d{DAYS + 1}" not in balance
    assert re.search(r"^ route_capacity\(R_W_C,d1\): ", (GOLDEN / "route_capacity.lp").read_text(), re.MULTILINE)
    assert re.search(r"^ stock_end\(HUB_CENTRAL,rice\): .* >= \+60$", (GOLDEN / "stock_end.lp").read_text(), re.M)


def test_the_file_reads_back_into_the_same_optimum(written):
    lp, path = written
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    assert h.readModel(str(path)) == highspy.HighsStatus.kOk
    assert h.getNumCol() == lp.shape[1] and h.getNumRow() == lp.shape[0]
    h.run()
    assert h.getInfo().objective_function_value == pytest.approx(run_highs(highs_model(lp)).objective, rel=1e-12)
