"""argparse's own error texts (invalid choice, required arguments, ...) as messages in the reader's language.

argparse formats its errors in English (through :func:`gettext.gettext`, with no catalog for
Bahasa); :func:`argparse_message` recognises the texts of Python 3.11-3.13 and rebuilds each as
a message id with the same parameters, so ``--lang id`` shows them in Bahasa. A text it does not
recognise is kept as it is.
"""

from __future__ import annotations

import re

from foodchain.messages import Message, msg

_PATTERNS = [
    (re.compile(p, re.DOTALL), msg_id)
    for p, msg_id in (
        (r"argument (?P<name>[^:]+?): (?P<message>.*)", "cli.argparse.argument"),
        (r"invalid choice: (?P<value>.*) \(choose from (?P<choices>.*)\)", "cli.argparse.invalid_choice"),
        (r"unknown parser (?P<value>.*) \(choices: (?P<choices>.*)\)", "cli.argparse.unknown_parser"),
        (r"the following arguments are required: (?P<names>.*)", "cli.argparse.required"),
        (r"one of the arguments (?P<names>.*) is required", "cli.argparse.one_required"),
        (r"unrecognized arguments: (?P<names>.*)", "cli.argparse.unrecognized"),
        (r"expected one argument", "cli.argparse.expected_one"),
        (r"expected at most one argument", "cli.argparse.expected_at_most_one"),
        (r"expected at least one argument", "cli.argparse.expected_at_least_one"),
        (r"expected (?P<count>\d+) arguments?", "cli.argparse.expected_n"),
        (r"not allowed with argument (?P<name>.*)", "cli.argparse.not_allowed_with"),
        (r"ignored explicit argument (?P<value>.*)", "cli.argparse.ignored_explicit"),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.*)", "cli.argparse.ambiguous_option"),
        (r"invalid (?P<kind>.+?) value: (?P<value>.*)", "cli.argparse.invalid_value"),
        (r"unexpected option string: (?P<option>.*)", "cli.argparse.unexpected_option"),
    )
]


def argparse_message(text: str) -> Message | str:
    """argparse's English ``text`` as a message (the inner text of ``argument X: ...`` too), else ``text``."""
    for pattern, msg_id in _PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            params = match.groupdict()
            if "message" in params:
                params["message"] = argparse_message(params["message"])
            return msg(msg_id, **params)
    return text


def lang_option(argv: list[str]) -> str | None:
    """The value of ``--lang`` in ``argv`` (``--lang id`` or ``--lang=id``), read before argparse
    runs so that its own errors are already in that language; ``None`` when absent."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None
