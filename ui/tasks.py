"""Background work for the window: a core call runs on a worker thread, reports
progress, can be cancelled, and brings its result or its error back to the UI thread.

Database writes (capture, reorder, scheme edits, hot-folder drops) go through one
serial pool, so they never wait on each other's locks; reads (rows, pages, search)
use a small parallel pool. The core never sees Qt: it gets a progress callback and
a CancelToken.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import Shiboken

from archivist.errors import ArchivistError
from archivist.ocr.queue import CancelToken

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


@dataclass
class TaskContext:
    """What a running task gets: a progress callback and a cancel token."""

    progress: Progress
    cancel: CancelToken = field(default_factory=CancelToken)


class _Signals(QObject):
    progress = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object, str)


class _Relay(QObject):
    """Lives on the UI thread: signals from the worker arrive here queued, so the
    callbacks run on the UI thread."""

    def __init__(
        self,
        runner: TaskRunner,
        handle: TaskHandle,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException, str], None] | None,
        on_progress: Progress | None,
    ) -> None:
        super().__init__(runner)
        self.runner = runner
        self.handle = handle
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = on_progress

    @Slot(int, int, str)
    def progress(self, done: int, total: int, what: str) -> None:
        self.handle.done, self.handle.total, self.handle.what = done, total, what
        if self.on_progress:
            self.on_progress(done, total, what)
        self.runner.changed.emit()

    @Slot(object)
    def finished(self, result: object) -> None:
        self.runner.finish(self.handle)
        try:
            if self.on_done:
                self.on_done(result)
        finally:
            self.deleteLater()

    @Slot(object, str)
    def error(self, exc: object, details: str) -> None:
        self.runner.finish(self.handle)
        if isinstance(exc, ArchivistError):
            log.info("task %s refused: %s", self.handle.name, exc.code)
        else:
            log.error("task %s failed: %s\n%s", self.handle.name, exc, details)
        try:
            if self.on_error and isinstance(exc, BaseException):
                self.on_error(exc, details)
            elif isinstance(exc, BaseException):
                self.runner.unhandled.emit(exc, details)
        finally:
            self.deleteLater()


@dataclass
class TaskHandle:
    id: int
    name: str
    cancel: CancelToken
    done: int = 0
    total: int = 0
    what: str = ""


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskContext], Any], signals: _Signals, token: CancelToken):
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.token = token
        self.setAutoDelete(True)

    def run(self) -> None:
        context = TaskContext(progress=self.signals.progress.emit, cancel=self.token)
        try:
            result = self.fn(context)
        except BaseException as exc:  # brought back to the UI thread, shown there
            self.signals.failed.emit(exc, "".join(traceback.format_exception(exc)))
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs core calls off the UI thread; `active` lists what runs now."""

    changed = Signal()
    unhandled = Signal(object, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writes = QThreadPool(self)
        self.writes.setMaxThreadCount(1)
        self.reads = QThreadPool(self)
        self.reads.setMaxThreadCount(2)
        self.long = QThreadPool(self)  # long runs that must not hold up writes (OCR)
        self.long.setMaxThreadCount(2)
        self.active: dict[int, TaskHandle] = {}
        self._ids = itertools.count(1)
        self._keep: dict[int, tuple[_Signals, _Relay]] = {}
        self._spent: list[_Signals] = []  # finished tasks' signals, deleted on this thread

    def submit(
        self,
        name: str,
        fn: Callable[[TaskContext], Any],
        *,
        write: bool = False,
        long: bool = False,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        on_progress: Progress | None = None,
        quiet: bool = False,
    ) -> TaskHandle:
        """Run `fn(context)` on a worker thread. Writes run one at a time, in order."""
        token = CancelToken()
        handle = TaskHandle(next(self._ids), name, token)
        signals = _Signals()
        relay = _Relay(self, handle, on_done, on_error, on_progress)
        signals.progress.connect(relay.progress)
        signals.done.connect(relay.finished)
        signals.failed.connect(relay.error)
        self._keep[handle.id] = (signals, relay)
        if not quiet:
            self.active[handle.id] = handle
            self.changed.emit()
        pool = self.long if long else self.writes if write else self.reads
        pool.start(_Job(fn, signals, token))
        return handle

    def finish(self, handle: TaskHandle) -> None:
        kept = self._keep.pop(handle.id, None)
        if kept is not None:
            # The worker may still hold a reference to the task's signals. Were the last
            # reference dropped there, the object would be torn down on the worker thread
            # while this thread deletes the relay connected to it, and PySide crashes
            # (seen as a segfault under many quick tasks). So it is deleted here, on its
            # own thread, and its wrapper kept until it is gone.
            self._spent = [s for s in self._spent if Shiboken.isValid(s)]
            self._spent.append(kept[0])
            kept[0].deleteLater()
        if self.active.pop(handle.id, None) is not None:
            self.changed.emit()

    def busy(self) -> bool:
        return bool(self._keep)

    def cancel_all(self) -> None:
        for handle in self.active.values():
            handle.cancel.cancel()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the pools are idle (used when closing and in tests)."""
        return all(p.waitForDone(msecs) for p in (self.writes, self.reads, self.long))


class LatestRead:
    """A read whose newest request wins: when the person has already chosen something
    else, the older request's result (or error) is dropped, never shown. The views use
    it for the detail of the row chosen in their table."""

    def __init__(
        self, runner: TaskRunner, show_error: Callable[[BaseException, str], None]
    ) -> None:
        self.runner = runner
        self.show_error = show_error
        self.generation = 0

    def drop(self) -> None:
        """Nothing is to be shown any more: forget what is still being read."""
        self.generation += 1

    def read(
        self, name: str, work: Callable[[TaskContext], Any], show: Callable[[Any], None]
    ) -> None:
        self.drop()
        generation = self.generation

        def done(result: Any) -> None:
            if generation == self.generation:
                show(result)

        def failed(exc: BaseException, details: str) -> None:
            if generation == self.generation:
                self.show_error(exc, details)

        self.runner.submit(name, work, on_done=done, on_error=failed, quiet=True)
