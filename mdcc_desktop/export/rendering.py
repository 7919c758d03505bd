"""Filling in a Word template in a separate process, which can really be stopped.

A template may loop inside a loop over 100,000 actions, or loop over nothing for ever: Jinja
cannot be interrupted from outside the thread running it, and a thread cannot be killed. So the
app fills templates in a child process (``python -m mdcc_desktop.export.rendering``): it gets
the template's path and the context (pickled, on its stdin: nothing is written to a temporary
file), checks and renders with the limits of ``template_checks`` (bounded ``range()``, output
size, unknown fields), stops itself after the time limit (SIGALRM, where there is one) under a
memory limit (RLIMIT_AS, where there is one), and writes the .docx to its stdout. The parent
kills it when the time limit has passed all the same, or when the user cancels, and never
unpickles anything the child sends: errors come back as message ids and parameters (JSON).

Starting Python with python-docx and docxtpl costs about a quarter of a second, nothing beside
the rendering itself. While a render runs, :func:`watching` lets the GUI show progress and keep
its window responsive (``ui/minutes/dialogs.RenderProgress``).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import json
import os
import pickle
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from mdcc_desktop.domain.messages import Message, msg
from mdcc_desktop.export.template_checks import BrokenTemplateError

# 100,000 actions take about 20 s on a slow machine; MDCC_RENDER_SECONDS sets another limit.
ENV_SECONDS = "MDCC_RENDER_SECONDS"
RENDER_SECONDS = 120.0
RENDER_MEMORY = 4 * 2**30
_GRACE = 5.0  # the child stops itself at the limit; the parent kills it this much later
WORKER_FLAG = "--mdcc-render-worker"  # how a frozen build runs the child (see worker_command)
EXIT_TEMPLATE = 3
EXIT_BUG = 4

# Every stage the child reports, in order (the progress a caller can show).
STAGES = ("starting", "checking", "filling", "saving")

Progress = Callable[[str, float], bool]  # (stage, seconds so far) -> go on?
_watcher: contextvars.ContextVar[Progress | None] = contextvars.ContextVar(
    "render_progress", default=None
)


class RenderCrashError(RuntimeError):
    """The child failed in a way no template explains: a bug, logged as one."""


@contextlib.contextmanager
def watching(progress: Progress) -> Iterator[None]:
    """Within the block, every render calls ``progress(stage, seconds)`` about ten times a
    second (on the calling thread); returning False cancels the render."""
    token = _watcher.set(progress)
    try:
        yield
    finally:
        _watcher.reset(token)


def worker_command() -> list[str]:
    """The command line of the child process (a frozen build runs itself with WORKER_FLAG)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "mdcc_desktop.export.rendering"]


def _error(template: Path, report: bytes, code: int) -> Exception:
    try:
        data = json.loads(report.decode("utf-8").strip().splitlines()[-1])
        messages = [
            Message(m["id"], m["params"]) if m["id"].startswith("template_") else str(m)
            for m in data["messages"]
        ]
        return BrokenTemplateError(messages)
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        if code < 0 or code in (137, 9):  # killed: most likely the memory limit
            return BrokenTemplateError(msg("template_crashed", template=template.name, code=code))
        return RenderCrashError(f"the template process ended with code {code}")


def render_isolated(
    template: Path,
    context: dict[str, Any],
    kind: str | None,
    *,
    now: dt.datetime | None = None,
    seconds: float | None = None,
    memory: int = RENDER_MEMORY,
    **options: Any,
) -> bytes:
    """``export.minutes.render(template, context, kind=kind, now=now, **options)`` in a child
    process stopped after ``seconds`` (default: $MDCC_RENDER_SECONDS, else RENDER_SECONDS) or
    when the :func:`watching` callback says so."""
    if seconds is None:
        try:
            seconds = float(os.environ.get(ENV_SECONDS, "") or RENDER_SECONDS)
        except ValueError:
            seconds = RENDER_SECONDS
    job = pickle.dumps(
        {
            "template": str(template),
            "context": context,
            "options": {**options, "kind": kind, "now": now},
            "seconds": seconds,
            "memory": memory,
        },
        protocol=pickle.HIGHEST_PROTOCOL,
    )
    progress = _watcher.get()
    child = subprocess.Popen(
        worker_command(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out: list[bytes] = []
    err: list[bytes] = []
    stage = ["starting"]

    def feed() -> None:
        assert child.stdin is not None
        with contextlib.suppress(OSError):  # the child died first: its exit code says why
            child.stdin.write(job)
            child.stdin.close()

    def collect() -> None:
        assert child.stdout is not None
        out.append(child.stdout.read())

    def listen() -> None:
        assert child.stderr is not None
        for line in child.stderr:
            if line.startswith(b"stage "):
                stage[0] = line[6:].decode("ascii", "replace").strip()
            else:
                err.append(line)

    threads = [threading.Thread(target=f, daemon=True) for f in (feed, collect, listen)]
    for t in threads:
        t.start()
    start = time.monotonic()
    try:
        while True:
            try:
                child.wait(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                pass
            elapsed = time.monotonic() - start
            if elapsed > seconds + _GRACE:
                raise BrokenTemplateError(
                    msg("template_too_slow", template=template.name, seconds=round(seconds))
                )
            if progress is not None and not progress(stage[0], elapsed):
                raise BrokenTemplateError(msg("template_cancelled", template=template.name))
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for t in threads:
            t.join(timeout=5)
    if child.returncode == 0 and out and out[0]:
        return out[0]
    raise _error(template, b"".join(err), child.returncode)


# --- the child ---------------------------------------------------------------------------------


class _Timeout(BaseException):  # through every except Exception on the way up
    pass


def _limit(seconds: float, memory: int) -> None:
    try:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = memory if hard == resource.RLIM_INFINITY else min(memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):  # Windows: the parent's time limit only
        pass
    try:
        import signal

        def stop(_signum: int, _frame: object) -> None:
            raise _Timeout

        signal.signal(signal.SIGALRM, stop)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    except (ImportError, AttributeError, ValueError):
        pass


def _say(line: str) -> None:
    sys.stderr.buffer.write(line.encode("utf-8") + b"\n")
    sys.stderr.buffer.flush()


def worker_main() -> int:
    """Read a job on stdin, write the .docx on stdout; errors as JSON on stderr."""
    job = pickle.loads(sys.stdin.buffer.read())  # from the parent, which wrote it
    template = Path(job["template"])
    _limit(job["seconds"], job["memory"])
    _say("stage checking")
    from mdcc_desktop.export import minutes

    try:
        _say("stage filling")
        data = minutes.render(template, job["context"], **job["options"])
    except BrokenTemplateError as exc:
        report = [
            {"id": m.id, "params": {k: str(v) for k, v in m.params.items()}}
            if isinstance(m, Message)
            else {"id": "template_failed", "params": {"template": template.name, "error": m}}
            for m in exc.messages
        ]
        _say(json.dumps({"messages": report}))
        return EXIT_TEMPLATE
    except (_Timeout, MemoryError) as exc:
        seconds = str(round(job["seconds"]))
        message = (
            {"id": "template_too_slow", "params": {"template": template.name, "seconds": seconds}}
            if isinstance(exc, _Timeout)
            else {
                "id": "template_too_big",
                "params": {"template": template.name, "error": "out of memory"},
            }
        )
        _say(json.dumps({"messages": [message]}))
        return EXIT_TEMPLATE
    with contextlib.suppress(ImportError, AttributeError, ValueError):
        import signal

        signal.setitimer(signal.ITIMER_REAL, 0)
    _say("stage saving")
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(worker_main())
