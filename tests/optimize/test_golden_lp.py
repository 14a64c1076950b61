"""Golden ``.lp`` file of the tiny dataset under a 3-day closure: catches unintended model changes.

Regenerate after an intended change with ``FOODCHAIN_REGEN_GOLDEN=1 pytest tests/optimize/test_golden_lp.py``
and review the diff family by family (constraint names start with the family).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from foodchain import load_scenario
from foodchain.optimize.backends import to_pulp
from foodchain.optimize.factors import scenario_factors
from foodchain.optimize.instance import build_instance
from foodchain.optimize.lp import build_lp
from tests.conftest import SCENARIOS

GOLDEN = Path(__file__).parent / "golden" / "tiny_west_toll_closed.lp"


def lp_text(dataset, tmp_path) -> str:
    scenario = load_scenario(SCENARIOS / "tiny_west_toll_closed.json")
    lp = build_lp(build_instance(dataset, scenario_factors(dataset, scenario)))
    prob, _, _ = to_pulp(lp)
    path = tmp_path / "model.lp"
    prob.writeLP(str(path))
    return path.read_text()


def test_tiny_lp_matches_golden_file(tiny, tmp_path):
    text = lp_text(tiny, tmp_path)
    if os.environ.get("FOODCHAIN_REGEN_GOLDEN"):
        GOLDEN.write_text(text)
    expected = GOLDEN.read_text()
    families = set(re.findall(r"^([a-z_]+?)_[0-9_]+:", text, flags=re.MULTILINE))
    assert families == {"balance", "route_capacity", "throughput_in", "throughput_out", "storage", "shelf_life"}
    assert text == expected, "the LP changed; see the module docstring to review and regenerate"
