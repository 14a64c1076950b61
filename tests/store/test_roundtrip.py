"""Any valid dataset stored and read back is equal to the original: values and dtypes."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from foodchain.model.dataset import dataset_from_tables
from foodchain.model.schema import TABLES
from foodchain.store import Store

NASTY = ";,\"'\r\n\t=+-@ éàß漢字ب😀"
text = st.text(alphabet=st.sampled_from(NASTY) | st.characters(codec="utf-8"), min_size=1, max_size=8)
ids = text.filter(lambda s: s == s.strip() and s.strip() != "")
amounts = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)


def _known(table: str) -> set[str]:
    return {c.name for c in TABLES[table]}


def extra_headers(table: str):
    return st.lists(
        text.filter(lambda h: h.strip().lower().replace(" ", "_") not in _known(table) and h == h.strip()),
        max_size=2,
        unique_by=lambda h: h.lower(),
    )


@st.composite
def datasets(draw):
    node_ids = draw(st.lists(ids, min_size=2, max_size=5, unique=True))
    kinds = ["hub"] + draw(
        st.lists(st.sampled_from(["source", "hub", "market"]), min_size=len(node_ids) - 1, max_size=len(node_ids) - 1)
    )
    nodes = pd.DataFrame(
        {
            "node_id": node_ids,
            "kind": kinds,
            "name": draw(st.lists(text, min_size=len(node_ids), max_size=len(node_ids))),
            "population": [str(draw(st.integers(0, 10**7))) for _ in node_ids],
        }
    )
    commodity = draw(ids)
    routes = pd.DataFrame(
        {
            "route_id": [f"{a}→{b}" for a, b in zip(node_ids, node_ids[1:])],
            "origin": node_ids[:-1],
            "destination": node_ids[1:],
            "capacity_t_per_day": [repr(draw(amounts)) for _ in node_ids[1:]],
        }
    )
    tables = {
        "nodes": nodes,
        "commodities": pd.DataFrame({"commodity": [commodity], "name": [draw(text)]}),
        "routes": routes,
        "supply": pd.DataFrame(
            {"node_id": [node_ids[0]], "commodity": [commodity], "supply_t_per_day": [repr(draw(amounts))]}
        ),
        "demand": pd.DataFrame(
            {"node_id": [node_ids[-1]], "commodity": [commodity], "demand_t_per_day": [repr(draw(amounts))]}
        ),
        "stock": pd.DataFrame({"node_id": [node_ids[0]], "commodity": [commodity], "initial_t": [repr(draw(amounts))]}),
    }
    for name, frame in tables.items():
        for header in draw(extra_headers(name)):
            frame[header] = draw(st.lists(text, min_size=len(frame), max_size=len(frame)))
    return dataset_from_tables(tables)


STORE_DIR = Path(tempfile.mkdtemp(prefix="foodchain-roundtrip-"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_any_valid_dataset_reads_back_equal(dataset):
    store = Store(STORE_DIR / "roundtrip.sqlite")
    version = store.add_version(dataset, "Ani", "property test")
    back = store.load_version(version)
    for name, frame in dataset.tables().items():
        assert_frame_equal(getattr(back, name), frame, check_exact=True)
        assert list(getattr(back, name).dtypes) == list(frame.dtypes)
