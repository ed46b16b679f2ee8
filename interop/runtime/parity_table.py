"""The parity table of ``docs/runtime.md``, from a run of the runtime parity suites.

    SKIFF_PARITY_REPORT=/tmp/parity.json .venv/bin/python -m pytest interop/runtime
    .venv/bin/python interop/runtime/parity_table.py /tmp/parity.json            # print the table
    .venv/bin/python interop/runtime/parity_table.py /tmp/parity.json --write docs/runtime.md

``--write`` replaces the text between ``<!-- parity-table:start -->`` and ``<!-- parity-table:end -->``.
A family is the outermost estimator of a case (``Pipeline(...)`` cases count as Pipeline); a check is one
model x method compared on all held-out rows.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

START, END = "<!-- parity-table:start -->", "<!-- parity-table:end -->"
METHOD_ABBR = {"predict": "p", "predict_proba": "pp", "decision_function": "df", "transform": "t",
               "score_samples": "ss"}
SUITES = {"main": "scikit-learn 1.9.1", "old": "fitted by scikit-learn 1.7.2"}


def family(estimator: str) -> str:
    return re.split(r"[\[(]", estimator, maxsplit=1)[0].strip()


def table(report: dict) -> str:
    out = []
    for suite, title in SUITES.items():
        recs = report.get(suite, {})
        if not recs:
            continue
        fams: dict[str, dict] = defaultdict(lambda: {"cases": set(), "data": set(), "methods": set(),
                                                     "pass": 0, "total": 0, "rows": 0})
        for key, r in recs.items():
            f = fams[family(r["estimator"])]
            f["cases"].add(key.rsplit("-", 1)[0] if key.endswith(r["method"]) else key)
            f["data"].add(r["data"])
            f["methods"].add(r["method"])
            f["total"] += 1
            f["pass"] += r.get("status") == "pass"
            f["rows"] += r.get("rows", 0)
        n_cases = sum(len(f["cases"]) for f in fams.values())
        n_pass = sum(f["pass"] for f in fams.values())
        n_total = sum(f["total"] for f in fams.values())
        known = sorted({f"{r['estimator']}@{r['data']} ({r['xfail']})" for r in recs.values()
                        if r.get("xfail") and r.get("status") != "pass"})
        note = f"; expected failure{'s' if len(known) > 1 else ''}: {'; '.join(known)}" if known else ""
        out.append(f"**{title}**: {n_cases} models, {n_pass}/{n_total} model x method checks pass{note}.\n")
        out.append("| family | models | data sets | methods | checks passed | rows compared |")
        out.append("| --- | ---: | --- | --- | ---: | ---: |")
        for name in sorted(fams):
            f = fams[name]
            methods = " ".join(METHOD_ABBR[m] for m in METHOD_ABBR if m in f["methods"])
            out.append(f"| {name} | {len(f['cases'])} | {', '.join(sorted(f['data']))} | {methods} | "
                       f"{f['pass']}/{f['total']} | {f['rows']} |")
        out.append("")
    for suite, title in (("main-json", "JSON records input (typed)"),
                         ("main-json-strings", "JSON records input, every value a string")):
        recs = report.get(suite, {})
        if recs:
            n_pass = sum(r.get("status") == "pass" for r in recs.values())
            out.append(f"**{title}**, first method of each model: {n_pass}/{len(recs)} pass.\n")
    out.append("Methods: p predict, pp predict_proba, df decision_function, t transform, ss score_samples.")
    return "\n".join(out)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("report", type=Path)
    ap.add_argument("--write", type=Path, help="markdown file whose parity-table block to replace")
    a = ap.parse_args(argv)
    text = table(json.loads(a.report.read_text()))
    if a.write is None:
        print(text)
        return 0
    doc = a.write.read_text()
    if START not in doc or END not in doc:
        print(f"{a.write}: no {START} ... {END} block", file=sys.stderr)
        return 1
    head, rest = doc.split(START, 1)
    _, tail = rest.split(END, 1)
    a.write.write_text(f"{head}{START}\n{text}\n{END}{tail}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
