"""The bounded document readers on their own: depth, finite numbers, aliases, regular files."""

from __future__ import annotations

import pytest

from foodchain.errors import InvalidInput
from foodchain.safe_read import json_depth, parse_json, parse_yaml, read_regular_file


def message(call) -> str:
    with pytest.raises(InvalidInput) as err:
        call()
    assert len(err.value.problems) == 1
    return err.value.problems[0].message


def test_brackets_inside_strings_do_not_count_as_depth():
    assert json_depth(b'{"a": "[[[[{{{{\\"[[", "b": [[1]]}') == 3
    assert parse_json(b'{"name": "' + b"[" * 1000 + b'"}', "x.json", "scenario") == {"name": "[" * 1000}


@pytest.mark.parametrize("number", [b"1e400", b"-1E+309", b"9" * 400 + b".5"])
def test_numbers_too_large_for_a_float_are_not_finite(number):
    text = message(lambda: parse_json(b'{"d": [{"factor": ' + number + b"}]}", "x.json", "scenario"))
    assert text == "'x.json' holds a number that is not finite (NaN or infinity) at d[1].factor"


def test_tiny_and_ordinary_numbers_pass():
    assert parse_json(b'{"a": 1e-400, "b": 1e99, "c": -0.5}', "x.json", "scenario") == {"a": 0.0, "b": 1e99, "c": -0.5}


def test_yaml_nested_too_deep_and_yaml_infinity():
    assert "nested" in message(lambda: parse_yaml(b"[" * 5000 + b"]" * 5000, "deep.yaml", "scenario"))
    assert "at factor" in message(lambda: parse_yaml(b"factor: .inf\n", "inf.yaml", "scenario"))


def test_a_document_over_the_size_limit(tmp_path):
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 2001)
    assert message(lambda: read_regular_file(path, 2000, "scenario")) == f"'{path}' is 0.0 MB; the limit is 0.002 MB"
