"""Runs ``skiff predict`` on exported parity cases and compares with scikit-learn (shared by the runtime
parity suites; imported by name, so ``RECORDS`` is one dict per session whichever conftest is loaded)."""
from __future__ import annotations

from pathlib import Path

import pytest

import zoo

#: every compared model x method of the session, by suite ("main", "old", "main-json", ...), for
#: SKIFF_PARITY_REPORT
RECORDS: dict[str, dict[str, dict]] = {}
#: the JSON inputs each case is also run on (first method only): typed records, and every value a string
JSON_SOURCES = ("json", "json-strings")


class CaseRunner:
    """Runs ``skiff predict`` for exported cases (manifest entries of ``zoo.export``) and compares."""

    def __init__(self, skiff, out_dir: Path, suite: str):
        self.skiff = skiff
        self.out_dir = out_dir
        self.suite = suite

    def output_path(self, entry: dict, method: str, source: str = "csv") -> Path:
        kind = "" if source == "csv" else f".{source}"
        return self.out_dir / f"{Path(entry['model']).stem}.{method}{kind}.out.csv"

    def args(self, entry: dict, method: str, source: str = "csv") -> tuple[str, ...]:
        data = entry["input"] if source == "csv" else entry["inputs"][source]
        a = ["predict", str(self.out_dir / entry["model"]), "--input", str(self.out_dir / data),
             "--method", method, "--output", str(self.output_path(entry, method, source))]
        for t in entry["trust"]:
            a += ["--trust", t]
        return tuple(a)

    def submit(self, entry: dict, json_sources: bool = False) -> None:
        """Queues the entry's ``skiff predict`` calls: one per declared method on the CSV; with
        ``json_sources`` also the first method on each JSON input."""
        for m in entry["declared_methods"]:
            self.skiff.prefetch(*self.args(entry, m))
        if json_sources:
            for source in JSON_SOURCES:
                self.skiff.prefetch(*self.args(entry, entry["declared_methods"][0], source))

    def check(self, entry: dict, method: str, source: str = "csv", xfail: str | None = None) -> None:
        """Skiff's output for one method must be scikit-learn's, within the entry's tolerance (``xfail``: the
        known reason it does not, recorded for the report)."""
        r = self.skiff.cached(*self.args(entry, method, source), expect=(0, 1, 2, 3, 98, 99))
        record = {"estimator": entry["estimator"], "data": entry["data"], "method": method, "tol": entry["tol"],
                  "rows": entry["rows"], "edge_rows": entry["edge_rows"], "source": source}
        if xfail:
            record["xfail"] = xfail
        suite = self.suite if source == "csv" else f"{self.suite}-{source}"
        RECORDS.setdefault(suite, {})[f"{entry['name']}-{method}"] = record
        if r.returncode != 0:
            record.update(status="error", message=(r.stderr.strip().splitlines() or [""])[-1])
            pytest.fail(f"skiff predict failed for {entry['name']} {method}:\n{r.describe()}", pytrace=False)
        got = zoo.read_csv_rows(self.output_path(entry, method, source))
        cmp = zoo.compare(entry["expected"][method], got, entry["tol"])
        record.update(status="pass" if cmp.ok else "fail", max_abs=cmp.max_abs, max_rel=cmp.max_rel,
                      message="; ".join(cmp.problems)[:500])
        assert cmp.ok, (f"{entry['name']} {method} ({entry['rows']} rows, {entry['edge_rows']} on tree "
                        f"thresholds, tolerance {entry['tol']}): " + "\n".join(cmp.problems))
