"""Dates, numbers and WIB times in Bahasa Indonesia and English; the scenario's start_date."""

from __future__ import annotations

import datetime as dt

import pytest

from foodchain import fmt, scenario_from_dict
from foodchain.errors import InvalidScenario


@pytest.mark.parametrize(
    ("lang", "day1", "day3"),
    [("id", "Rab, 1 Jan 2020", "Jum, 3 Jan 2020"), ("en", "Wed, 1 Jan 2020", "Fri, 3 Jan 2020")],
)
def test_days_render_as_dates_in_both_languages(lang, day1, day3):
    assert fmt.day_label(1, "2020-01-01", lang) == day1
    assert fmt.day_label(3, dt.date(2020, 1, 1), lang) == day3
    assert fmt.day_label(60, "2020-01-01", "en") == "Sat, 29 Feb 2020"  # a leap year


def test_without_a_start_date_days_stay_numbers():
    assert fmt.day_label(3, None, "id") == "hari 3" and fmt.day_label(3, None, "en") == "day 3"


def test_numbers_use_the_language_separators():
    assert fmt.number(1234567.891, "id", 1) == "1.234.567,9"
    assert fmt.number(1234567.891, "en", 1) == "1,234,567.9"
    assert fmt.percent(0.1234, "id") == "12,3%" and fmt.percent(0.1234, "en") == "12.3%"
    assert fmt.number(float("nan"), "id") == "–"


def test_times_are_shown_in_wib():
    assert fmt.wib("2026-12-01 17:30:00 UTC", "id") == "2 Des 2026, 00.30 WIB"  # UTC+7 crosses midnight
    assert fmt.wib(dt.datetime(2026, 6, 1, 1, 0, tzinfo=dt.UTC), "en") == "1 Jun 2026, 08.00 WIB"


def test_a_scenario_keeps_its_start_date_and_rejects_a_bad_one():
    sc = scenario_from_dict({"name": "x", "horizon_days": 2, "start_date": "2020-01-01", "disruptions": []})
    assert sc.start_date == "2020-01-01" and sc.to_dict()["start_date"] == "2020-01-01"
    assert scenario_from_dict({"start_date": dt.date(2020, 1, 1)}).start_date == "2020-01-01"  # YAML dates
    for bad in ("1 Jan 2020", "2020-02-30", "2020-1-1", 20200101):
        with pytest.raises(InvalidScenario, match="start_date"):
            scenario_from_dict({"start_date": bad})


def test_the_start_date_reaches_the_result(tiny):
    from foodchain import solve

    result = solve(tiny, scenario_from_dict({"start_date": "2020-01-01", "horizon_days": 2}))
    assert result.start_date == "2020-01-01" and result.summary()["start_date"] == "2020-01-01"
    assert "start_date" not in solve(tiny).summary()
