"""The ``foodchain`` command line (DESIGN.md section 5), one module per group of commands.

Exit codes: 0 done (a shortfall is a result), 2 invalid input (one line per problem,
``severity: table, row, column, message``, no traceback), 1 anything else.
To add a command, write a module here with ``register(subparsers)`` and list it in
:data:`COMMAND_MODULES`.
"""

from __future__ import annotations

import argparse
import contextvars
import signal
import sys
import threading
from collections.abc import Sequence

from foodchain.cli import analysis, brief, flood, solve, users
from foodchain.cli import store as store_commands
from foodchain.cli.args import EXIT_ERROR, EXIT_INVALID, OneLineParser
from foodchain.cli.parser_text import lang_option
from foodchain.errors import FoodchainError, InvalidInput
from foodchain.messages import LANGUAGES, msg, set_language

COMMAND_MODULES = (solve, flood, analysis, store_commands, users, brief)


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="foodchain", description="Food supply of a megacity under disruption.")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    for command in _leaves(sub):  # --lang on every command (brief keeps its own default)
        if "--lang" not in command._option_string_actions:
            command.add_argument(
                "--lang",
                choices=LANGUAGES,
                default=None,
                help="language of messages (default $FOODCHAIN_LANG, else en)",
            )
    return parser


def _leaves(sub: argparse._SubParsersAction) -> list[argparse.ArgumentParser]:
    """The parsers that run a command: ``store import`` rather than ``store``."""
    leaves = []
    for command in sub.choices.values():
        nested = [a for a in command._actions if isinstance(a, argparse._SubParsersAction)]
        leaves += _leaves(nested[0]) if nested else [command]
    return leaves


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt  # SIGTERM stops like Ctrl-C: solver processes are stopped, nothing half-written


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its language (``--lang``, else ``$FOODCHAIN_LANG``) holds only while it runs."""
    argv = sys.argv[1:] if argv is None else list(argv)
    return contextvars.copy_context().run(_run, argv)


def _run(argv: list[str]) -> int:
    set_language(lang_option(argv))  # argparse's own errors in the chosen language too
    args = build_parser().parse_args(argv)
    set_language(args.lang)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)
    try:
        return args.func(args)
    except InvalidInput as exc:
        for p in exc.problems:
            print(p.as_line(), file=sys.stderr)
        return EXIT_INVALID
    except FoodchainError as exc:
        print(f"{msg('common.error')}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print(msg("common.interrupted"), file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
