"""Every message text, ``{id: {"en": ..., "id": ...}}``, gathered from one module per topic.

To add a topic, write a module here with a ``MESSAGES`` dict and list it in :data:`TOPICS`.
An id is ``topic.name`` and is declared in exactly one module (checked on import).
"""

from __future__ import annotations

from foodchain.messages.catalog import (
    analysis,
    cli,
    common,
    dataset,
    equity,
    files,
    flood,
    levers,
    report,
    scenario,
    solver,
    store,
    template,
)

TOPICS = (
    common,
    dataset,
    files,
    cli,
    store,
    solver,
    flood,
    analysis,
    scenario,
    equity,
    levers,
    report,
    template,
)


def _gather() -> dict[str, dict[str, str]]:
    catalog: dict[str, dict[str, str]] = {}
    for topic in TOPICS:
        for msg_id, texts in topic.MESSAGES.items():
            if msg_id in catalog:
                raise ValueError(f"message id {msg_id!r} is declared twice (again in {topic.__name__})")
            catalog[msg_id] = texts
    return catalog


CATALOG: dict[str, dict[str, str]] = _gather()
