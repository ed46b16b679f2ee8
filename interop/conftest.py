"""Shared fixtures for the interop tests: the dumped model zoo and the ``./skiff`` CLI.

* ``zoo`` / ``zoo_files``: every model of ``models.py`` fitted once and dumped once with
  ``skops.io.dump`` into a session temp dir.
* ``skiff``: a :class:`Skiff` runner for the CLI (``$SKIFF_CLI`` or ``<repo>/skiff``), built once
  up front. Its :meth:`Skiff.run` calls the CLI and checks the exit code; :meth:`Skiff.cached`
  does the same through a small thread pool that is filled, at the start of the session, with the
  CLI calls the selected zoo tests will make -- so the JVM start-ups (~1 s each, several per model)
  overlap with each other and with the Python side instead of running one after another.
"""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(HERE) not in sys.path:  # models.py and helpers_mod.py must be importable by skops on load
    sys.path.insert(0, str(HERE))
# one BLAS/OpenMP thread: the zoo is tiny, and oversubscribed threads make fitting *slower*
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import pytest  # noqa: E402

#: CLI calls that failed for reasons of the build, not of the file (rebuilt jar mid-run, ...)
_INFRA_MARKERS = ("skiff: building", "skiff: build failed", "Could not find or load main class",
                  "NoClassDefFoundError", "ClassNotFoundException", "Invalid or corrupt jarfile",
                  "java.util.zip.ZipException")


@dataclass(frozen=True)
class CliResult:
    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str

    def describe(self) -> str:
        return (f"skiff {' '.join(self.args)} -> exit {self.returncode}\n"
                f"--- stdout (first 2000 chars) ---\n{self.stdout[:2000]}\n"
                f"--- stderr ---\n{self.stderr[-3000:]}")


class Skiff:
    """Runs the ``skiff`` CLI in subprocesses."""

    def __init__(self, exe: Path, workers: int) -> None:
        self.exe = exe
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="skiff")
        self._futures: dict[tuple[str, ...], Future] = {}
        self._lock = threading.Lock()
        self._serial = threading.Lock()
        env = dict(os.environ)
        # quicker JVM start-up for many short runs; no effect on what the CLI computes
        env.setdefault("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
        self._env = env

    def _call(self, args: tuple[str, ...], timeout: float) -> CliResult:
        p = subprocess.run([str(self.exe), *args], capture_output=True, text=True, timeout=timeout,
                           env=self._env, cwd=ROOT)
        return CliResult(args, p.returncode, p.stdout, p.stderr)

    def call(self, *args: str, timeout: float = 600) -> CliResult:
        """Runs the CLI once (retrying, one at a time, if the jar was being rebuilt meanwhile)."""
        args = tuple(str(a) for a in args)
        r = self._call(args, timeout)
        for _ in range(2):
            if r.returncode in (0, 2, 3) or not any(m in r.stderr for m in _INFRA_MARKERS):
                break
            with self._serial:  # someone edited the sources: let one call rebuild, then retry
                time.sleep(1)
                r = self._call(args, timeout)
        return r

    def run(self, *args: str, expect: int | tuple[int, ...] = 0) -> CliResult:
        """Runs the CLI and asserts its exit code."""
        return _check(self.call(*args), expect)

    def prefetch(self, *args: str) -> None:
        """Starts ``skiff args`` in the background (once); :meth:`cached` collects it."""
        args = tuple(str(a) for a in args)
        with self._lock:
            if args not in self._futures:
                self._futures[args] = self._pool.submit(self.call, *args)

    def cached(self, *args: str, expect: int | tuple[int, ...] = 0) -> CliResult:
        """Like :meth:`run`, but shares the result of a (pre)fetched identical call."""
        self.prefetch(*args)
        return _check(self._futures[tuple(str(a) for a in args)].result(), expect)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _check(r: CliResult, expect) -> CliResult:
    expected = (expect,) if isinstance(expect, int) else tuple(expect)
    assert r.returncode in expected, f"expected exit {expected}, got:\n{r.describe()}"
    return r


# --------------------------------------------------------------------------------------------
# fixtures
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def skiff_path() -> Path:
    """The ``skiff`` executable: ``$SKIFF_CLI`` if set, else ``<repo>/skiff`` (which builds itself)."""
    return Path(os.environ.get("SKIFF_CLI", ROOT / "skiff")).resolve()


@pytest.fixture(scope="session")
def skiff(skiff_path) -> Skiff:
    runner = Skiff(skiff_path, workers=max(2, min(4, os.cpu_count() or 2)))
    r = runner.call("--version", timeout=1800)  # builds the CLI first if it is stale
    if r.returncode != 0:
        runner.close()
        pytest.fail(f"the skiff CLI does not run:\n{r.describe()}", pytrace=False)
    yield runner
    runner.close()


@pytest.fixture(scope="session")
def zoo():
    """``{name: ZooModel}``, every zoo model fitted once."""
    import models
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        return models.build_all()


@pytest.fixture(scope="session")
def zoo_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("zoo")


@pytest.fixture(scope="session")
def zoo_files(zoo, zoo_dir) -> dict[str, Path]:
    """``{name: path}``: every zoo model dumped once with ``skops.io.dump`` (stored, like skops' default)."""
    import skops.io as sio

    files = {}
    for name, zm in zoo.items():
        path = zoo_dir / f"{name}.skops"
        sio.dump(zm.obj, path)
        files[name] = path
    return files


def pytest_collection_modifyitems(session, config, items):
    """Remembers which zoo tests were selected (``{test function: [zoo names]}``, in run order), so
    only their CLI calls are prefetched."""
    selected: dict[str, list[str]] = {}
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "zoo_name" in callspec.params:
            selected.setdefault(item.originalname, []).append(callspec.params["zoo_name"])
    config._skiff_zoo_selected = selected
