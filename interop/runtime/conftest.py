"""Fixtures for the runtime parity tests (``skiff predict`` against scikit-learn).

* ``rt_skiff``: runs ``skiff`` command lines. Normally a :class:`batch.BatchSkiff` -- one or two long-lived
  JVMs that run every ``skiff predict`` of the session, so JVM start-up is paid once instead of per call;
  when only a ``SKIFF_CLI`` launcher is known (see ``batch.py``), the one-process-per-call ``skiff`` runner.
* ``rt_zoo``: the cases of ``zoo.CASES`` the selected tests use, each fitted, dumped with skops and written
  out (model, input CSV, expected outputs) once per session. As soon as a case is written, its
  ``skiff predict`` calls (one per method) are queued, so the JVM predicts while Python fits the next cases.
* ``SKIFF_PARITY_REPORT=path.json``: at the end of the session, every compared model x method (of this suite
  and of the old-scikit-learn suite) with its status and largest deviation is written there;
  ``parity_table.py`` turns it into the table of ``docs/runtime.md``.
"""
from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import batch  # noqa: E402
import zoo  # noqa: E402
from parity_runner import RECORDS, CaseRunner  # noqa: E402

class RuntimeZoo(CaseRunner):
    """Exports the selected cases on first use (queuing each one's CLI calls right away)."""

    def __init__(self, skiff, out_dir: Path, cases: list[zoo.Case]):
        super().__init__(skiff, out_dir, "main")
        self.cases = {c.name: c for c in cases}
        self.entries: dict[str, dict] = {}
        self._lock = threading.Lock()
        self._started = False

    def _export_all(self) -> None:
        from threadpoolctl import threadpool_limits

        with threadpool_limits(1):  # tiny models: BLAS threads only fight the JVM for the cores
            for name, case in self.cases.items():
                try:
                    entry = zoo.export(case, self.out_dir)
                except Exception as e:  # reported by the tests of this case
                    entry = {"name": name, "error": f"{type(e).__name__}: {e}"}
                self.entries[name] = entry
                if "error" not in entry:
                    self.submit(entry, json_sources=True)

    def entry(self, name: str) -> dict:
        with self._lock:
            if not self._started:
                self._started = True
                self._export_all()
        e = self.entries[name]
        if "error" in e:
            pytest.fail(f"{name}: fitting/dumping/writing the case failed in Python: {e['error']}", pytrace=False)
        return e


def _selected_cases(config) -> list[zoo.Case]:
    names = getattr(config, "_skiff_rt_selected", None)
    if names is None:
        return list(zoo.CASES)
    by_name = {c.name: c for c in zoo.CASES}
    return [by_name[n] for n in names]


@pytest.fixture(scope="session")
def rt_skiff(request):
    """The runner for ``skiff`` command lines of the runtime suites (see the module docstring)."""
    cp = batch.class_path()
    if cp is None or os.environ.get("SKIFF_RT_JVMS") == "0":
        yield request.getfixturevalue("skiff")  # a launcher only: one process per call
        return
    if not os.environ.get("SKIFF_CLASSPATH"):
        request.getfixturevalue("skiff")  # ./skiff --version: builds skiff-cli/target when it is stale
    runner = batch.BatchSkiff(batch.java_home(), cp, batch.default_jvms())
    r = runner.call_now("--version")
    if r.returncode != 0:
        runner.close()
        pytest.fail(f"the batch JVM does not run the skiff CLI:\n{r.describe()}", pytrace=False)
    yield runner
    runner.close()


@pytest.fixture(scope="session")
def rt_zoo(rt_skiff, tmp_path_factory, request):
    yield RuntimeZoo(rt_skiff, tmp_path_factory.mktemp("runtime-zoo"), _selected_cases(request.config))


def pytest_sessionfinish(session, exitstatus):
    report = os.environ.get("SKIFF_PARITY_REPORT")
    if report and any(RECORDS.values()):
        Path(report).write_text(json.dumps(RECORDS, indent=1, sort_keys=True))


def pytest_collection_modifyitems(session, config, items):
    """Remembers which parity cases the selected tests use, so only those are fitted and run."""
    selected = []
    for item in items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "rt_case" in callspec.params:
            if callspec.params["rt_case"] not in selected:
                selected.append(callspec.params["rt_case"])
    config._skiff_rt_selected = selected
