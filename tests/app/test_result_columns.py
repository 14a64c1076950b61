"""The app's headers and number formats of result columns come from foodchain.model.columns."""

from __future__ import annotations

from foodchain.model import columns
from foodchain_app.i18n import COLUMNS, column_label
from foodchain_app.tables import _number_format


def test_result_headers_come_from_the_spec_and_others_from_i18n():
    assert not set(COLUMNS) & set(columns.COLUMNS), "a result column's label lives only in the spec"
    # outside a session the language is Bahasa Indonesia
    assert column_label("added_cost") == columns.COLUMNS["added_cost"].label["id"]
    assert column_label("shortfall_t") == "Kekurangan (t)"
    assert column_label("capacity_t_per_day") == "Kapasitas (t/hari)"  # an input column: i18n.COLUMNS
    assert column_label("no_such_column") == "no_such_column"


def test_number_formats_follow_the_unit():
    assert _number_format("share_unmet") == _number_format("p_any_shortfall") == ("percent", 0.001)
    assert _number_format("shortfall_t") == _number_format("capacity_t") == ("localized", 0.1)
    assert _number_format("added_cost") == _number_format("shadow_price") == ("localized", 1)
    assert _number_format("days_binding") == ("localized", 1) and _number_format("cover_days") == ("localized", 0.1)
    assert _number_format("seed") is None and _number_format("node_id") is None
    assert _number_format("throughput_t_per_day") == ("localized", 0.1)  # an input column: by its name
