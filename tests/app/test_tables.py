"""Tables shown to people: moments stored in UTC are read in WIB."""

from __future__ import annotations

import pandas as pd

from foodchain_app.tables import in_wib


def test_stored_utc_moments_are_shown_in_wib_and_blanks_stay_blank():
    frame = pd.DataFrame(
        {"id": [2, 1], "created_at": ["2026-12-01 17:30:00 UTC", "2026-12-01 01:00:00 UTC"], "last_login": ["", None]}
    )
    shown = in_wib(frame)  # outside a session the language is Bahasa Indonesia
    assert shown["created_at"].tolist() == ["2 Des 2026, 00.30 WIB", "1 Des 2026, 08.00 WIB"]
    assert shown["last_login"].tolist() == ["", ""]
    assert frame["created_at"].iloc[0].endswith("UTC")  # the caller's frame is left as it was


def test_numbers_are_written_the_readers_way_and_blanks_as_dashes():
    from foodchain_app.tables import blanks_as_dashes, styled

    frame = pd.DataFrame(
        {"shortfall_t": [1234.56, 0.04], "share_unmet": [0.3, 0.1234], "cover_days": [2.0, None], "name": ["A", None]}
    )
    shown = blanks_as_dashes(frame, "id")
    assert shown["cover_days"].tolist() == ["2,0", "–"] and shown["name"].tolist() == ["A", "–"]
    assert shown["shortfall_t"].tolist() == [1234.56, 0.04]  # no blanks: stays a number, so it sorts as one
    display = styled(shown, "id")._translate(False, False)["body"]
    assert [row[1]["display_value"] for row in display] == ["1.234,6", "0,0"]
    assert [row[2]["display_value"] for row in display] == ["30,0%", "12,3%"]
    english = styled(blanks_as_dashes(frame, "en"), "en")._translate(False, False)["body"]
    assert [row[1]["display_value"] for row in english] == ["1,234.6", "0.0"]
    assert blanks_as_dashes(pd.DataFrame({"population": pd.array([5, None], dtype="Int64")}), "id")[
        "population"
    ].tolist() == ["5", "–"]
