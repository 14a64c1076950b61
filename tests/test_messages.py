"""The message catalog is complete in both languages, and messages render in the reader's language."""

from __future__ import annotations

import ast
import pickle
import re
import string
from pathlib import Path

import pytest

from foodchain.messages import LANGUAGES, Message, language, msg, render, use_language
from foodchain.messages.catalog import CATALOG
from foodchain.model.problems import Problem

PACKAGE = Path(__file__).resolve().parents[1] / "foodchain"


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("msg_id", sorted(CATALOG))
def test_every_message_has_both_languages_with_the_same_placeholders(msg_id):
    texts = CATALOG[msg_id]
    assert set(texts) == set(LANGUAGES), f"{msg_id} has {sorted(texts)}"
    assert all(texts[lang].strip() for lang in LANGUAGES), f"{msg_id} has an empty text"
    assert _placeholders(texts["en"]) == _placeholders(texts["id"]), msg_id


def _ids_used_in_code() -> set[tuple[str, str]]:
    used = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "msg"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                used.add((node.args[0].value, f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"))
    return used


def test_every_literal_message_id_in_the_code_is_in_the_catalog():
    missing = sorted(where + " " + msg_id for msg_id, where in _ids_used_in_code() if msg_id not in CATALOG)
    assert not missing, "message ids used but not declared:\n" + "\n".join(missing)


def test_a_message_is_english_as_a_value_and_renders_in_the_current_language():
    m = msg("common.problems_in", count=2, what=msg("common.what.scenario"))
    assert m == "2 problem(s) in the scenario:"
    assert m.render("id") == "2 masalah pada skenario:"
    with use_language("id"):
        assert str(m) == f"{m}" == render(m) == "2 masalah pada skenario:"
        with use_language("en"):
            assert str(m) == "2 problem(s) in the scenario:"
    assert render("plain text", "id") == "plain text"


def test_language_comes_from_the_environment_unless_chosen(monkeypatch):
    monkeypatch.setenv("FOODCHAIN_LANG", "id")
    assert language() == "id"
    with use_language("en"):
        assert language() == "en"
    monkeypatch.setenv("FOODCHAIN_LANG", "fr")
    assert language() == "en"


def test_a_message_survives_pickling_with_its_id_and_parameters():
    m = pickle.loads(pickle.dumps(msg("common.and_more", count=3)))  # noqa: S301 (our own bytes)
    assert isinstance(m, Message) and m.id == "common.and_more" and m.render("id") == "... dan 3 lainnya"


def test_a_problem_line_keeps_table_row_and_column_and_translates_the_rest():
    p = Problem("routes", 4, "capacity_t", msg("common.and_more", count=1), "warning")
    assert p.as_line("en") == "warning: routes, 4, capacity_t, ... and 1 more"
    assert p.as_line("id") == "peringatan: routes, 4, capacity_t, ... dan 1 lainnya"


def test_an_unknown_message_id_fails_loudly():
    with pytest.raises(KeyError, match="no message with id"):
        msg("no.such.message")


def test_every_message_in_the_catalog_is_used_somewhere():
    root = PACKAGE.parent
    code = "\n".join(
        p.read_text(encoding="utf-8")
        for folder in ("foodchain", "foodchain_app", "pages")
        for p in (root / folder).rglob("*.py")
        if "catalog" not in p.parts
    )
    built = set(re.findall(r'f"([a-z_]+\.[a-z_.]*)\{', code))  # ids built from a prefix, e.g. f"common.what.{x}"
    unused = [k for k in CATALOG if f'"{k}"' not in code and not any(k.startswith(p) for p in built)]
    assert not unused, f"message ids no code uses: {unused}"
