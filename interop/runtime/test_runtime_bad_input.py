"""Bad input to ``skiff predict``: exit code 2 and exactly one ``skiff: ...`` line on stderr that says where
the problem is (the row and the column, or the CSV line), no stack trace, no output file.

Each case is also fed to scikit-learn (the CSV read with pandas), which must refuse it as well -- these are
inputs the Python model cannot score either, not Skiff being picky -- with one deliberate exception: an
unknown column, which a ColumnTransformer-led pipeline in scikit-learn silently drops. Rows count from 0
(the first row after the header), as in pandas; CSV syntax errors give the file's line number.

Real ``skiff`` processes (the ``skiff`` runner of ``interop/conftest.py``), so the exit code is the process's.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import zoo


@dataclass(frozen=True)
class Bad:
    name: str
    #: "array" (LinearRegression fitted on a 6-column ndarray) or "frame" (Pipeline(ColumnTransformer by name,
    #: LogisticRegression) fitted on the mixed DataFrame)
    model: str
    #: the CSV text
    text: str
    #: the whole stderr line
    message: str
    #: scikit-learn refuses it too (False: the CSV itself is broken, pandas is not asked)
    python_refuses: bool = True


def _csv(header, rows) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def _cases() -> list[Bad]:
    arr = zoo.dataset("num_reg").X_test[:3]
    hdr = [f"x{j}" for j in range(6)]
    rows = [[repr(float(v)) for v in r] for r in arr]
    mixed = zoo.dataset("mixed_bin").X_test.iloc[:3]
    mh = list(mixed.columns)
    mrows = [[zoo._csv_value(v) for v in r] for r in mixed.astype(object).itertuples(index=False)]

    def with_cell(rs, i, j, v):
        rs = [list(r) for r in rs]
        rs[i][j] = v
        return rs

    return [
        Bad("too few columns", "array", _csv(hdr[:5], [r[:5] for r in rows]),
            "skiff: the model expects 6 columns (matched by position), the input has 5; "
            "missing: column 5 (counting from 0)"),
        Bad("too many columns", "array", _csv(hdr + ["x6"], [r + ["1.5"] for r in rows]),
            'skiff: the model expects 6 columns (matched by position), the input has 7; extra: column "x6"'),
        Bad("not a number (array)", "array", _csv(hdr, with_cell(rows, 1, 3, "12,5x")),
            'skiff: row 1, column "x3": "12,5x" is not a number'),
        # stricter than scikit-learn on purpose (issue #3: an unknown column is an error): a ColumnTransformer
        # fitted on a DataFrame ignores extra columns, though a bare estimator refuses them
        Bad("unknown column", "frame", _csv(mh + ["zzz"], [r + ["7"] for r in mrows]),
            'skiff: unknown column "zzz"; the model expects [' + ", ".join(mh) + "]", python_refuses=False),
        Bad("missing column", "frame", _csv([c for c in mh if c != "income"],
                                            [r[:1] + r[2:] for r in mrows]),
            "skiff: missing column(s) [income]; the model expects [" + ", ".join(mh) + "]"),
        Bad("not a number (DataFrame)", "frame", _csv(mh, with_cell(mrows, 2, 0, "abc")),
            'skiff: row 2, column "age": "abc" is not a number'),
        Bad("ragged row", "array", _csv(hdr, rows) + "1.0,2.0,3.0\n",
            "skiff: CSV row 3 (line 5) has 3 values, the header has 6", python_refuses=False),
        Bad("unclosed quote", "array", _csv(hdr, rows) + '"1.0,2.0,3.0,4.0,5.0,6.0\n',
            "skiff: CSV line 5: a quoted field is not closed", python_refuses=False),
        Bad("empty file", "array", "", "skiff: the CSV is empty (a header row is required)",
            python_refuses=False),
    ]


CASES = _cases()


@pytest.fixture(scope="session")
def bad_inputs(skiff, tmp_path_factory):
    """Fits the two models, writes every bad CSV and starts all ``skiff predict`` calls in the background."""
    import skops.io as sio
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LinearRegression, LogisticRegression
    from sklearn.pipeline import Pipeline, make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    out = tmp_path_factory.mktemp("runtime-bad-input")
    reg = zoo.dataset("num_reg")
    mixed = zoo.dataset("mixed_bin")
    models = {
        "array": LinearRegression().fit(reg.X_train, reg.y_train),
        "frame": Pipeline([
            ("ct", ColumnTransformer([
                ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), zoo.NUMERIC_COLS),
                ("cat", OneHotEncoder(handle_unknown="ignore"), zoo.STRING_COLS)])),
            ("clf", LogisticRegression(max_iter=2000))]).fit(mixed.X_train, mixed.y_train),
    }
    files = {}
    for kind, m in models.items():
        path = out / f"{kind}.skops"
        sio.dump(m, path)
        files[kind] = (path, sio.get_untrusted_types(file=path))
    calls = {}
    for i, case in enumerate(CASES):
        data = out / f"bad{i}.csv"
        data.write_text(case.text, encoding="utf-8")
        path, trust = files[case.model]
        args = ["predict", str(path), "--input", str(data), "--output", str(out / f"bad{i}.out.csv")]
        for t in trust:
            args += ["--trust", t]
        calls[case.name] = (tuple(args), data, out / f"bad{i}.out.csv")
        skiff.prefetch(*args)
    return models, calls


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_one_line_naming_the_place(skiff, bad_inputs, case):
    models, calls = bad_inputs
    args, data, output = calls[case.name]
    r = skiff.cached(*args, expect=(0, 1, 2, 3))
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert r.returncode == 2, r.describe()
    assert lines == [case.message], r.describe()
    assert r.stdout == ""
    assert not Path(output).exists()
    if case.python_refuses:
        X = pd.read_csv(data)
        if case.model == "array":
            X = X.to_numpy()
        with pytest.raises((ValueError, TypeError)):
            models[case.model].predict(X)


def test_the_same_rows_without_the_fault_predict(skiff, bad_inputs, tmp_path):
    """The bad CSVs above differ from good input only by their fault."""
    _, calls = bad_inputs
    args, _, _ = calls["too few columns"]
    good = tmp_path / "good.csv"
    X = zoo.dataset("num_reg").X_test[:3]
    good.write_text(_csv([f"x{j}" for j in range(6)], [[repr(float(v)) for v in r] for r in X]))
    r = skiff.run("predict", args[1], "--input", str(good))
    assert r.stdout.splitlines()[0] == "prediction" and len(r.stdout.splitlines()) == 4
    assert np.isfinite([float(v) for v in r.stdout.splitlines()[1:]]).all()


def test_named_columns_in_any_order(skiff, bad_inputs, tmp_path):
    """A model fitted on a DataFrame matches CSV columns by name: reversed columns predict the same."""
    models, calls = bad_inputs
    args, _, _ = calls["unknown column"]
    X = zoo.dataset("mixed_bin").X_test.iloc[:20]
    straight, reversed_ = tmp_path / "straight.csv", tmp_path / "reversed.csv"
    zoo.write_csv(X, straight)
    zoo.write_csv(X[list(reversed(X.columns))], reversed_)
    trust = [a for i, a in enumerate(args) if i > 0 and args[i - 1] == "--trust"]
    extra = [x for t in trust for x in ("--trust", t)]
    a = skiff.run("predict", args[1], "--input", str(straight), "--method", "predict_proba", *extra)
    b = skiff.run("predict", args[1], "--input", str(reversed_), "--method", "predict_proba", *extra)
    assert a.stdout == b.stdout
    expected = models["frame"].predict_proba(X)
    got = np.array([[float(v) for v in line.split(",")] for line in a.stdout.splitlines()[1:]])
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-12)
