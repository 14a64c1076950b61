"""Errors a user can cause are FoodchainErrors, declared in foodchain/errors.py (never KeyError/ValueError)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

from foodchain.analysis.flood_spec import spec_from_dict
from foodchain.analysis.runner import check_cancel
from foodchain.errors import Cancelled, FoodchainError, InvalidBoundary, InvalidSpec, NotFound
from foodchain.geo import read_boundary
from foodchain.store import NameRequired, Store, UnknownVersion

PACKAGE = Path(__file__).resolve().parents[1] / "foodchain"


def _exception_classes() -> dict[str, type]:
    found = {}
    for info in pkgutil.walk_packages([str(PACKAGE)], "foodchain."):
        if info.name.endswith("__main__"):  # running it runs the command line
            continue
        module = importlib.import_module(info.name)
        for name, obj in vars(module).items():
            if isinstance(obj, type) and issubclass(obj, BaseException) and obj.__module__ == info.name:
                found[f"{info.name}.{name}"] = obj
    return found


def test_every_exception_foodchain_declares_is_a_foodchain_error_and_not_a_builtin_one():
    classes = _exception_classes()
    assert "foodchain.errors.InvalidSpec" in classes and "foodchain.errors.Cancelled" in classes
    for name, cls in classes.items():
        if name.rsplit(".", 1)[1].startswith("_"):  # private signals caught where raised (json's hooks)
            continue
        assert issubclass(cls, FoodchainError), name
        assert not issubclass(cls, (KeyError, ValueError)), name
    moved = {n.rsplit(".", 1)[1] for n in classes if not n.startswith("foodchain.errors.")}
    assert not moved & {"InvalidSpec", "Cancelled", "NotFound", "InvalidBoundary"}


def test_the_store_never_swallows_every_exception():
    for path in (PACKAGE / "store").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ExceptHandler):
                assert node.type is not None and getattr(node.type, "id", "") != "Exception", (
                    f"{path.name}:{node.lineno}"
                )


def test_an_unknown_scenario_or_version_is_not_found_not_a_key_error(tmp_path):
    store = Store(tmp_path / "s.sqlite")
    with pytest.raises(NotFound, match="no scenario named 'flood'") as exc:
        store.scenario_doc("flood")
    assert not isinstance(exc.value, KeyError)
    with pytest.raises(UnknownVersion) as exc:
        store.activate(7, "Ani")
    assert isinstance(exc.value, NotFound) and not isinstance(exc.value, KeyError)
    with pytest.raises(NameRequired) as exc:
        store.activate(7, "  ")
    assert isinstance(exc.value, FoodchainError) and not isinstance(exc.value, ValueError)


def test_a_bad_boundary_is_a_foodchain_error_not_a_value_error():
    with pytest.raises(InvalidBoundary) as exc:
        read_boundary(b'{"type": "FeatureCollection", "features": []}', ["A"])
    assert str(exc.value) == "the boundary file has no Polygon or MultiPolygon features"
    assert isinstance(exc.value, FoodchainError) and not isinstance(exc.value, ValueError)


def test_a_bad_spec_and_a_cancel_are_foodchain_errors():
    with pytest.raises(InvalidSpec) as exc:
        spec_from_dict({"horizon_days": 1})
    assert "the spec floods nothing" in str(exc.value)
    with pytest.raises(Cancelled):
        check_cancel(lambda: True)
