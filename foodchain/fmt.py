"""Numbers, dates and times as people read them, in Bahasa Indonesia (``id``) or English (``en``).

One place for every figure shown to a person (app, brief, tables), built on Babel's CLDR data:
``id`` writes 1.234,5 and "Rab, 1 Jan 2020"; ``en`` writes 1,234.5 and "Wed, 1 Jan 2020".
Times are shown in Western Indonesian Time (WIB, Asia/Jakarta, UTC+7, no daylight saving).
"""

from __future__ import annotations

import datetime as dt
import math
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, format_percent

LOCALES = {"id": "id_ID", "en": "en_GB"}  # en_GB: day before month, like the Bahasa dates
DAY_PATTERN = "EEE, d MMM y"
TIME_PATTERN = "d MMM y, HH.mm"
try:
    WIB: dt.tzinfo = ZoneInfo("Asia/Jakarta")
except ZoneInfoNotFoundError:  # a machine without the tz database: WIB has been UTC+7 since 1964
    WIB = dt.timezone(dt.timedelta(hours=7), "WIB")


def locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["en"])


def number(value: float, lang: str = "en", decimals: int = 0) -> str:
    """``value`` with ``decimals`` decimals and the language's separators; '–' when not a number.

    Parameters
    ----------
    value : float
        The number (None, NaN or infinite: '–').
    lang : str, default "en"
        ``en`` or ``id``.
    decimals : int, default 0
        Decimals shown.

    Returns
    -------
    str
    """
    if value is None or not math.isfinite(float(value)):
        return "–"
    return format_decimal(
        round(float(value), decimals), f"#,##0{'.' + '0' * decimals if decimals else ''}", locale(lang)
    )


def tonnes(value: float, lang: str = "en") -> str:
    """Tonnes to one decimal below 100 t, whole tonnes above: '1.234 t' (id), '12.5 t' (en).

    Parameters
    ----------
    value : float
        Tonnes.
    lang : str, default "en"
        ``en`` or ``id``.

    Returns
    -------
    str
    """
    return f"{number(value, lang, 1 if abs(value) < 100 else 0)} t"


def percent(share: float, lang: str = "en", decimals: int = 1) -> str:
    """A share (0.123) as a percentage: '12,3 %' (id), '12.3%' (en).

    Parameters
    ----------
    share : float
        A share, 1 = 100 % (None, NaN or infinite: '–').
    lang : str, default "en"
        ``en`` or ``id``.
    decimals : int, default 1
        Decimals shown.

    Returns
    -------
    str
    """
    if share is None or not math.isfinite(float(share)):
        return "–"
    return format_percent(float(share), f"#,##0{'.' + '0' * decimals if decimals else ''}%", locale(lang))


def day_date(start_date: str | dt.date | None, day: int) -> dt.date | None:
    """The calendar date of 1-based ``day`` when day 1 is ``start_date`` (ISO string or date).

    Parameters
    ----------
    start_date : str, datetime.date or None
        The date of day 1.
    day : int
        The day, 1-based.

    Returns
    -------
    datetime.date or None
        ``None`` without a start date.
    """
    if not start_date:
        return None
    start = start_date if isinstance(start_date, dt.date) else dt.date.fromisoformat(str(start_date))
    return start + dt.timedelta(days=int(day) - 1)


def day_label(day: int, start_date: str | dt.date | None = None, lang: str = "en") -> str:
    """'Rab, 1 Jan 2020' / 'Wed, 1 Jan 2020' when the start date is known, else 'hari 3' / 'day 3'.

    Parameters
    ----------
    day : int
        The day, 1-based.
    start_date : str or datetime.date, optional
        The date of day 1.
    lang : str, default "en"
        ``en`` or ``id``.

    Returns
    -------
    str
    """
    date = day_date(start_date, day)
    if date is None:
        return f"{'hari' if lang == 'id' else 'day'} {int(day)}"
    return format_date(date, DAY_PATTERN, locale=locale(lang))


def wib(moment: str | dt.datetime, lang: str = "en") -> str:
    """A moment in WIB: '1 Des 2026, 22.05 WIB'. Strings are read as ISO; naive ones and ones
    ending in ' UTC' (as the store writes them) are taken as UTC.

    Parameters
    ----------
    moment : str or datetime.datetime
        The moment.
    lang : str, default "en"
        ``en`` or ``id``.

    Returns
    -------
    str
        In Western Indonesian Time (UTC+7).
    """
    if isinstance(moment, str):
        text = moment.strip().removesuffix(" UTC").replace("Z", "+00:00")
        moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return format_datetime(moment.astimezone(WIB), TIME_PATTERN, locale=locale(lang)) + " WIB"
