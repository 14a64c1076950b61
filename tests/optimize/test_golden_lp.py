"""Golden ``.lp`` files: catch unintended model changes, one file per model variant.

* ``tiny_west_toll_closed.lp``: the tiny dataset under a 3-day closure;
* ``tiny_reserve.lp``: the same with a ``stock_value_per_t`` on rice, so the reserve rows
  (``stock_end``, ``>=``) and the drawdown columns are written too.

Together they hold every constraint family of :func:`foodchain.optimize.lp.build_lp`.
Regenerate after an intended change with ``FOODCHAIN_REGEN_GOLDEN=1 pytest tests/optimize/test_golden_lp.py``
and review the diff family by family (constraint names start with the family).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from foodchain import dataset_from_tables, load_scenario
from foodchain.optimize.backends import to_pulp
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp
from tests.conftest import SCENARIOS

GOLDEN = Path(__file__).parent / "golden"
EVERY_FAMILY = {"balance", "route_capacity", "throughput_in", "throughput_out", "storage", "shelf_life", "stock_end"}


def with_reserve(dataset):
    """The dataset with rice stock valued at 5000 Rp/t (chili blank)."""
    tables = {name: frame.copy() for name, frame in dataset.tables().items()}
    tables["commodities"]["stock_value_per_t"] = [5000.0, None]
    return dataset_from_tables(tables)


def lp_text(dataset, tmp_path) -> str:
    scenario = load_scenario(SCENARIOS / "tiny_west_toll_closed.json")
    lp = build_lp(build_instance(dataset, scenario_factors(dataset, scenario)))
    prob, _, _ = to_pulp(lp)
    path = tmp_path / "model.lp"
    prob.writeLP(str(path))
    return path.read_text()


def families(text: str) -> set[str]:
    return set(re.findall(r"^([a-z_]+?)_[0-9_]+:", text, flags=re.MULTILINE))


@pytest.mark.parametrize("name", ["tiny_west_toll_closed", "tiny_reserve"])
def test_tiny_lp_matches_golden_file(tiny, tmp_path, name):
    text = lp_text(with_reserve(tiny) if name == "tiny_reserve" else tiny, tmp_path)
    golden = GOLDEN / f"{name}.lp"
    if os.environ.get("FOODCHAIN_REGEN_GOLDEN"):
        golden.write_text(text)
    assert text == golden.read_text(), "the LP changed; see the module docstring to review and regenerate"


def test_golden_files_hold_every_constraint_family():
    texts = [(GOLDEN / f"{name}.lp").read_text() for name in ("tiny_west_toll_closed", "tiny_reserve")]
    assert set().union(*map(families, texts)) == EVERY_FAMILY
    reserve = (GOLDEN / "tiny_reserve.lp").read_text()
    assert re.search(r"^stock_end_\d+_\d+: .* >= 60$", reserve, flags=re.MULTILINE), "stock_end is a >= row"
