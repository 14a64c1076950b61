"""Messages a person reads, built from a message id and parameters, shown in the reader's language.

A message is created once, where the problem is found::

    Problem("routes", 4, "capacity_t", msg("value.not_number", cell="abc"))

and rendered when it is shown. A :class:`Message` is a ``str`` whose value is the English
text (so ``==``, ``in`` and JSON see stable English), while ``str(m)``, ``print(m)`` and
f-strings render it in the current language; ``m.render("id")`` picks one explicitly and
:func:`render` renders any text. The current language is the
innermost :func:`use_language`, else ``$FOODCHAIN_LANG``, else English. It lives in a
:class:`contextvars.ContextVar`, so each app session (its own thread) keeps its own.

The texts live in the topic modules of :mod:`foodchain.messages.catalog`; every id must have
an ``en`` and an ``id`` text with the same placeholders (``tests/test_messages.py``). A
parameter that is itself a :class:`Message` is rendered in the same language, so words such
as a disruption type or "at least" are translated too. Machine-readable outputs (CSV columns,
JSON keys, exit codes) never go through here: they stay English and stable.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from babel.numbers import format_decimal

from foodchain import fmt
from foodchain.messages.catalog import CATALOG

LANGUAGES = ("en", "id")
DEFAULT_LANGUAGE = "en"
ENV_LANGUAGE = "FOODCHAIN_LANG"

_current: ContextVar[str | None] = ContextVar("foodchain_language", default=None)


def language() -> str:
    """The reader's language: the innermost :func:`use_language`, else ``$FOODCHAIN_LANG``, else ``en``."""
    chosen = _current.get()
    if chosen is None:
        chosen = os.environ.get(ENV_LANGUAGE, DEFAULT_LANGUAGE).strip().lower()
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def set_language(lang: str | None) -> None:
    """Make ``lang`` the language of this thread's context (the command line does this once)."""
    _current.set(lang if lang in LANGUAGES else None)


@contextmanager
def use_language(lang: str | None) -> Iterator[None]:
    """Render messages in ``lang`` inside the ``with`` block (``None`` keeps the current one)."""
    token = _current.set(lang if lang in LANGUAGES else _current.get())
    try:
        yield
    finally:
        _current.reset(token)


def _template(msg_id: str, lang: str) -> str:
    entry = CATALOG.get(msg_id)
    if entry is None:
        raise KeyError(f"no message with id {msg_id!r} in foodchain.messages.catalog")
    return entry.get(lang) or entry[DEFAULT_LANGUAGE]


def _format(msg_id: str, params: dict, lang: str) -> str:
    values = {k: (v.render(lang) if isinstance(v, Message | Number) else v) for k, v in params.items()}
    return _template(msg_id, lang).format(**values)


class Message(str):
    """A text that knows its message id and parameters; as a ``str`` it is the English text.

    Parameters
    ----------
    msg_id : str
        A key of :data:`~foodchain.messages.catalog.CATALOG`, e.g. ``"value.not_number"``.
    **params
        The placeholders of the text; a :class:`Message` value is rendered in the same language.
    """

    id: str
    params: dict

    def __new__(cls, msg_id: str, **params: object) -> Message:
        obj = super().__new__(cls, _format(msg_id, params, DEFAULT_LANGUAGE))
        obj.id, obj.params = msg_id, params
        return obj

    def render(self, lang: str | None = None) -> str:
        """The text in ``lang`` (default: the current :func:`language`)."""
        return _format(self.id, self.params, lang or language())

    def __str__(self) -> str:  # print(), str(), exceptions: the current language
        return self.render()

    def __format__(self, spec: str) -> str:  # f-strings: the current language
        return format(self.render(), spec)

    def __reduce__(self):  # pickled by id and parameters (process pools, Dask)
        return (_rebuild, (self.id, tuple(self.params.items())))


class Number:
    """A number parameter written with the reader's separators: ``1,234.5`` (en), ``1.234,5`` (id).

    Parameters
    ----------
    value : float
        The number.
    decimals : int, optional
        Exactly this many decimals; ``None`` (default) writes up to three, without trailing zeros.
    """

    def __init__(self, value: float, decimals: int | None = None) -> None:
        self.value, self.decimals = float(value), decimals

    def render(self, lang: str | None = None) -> str:
        """The number in ``lang`` (default: the current :func:`language`)."""
        lang = lang or language()
        if self.decimals is not None or not math.isfinite(self.value):
            return fmt.number(self.value, lang, self.decimals or 0)
        return format_decimal(self.value, "#,##0.###", locale=fmt.locale(lang))

    def __str__(self) -> str:
        return self.render()

    def __format__(self, spec: str) -> str:
        return format(self.render(), spec)

    def __repr__(self) -> str:
        return f"Number({self.value!r}, {self.decimals!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Number) and (self.value, self.decimals) == (other.value, other.decimals)

    def __hash__(self) -> int:
        return hash((self.value, self.decimals))


def num(value: float, decimals: int | None = None) -> Number:
    """A number parameter of a message, written with the reader's separators (see :class:`Number`).

    Parameters
    ----------
    value : float
        The number.
    decimals : int, optional
        Exactly this many decimals; ``None`` writes up to three, without trailing zeros.

    Returns
    -------
    Number
    """
    return Number(value, decimals)


def _rebuild(msg_id: str, items: tuple) -> Message:
    return Message(msg_id, **dict(items))


def msg(msg_id: str, **params: object) -> Message:
    """The message ``msg_id`` with its parameters (see :class:`Message`)."""
    return Message(msg_id, **params)


def render(text: object, lang: str | None = None) -> str:
    """Any text in ``lang`` (default the current language): a :class:`Message` is translated, a plain str kept.

    Parameters
    ----------
    text : object
        A :class:`Message` or anything else (written with ``str``).
    lang : str, optional
        ``id`` or ``en``.

    Returns
    -------
    str
    """
    return text.render(lang) if isinstance(text, Message) else str(text)
