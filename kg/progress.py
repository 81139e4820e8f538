"""Progress of a long command on stderr: a tqdm bar on a terminal, a plain line every few seconds
in a log (a pipe or a file), so a build of thousands of articles is never silent until its end.

    progress = Progress("build", "articles")
    for article in articles:
        ...
        progress.advance(facts=facts_so_far, rejected=rejected_so_far)
    progress.close()

Counts given to `advance` are running totals, shown as they are. A command that learns how many
items it has only once it has begun (an export that has counted the store's graphs) says so with
`expect`; `counted` advances by the items of an iterable as they pass.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import IO, Callable, Iterable, Iterator, TypeVar

from tqdm import tqdm

LOG_EVERY_S = 5.0

Item = TypeVar("Item")


class Progress:
    """Counts the items a command has done, with running totals beside them."""

    def __init__(
        self,
        command: str,
        unit: str,
        *,
        total: int | None = None,
        stream: IO[str] | None = None,
        every_s: float = LOG_EVERY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.command = command
        self.unit = unit
        self.total = total
        self.done = 0
        self.counts: dict[str, int] = {}
        self._stream = stream or sys.stderr
        self._every_s = every_s
        self._clock = clock
        self._started = self._last_line = clock()
        self._bar = (
            tqdm(total=total, unit=f" {unit}", desc=f"kg {command}", file=self._stream, dynamic_ncols=True, leave=False)
            if self._stream.isatty()
            else None
        )

    def advance(self, steps: int = 1, **counts: int) -> None:
        """`steps` more items done; `counts` are the running totals to show (facts, rejected ...)."""
        self.done += steps
        self.counts.update(counts)
        if self._bar is not None:
            self._bar.update(steps)
            if counts:
                self._bar.set_postfix(self.counts, refresh=False)
            return
        now = self._clock()
        if now - self._last_line >= self._every_s:
            self._last_line = now
            self._stream.write(self.line() + "\n")
            self._stream.flush()

    def expect(self, total: int) -> None:
        """The command now knows it has `total` items in all."""
        self.total = total
        if self._bar is not None:
            self._bar.total = total
            self._bar.refresh()

    def counted(self, items: Iterable[Item], *, every: int = 10_000) -> Iterator[Item]:
        """`items`, advancing by `every` as they pass (and by the rest at their end), so a stream of
        a million quads costs a hundred calls, not a million."""
        pending = 0
        for item in items:
            yield item
            pending += 1
            if pending == every:
                self.advance(pending)
                pending = 0
        if pending:
            self.advance(pending)

    def line(self) -> str:
        """One line saying how far the command is: `kg build: 120 articles (42.0/s), facts 830, rejected 3`."""
        elapsed = max(self._clock() - self._started, 1e-9)
        done = f"{self.done}/{self.total}" if self.total is not None else str(self.done)
        counts = "".join(f", {name} {value}" for name, value in self.counts.items())
        return f"kg {self.command}: {done} {self.unit} ({self.done / elapsed:.1f}/s){counts}"

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()  # the bar is taken down even when the command fails, before its message

    def close(self) -> None:
        if self._bar is not None:
            self._bar.refresh()  # the last state, even when the final steps came faster than a redraw
            self._bar.close()
