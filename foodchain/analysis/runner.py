"""Running many solves: in this process, on a local process pool or on a Dask cluster.

:func:`map_tasks` calls ``fn(*args)`` for each argument tuple and yields
``(index, result)`` as tasks finish, on one of three executors chosen by the caller:

* ``workers=1`` and no scheduler: in this process, one task after another;
* ``workers=N > 1``: a :class:`concurrent.futures.ProcessPoolExecutor` of N processes, which
  receive ``shared`` once (the pool's initializer) and then only each task's own arguments;
* ``scheduler="tcp://host:8786"``: an existing Dask cluster (``Client.map`` and
  ``as_completed``); ``shared`` arguments are scattered to every worker once.

The same function runs on every executor, so results do not depend on where they ran.
``progress(done, total)`` is called after each task; ``cancel`` (a callable returning
true, or a :class:`threading.Event`) is checked between tasks, and pending tasks are
dropped when it fires (:class:`Cancelled` is raised). Outputs are written with
:func:`write_atomic` so a cancelled or crashed run never leaves half a file behind.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path

import pandas as pd

from foodchain.errors import Cancelled, FoodchainError

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool] | threading.Event


def is_cancelled(cancel: Cancel | None) -> bool:
    """Whether ``cancel`` (an Event, a callable or ``None``) has fired."""
    if cancel is None:
        return False
    return cancel.is_set() if isinstance(cancel, threading.Event) else bool(cancel())


def check_cancel(cancel: Cancel | None) -> None:
    """Raise :class:`Cancelled` if ``cancel`` has fired."""
    if is_cancelled(cancel):
        raise Cancelled("cancelled before all solves finished; no results were written")


def map_tasks(
    fn: Callable,
    shared: tuple,
    args: Sequence[tuple],
    workers: int = 1,
    scheduler: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Iterator[tuple[int, object]]:
    """Yield ``(i, fn(*shared, *args[i]))`` as tasks finish (see the module docstring).

    Parameters
    ----------
    fn : callable
        The task; a module-level function, so that it pickles.
    shared : tuple
        Arguments every task takes first.
    args : sequence of tuple
        Each task's own arguments.
    workers : int, default 1
        Processes; 1 runs the tasks in this process, in order.
    scheduler : str, optional
        A Dask scheduler address, instead of the process pool.
    progress : callable, optional
        Called as ``progress(done, total)``.
    cancel : callable, optional
        Returns True to stop.

    Yields
    ------
    tuple of (int, object)
        The task's index in ``args`` and its result.

    Raises
    ------
    Cancelled
        When ``cancel`` fires.
    """
    total = len(args)
    if scheduler:
        yield from _map_dask(fn, shared, args, scheduler, progress, cancel)
    elif workers > 1:
        yield from _map_pool(fn, shared, args, workers, progress, cancel)
    else:
        for i, a in enumerate(args):
            check_cancel(cancel)
            yield i, fn(*shared, *a)
            if progress:
                progress(i + 1, total)


_WORKER: dict[str, object] = {}  # in each pool process: the task function and the shared arguments


def _set_worker(fn: Callable, shared: tuple) -> None:
    """Pool initializer: keep ``fn`` and ``shared`` in this process, sent once rather than with every task."""
    _WORKER["fn"], _WORKER["shared"] = fn, shared


def _call_worker(*a):
    return _WORKER["fn"](*_WORKER["shared"], *a)


def _map_pool(fn, shared, args, workers, progress, cancel) -> Iterator[tuple[int, object]]:
    total, done = len(args), 0
    with ProcessPoolExecutor(max_workers=workers, initializer=_set_worker, initargs=(fn, shared)) as pool:
        pending = {pool.submit(_call_worker, *a): i for i, a in enumerate(args)}
        try:
            while pending:
                finished, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                check_cancel(cancel)
                for future in finished:
                    i = pending.pop(future)
                    done += 1
                    yield i, future.result()
                    if progress:
                        progress(done, total)
        finally:
            for future in pending:
                future.cancel()


def _map_dask(fn, shared, args, scheduler, progress, cancel) -> Iterator[tuple[int, object]]:
    try:
        from distributed import Client, as_completed
    except ImportError:  # pragma: no cover - depends on the installation
        raise FoodchainError("--scheduler needs dask.distributed: pip install 'foodchain[cluster]'") from None
    total, done = len(args), 0
    with Client(scheduler) as client:
        # one future per shared argument: scatter([s]) keeps a list, tuple or dict argument whole
        scattered = [client.scatter([s], broadcast=True)[0] for s in shared]
        columns = [list(c) for c in zip(*args)] if args else []
        futures = client.map(fn, *[[s] * total for s in scattered], *columns, pure=False)
        index = {f.key: i for i, f in enumerate(futures)}
        try:
            for future in as_completed(futures):
                check_cancel(cancel)
                done += 1
                yield index[future.key], future.result()
                if progress:
                    progress(done, total)
        finally:
            client.cancel([f for f in futures if not f.done()])


def tqdm_progress(description: str) -> tuple[Progress, Callable[[], None]]:
    """A ``progress(done, total)`` callback drawing a tqdm bar on stderr, and a function closing it."""
    from tqdm import tqdm

    state: dict[str, object] = {}

    def progress(done: int, total: int) -> None:
        bar = state.get("bar")
        if bar is None:
            bar = state["bar"] = tqdm(total=total, desc=description, file=sys.stderr, unit="solve")
        bar.update(done - bar.n)

    def close() -> None:
        if state.get("bar") is not None:
            state["bar"].close()

    return progress, close


def write_atomic(path: str | Path, write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp)`` on a temporary file next to ``path``, then move it into place (``os.replace``).

    Parameters
    ----------
    path : str or Path
        The file; its folder is created.
    write : callable
        Writes the content to the path it is given.

    Returns
    -------
    Path
        ``path``; on an error the temporary file is removed and ``path`` is unchanged.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def write_csv(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` as CSV atomically.

    Parameters
    ----------
    frame : pandas.DataFrame
        Written without its index.
    path : str or Path
        The file; its folder is created.

    Returns
    -------
    Path
    """
    return write_atomic(path, lambda tmp: frame.to_csv(tmp, index=False))


def write_json(doc: object, path: str | Path) -> Path:
    """Write ``doc`` as indented UTF-8 JSON atomically.

    Parameters
    ----------
    doc : object
        JSON-able; other numbers are written as floats.
    path : str or Path
        The file; its folder is created.

    Returns
    -------
    Path
    """
    text = json.dumps(doc, indent=1, ensure_ascii=False, default=float)
    return write_atomic(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
