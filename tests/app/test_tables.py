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
