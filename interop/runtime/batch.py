"""Many ``skiff`` command lines through few JVMs.

The parity suites call ``skiff predict`` several hundred times. Started one process at a time, JVM start-up
(about a second, on a machine with two cores) would dominate the run, so :class:`BatchSkiff` keeps one or
two long-lived JVMs running ``BatchCli.java`` (next to this file), which passes each command line to
``dev.skiff.cli.SkiffCli.execute`` -- the code the ``skiff`` launcher's ``main`` runs before ``System.exit``
-- and reports its exit code, stdout and stderr. The interface is the one of the ``skiff`` runner of
``interop/conftest.py`` (``prefetch`` / ``cached`` / ``run``), so tests do not care which one they get.

Which classes run:

* ``SKIFF_CLASSPATH``: the CLI's class path (e.g. ``skiff-cli/target-me/skiff-cli.jar:skiff-cli/target-me/lib/*``);
* else, when ``SKIFF_CLI`` is not set, ``skiff-cli/target`` -- what ``./skiff`` builds and runs (the ``skiff``
  fixture has run ``./skiff --version`` first, so the jar is current);
* else (``SKIFF_CLI`` names some other launcher) there is no class path to use: :func:`runner` falls back to
  the one-process-per-call ``skiff`` runner.

The JDK: ``SKIFF_JAVA_HOME``, else the one ``./skiff`` remembered in ``skiff-cli/target/.skiff-jdk``, else
``scripts/pick-jdk.sh``. ``SKIFF_RT_JVMS`` sets the number of JVMs (default: one per core beyond the first,
at most two; the Python side fits models at the same time).
"""
from __future__ import annotations

import os
import queue
import subprocess
import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
#: every answer line of BatchCli starts with this (anything else on its stdout is ignored)
_MARK = "@@skiff-batch\t"


@dataclass(frozen=True)
class CliResult:
    """One command line's outcome (the fields of ``interop/conftest.py``'s ``CliResult``)."""
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str

    def describe(self) -> str:
        return (f"skiff {' '.join(self.args)} -> exit {self.returncode}\n"
                f"--- stdout (first 2000 chars) ---\n{self.stdout[:2000]}\n"
                f"--- stderr ---\n{self.stderr[-3000:]}")


def check(r, expect):
    expected = (expect,) if isinstance(expect, int) else tuple(expect)
    assert r.returncode in expected, f"expected exit {expected}, got:\n{r.describe()}"
    return r


def _unescape(s: str) -> str:
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(n, n))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def java_home() -> str:
    if os.environ.get("SKIFF_JAVA_HOME"):
        return os.environ["SKIFF_JAVA_HOME"]
    cache = ROOT / "skiff-cli" / "target" / ".skiff-jdk"
    if cache.is_file():
        home = cache.read_text().splitlines()[0].strip()
        if (Path(home) / "bin" / "java").exists():
            return home
    return subprocess.run([str(ROOT / "scripts" / "pick-jdk.sh")], capture_output=True, text=True,
                          check=True).stdout.strip()


def class_path() -> str | None:
    """The CLI's class path, or None when only the ``SKIFF_CLI`` launcher is known."""
    if os.environ.get("SKIFF_CLASSPATH"):
        return os.environ["SKIFF_CLASSPATH"]
    if os.environ.get("SKIFF_CLI"):
        return None
    target = ROOT / "skiff-cli" / "target"
    return f"{target / 'skiff-cli.jar'}{os.pathsep}{target / 'lib' / '*'}"


class _Jvm:
    """One ``BatchCli`` process; :meth:`call` sends a command line and waits for its answer. C1 only: the
    calls are short, and C2's compilations would cost more CPU than they save (IEEE results are the same at
    every JIT level)."""

    def __init__(self, java: str, cp: str):
        self.cmd = [java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss4m", "-cp", cp,
                    str(HERE / "BatchCli.java")]
        self.proc: subprocess.Popen | None = None
        self._err_tail: list[str] = []

    def _start(self) -> None:
        self.proc = subprocess.Popen(self.cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, encoding="utf-8", cwd=ROOT, bufsize=1)
        self._err_tail = []
        threading.Thread(target=self._drain_stderr, args=(self.proc,), daemon=True).start()

    def _drain_stderr(self, proc) -> None:
        for line in proc.stderr:
            self._err_tail = (self._err_tail + [line])[-40:]

    def call(self, args: tuple[str, ...]):
        if any("\t" in a or "\n" in a for a in args):
            raise ValueError(f"arguments with TAB or newline cannot be batched: {args!r}")
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        try:
            self.proc.stdin.write("\t".join(args) + "\n")
            self.proc.stdin.flush()
            while True:
                line = self.proc.stdout.readline()
                if not line:
                    raise EOFError("the batch JVM exited")
                if line.startswith(_MARK):
                    break
        except (OSError, EOFError) as e:
            self.proc.wait(timeout=30)
            tail = "".join(self._err_tail)
            self.proc = None
            return CliResult(args, 98, "", f"batch JVM failed ({e}); its stderr:\n{tail}")
        code, out, err = line[len(_MARK):].rstrip("\n").split("\t", 2)
        return CliResult(args, int(code), _unescape(out), _unescape(err))

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                self.proc.stdin.write("\n")
                self.proc.stdin.close()
                self.proc.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()


class BatchSkiff:
    """``skiff`` calls answered by a few long-lived JVMs, in submission order per JVM."""

    def __init__(self, java: str, cp: str, jvms: int):
        self._jobs: queue.Queue = queue.Queue()
        self._futures: dict[tuple[str, ...], Future] = {}
        self._lock = threading.Lock()
        self._jvms = [_Jvm(str(Path(java) / "bin" / "java"), cp) for _ in range(jvms)]
        self._threads = [threading.Thread(target=self._work, args=(j,), daemon=True, name=f"skiff-batch-{i}")
                         for i, j in enumerate(self._jvms)]
        for t in self._threads:
            t.start()

    def _work(self, jvm: _Jvm) -> None:
        while True:
            item = self._jobs.get()
            if item is None:
                jvm.close()
                return
            args, fut = item
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                fut.set_result(jvm.call(args))
            except BaseException as e:  # noqa: BLE001 (reported to whoever waits for it)
                fut.set_exception(e)

    def prefetch(self, *args: str) -> None:
        args = tuple(str(a) for a in args)
        with self._lock:
            if args not in self._futures:
                fut: Future = Future()
                self._futures[args] = fut
                self._jobs.put((args, fut))

    def cached(self, *args: str, expect: int | tuple[int, ...] = 0, timeout: float = 900):
        self.prefetch(*args)
        return check(self._futures[tuple(str(a) for a in args)].result(timeout=timeout), expect)

    def run(self, *args: str, expect: int | tuple[int, ...] = 0):
        return self.cached(*args, expect=expect)

    def call_now(self, *args: str, timeout: float = 600) -> CliResult:
        """Runs one command line (not cached), waiting for it."""
        fut: Future = Future()
        self._jobs.put((tuple(str(a) for a in args), fut))
        return fut.result(timeout=timeout)

    def close(self) -> None:
        for _ in self._threads:
            self._jobs.put(None)
        for t in self._threads:
            t.join(timeout=60)


def default_jvms() -> int:
    if os.environ.get("SKIFF_RT_JVMS"):
        return max(1, int(os.environ["SKIFF_RT_JVMS"]))
    return max(1, min(2, (os.cpu_count() or 2) - 1))
