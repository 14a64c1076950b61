"""Compare: runs of different horizons are compared per day, with the horizon shown."""

from __future__ import annotations

import pytest

from foodchain import load_scenario, solve
from foodchain.analysis.compare import commodity_shortfall, totals
from tests.conftest import SCENARIOS


def test_totals_are_per_day_when_horizons_differ_and_absolute_when_equal(tiny):
    one, closed = solve(tiny), solve(tiny, load_scenario(SCENARIOS / "tiny_west_toll_closed.json"))
    assert one.days == 1 and closed.days > 1
    mixed = totals({"base": one, "closed": closed}).set_index("run")
    assert "shortfall_t" not in mixed and mixed.loc["closed", "days"] == closed.days
    expected = closed.shortfall["shortfall_t"].sum() / closed.days
    assert mixed.loc["closed", "shortfall_t_per_day"] == pytest.approx(expected)
    assert mixed.loc["base", "demand_t_per_day"] == pytest.approx(one.shortfall["demand_t"].sum())
    same = totals({"a": closed, "b": closed})
    assert same["shortfall_t"].tolist() == pytest.approx([closed.shortfall["shortfall_t"].sum()] * 2)
    by_commodity = commodity_shortfall({"base": one, "closed": closed})
    rice = by_commodity[(by_commodity["run"] == "closed")].set_index("commodity")["shortfall_t_per_day"]
    per_commodity = closed.shortfall.groupby("commodity")["shortfall_t"].sum() / closed.days
    assert rice.to_dict() == pytest.approx(per_commodity.to_dict())
