"""Independent oracles: networkx max-flow and min-cost-flow on random single-commodity networks.

With one day, no stock, unlimited node throughput and the default shortfall penalty,
the LP is a min-cost flow with unmet-demand slack: delivered = max flow from the
supplies to the demands, and the transport cost = networkx's max-flow-min-cost.
"""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from foodchain import solve
from tests.conftest import make_dataset


@st.composite
def networks(draw):
    n = draw(st.integers(3, 8))
    nodes = [f"N{i}" for i in range(n)]
    pairs = draw(
        st.sets(
            st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] != p[1]),
            min_size=1,
            max_size=n * 3,
        )
    )
    routes = []
    for i, (a, b) in enumerate(sorted(pairs)):
        routes.append(
            {
                "route_id": f"R{i}",
                "origin": nodes[a],
                "destination": nodes[b],
                "capacity_t_per_day": draw(st.integers(0, 20)),
                "cost_per_t": draw(st.integers(0, 9)),
            }
        )
    sources = draw(st.sets(st.sampled_from(nodes), min_size=1, max_size=2))
    sinks = draw(st.sets(st.sampled_from([x for x in nodes if x not in sources] or nodes), min_size=1, max_size=3))
    supply = [
        {"node_id": s, "commodity": "rice", "supply_t_per_day": draw(st.integers(0, 30))} for s in sorted(sources)
    ]
    demand = [{"node_id": s, "commodity": "rice", "demand_t_per_day": draw(st.integers(1, 25))} for s in sorted(sinks)]
    return nodes, routes, supply, demand


def oracle(nodes, routes, supply, demand):
    g = nx.DiGraph()
    g.add_nodes_from(nodes + ["SUPER-S", "SUPER-T"])
    for r in routes:
        g.add_edge(r["origin"], r["destination"], capacity=r["capacity_t_per_day"], weight=r["cost_per_t"])
    for s in supply:
        g.add_edge("SUPER-S", s["node_id"], capacity=s["supply_t_per_day"], weight=0)
    for d in demand:
        if g.has_edge(d["node_id"], "SUPER-T"):
            g["SUPER-T"][d["node_id"]]["capacity"] += d["demand_t_per_day"]
        g.add_edge(d["node_id"], "SUPER-T", capacity=d["demand_t_per_day"], weight=0)
    max_flow = nx.maximum_flow_value(g, "SUPER-S", "SUPER-T")
    flow = nx.max_flow_min_cost(g, "SUPER-S", "SUPER-T")
    return max_flow, nx.cost_of_flow(g, flow)


@settings(max_examples=60, deadline=None)
@given(networks())
def test_shortfall_and_cost_match_networkx(net):
    nodes, routes, supply, demand = net
    # A node that both supplies and demands serves itself first in the LP; keep them apart.
    ds = make_dataset([(n, "hub") for n in nodes], routes, supply, demand, commodities=[{"commodity": "rice"}])
    result = solve(ds, equity=False)  # the oracle is a min-cost flow: no fair-sharing stage
    max_flow, min_cost = oracle(nodes, routes, supply, demand)
    total_demand = sum(d["demand_t_per_day"] for d in demand)
    assert result.summary()["total_shortfall_t"] == pytest.approx(total_demand - max_flow, abs=1e-6)
    assert result.transport_cost == pytest.approx(min_cost, abs=1e-6)


def test_oracle_on_a_case_where_the_cheap_path_is_too_narrow():
    routes = [
        {"route_id": "cheap", "origin": "S", "destination": "T", "capacity_t_per_day": 4, "cost_per_t": 1},
        {"route_id": "dear-1", "origin": "S", "destination": "M", "capacity_t_per_day": 10, "cost_per_t": 5},
        {"route_id": "dear-2", "origin": "M", "destination": "T", "capacity_t_per_day": 3, "cost_per_t": 5},
    ]
    supply = [{"node_id": "S", "commodity": "rice", "supply_t_per_day": 20}]
    demand = [{"node_id": "T", "commodity": "rice", "demand_t_per_day": 10}]
    ds = make_dataset([("S", "source"), ("M", "hub"), ("T", "market")], routes, supply, demand)
    r = solve(ds, equity=False)
    assert r.summary()["total_shortfall_t"] == pytest.approx(3.0)  # 10 - (4 + 3)
    assert r.transport_cost == pytest.approx(4 * 1 + 3 * 10)
    assert oracle(["S", "M", "T"], routes, supply, demand) == (7, 34)
