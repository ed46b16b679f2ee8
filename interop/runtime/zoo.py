"""The runtime parity zoo: scikit-learn estimators fitted on small deterministic data sets, whose outputs
Skiff's ``skiff predict`` must reproduce.

A :class:`Case` is one estimator (with its parameters) on one data set. :func:`export` fits it, dumps it
with skops, writes its held-out rows as a CSV (floats in Python repr, so they round-trip exactly; NaN and
missing strings as empty cells) and computes scikit-learn's output for every method the model has,
normalised to what ``skiff predict`` writes (header + cells; see :func:`normalize`). :func:`compare` holds
Skiff's CSV against that.

Tolerances (:data:`TOLERANCES`): labels are always compared as text and must be identical; floats within
``rel * max(|a|, |b|) + abs``: single trees bit-identical (``exact``), forests / boosting / isolation forest
``1e-12`` relative (``ensemble``), everything else ``1e-9`` relative plus ``1e-12`` absolute (``default``).
One exception (``float32``): GradientBoosting with a linear ``init`` estimator, which scikit-learn fits and
runs in float32 -- Skiff agrees to float32 precision, 2e-6 of the output's scale.
Tree-family models fitted on numeric arrays also get *edge rows* (:func:`edge_rows`): held-out rows with one
feature set exactly on a split threshold of the first trees, on its float32 neighbours and on the doubles
around it, so a runtime that compares ``x <= threshold`` in float64 instead of ``float32(x) <= threshold``
routes differently and fails.

This module runs in two interpreters: the main ``.venv`` (scikit-learn 1.9.1, imported by the tests) and
``.venv-sklearn-old`` (scikit-learn 1.7.2), where ``python zoo.py export --set old OUTDIR`` writes the files of
:data:`OLD_CASES` plus a ``manifest.json`` for ``test_runtime_old_sklearn.py``. Keep it importable in both:
standard library, numpy, scipy, pandas and scikit-learn only, no parameters that exist in one version only
(except inside an ``OLD_CASES`` builder).
"""
from __future__ import annotations

import csv
import json
import math
import re
import sys
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Callable

import numpy as np
import pandas as pd
import scipy.sparse as sp

METHODS = ("predict", "predict_proba", "decision_function", "transform", "score_samples")

#: (relative, absolute[, relative to the output's scale]) tolerances for floats; labels are always compared
#: exactly. The third number, times the largest magnitude of the expected output, adds to the absolute one.
TOLERANCES = {
    "exact": (0.0, 0.0),
    "ensemble": (1e-12, 1e-15),
    "default": (1e-9, 1e-12),
    # A GradientBoosting init estimator is fitted on the float32 X the ensemble validates, so a linear init_
    # has float32 coefficients, and scikit-learn predicts with it in float32 (BLAS sgemv, float32 softmax):
    # its own rounding, which no summation order reproduces. Skiff evaluates the same float32 coefficients
    # on the same float32 inputs in float64; the two agree to float32 precision.
    "float32": (2e-6, 0.0, 2e-6),
}

N_TRAIN = 360
N_TEST = 60
#: most edge rows added to one model's held-out rows
MAX_EDGE_ROWS = 120


# --------------------------------------------------------------------------------------------
# Data sets (deterministic; identical in both venvs)
# --------------------------------------------------------------------------------------------


@dataclass
class Dataset:
    name: str
    X_train: Any
    y_train: Any
    X_test: Any
    #: X_test with unseen categories in a few rows (for models that accept them); else X_test
    X_test_unknown: Any = None
    description: str = ""

    @property
    def frame(self) -> bool:
        return isinstance(self.X_train, pd.DataFrame)


_DATASETS: dict[str, Callable[[], Dataset]] = {}


def _dataset(fn):
    _DATASETS[fn.__name__] = cache(fn)
    return _DATASETS[fn.__name__]


def dataset(name: str) -> Dataset:
    return _DATASETS[name]()


def _split(name, X, y, description, n_test=N_TEST):
    return Dataset(name, X[:N_TRAIN], y[:N_TRAIN], X[N_TRAIN:N_TRAIN + n_test], description=description)


#: column scales, so features differ by orders of magnitude (and thresholds are not all near 0)
_SCALES = np.array([1.0, 10.0, 0.1, 3.0, 1000.0, 1.0])


def _shape_numeric(X):
    X = X * _SCALES[: X.shape[1]]
    X[:, 0] = np.round(X[:, 0] * 2) / 2  # a discrete column: ties, rows sitting on split midpoints
    X[:, 5] = np.round(X[:, 5], 2)
    return X


@_dataset
def num_bin():
    from sklearn.datasets import make_classification

    X, y = make_classification(n_samples=N_TRAIN + N_TEST, n_features=6, n_informative=4, n_redundant=1,
                               class_sep=0.8, random_state=1)
    return _split("num_bin", _shape_numeric(X), y, "numeric, binary int labels")


@_dataset
def num_multi_str():
    from sklearn.datasets import make_classification

    X, y = make_classification(n_samples=N_TRAIN + N_TEST, n_features=6, n_informative=4, n_redundant=1,
                               n_classes=3, n_clusters_per_class=1, random_state=2)
    labels = np.array(["cat", "ant", "sea lion"], dtype=object)[y]  # classes_ = ant, cat, sea lion
    return _split("num_multi_str", _shape_numeric(X), labels, "numeric, 3 string labels (one with a space)")


@_dataset
def num_reg():
    from sklearn.datasets import make_regression

    X, y = make_regression(n_samples=N_TRAIN + N_TEST, n_features=6, n_informative=5, noise=10.0,
                           random_state=3)
    return _split("num_reg", _shape_numeric(X), y, "numeric regression")


@_dataset
def num_reg_pos():
    d = num_reg()
    y = np.exp(d.y_train / (2 * np.std(d.y_train))) + 0.05
    return Dataset("num_reg_pos", d.X_train, y, d.X_test,
                   description="numeric regression, positive target (poisson/gamma)")


@_dataset
def num_reg_multi():
    from sklearn.datasets import make_regression

    X, y = make_regression(n_samples=N_TRAIN + N_TEST, n_features=6, n_informative=5, n_targets=3,
                           noise=5.0, random_state=4)
    return _split("num_reg_multi", _shape_numeric(X), y, "numeric, 3-output regression")


@_dataset
def num_multiout_clf():
    d = num_multi_str()
    second = np.where(d.X_train[:, 1] > 0, "up", "down").astype(object)
    y = np.column_stack([d.y_train, second])
    return Dataset("num_multiout_clf", d.X_train, y, d.X_test, description="numeric, 2-output string labels")


def _with_nan(X, seed, cols=(0, 1, 3), rate=0.12):
    rng = np.random.default_rng(seed)
    X = X.copy()
    for j in cols:
        X[rng.random(len(X)) < rate, j] = np.nan
    return X


@_dataset
def num_nan_bin():
    d = num_bin()
    return Dataset("num_nan_bin", _with_nan(d.X_train, 11), d.y_train, _with_nan(d.X_test, 12),
                   description="numeric with ~12% NaN in 3 columns, binary")


@_dataset
def num_nan_multi_str():
    d = num_multi_str()
    return Dataset("num_nan_multi_str", _with_nan(d.X_train, 13), d.y_train, _with_nan(d.X_test, 14),
                   description="numeric with NaN, 3 string labels")


@_dataset
def num_nan_reg():
    d = num_reg()
    return Dataset("num_nan_reg", _with_nan(d.X_train, 15), d.y_train, _with_nan(d.X_test, 16),
                   description="numeric with NaN, regression")


@_dataset
def num_pos():
    d = num_reg()
    return Dataset("num_pos", np.abs(d.X_train), d.y_train, np.abs(d.X_test),
                   description="non-negative numeric (log1p, sqrt)")


def _num_cat(y_kind: str, n_test: int = N_TEST, suffix: str = ""):
    """Columns 0-2 continuous, 3-4 integer-coded categories (with NaN); the unknown set has codes never seen."""
    rng = np.random.default_rng(21)
    n = N_TRAIN + n_test
    X = np.empty((n, 5))
    X[:, :3] = rng.normal(size=(n, 3)) * [1.0, 5.0, 0.5]
    X[:, 3] = rng.choice(6, n, p=[0.3, 0.25, 0.2, 0.15, 0.07, 0.03])
    X[:, 4] = rng.choice(4, n)
    X[rng.random(n) < 0.08, 3] = np.nan
    X[rng.random(n) < 0.05, 0] = np.nan
    z = X[:, 1] / 5 + np.where(np.isin(X[:, 3], [0, 2]), 1.0, -0.5) + 0.7 * (X[:, 4] == 3) \
        + rng.normal(0, 0.3, n)
    y = (z > 0.2).astype(int) if y_kind == "bin" else 3 * z + rng.normal(0, 0.1, n)
    d = _split(f"num_cat_{y_kind}{suffix}", X, y, "numeric + 2 integer-coded categorical columns, NaN; unknown codes",
               n_test)
    unk = d.X_test.copy()
    unk[::5, 3] = 9.0  # never seen
    unk[1::7, 4] = -1.0  # negative: treated as missing
    d.X_test_unknown = unk
    return d


@_dataset
def num_cat_bin():
    return _num_cat("bin")


@_dataset
def num_cat_reg():
    return _num_cat("reg")


def _relabel(name, labels, description):
    d = num_bin()
    y = np.asarray(labels, dtype=object if isinstance(labels[0], str) else None)[d.y_train]
    return Dataset(name, d.X_train, y, d.X_test, description=description)


@_dataset
def num_bin_bool():
    return _relabel("num_bin_bool", np.array([False, True]), "numeric, bool labels")


@_dataset
def num_bin_float():
    return _relabel("num_bin_float", np.array([-1.0, 2.0]), "numeric, float labels (-1.0, 2.0)")


@_dataset
def num_bin_neg():
    return _relabel("num_bin_neg", np.array([-1, 1]), "numeric, labels -1/1")


@_dataset
def num_bin_str():
    return _relabel("num_bin_str", ["no", "yes"], "numeric, binary string labels")


@_dataset
def num_const():
    """Degenerate columns: column 2 constant, column 5 all zero in training (zero scale, zero IQR); the first
    held-out row all zeros (zero norm)."""
    d = num_reg()
    Xtr, Xte = d.X_train.copy(), d.X_test.copy()
    Xtr[:, 2] = 3.0
    Xtr[:, 5] = 0.0
    Xte[0, :] = 0.0
    return Dataset("num_const", Xtr, d.y_train, Xte, description="constant / all-zero training columns, a zero row")


@_dataset
def num_nan_empty():
    """Column 2 entirely missing in training (imputers drop it or keep it), NaN elsewhere too."""
    d = num_nan_reg()
    Xtr = d.X_train.copy()
    Xtr[:, 2] = np.nan
    return Dataset("num_nan_empty", Xtr, d.y_train, d.X_test, description="a column all NaN in training")


@_dataset
def num_hicat_bin():
    """An integer-coded categorical with 150 categories (bitsets of several 32-bit words), NaN and unseen
    codes, beside two continuous columns."""
    rng = np.random.default_rng(31)
    n = N_TRAIN * 2 + N_TEST
    X = np.empty((n, 3))
    X[:, 0] = rng.normal(size=n)
    X[:, 1] = rng.integers(0, 150, n)
    X[:, 2] = rng.normal(size=n) * 3
    X[rng.random(n) < 0.05, 1] = np.nan
    effect = rng.normal(size=150)
    z = X[:, 0] + np.where(np.isnan(X[:, 1]), 0.5, effect[np.nan_to_num(X[:, 1]).astype(int)]) \
        + rng.normal(0, 0.3, n)
    y = (z > 0).astype(int)
    d = Dataset("num_hicat_bin", X[:2 * N_TRAIN], y[:2 * N_TRAIN], X[2 * N_TRAIN:],
                description="a 150-category integer column with NaN; unknown codes")
    unk = d.X_test.copy()
    unk[::4, 1] = 200.0
    d.X_test_unknown = unk
    return d


#: held-out rows of the *_big data sets: above the 4096-row threshold where tree ensembles split a batch
#: across threads, so the parallel batch paths are compared too
N_BIG = 9000


@_dataset
def num_cat_bin_big():
    return _num_cat("bin", N_BIG, "_big")


@_dataset
def num_nan_multi_big():
    from sklearn.datasets import make_classification

    X, y = make_classification(n_samples=N_TRAIN + N_BIG, n_features=6, n_informative=4, n_redundant=1,
                               n_classes=3, n_clusters_per_class=1, random_state=2)
    labels = np.array(["cat", "ant", "sea lion"], dtype=object)[y]
    d = _split("num_nan_multi_big", _with_nan(_shape_numeric(X), 41), labels, "9000 held-out rows, NaN, 3 classes",
               N_BIG)
    return d


@_dataset
def num_reg_big():
    from sklearn.datasets import make_regression

    X, y = make_regression(n_samples=N_TRAIN + N_BIG, n_features=6, n_informative=5, noise=10.0, random_state=3)
    return _split("num_reg_big", _shape_numeric(X), y, "9000 held-out rows, regression", N_BIG)


CITIES = ["Paris", "Berlin", "São Paulo", "New York, NY", "Oslo", "Lima", "Kyiv", "Zürich"]


def _mixed(y_kind: str, n_test: int = N_TEST, suffix: str = ""):
    """A DataFrame: int, float (with NaN) and string columns (with missing values, rare categories, a
    category with a comma, non-ASCII text) -- the shape of real tabular data."""
    rng = np.random.default_rng(7)
    n = N_TRAIN + n_test
    df = pd.DataFrame({
        "age": rng.integers(18, 80, n).astype(np.int64),
        "income": np.round(rng.lognormal(10, 0.6, n), 2),
        "score": rng.normal(0, 1, n),
        "rooms": rng.integers(1, 6, n).astype(np.int64),
        "color": rng.choice(["red", "green", "blue", "purple"], n, p=[0.45, 0.3, 0.22, 0.03]).astype(object),
        "size": rng.choice(["S", "M", "L", "XL"], n, p=[0.3, 0.4, 0.25, 0.05]).astype(object),
        "city": rng.choice(CITIES, n, p=[0.3, 0.2, 0.15, 0.12, 0.1, 0.07, 0.04, 0.02]).astype(object),
        "member": rng.choice(["yes", "no"], n).astype(object),
    })
    df.loc[rng.random(n) < 0.1, "income"] = np.nan
    df.loc[rng.random(n) < 0.08, "color"] = np.nan
    df.loc[rng.random(n) < 0.05, "city"] = np.nan
    z = (0.03 * (df["age"] - 50) + 0.8 * df["score"] + (df["color"] == "red") * 1.0
         - (df["size"] == "XL") * 1.5 + (df["member"] == "yes") * 0.5 + rng.normal(0, 0.5, n)).to_numpy()
    if y_kind == "bin":
        y = (z > np.median(z)).astype(np.int64)
    elif y_kind == "multi_str":
        y = np.where(z < -0.5, "low", np.where(z < 0.6, "mid", "high")).astype(object)
    else:
        y = 10 * z + rng.normal(0, 1, n)
    train = df.iloc[:N_TRAIN].reset_index(drop=True)
    test = df.iloc[N_TRAIN:N_TRAIN + n_test].reset_index(drop=True)
    unk = test.copy()
    unk.loc[0::6, "color"] = "magenta"
    unk.loc[1::6, "size"] = "XXL"
    unk.loc[2::6, "city"] = "Atlantis"
    return Dataset(f"mixed_{y_kind}{suffix}", train, y[:N_TRAIN], test, unk,
                   description=f"DataFrame: 4 numeric + 4 string columns, missing values, target {y_kind}")


@_dataset
def mixed_multi_str_big():
    return _mixed("multi_str", N_BIG, "_big")


@_dataset
def mixed_codes():
    """Strings that look like numbers (zip codes with leading zeros, "1.50" vs "1.5"), a bool column and a
    category whose levels are not in sorted order: what CSV type inference must not mangle."""
    rng = np.random.default_rng(51)
    n = N_TRAIN + N_TEST
    df = pd.DataFrame({
        "zip": rng.choice(["01234", "02139", "10001", "00501", "94105", "1234"], n).astype(object),
        "grade": rng.choice(["1.50", "1.5", "2.0", "10", "3", "1e3"], n).astype(object),
        "flag": rng.random(n) < 0.4,
        "size": rng.choice(["S", "M", "L", "XL"], n).astype(object),
        "x": rng.normal(size=n),
    })
    z = (df["zip"].isin(["01234", "00501"]) * 1.0 + (df["grade"] == "1.50") * 0.8 - (df["grade"] == "1.5") * 0.8
         + df["flag"] * 0.5 + df["size"].map({"S": -1.0, "M": 0.0, "L": 0.5, "XL": 1.0}) + df["x"]
         + rng.normal(0, 0.3, n)).to_numpy()
    y = (z > np.median(z)).astype(np.int64)
    train = df.iloc[:N_TRAIN].reset_index(drop=True)
    test = df.iloc[N_TRAIN:].reset_index(drop=True)
    return Dataset("mixed_codes", train, y[:N_TRAIN], test,
                   description="number-like strings (leading zeros, 1.50 vs 1.5), bool column, unsorted levels")


def codes_as_category(df):
    df = df.copy()
    df["size"] = pd.Categorical(df["size"], categories=["S", "M", "L", "XL"], ordered=True)
    df["zip"] = df["zip"].astype("category")
    return df[["zip", "size", "flag", "x"]]


@_dataset
def mixed_bin():
    return _mixed("bin")


@_dataset
def mixed_multi_str():
    return _mixed("multi_str")


@_dataset
def mixed_reg():
    return _mixed("reg")


NUMERIC_COLS = ["age", "income", "score", "rooms"]
STRING_COLS = ["color", "size", "city", "member"]


def as_category(df):
    """The string columns as pandas categoricals (what HistGradientBoosting's from_dtype needs)."""
    df = df.copy()
    for c in STRING_COLS:
        df[c] = df[c].astype("category")
    return df


def strings_only(df):
    return df[STRING_COLS]


def numbers_only(df):
    return df[NUMERIC_COLS]


# --------------------------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    #: estimator label, e.g. "LogisticRegression[liblinear]"
    estimator: str
    data: str
    make: Callable[[], Any]
    #: "exact" (single trees), "ensemble" (forests, boosting, isolation forest) or "default"
    tol: str = "default"
    #: predict on X_test_unknown (unseen categories) instead of X_test
    unknown: bool = False
    #: the methods to compare; None: every method of METHODS the unfitted estimator has
    methods: tuple[str, ...] | None = None
    #: how the model sees X (column subset, categorical dtype...); the CSV holds the raw columns of that view
    view: Callable[[Any], Any] | None = None
    #: add float32-threshold edge rows (tree-family models on numeric arrays)
    edges: bool = False
    #: Python value of the `strict` xfail reason when Skiff does not support this yet (None: must pass)
    xfail: str | None = None

    @property
    def name(self) -> str:
        return f"{self.estimator}@{self.data}"

    @property
    def file_stem(self) -> str:
        return re.sub(r"[^A-Za-z0-9_.@=-]+", "_", self.name)


def declared_methods(case: Case) -> tuple[str, ...]:
    if case.methods is not None:
        return case.methods
    est = case.make()
    return tuple(m for m in METHODS if hasattr(est, m))


CASES: list[Case] = []


def add(estimator, data, make, **kw):
    datas = [data] if isinstance(data, str) else list(data)
    for d in datas:
        CASES.append(Case(estimator, d, make, **kw))


def _sk():
    """scikit-learn imports, done lazily so that collecting the tests stays cheap."""
    import scipy.special
    import sklearn.compose as compose
    import sklearn.decomposition as decomposition
    import sklearn.dummy as dummy
    import sklearn.ensemble as ensemble
    import sklearn.impute as impute
    import sklearn.linear_model as lm
    import sklearn.pipeline as pipeline
    import sklearn.preprocessing as pre
    import sklearn.svm as svm
    import sklearn.tree as tree
    return dict(compose=compose, decomposition=decomposition, dummy=dummy, ensemble=ensemble, impute=impute,
                lm=lm, pipeline=pipeline, pre=pre, svm=svm, tree=tree, special=scipy.special)


class _L:
    """Attribute access to the lazily imported modules: ``S.lm.LogisticRegression``."""

    def __getattr__(self, item):
        return _sk()[item]


S = _L()

NUM_CLS = ["num_bin", "num_multi_str"]
NUM_REG = ["num_reg"]

# ---- composition ----------------------------------------------------------------------------


def _num_pipe_ct():
    """The classic mixed-data preprocessing: impute+scale numbers, one-hot strings, by column name."""
    return S.compose.ColumnTransformer([
        ("num", S.pipeline.Pipeline([("imp", S.impute.SimpleImputer(strategy="median")),
                                     ("sc", S.pre.StandardScaler())]), NUMERIC_COLS),
        ("cat", S.pre.OneHotEncoder(handle_unknown="ignore"), STRING_COLS),
    ])


add("Pipeline(StandardScaler,LogisticRegression)", NUM_CLS,
    lambda: S.pipeline.make_pipeline(S.pre.StandardScaler(), S.lm.LogisticRegression(max_iter=1000)))
add("Pipeline(ColumnTransformer[by name],LogisticRegression)", ["mixed_bin", "mixed_multi_str"],
    lambda: S.pipeline.Pipeline([("ct", _num_pipe_ct()), ("clf", S.lm.LogisticRegression(max_iter=2000))]),
    unknown=True)
add("ColumnTransformer[by name]", "mixed_bin", _num_pipe_ct, unknown=True)
add("Pipeline(ColumnTransformer[make_column_selector,infrequent],Ridge)", "mixed_reg",
    lambda: S.pipeline.make_pipeline(S.compose.ColumnTransformer([
        ("num", S.pipeline.make_pipeline(S.impute.SimpleImputer(), S.pre.StandardScaler()),
         S.compose.make_column_selector(dtype_include=np.number)),
        ("cat", S.pre.OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=20, sparse_output=False),
         S.compose.make_column_selector(dtype_exclude=np.number)),
    ]), S.lm.Ridge(alpha=0.5)), unknown=True)
add("ColumnTransformer[make_column_selector(pattern),remainder=drop]", "mixed_reg",
    lambda: S.compose.ColumnTransformer([
        ("sc", S.pre.MinMaxScaler(), S.compose.make_column_selector(pattern="^(age|score)$")),
        ("oh", S.pre.OneHotEncoder(), S.compose.make_column_selector(pattern="^(size|member)$")),
    ], remainder="drop"))
add("ColumnTransformer[remainder=passthrough]", "mixed_bin",
    lambda: S.compose.ColumnTransformer([
        ("oe", S.pre.OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                    encoded_missing_value=-2), STRING_COLS),
    ], remainder="passthrough"), unknown=True)
add("ColumnTransformer[remainder=estimator]", "mixed_bin",
    lambda: S.compose.ColumnTransformer([
        ("oh", S.pre.OneHotEncoder(drop="first", sparse_output=False), ["size", "member"]),
        ("drop_me", "drop", ["color", "city"]),
    ], remainder=S.impute.SimpleImputer(strategy="mean")))
add("ColumnTransformer[sparse_threshold=1.0]", "mixed_bin",
    lambda: S.compose.ColumnTransformer([
        ("oh", S.pre.OneHotEncoder(handle_unknown="ignore"), STRING_COLS),
        ("num", S.impute.SimpleImputer(), NUMERIC_COLS),
    ], sparse_threshold=1.0), unknown=True)
add("Pipeline(ColumnTransformer[sparse],SGDClassifier[log_loss])", "mixed_multi_str",
    lambda: S.pipeline.make_pipeline(S.compose.ColumnTransformer([
        ("oh", S.pre.OneHotEncoder(handle_unknown="ignore"), STRING_COLS),
        ("num", S.pipeline.make_pipeline(S.impute.SimpleImputer(), S.pre.StandardScaler()), NUMERIC_COLS),
    ], sparse_threshold=1.0), S.lm.SGDClassifier(loss="log_loss", random_state=0)), unknown=True)
add("ColumnTransformer[by index]", "num_reg",
    lambda: S.compose.ColumnTransformer([
        ("a", S.pre.StandardScaler(), [0, 1, 2]),
        ("b", S.pre.MinMaxScaler(), [4, 3]),
    ], remainder="drop"))
add("ColumnTransformer[bool mask+slice,remainder=passthrough]", "num_nan_reg",
    lambda: S.compose.ColumnTransformer([
        ("a", S.pre.RobustScaler(), np.array([True, False, True, False, False, False])),
        ("b", S.impute.SimpleImputer(strategy="median"), slice(3, 5)),
    ], remainder="passthrough"))
add("Pipeline(ColumnTransformer[by index],LinearSVC)", "num_multi_str",
    lambda: S.pipeline.make_pipeline(S.compose.ColumnTransformer([
        ("a", S.pre.StandardScaler(), [0, 1, 2, 3]),
        ("b", S.pre.PolynomialFeatures(2), [4, 5]),
    ]), S.svm.LinearSVC(max_iter=5000, random_state=0)))
add("FeatureUnion(PCA,StandardScaler)", "num_reg",
    lambda: S.pipeline.FeatureUnion([("pca", S.decomposition.PCA(n_components=2)),
                                     ("sc", S.pre.StandardScaler())]))
add("FeatureUnion[weights](SimpleImputer,MissingIndicator)", "num_nan_reg",
    lambda: S.pipeline.FeatureUnion([("imp", S.impute.SimpleImputer()), ("mi", S.impute.MissingIndicator())],
                                    transformer_weights={"imp": 2.0, "mi": 0.5}))
add("Pipeline(FeatureUnion,LogisticRegression)", "num_bin",
    lambda: S.pipeline.make_pipeline(
        S.pipeline.make_union(S.pre.StandardScaler(), S.pipeline.make_pipeline(S.pre.MinMaxScaler(),
                                                                               S.pre.PolynomialFeatures(2))),
        S.lm.LogisticRegression(max_iter=3000)))
add("Pipeline(SimpleImputer,StandardScaler,LinearRegression)", "num_nan_reg",
    lambda: S.pipeline.make_pipeline(S.impute.SimpleImputer(add_indicator=True), S.pre.StandardScaler(),
                                     S.lm.LinearRegression()))
add("Pipeline(StandardScaler,PCA)", "num_reg",
    lambda: S.pipeline.make_pipeline(S.pre.StandardScaler(), S.decomposition.PCA(n_components=4)))

# ---- imputers and indicators ----------------------------------------------------------------

for _s in ("mean", "median", "most_frequent"):
    add(f"SimpleImputer[{_s}]", "num_nan_reg", lambda s=_s: S.impute.SimpleImputer(strategy=s))
add("SimpleImputer[constant=-1]", "num_nan_reg", lambda: S.impute.SimpleImputer(strategy="constant",
                                                                               fill_value=-1.0))
add("SimpleImputer[mean,add_indicator]", "num_nan_reg", lambda: S.impute.SimpleImputer(add_indicator=True))
add("SimpleImputer[median,keep_empty_features]", "num_nan_reg",
    lambda: S.impute.SimpleImputer(strategy="median", keep_empty_features=True))
add("SimpleImputer[most_frequent,strings]", "mixed_bin",
    lambda: S.impute.SimpleImputer(strategy="most_frequent"), view=strings_only)
add("SimpleImputer[constant,strings]", "mixed_bin",
    lambda: S.impute.SimpleImputer(strategy="constant", fill_value="missing"), view=strings_only)
add("SimpleImputer[mean,DataFrame]", "mixed_bin", lambda: S.impute.SimpleImputer(), view=numbers_only)
add("MissingIndicator[missing-only]", "num_nan_reg", lambda: S.impute.MissingIndicator())
add("MissingIndicator[all]", "num_nan_reg", lambda: S.impute.MissingIndicator(features="all"))
add("MissingIndicator[strings]", "mixed_bin", lambda: S.impute.MissingIndicator(), view=strings_only)

# ---- scalers and friends --------------------------------------------------------------------

add("StandardScaler", ["num_reg", "num_nan_reg"], lambda: S.pre.StandardScaler())
add("StandardScaler[with_mean=False]", "num_reg", lambda: S.pre.StandardScaler(with_mean=False))
add("MinMaxScaler", ["num_reg", "num_nan_reg"], lambda: S.pre.MinMaxScaler())
add("MinMaxScaler[(-1,3),clip]", "num_reg", lambda: S.pre.MinMaxScaler(feature_range=(-1, 3), clip=True))
add("MaxAbsScaler", ["num_reg", "num_nan_reg"], lambda: S.pre.MaxAbsScaler())
add("RobustScaler", ["num_reg", "num_nan_reg"], lambda: S.pre.RobustScaler())
add("RobustScaler[(10,90),no centering]", "num_reg",
    lambda: S.pre.RobustScaler(quantile_range=(10.0, 90.0), with_centering=False))
for _n in ("l1", "l2", "max"):
    add(f"Normalizer[{_n}]", "num_reg", lambda n=_n: S.pre.Normalizer(norm=n))
add("PolynomialFeatures[2]", "num_reg", lambda: S.pre.PolynomialFeatures(2))
add("PolynomialFeatures[3,interaction_only,no bias]", "num_reg",
    lambda: S.pre.PolynomialFeatures(3, interaction_only=True, include_bias=False))
add("FunctionTransformer[np.log1p]", "num_pos", lambda: S.pre.FunctionTransformer(np.log1p))
add("FunctionTransformer[np.sqrt]", "num_pos", lambda: S.pre.FunctionTransformer(np.sqrt))
add("FunctionTransformer[scipy.special.expit]", "num_reg", lambda: S.pre.FunctionTransformer(S.special.expit))
add("FunctionTransformer[np.tanh,validate]", "num_reg",
    lambda: S.pre.FunctionTransformer(np.tanh, validate=True))
add("PCA", "num_reg", lambda: S.decomposition.PCA())
add("PCA[3,whiten]", "num_reg", lambda: S.decomposition.PCA(n_components=3, whiten=True))

# ---- encoders -------------------------------------------------------------------------------

add("OneHotEncoder[ignore]", "mixed_bin",
    lambda: S.pre.OneHotEncoder(handle_unknown="ignore", sparse_output=False), view=strings_only, unknown=True)
add("OneHotEncoder[sparse,ignore]", "mixed_bin",
    lambda: S.pre.OneHotEncoder(handle_unknown="ignore"), view=strings_only, unknown=True)
add("OneHotEncoder[drop=first]", "mixed_bin",
    lambda: S.pre.OneHotEncoder(drop="first", sparse_output=False), view=strings_only)
add("OneHotEncoder[drop=if_binary,ignore]", "mixed_bin",
    lambda: S.pre.OneHotEncoder(drop="if_binary", handle_unknown="ignore", sparse_output=False),
    view=strings_only, unknown=True)
add("OneHotEncoder[infrequent min_frequency=20]", "mixed_bin",
    lambda: S.pre.OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=20, sparse_output=False),
    view=strings_only, unknown=True)
add("OneHotEncoder[max_categories=3]", "mixed_bin",
    lambda: S.pre.OneHotEncoder(handle_unknown="infrequent_if_exist", max_categories=3), view=strings_only,
    unknown=True)
add("OneHotEncoder[int categories]", "mixed_bin",
    lambda: S.pre.OneHotEncoder(sparse_output=False), view=lambda df: df[["rooms"]])
add("OrdinalEncoder", "mixed_bin", lambda: S.pre.OrdinalEncoder(), view=strings_only)
add("OrdinalEncoder[use_encoded_value,encoded_missing]", "mixed_bin",
    lambda: S.pre.OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1, encoded_missing_value=-2),
    view=strings_only, unknown=True)
add("OrdinalEncoder[infrequent min_frequency=20]", "mixed_bin",
    lambda: S.pre.OrdinalEncoder(min_frequency=20, handle_unknown="use_encoded_value", unknown_value=np.nan),
    view=strings_only, unknown=True)

# ---- linear models --------------------------------------------------------------------------

add("LogisticRegression", NUM_CLS, lambda: S.lm.LogisticRegression(max_iter=5000))
add("LogisticRegression[liblinear]", "num_bin", lambda: S.lm.LogisticRegression(solver="liblinear"))
add("LogisticRegression[saga,l1,balanced]", "num_multi_str",
    lambda: S.lm.LogisticRegression(solver="saga", C=0.5, l1_ratio=1.0, class_weight="balanced",
                                    max_iter=5000))
add("LinearRegression", ["num_reg", "num_reg_multi"], lambda: S.lm.LinearRegression())
add("LinearRegression[no intercept]", "num_reg", lambda: S.lm.LinearRegression(fit_intercept=False))
add("Ridge", ["num_reg", "num_reg_multi"], lambda: S.lm.Ridge(alpha=2.0))
add("RidgeClassifier", NUM_CLS, lambda: S.lm.RidgeClassifier())
add("Lasso", ["num_reg", "num_reg_multi"], lambda: S.lm.Lasso(alpha=0.5))
add("ElasticNet", ["num_reg", "num_reg_multi"], lambda: S.lm.ElasticNet(alpha=0.5, l1_ratio=0.3))
add("SGDClassifier[hinge]", NUM_CLS,
    lambda: S.pipeline.make_pipeline(S.pre.StandardScaler(), S.lm.SGDClassifier(random_state=0)))
add("SGDClassifier[log_loss] (OvR proba)", NUM_CLS,
    lambda: S.pipeline.make_pipeline(S.pre.StandardScaler(),
                                     S.lm.SGDClassifier(loss="log_loss", random_state=0)))
add("SGDClassifier[modified_huber]", NUM_CLS,
    lambda: S.pipeline.make_pipeline(S.pre.StandardScaler(),
                                     S.lm.SGDClassifier(loss="modified_huber", random_state=0)))
add("SGDRegressor", "num_reg",
    lambda: S.pipeline.make_pipeline(S.pre.StandardScaler(), S.lm.SGDRegressor(random_state=0)))
add("LinearSVC", NUM_CLS,
    lambda: S.pipeline.make_pipeline(S.pre.StandardScaler(), S.svm.LinearSVC(max_iter=5000, random_state=0)))
add("LinearSVR", "num_reg",
    lambda: S.pipeline.make_pipeline(S.pre.StandardScaler(), S.svm.LinearSVR(max_iter=5000, random_state=0)))

# ---- trees ----------------------------------------------------------------------------------

_TREE = dict(tol="exact", edges=True)
_ENS = dict(tol="ensemble", edges=True)
NUM_CLS_ALL = ["num_bin", "num_multi_str", "num_nan_bin", "num_nan_multi_str"]
NUM_REG_ALL = ["num_reg", "num_reg_multi", "num_nan_reg"]

add("DecisionTreeClassifier", NUM_CLS_ALL, lambda: S.tree.DecisionTreeClassifier(random_state=0), **_TREE)
add("DecisionTreeClassifier[depth=4,balanced]", "num_multi_str",
    lambda: S.tree.DecisionTreeClassifier(max_depth=4, class_weight="balanced", random_state=0), **_TREE)
add("DecisionTreeClassifier[multi-output]", "num_multiout_clf",
    lambda: S.tree.DecisionTreeClassifier(random_state=0), methods=("predict",), **_TREE)
add("DecisionTreeRegressor", NUM_REG_ALL, lambda: S.tree.DecisionTreeRegressor(random_state=0), **_TREE)
add("DecisionTreeRegressor[absolute_error,depth=5]", "num_reg",
    lambda: S.tree.DecisionTreeRegressor(criterion="absolute_error", max_depth=5, random_state=0), **_TREE)
add("ExtraTreeClassifier", ["num_multi_str", "num_nan_bin"], lambda: S.tree.ExtraTreeClassifier(random_state=0),
    **_TREE)
add("ExtraTreeRegressor", ["num_reg", "num_nan_reg"], lambda: S.tree.ExtraTreeRegressor(random_state=0), **_TREE)
add("RandomForestClassifier", NUM_CLS_ALL,
    lambda: S.ensemble.RandomForestClassifier(n_estimators=25, random_state=0), **_ENS)
add("RandomForestClassifier[multi-output]", "num_multiout_clf",
    lambda: S.ensemble.RandomForestClassifier(n_estimators=10, random_state=0), methods=("predict",), **_ENS)
add("RandomForestRegressor", NUM_REG_ALL,
    lambda: S.ensemble.RandomForestRegressor(n_estimators=25, max_depth=8, random_state=0), **_ENS)
add("ExtraTreesClassifier", ["num_multi_str", "num_nan_bin"],
    lambda: S.ensemble.ExtraTreesClassifier(n_estimators=25, random_state=0), **_ENS)
add("ExtraTreesRegressor", ["num_reg", "num_reg_multi", "num_nan_reg"],
    lambda: S.ensemble.ExtraTreesRegressor(n_estimators=25, max_depth=8, random_state=0), **_ENS)

_GB = dict(n_estimators=30, max_depth=3, random_state=0)
add("GradientBoostingClassifier", NUM_CLS, lambda: S.ensemble.GradientBoostingClassifier(**_GB), **_ENS)
add("GradientBoostingClassifier[exponential]", "num_bin",
    lambda: S.ensemble.GradientBoostingClassifier(loss="exponential", **_GB), **_ENS)
add("GradientBoostingClassifier[init=zero,subsample]", NUM_CLS,
    lambda: S.ensemble.GradientBoostingClassifier(init="zero", subsample=0.7, max_features="sqrt", **_GB), **_ENS)
add("GradientBoostingClassifier[init=LogisticRegression]", "num_multi_str",
    lambda: S.ensemble.GradientBoostingClassifier(init=S.lm.LogisticRegression(max_iter=5000), **_GB),
    edges=True, tol="float32")
add("GradientBoostingClassifier[init=DummyClassifier(prior)]", "num_bin",
    lambda: S.ensemble.GradientBoostingClassifier(init=S.dummy.DummyClassifier(strategy="prior"), **_GB), **_ENS)
for _loss in ("squared_error", "absolute_error", "huber", "quantile"):
    add(f"GradientBoostingRegressor[{_loss}]", "num_reg",
        lambda loss=_loss: S.ensemble.GradientBoostingRegressor(loss=loss, alpha=0.8, **_GB), **_ENS)
add("GradientBoostingRegressor[init=zero]", "num_reg",
    lambda: S.ensemble.GradientBoostingRegressor(init="zero", **_GB), **_ENS)
add("GradientBoostingRegressor[init=Ridge]", "num_reg",
    lambda: S.ensemble.GradientBoostingRegressor(init=S.lm.Ridge(), **_GB), edges=True, tol="float32")
add("GradientBoostingRegressor[init=DummyRegressor(median)]", "num_reg",
    lambda: S.ensemble.GradientBoostingRegressor(init=S.dummy.DummyRegressor(strategy="median"), **_GB), **_ENS)

_HGB = dict(max_iter=30, random_state=0)
add("HistGradientBoostingClassifier", NUM_CLS_ALL, lambda: S.ensemble.HistGradientBoostingClassifier(**_HGB),
    **_ENS)
add("HistGradientBoostingClassifier[categorical idx]", "num_cat_bin",
    lambda: S.ensemble.HistGradientBoostingClassifier(categorical_features=[3, 4], **_HGB), unknown=True, **_ENS)
add("HistGradientBoostingClassifier[categorical from_dtype]", ["mixed_bin", "mixed_multi_str"],
    lambda: S.ensemble.HistGradientBoostingClassifier(categorical_features="from_dtype", **_HGB),
    view=as_category, unknown=True, tol="ensemble")
add("HistGradientBoostingClassifier[early_stopping]", ["num_bin", "num_nan_multi_str"],
    lambda: S.ensemble.HistGradientBoostingClassifier(max_iter=200, early_stopping=True, n_iter_no_change=3,
                                                      validation_fraction=0.25, random_state=0), **_ENS)
add("HistGradientBoostingRegressor", ["num_reg", "num_nan_reg"],
    lambda: S.ensemble.HistGradientBoostingRegressor(**_HGB), **_ENS)
for _loss in ("absolute_error", "quantile"):
    add(f"HistGradientBoostingRegressor[{_loss}]", "num_reg",
        lambda loss=_loss: S.ensemble.HistGradientBoostingRegressor(loss=loss, quantile=0.7, **_HGB), **_ENS)
for _loss in ("poisson", "gamma"):
    add(f"HistGradientBoostingRegressor[{_loss}]", "num_reg_pos",
        lambda loss=_loss: S.ensemble.HistGradientBoostingRegressor(loss=loss, **_HGB), **_ENS)
add("HistGradientBoostingRegressor[categorical idx]", "num_cat_reg",
    lambda: S.ensemble.HistGradientBoostingRegressor(categorical_features=[3, 4], **_HGB), unknown=True, **_ENS)
add("HistGradientBoostingRegressor[categorical from_dtype]", "mixed_reg",
    lambda: S.ensemble.HistGradientBoostingRegressor(categorical_features="from_dtype", **_HGB),
    view=as_category, unknown=True, tol="ensemble")
add("HistGradientBoostingRegressor[early_stopping]", "num_nan_reg",
    lambda: S.ensemble.HistGradientBoostingRegressor(max_iter=200, early_stopping=True, n_iter_no_change=3,
                                                     random_state=0), **_ENS)
add("IsolationForest", ["num_bin", "num_nan_reg"],
    lambda: S.ensemble.IsolationForest(n_estimators=40, random_state=0), **_ENS)
add("IsolationForest[max_samples=64,max_features=0.5,contamination=0.1]", "num_reg",
    lambda: S.ensemble.IsolationForest(n_estimators=40, max_samples=64, max_features=0.5, contamination=0.1,
                                       random_state=0), **_ENS)
add("Pipeline(ColumnTransformer[ordinal,passthrough],HistGradientBoostingClassifier)", "mixed_multi_str",
    lambda: S.pipeline.make_pipeline(S.compose.ColumnTransformer([
        ("oe", S.pre.OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                    encoded_missing_value=-2), STRING_COLS)], remainder="passthrough"),
        S.ensemble.HistGradientBoostingClassifier(**_HGB)), unknown=True, tol="ensemble")
add("Pipeline(ColumnTransformer[by name],RandomForestClassifier)", "mixed_bin",
    lambda: S.pipeline.Pipeline([("ct", _num_pipe_ct()),
                                 ("rf", S.ensemble.RandomForestClassifier(n_estimators=20, random_state=0))]),
    unknown=True, tol="ensemble")
add("Pipeline(StandardScaler,DecisionTreeRegressor)", "num_reg",
    lambda: S.pipeline.make_pipeline(S.pre.StandardScaler(), S.tree.DecisionTreeRegressor(random_state=0)),
    tol="exact")
add("Pipeline(ColumnTransformer[remainder=passthrough],DecisionTreeRegressor)", "mixed_reg",
    lambda: S.pipeline.make_pipeline(S.compose.ColumnTransformer([
        ("oe", S.pre.OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                    encoded_missing_value=-2), STRING_COLS)], remainder="passthrough"),
        S.tree.DecisionTreeRegressor(max_depth=6, random_state=0)), unknown=True, tol="exact")

# ---- every family on the mixed DataFrames too (through the usual preprocessing) ----------------


def _mixed_pipe(final, *, ordinal=False, sparse=False):
    """ColumnTransformer by name (impute + scale numbers; one-hot or ordinal strings) -> ``final``."""
    if ordinal:
        ct = S.compose.ColumnTransformer([
            ("oe", S.pre.OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                        encoded_missing_value=-2), STRING_COLS),
            ("num", S.impute.SimpleImputer(strategy="median"), NUMERIC_COLS)])
    else:
        ct = S.compose.ColumnTransformer([
            ("num", S.pipeline.make_pipeline(S.impute.SimpleImputer(), S.pre.StandardScaler()), NUMERIC_COLS),
            ("cat", S.pre.OneHotEncoder(handle_unknown="ignore", sparse_output=sparse), STRING_COLS)],
            sparse_threshold=1.0 if sparse else 0.0)
    return S.pipeline.Pipeline([("ct", ct), ("est", final)])


add("Pipeline(ColumnTransformer,Lasso)", "mixed_reg", lambda: _mixed_pipe(S.lm.Lasso(alpha=0.1)), unknown=True)
add("Pipeline(ColumnTransformer,ElasticNet)", "mixed_reg",
    lambda: _mixed_pipe(S.lm.ElasticNet(alpha=0.1, l1_ratio=0.5)))
add("Pipeline(ColumnTransformer,LinearRegression)", "mixed_reg", lambda: _mixed_pipe(S.lm.LinearRegression()))
add("Pipeline(ColumnTransformer,SGDRegressor)", "mixed_reg",
    lambda: _mixed_pipe(S.lm.SGDRegressor(random_state=0)), unknown=True)
add("Pipeline(ColumnTransformer,LinearSVR)", "mixed_reg",
    lambda: _mixed_pipe(S.svm.LinearSVR(max_iter=5000, random_state=0)))
add("Pipeline(ColumnTransformer,LinearSVC)", "mixed_multi_str",
    lambda: _mixed_pipe(S.svm.LinearSVC(max_iter=5000, random_state=0)), unknown=True)
add("Pipeline(ColumnTransformer,RidgeClassifier)", "mixed_bin", lambda: _mixed_pipe(S.lm.RidgeClassifier()))
add("Pipeline(ColumnTransformer[sparse],SGDClassifier[modified_huber])", "mixed_bin",
    lambda: _mixed_pipe(S.lm.SGDClassifier(loss="modified_huber", random_state=0), sparse=True), unknown=True)
add("Pipeline(SimpleImputer,LogisticRegression)", "num_nan_multi_str",
    lambda: S.pipeline.make_pipeline(S.impute.SimpleImputer(strategy="median"), S.pre.StandardScaler(),
                                     S.lm.LogisticRegression(max_iter=2000)))
add("Pipeline(SimpleImputer,Ridge)", "num_nan_reg",
    lambda: S.pipeline.make_pipeline(S.impute.SimpleImputer(), S.lm.Ridge()))
add("Pipeline(ColumnTransformer[ordinal],GradientBoostingClassifier)", "mixed_multi_str",
    lambda: _mixed_pipe(S.ensemble.GradientBoostingClassifier(**_GB), ordinal=True), unknown=True, tol="ensemble")
add("Pipeline(ColumnTransformer[ordinal],GradientBoostingRegressor[huber])", "mixed_reg",
    lambda: _mixed_pipe(S.ensemble.GradientBoostingRegressor(loss="huber", **_GB), ordinal=True), tol="ensemble")
add("Pipeline(ColumnTransformer[sparse],ExtraTreesRegressor)", "mixed_reg",
    lambda: _mixed_pipe(S.ensemble.ExtraTreesRegressor(n_estimators=20, max_depth=8, random_state=0),
                        sparse=True), unknown=True, tol="ensemble")
add("Pipeline(ColumnTransformer,RandomForestRegressor)", "mixed_reg",
    lambda: _mixed_pipe(S.ensemble.RandomForestRegressor(n_estimators=20, max_depth=8, random_state=0)),
    tol="ensemble")
add("Pipeline(ColumnTransformer[ordinal],ExtraTreesClassifier)", "mixed_multi_str",
    lambda: _mixed_pipe(S.ensemble.ExtraTreesClassifier(n_estimators=20, random_state=0), ordinal=True),
    tol="ensemble")
add("Pipeline(ColumnTransformer,DecisionTreeClassifier)", "mixed_multi_str",
    lambda: _mixed_pipe(S.tree.DecisionTreeClassifier(max_depth=6, random_state=0)), unknown=True, tol="exact")
add("Pipeline(ColumnTransformer[ordinal],IsolationForest)", "mixed_bin",
    lambda: _mixed_pipe(S.ensemble.IsolationForest(n_estimators=30, random_state=0), ordinal=True),
    unknown=True, tol="ensemble")
add("Pipeline(ColumnTransformer,PCA)", "mixed_bin", lambda: _mixed_pipe(S.decomposition.PCA(n_components=4)))
add("StandardScaler[DataFrame,NaN]", "mixed_bin", lambda: S.pre.StandardScaler(), view=numbers_only)
add("RobustScaler[DataFrame,NaN]", "mixed_reg", lambda: S.pre.RobustScaler(), view=numbers_only)
add("ExtraTreeClassifier", "num_bin", lambda: S.tree.ExtraTreeClassifier(random_state=0), **_TREE)
add("ExtraTreeRegressor", "num_reg_multi", lambda: S.tree.ExtraTreeRegressor(random_state=0), **_TREE)
add("ExtraTreesClassifier[multi-output]", "num_multiout_clf",
    lambda: S.ensemble.ExtraTreesClassifier(n_estimators=10, random_state=0), methods=("predict",), **_ENS)
add("DummyClassifier[prior]", "mixed_multi_str", lambda: S.dummy.DummyClassifier(strategy="prior"))
add("DummyRegressor[mean]", "mixed_reg", lambda: S.dummy.DummyRegressor())

# ---- label types, degenerate columns, wide categorical bitsets ---------------------------------

for _d in ("num_bin_bool", "num_bin_float", "num_bin_neg", "num_bin_str"):
    add("LogisticRegression", _d, lambda: S.lm.LogisticRegression(max_iter=5000))
    add("DecisionTreeClassifier[depth=5]", _d,
        lambda: S.tree.DecisionTreeClassifier(max_depth=5, random_state=0), **_TREE)
add("HistGradientBoostingClassifier", "num_bin_str", lambda: S.ensemble.HistGradientBoostingClassifier(**_HGB),
    **_ENS)
add("GradientBoostingClassifier", "num_bin_neg", lambda: S.ensemble.GradientBoostingClassifier(**_GB), **_ENS)
add("RidgeClassifier", "num_bin_bool", lambda: S.lm.RidgeClassifier())
add("SGDClassifier[log_loss]", "num_bin_float",
    lambda: S.pipeline.make_pipeline(S.pre.StandardScaler(), S.lm.SGDClassifier(loss="log_loss",
                                                                                random_state=0)))
add("DummyClassifier[most_frequent]", "num_bin_str", lambda: S.dummy.DummyClassifier(strategy="most_frequent"))
for _name, _make in [("StandardScaler", lambda: S.pre.StandardScaler()),
                     ("MinMaxScaler", lambda: S.pre.MinMaxScaler()),
                     ("MaxAbsScaler", lambda: S.pre.MaxAbsScaler()),
                     ("RobustScaler", lambda: S.pre.RobustScaler()),
                     ("Normalizer[l2]", lambda: S.pre.Normalizer()),
                     ("Normalizer[l1]", lambda: S.pre.Normalizer(norm="l1")),
                     ("Normalizer[max]", lambda: S.pre.Normalizer(norm="max")),
                     ("PCA[whiten]", lambda: S.decomposition.PCA(n_components=4, whiten=True))]:
    add(_name, "num_const", _make)
for _s in ("mean", "median", "most_frequent"):
    add(f"SimpleImputer[{_s}]", "num_nan_empty", lambda s=_s: S.impute.SimpleImputer(strategy=s))
add("SimpleImputer[median,keep_empty_features]", "num_nan_empty",
    lambda: S.impute.SimpleImputer(strategy="median", keep_empty_features=True))
add("SimpleImputer[constant=0,add_indicator]", "num_nan_empty",
    lambda: S.impute.SimpleImputer(strategy="constant", fill_value=0.0, add_indicator=True))
add("MissingIndicator[all]", "num_nan_empty", lambda: S.impute.MissingIndicator(features="all"))
add("HistGradientBoostingClassifier[categorical 150 levels]", "num_hicat_bin",
    lambda: S.ensemble.HistGradientBoostingClassifier(categorical_features=[1], max_iter=40, random_state=0),
    unknown=True, **_ENS)
add("OneHotEncoder[numeric categories with NaN,ignore]", "num_cat_bin",
    lambda: S.compose.ColumnTransformer([("oh", S.pre.OneHotEncoder(handle_unknown="ignore",
                                                                    sparse_output=False), [3, 4])]),
    unknown=True)
add("OrdinalEncoder[numeric categories with NaN,use_encoded_value,remainder=passthrough]", "num_cat_bin",
    lambda: S.compose.ColumnTransformer([("oe", S.pre.OrdinalEncoder(handle_unknown="use_encoded_value",
                                                                     unknown_value=-1), [3, 4])],
                                        remainder="passthrough"), unknown=True)
add("FunctionTransformer[np.clip kw_args]", "num_reg",
    lambda: S.pre.FunctionTransformer(np.clip, kw_args={"a_min": -1.0, "a_max": 2.0}))
add("FunctionTransformer[np.abs]", "num_reg", lambda: S.pre.FunctionTransformer(np.abs))
add("FunctionTransformer[np.exp]", "num_const", lambda: S.pre.FunctionTransformer(np.exp))
add("FunctionTransformer[scipy.special.logit]", "num_reg",
    lambda: S.pipeline.make_pipeline(S.pre.MinMaxScaler(feature_range=(0.01, 0.99)),
                                     S.pre.FunctionTransformer(S.special.logit)))

# ---- large batches (the parallel paths of the tree ensembles, the linear batch kernels) ------------

add("RandomForestClassifier", "num_nan_multi_big",
    lambda: S.ensemble.RandomForestClassifier(n_estimators=30, random_state=0), tol="ensemble")
add("ExtraTreesRegressor", "num_reg_big",
    lambda: S.ensemble.ExtraTreesRegressor(n_estimators=20, max_depth=10, random_state=0), tol="ensemble")
add("GradientBoostingRegressor[huber]", "num_reg_big",
    lambda: S.ensemble.GradientBoostingRegressor(loss="huber", **_GB), tol="ensemble")
add("HistGradientBoostingClassifier", "num_nan_multi_big",
    lambda: S.ensemble.HistGradientBoostingClassifier(**_HGB), tol="ensemble")
add("HistGradientBoostingClassifier[categorical idx]", "num_cat_bin_big",
    lambda: S.ensemble.HistGradientBoostingClassifier(categorical_features=[3, 4], **_HGB), unknown=True,
    tol="ensemble")
add("IsolationForest", "num_reg_big", lambda: S.ensemble.IsolationForest(n_estimators=40, random_state=0),
    tol="ensemble")
add("Pipeline(ColumnTransformer[by name],LogisticRegression)", "mixed_multi_str_big",
    lambda: S.pipeline.Pipeline([("ct", _num_pipe_ct()), ("clf", S.lm.LogisticRegression(max_iter=2000))]),
    unknown=True)
add("Pipeline(ColumnTransformer[ordinal],GradientBoostingClassifier)", "mixed_multi_str_big",
    lambda: _mixed_pipe(S.ensemble.GradientBoostingClassifier(**_GB), ordinal=True), unknown=True, tol="ensemble")
add("HistGradientBoostingClassifier[categorical from_dtype]", "mixed_multi_str_big",
    lambda: S.ensemble.HistGradientBoostingClassifier(categorical_features="from_dtype", **_HGB),
    view=as_category, unknown=True, tol="ensemble")

# ---- number-like strings, bool columns, unsorted categorical levels --------------------------------

add("Pipeline(ColumnTransformer[OneHotEncoder number-like strings],LogisticRegression)", "mixed_codes",
    lambda: S.pipeline.make_pipeline(S.compose.ColumnTransformer([
        ("oh", S.pre.OneHotEncoder(handle_unknown="ignore"), ["zip", "grade", "size"])], remainder="passthrough"),
        S.lm.LogisticRegression(max_iter=2000)))
add("OrdinalEncoder[number-like strings]", "mixed_codes", lambda: S.pre.OrdinalEncoder(),
    view=lambda df: df[["zip", "grade"]])
add("OneHotEncoder[number-like strings]", "mixed_codes",
    lambda: S.pre.OneHotEncoder(sparse_output=False), view=lambda df: df[["zip", "grade"]])
add("HistGradientBoostingClassifier[categorical from_dtype,unsorted levels]", "mixed_codes",
    lambda: S.ensemble.HistGradientBoostingClassifier(categorical_features="from_dtype", **_HGB),
    view=codes_as_category, tol="ensemble")
add("SimpleImputer[most_frequent,number-like strings]", "mixed_codes",
    lambda: S.impute.SimpleImputer(strategy="most_frequent"), view=lambda df: df[["zip", "grade"]])
add("ColumnTransformer[number-like strings passthrough]", "mixed_codes",
    lambda: S.compose.ColumnTransformer([("sc", S.pre.StandardScaler(), ["x"])], remainder="passthrough"),
    view=lambda df: df[["zip", "grade", "x"]],
    xfail="a passed-through column is typed as pandas reads the CSV (02139 -> 2139); the fitted model records "
          "no dtype that says it was text")
add("LogisticRegression[bool column]", "mixed_codes", lambda: S.lm.LogisticRegression(),
    view=lambda df: df[["flag", "x"]])
add("DecisionTreeClassifier[bool column]", "mixed_codes",
    lambda: S.tree.DecisionTreeClassifier(max_depth=4, random_state=0), view=lambda df: df[["flag", "x"]],
    tol="exact")

# ---- fitted-state variants: early stopping in GradientBoosting, averaged SGD, Crammer-Singer, passthrough
#      and dropped steps ------------------------------------------------------------------------------

add("GradientBoostingClassifier[n_iter_no_change]", "num_multi_str",
    lambda: S.ensemble.GradientBoostingClassifier(n_estimators=200, n_iter_no_change=3, validation_fraction=0.2,
                                                  max_depth=3, random_state=0), **_ENS)
add("GradientBoostingRegressor[n_iter_no_change]", "num_reg",
    lambda: S.ensemble.GradientBoostingRegressor(n_estimators=300, n_iter_no_change=3, random_state=0), **_ENS)
add("SGDClassifier[log_loss,average]", "num_multi_str",
    lambda: S.pipeline.make_pipeline(S.pre.StandardScaler(),
                                     S.lm.SGDClassifier(loss="log_loss", average=True, random_state=0)))
add("LinearSVC[crammer_singer]", "num_multi_str",
    lambda: S.pipeline.make_pipeline(S.pre.StandardScaler(),
                                     S.svm.LinearSVC(multi_class="crammer_singer", random_state=0)))
add("Pipeline(passthrough,LogisticRegression)", "num_bin",
    lambda: S.pipeline.Pipeline([("skip", "passthrough"), ("sc", None), ("lr", S.lm.LogisticRegression())]))
add("FeatureUnion(drop,StandardScaler)", "num_reg",
    lambda: S.pipeline.FeatureUnion([("gone", "drop"), ("sc", S.pre.StandardScaler())]))
add("ColumnTransformer[passthrough transformer,remainder=estimator]", "mixed_reg",
    lambda: S.compose.ColumnTransformer([("keep", "passthrough", ["age", "score"]),
                                         ("oh", S.pre.OneHotEncoder(sparse_output=False), ["size"])],
                                        remainder=S.pre.OrdinalEncoder(handle_unknown="use_encoded_value",
                                                                       unknown_value=-1,
                                                                       encoded_missing_value=-2)))
add("RandomForestClassifier[balanced_subsample,max_samples]", "num_nan_multi_str",
    lambda: S.ensemble.RandomForestClassifier(n_estimators=20, class_weight="balanced_subsample", max_samples=0.5,
                                              random_state=0), **_ENS)

# ---- dummies --------------------------------------------------------------------------------

for _s in ("prior", "most_frequent"):
    add(f"DummyClassifier[{_s}]", NUM_CLS, lambda s=_s: S.dummy.DummyClassifier(strategy=s))
add("DummyClassifier[constant]", "num_multi_str",
    lambda: S.dummy.DummyClassifier(strategy="constant", constant="cat"))
add("DummyClassifier[uniform]", "num_multi_str",
    lambda: S.dummy.DummyClassifier(strategy="uniform", random_state=0), methods=("predict_proba",))
for _s in ("mean", "median"):
    add(f"DummyRegressor[{_s}]", ["num_reg", "num_reg_multi"], lambda s=_s: S.dummy.DummyRegressor(strategy=s))
add("DummyRegressor[quantile=0.3]", "num_reg", lambda: S.dummy.DummyRegressor(strategy="quantile", quantile=0.3))
add("DummyRegressor[constant]", "num_reg", lambda: S.dummy.DummyRegressor(strategy="constant", constant=1.25))

# ---- the representative set fitted with the old scikit-learn --------------------------------
# Explicit methods: some parameters (multi_class) no longer exist in the main venv's scikit-learn.

OLD_CASES: list[Case] = [
    Case("LogisticRegression", "num_bin", lambda: S.lm.LogisticRegression(max_iter=5000),
         methods=("predict", "predict_proba", "decision_function")),
    Case("LogisticRegression[multinomial]", "num_multi_str", lambda: S.lm.LogisticRegression(max_iter=5000),
         methods=("predict", "predict_proba", "decision_function")),
    Case("LogisticRegression[multi_class=ovr]", "num_multi_str",
         lambda: S.lm.LogisticRegression(multi_class="ovr", max_iter=5000),
         methods=("predict", "predict_proba", "decision_function")),
    Case("Pipeline(ColumnTransformer(OneHotEncoder,StandardScaler),LogisticRegression)", "mixed_multi_str",
         lambda: S.pipeline.Pipeline([("ct", _num_pipe_ct()),
                                      ("clf", S.lm.LogisticRegression(max_iter=2000))]),
         unknown=True, methods=("predict", "predict_proba", "decision_function")),
    Case("DecisionTreeClassifier", "num_nan_multi_str", lambda: S.tree.DecisionTreeClassifier(random_state=0),
         methods=("predict", "predict_proba"), **_TREE),
    Case("DecisionTreeRegressor", "num_reg", lambda: S.tree.DecisionTreeRegressor(random_state=0),
         methods=("predict",), **_TREE),
    Case("RandomForestClassifier", "num_nan_bin",
         lambda: S.ensemble.RandomForestClassifier(n_estimators=25, random_state=0),
         methods=("predict", "predict_proba"), **_ENS),
    Case("RandomForestRegressor", "num_reg_multi",
         lambda: S.ensemble.RandomForestRegressor(n_estimators=25, max_depth=8, random_state=0),
         methods=("predict",), **_ENS),
    Case("GradientBoostingClassifier", "num_multi_str", lambda: S.ensemble.GradientBoostingClassifier(**_GB),
         methods=("predict", "predict_proba", "decision_function"), **_ENS),
    Case("GradientBoostingRegressor[huber]", "num_reg",
         lambda: S.ensemble.GradientBoostingRegressor(loss="huber", **_GB), methods=("predict",), **_ENS),
    Case("HistGradientBoostingClassifier[categorical idx,NaN]", "num_cat_bin",
         lambda: S.ensemble.HistGradientBoostingClassifier(categorical_features=[3, 4], **_HGB), unknown=True,
         methods=("predict", "predict_proba", "decision_function"), **_ENS),
    Case("HistGradientBoostingClassifier[categorical from_dtype]", "mixed_multi_str",
         lambda: S.ensemble.HistGradientBoostingClassifier(categorical_features="from_dtype", **_HGB),
         view=as_category, unknown=True, tol="ensemble", methods=("predict", "predict_proba", "decision_function")),
    Case("HistGradientBoostingRegressor[NaN]", "num_nan_reg", lambda: S.ensemble.HistGradientBoostingRegressor(**_HGB),
         methods=("predict",), **_ENS),
    Case("SimpleImputer[median,add_indicator]", "num_nan_reg",
         lambda: S.impute.SimpleImputer(strategy="median", add_indicator=True), methods=("transform",)),
    Case("SimpleImputer[most_frequent,strings]", "mixed_bin", lambda: S.impute.SimpleImputer(strategy="most_frequent"),
         view=strings_only, methods=("transform",)),
    Case("PolynomialFeatures[2]", "num_reg", lambda: S.pre.PolynomialFeatures(2), methods=("transform",)),
    Case("PolynomialFeatures[3,interaction_only]", "num_reg",
         lambda: S.pre.PolynomialFeatures(3, interaction_only=True, include_bias=False), methods=("transform",)),
    # liblinear on three classes: one-vs-rest (an error in 1.9.1, which asks for OneVsRestClassifier)
    Case("LogisticRegression[liblinear,OvR multiclass]", "num_multi_str",
         lambda: S.lm.LogisticRegression(solver="liblinear"),
         methods=("predict", "predict_proba", "decision_function")),
    Case("SGDClassifier[log_loss]", "num_multi_str",
         lambda: S.pipeline.make_pipeline(S.pre.StandardScaler(), S.lm.SGDClassifier(loss="log_loss",
                                                                                     random_state=0))),
    Case("LinearSVC", "num_multi_str",
         lambda: S.pipeline.make_pipeline(S.pre.StandardScaler(), S.svm.LinearSVC(random_state=0))),
    Case("Ridge", "num_reg_multi", lambda: S.lm.Ridge(alpha=2.0)),
    Case("RidgeClassifier", "num_multi_str", lambda: S.lm.RidgeClassifier()),
    Case("ElasticNet", "num_reg", lambda: S.lm.ElasticNet(alpha=0.5, l1_ratio=0.3)),
    Case("ExtraTreesRegressor", "num_nan_reg",
         lambda: S.ensemble.ExtraTreesRegressor(n_estimators=25, max_depth=8, random_state=0), **_ENS),
    Case("GradientBoostingClassifier[init=DummyClassifier(prior)]", "num_bin",
         lambda: S.ensemble.GradientBoostingClassifier(init=S.dummy.DummyClassifier(strategy="prior"), **_GB),
         **_ENS),
    Case("HistGradientBoostingClassifier[early_stopping]", "num_nan_multi_str",
         lambda: S.ensemble.HistGradientBoostingClassifier(max_iter=200, early_stopping=True, n_iter_no_change=3,
                                                           validation_fraction=0.25, random_state=0), **_ENS),
    Case("IsolationForest", "num_nan_reg", lambda: S.ensemble.IsolationForest(n_estimators=40, random_state=0),
         **_ENS),
    Case("ColumnTransformer[ordinal,remainder=passthrough]", "mixed_bin",
         lambda: S.compose.ColumnTransformer([
             ("oe", S.pre.OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                         encoded_missing_value=-2), STRING_COLS)], remainder="passthrough"),
         unknown=True),
    Case("OneHotEncoder[infrequent min_frequency=20]", "mixed_bin",
         lambda: S.pre.OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=20, sparse_output=False),
         view=strings_only, unknown=True),
    Case("FeatureUnion(PCA,StandardScaler)", "num_reg",
         lambda: S.pipeline.FeatureUnion([("pca", S.decomposition.PCA(n_components=2)),
                                          ("sc", S.pre.StandardScaler())])),
    Case("RobustScaler", "num_nan_reg", lambda: S.pre.RobustScaler()),
    Case("MissingIndicator", "num_nan_reg", lambda: S.impute.MissingIndicator()),
    Case("FunctionTransformer[np.log1p]", "num_pos", lambda: S.pre.FunctionTransformer(np.log1p)),
    Case("DummyClassifier[prior]", "num_multi_str", lambda: S.dummy.DummyClassifier(strategy="prior")),
    Case("DummyRegressor[quantile=0.3]", "num_reg",
         lambda: S.dummy.DummyRegressor(strategy="quantile", quantile=0.3)),
]


def case_sets() -> dict[str, list[Case]]:
    return {"all": CASES, "old": OLD_CASES}


def _check_unique(cases):
    seen = set()
    for c in cases:
        if c.file_stem in seen:
            raise ValueError(f"duplicate case {c.name}")
        seen.add(c.file_stem)


_check_unique(CASES)
_check_unique(OLD_CASES)


# --------------------------------------------------------------------------------------------
# Fitting, edge rows, outputs
# --------------------------------------------------------------------------------------------


@dataclass
class Fitted:
    case: Case
    obj: Any
    #: the rows the model is run on, as the CSV holds them (raw values; ndarray or DataFrame)
    X_rows: Any
    #: the same rows as the Python model sees them (after Case.view)
    X_py: Any
    n_edge_rows: int = 0


def fit(case: Case) -> Fitted:
    d = dataset(case.data)
    view = case.view or (lambda x: x)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        obj = case.make()
        obj.fit(view(d.X_train), d.y_train)
    X_rows = d.X_test_unknown if case.unknown and d.X_test_unknown is not None else d.X_test
    n_edge = 0
    if case.edges and not d.frame:
        extra = edge_rows(obj, X_rows)
        n_edge = len(extra)
        if n_edge:
            X_rows = np.vstack([X_rows, extra])
    X_py = view(X_rows)
    if isinstance(X_py, pd.DataFrame) and isinstance(X_rows, pd.DataFrame):
        # the CSV holds exactly the columns the model was fitted on (as in scikit-learn, an extra column is an
        # error); the raw values, not the view's dtypes (a CSV has no categorical dtype)
        X_rows = X_rows[list(X_py.columns)]
    return Fitted(case, obj, X_rows, X_py, n_edge)


def _tree_splits(obj, X):
    """(feature, threshold, float32?) of internal nodes that rows of X actually pass through, for the first
    few trees of a tree-family model (empty for anything else)."""
    name = type(obj).__name__
    out = []
    if name.startswith("HistGradientBoosting"):
        for it in obj._predictors[:3]:
            for pred in it:
                nodes = pred.nodes
                for i, nd in enumerate(nodes):
                    if not nd["is_leaf"] and not nd["is_categorical"]:
                        out.append((int(nd["feature_idx"]), float(nd["num_threshold"]), False))
        return out
    trees = []
    if hasattr(obj, "tree_"):
        trees = [(obj.tree_, None)]
    elif name.startswith("GradientBoosting"):
        trees = [(e.tree_, None) for e in obj.estimators_[:3].ravel()]
    elif name == "IsolationForest":
        trees = [(e.tree_, obj.estimators_features_[i]) for i, e in enumerate(obj.estimators_[:3])]
    elif hasattr(obj, "estimators_"):
        trees = [(e.tree_, None) for e in obj.estimators_[:3]]
    Xf = np.asarray(X, dtype=np.float32)
    for t, feats in trees:
        Xt = Xf if feats is None else Xf[:, feats]
        path = t.decision_path(np.ascontiguousarray(Xt)).tocsc()
        visited = np.flatnonzero(np.asarray(path.sum(axis=0)).ravel() > 0)
        for node in visited:
            if t.children_left[node] == -1:
                continue
            f = int(t.feature[node])
            out.append((int(feats[f]) if feats is not None else f, float(t.threshold[node]), True))
    return out


_F32_MAX = float(np.finfo(np.float32).max)


def _edge_values(t: float, float32: bool) -> list[float]:
    if not math.isfinite(t) or abs(t) >= _F32_MAX:
        return []  # e.g. +inf: a split that only separates missing values
    vals = {t, float(np.nextafter(t, -np.inf)), float(np.nextafter(t, np.inf))}
    if float32:
        f = np.float32(t)
        lo = f if float(f) <= t else np.nextafter(f, np.float32(-np.inf))
        hi = np.nextafter(lo, np.float32(np.inf))
        for v in (lo, hi):
            vals.add(float(v))
            # the doubles just inside the float32 neighbours: they round to lo / hi in float32
            vals.add(float(np.nextafter(float(v), t)))
        vals.add(float(np.nextafter(lo, np.float32(-np.inf))))
    return sorted(v for v in vals if math.isfinite(v) and abs(v) < _F32_MAX)


def edge_rows(obj, X) -> np.ndarray:
    """Held-out rows with one feature moved onto a split threshold of the model (and its neighbours)."""
    splits = _tree_splits(obj, X)
    if not splits:
        return np.empty((0, X.shape[1]))
    rng = np.random.default_rng(99)
    seen = set()
    uniq = []
    for s in splits:
        if (s[0], s[1]) not in seen:
            seen.add((s[0], s[1]))
            uniq.append(s)
    order = rng.permutation(len(uniq))
    rows = []
    for k, i in enumerate(order):
        f, t, f32 = uniq[i]
        base = np.array(X[k % len(X)], dtype=float)
        for v in _edge_values(t, f32):
            r = base.copy()
            r[f] = v
            rows.append(r)
        if len(rows) >= MAX_EDGE_ROWS:
            break
    return np.array(rows[:MAX_EDGE_ROWS])


def label_text(v) -> str:
    """A label as ``skiff predict`` writes it."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, (bool, np.bool_)):
        return "True" if v else "False"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    return str(v)


def _is_label_model(obj) -> bool:
    from sklearn.base import is_classifier, is_outlier_detector
    return is_classifier(obj) or is_outlier_detector(obj)


def _cell(v):
    """A transform cell: a float (NaN for missing numbers), a string, or None (missing string)."""
    if v is None:
        return None
    if isinstance(v, (bool, np.bool_)):
        return float(v)
    if isinstance(v, (int, float, np.integer, np.floating)):
        return float(v)
    if v is pd.NA or v is pd.NaT:
        return None
    return str(v)


def _header_for(method: str, k: int, classes) -> list[str]:
    if method == "predict":
        return ["prediction"] if k == 1 else [f"prediction_{j}" for j in range(k)]
    if method in ("predict_proba", "decision_function") and classes is not None and len(classes) == k \
            and np.ndim(classes) == 1:
        return [label_text(c) for c in classes]
    if k == 1:
        return [method]
    return [f"x{j}" for j in range(k)]


def normalize(obj, method: str, out) -> dict:
    """scikit-learn's output as ``skiff predict`` writes it: ``{"kind", "header", "rows"}``.

    kind ``labels``: cells are label text; ``floats``: cells are floats (NaN for missing); ``cells``: a mix of
    strings, floats and None (string transforms); its header is only checked for its length (None).
    """
    if sp.issparse(out):
        out = out.toarray()
    if isinstance(out, pd.DataFrame):
        out = out.to_numpy()
    out = np.asarray(out)
    two_d = out.ndim == 2
    mat = out if two_d else out.reshape(-1, 1)
    k = mat.shape[1]
    if (method == "predict" and _is_label_model(obj)) or mat.dtype.kind == "b":
        # labels, and boolean outputs (MissingIndicator), which skiff writes as True/False like numpy's str()
        return {"kind": "labels", "header": _header_for(method, k, None),
                "rows": [[label_text(v) for v in row] for row in mat]}
    if mat.dtype.kind in "fiub":
        return {"kind": "floats", "header": _header_for(method, k, getattr(obj, "classes_", None)),
                "rows": [[float(v) for v in row] for row in mat]}
    cells = [[_cell(v) for v in row] for row in mat]
    if all(isinstance(c, float) for row in cells for c in row):
        return {"kind": "floats", "header": _header_for(method, k, getattr(obj, "classes_", None)),
                "rows": cells}
    return {"kind": "cells", "header": None, "width": k, "rows": cells}


def outputs(f: Fitted, methods) -> dict[str, dict]:
    res = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for m in methods:
            res[m] = normalize(f.obj, m, getattr(f.obj, m)(f.X_py))
    return res


def python_methods(f: Fitted) -> tuple[str, ...]:
    """The methods of METHODS that work on the fitted model."""
    found = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for m in METHODS:
            if not hasattr(f.obj, m):
                continue
            try:
                getattr(f.obj, m)(f.X_py[:2] if not isinstance(f.X_py, pd.DataFrame) else f.X_py.iloc[:2])
            except (AttributeError, NotImplementedError, ValueError):
                continue
            found.append(m)
    return tuple(found)


# --------------------------------------------------------------------------------------------
# CSV in, CSV out
# --------------------------------------------------------------------------------------------


def _csv_value(v) -> str:
    if v is None or v is pd.NA:
        return ""
    if isinstance(v, (bool, np.bool_)):
        return "True" if v else "False"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        return "" if math.isnan(v) else repr(float(v))
    return str(v)


def write_csv(X, path: Path) -> None:
    """Rows with a header; floats in repr (exact round trip), NaN and missing strings as empty cells."""
    if isinstance(X, pd.DataFrame):
        header = [str(c) for c in X.columns]
        cols = [X[c].astype(object).to_numpy() for c in X.columns]
        rows = zip(*cols)
    else:
        X = np.asarray(X)
        header = [f"x{j}" for j in range(X.shape[1])]
        rows = X.tolist()
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([_csv_value(v) for v in r])


def _json_value(v, strings: bool):
    if v is None or v is pd.NA or (isinstance(v, (float, np.floating)) and math.isnan(v)):
        return None
    if isinstance(v, (bool, np.bool_)):
        return str(bool(v)) if strings else bool(v)
    if isinstance(v, (int, np.integer)):
        return str(int(v)) if strings else int(v)
    if isinstance(v, (float, np.floating)):
        return repr(float(v)) if strings else float(v)
    return str(v)


def write_json(X, path: Path, strings: bool = False) -> None:
    """The rows as JSON records (``[{"col": value, ...}, ...]``; missing values null). ``strings``: every
    value as a JSON string, as the Hub's inference widget sends them."""
    if isinstance(X, pd.DataFrame):
        names = [str(c) for c in X.columns]
        rows = zip(*[X[c].astype(object).to_numpy() for c in X.columns])
    else:
        X = np.asarray(X)
        names = [f"x{j}" for j in range(X.shape[1])]
        rows = X.tolist()
    records = [{k: _json_value(v, strings) for k, v in zip(names, r)} for r in rows]
    path.write_text(json.dumps(records, ensure_ascii=False, allow_nan=False), encoding="utf-8")


def read_csv_rows(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def _close(a: float, b: float, rel: float, ab: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if a == b:
        return True
    if math.isinf(a) or math.isinf(b):
        return False
    return abs(a - b) <= rel * max(abs(a), abs(b)) + ab


def _float_of(text: str) -> float:
    return math.nan if text == "" else float(text)


@dataclass
class Comparison:
    problems: list[str]
    max_abs: float = 0.0
    max_rel: float = 0.0
    cells: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def compare(expected: dict, got: list[list[str]], tol: str) -> Comparison:
    """Skiff's CSV (rows of text, header first) against :func:`normalize` output."""
    rel, ab, *scaled = TOLERANCES[tol]
    if scaled:
        mags = [abs(v) for row in expected["rows"] for v in row
                if isinstance(v, float) and math.isfinite(v)]
        ab += scaled[0] * max(mags, default=0.0)
    problems: list[str] = []
    res = Comparison(problems)
    if not got:
        problems.append("empty output (no header)")
        return res
    header, rows = got[0], got[1:]
    if expected["header"] is not None and header != expected["header"]:
        problems.append(f"header {header} != expected {expected['header']}")
    width = len(expected["header"]) if expected["header"] is not None else expected["width"]
    if len(header) != width:
        problems.append(f"{len(header)} columns, expected {width}")
    if len(rows) != len(expected["rows"]):
        problems.append(f"{len(rows)} rows, expected {len(expected['rows'])}")
        return res
    bad = []
    for i, (g, e) in enumerate(zip(rows, expected["rows"])):
        if len(g) != len(e):
            bad.append(f"row {i}: {len(g)} cells, expected {len(e)}")
            continue
        for j, (gt, ev) in enumerate(zip(g, e)):
            res.cells += 1
            if expected["kind"] == "labels":
                if gt != ev:
                    bad.append(f"row {i} col {j}: label {gt!r} != {ev!r}")
                continue
            if isinstance(ev, str):
                if gt != ev:
                    bad.append(f"row {i} col {j}: {gt!r} != {ev!r}")
                continue
            if ev is None:
                if gt != "":
                    bad.append(f"row {i} col {j}: {gt!r}, expected missing")
                continue
            try:
                gv = _float_of(gt)
            except ValueError:
                bad.append(f"row {i} col {j}: {gt!r} is not a number (expected {ev!r})")
                continue
            if not (math.isnan(gv) or math.isnan(ev)) and gv != ev:
                d = abs(gv - ev)
                res.max_abs = max(res.max_abs, d)
                res.max_rel = max(res.max_rel, d / max(abs(gv), abs(ev)))
            if not _close(gv, ev, rel, ab):
                bad.append(f"row {i} col {j}: {gv!r} != {ev!r} (diff {gv - ev:.3g}, tolerance {tol})")
    if bad:
        problems.append(f"{len(bad)} mismatching cells; first: " + "; ".join(bad[:6]))
    return res


# --------------------------------------------------------------------------------------------
# Export (also the entry point of the old-scikit-learn run)
# --------------------------------------------------------------------------------------------


def export(case: Case, out_dir: Path, methods=None) -> dict:
    """Fits ``case``, writes ``<stem>.skops``, ``<stem>.csv`` and the same rows as JSON records
    (``<stem>.json.json`` typed, ``<stem>.json-strings.json`` every value a string) into ``out_dir``; returns
    its manifest entry (methods, trusted types, input files, expected outputs)."""
    import skops.io as sio

    f = fit(case)
    methods = tuple(methods or declared_methods(case))
    model = out_dir / f"{case.file_stem}.skops"
    data = out_dir / f"{case.file_stem}.csv"
    sio.dump(f.obj, model)
    write_csv(f.X_rows, data)
    inputs = {"csv": data.name}
    for kind, strings in (("json", False), ("json-strings", True)):
        path = out_dir / f"{case.file_stem}.{kind}.json"
        write_json(f.X_rows, path, strings)
        inputs[kind] = path.name
    return {
        "name": case.name, "estimator": case.estimator, "data": case.data, "tol": case.tol,
        "model": model.name, "input": data.name, "inputs": inputs, "rows": len(f.X_rows),
        "edge_rows": f.n_edge_rows,
        "trust": sorted(sio.get_untrusted_types(file=model)),
        "declared_methods": list(methods), "python_methods": list(python_methods(f)),
        "expected": outputs(f, methods),
    }


def main(argv: list[str]) -> int:
    import argparse

    import sklearn
    import skops

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("export", help="fit, dump and write expected outputs of a case set")
    e.add_argument("--set", default="old", choices=sorted(case_sets()))
    e.add_argument("out_dir", type=Path)
    sub.add_parser("list", help="print the case names")
    a = p.parse_args(argv)
    if a.cmd == "list":
        for c in CASES:
            print(c.name, declared_methods(c))
        return 0
    a.out_dir.mkdir(parents=True, exist_ok=True)
    entries = []
    for c in case_sets()[a.set]:
        try:
            entries.append(export(c, a.out_dir))
        except Exception as ex:  # keep going: the test reports the failing case by name
            entries.append({"name": c.name, "error": f"{type(ex).__name__}: {ex}"})
    manifest = {"sklearn": sklearn.__version__, "skops": skops.__version__, "numpy": np.__version__,
                "pandas": pd.__version__, "python": sys.version.split()[0], "cases": entries}
    (a.out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1))
    print(f"exported {len(entries)} cases with scikit-learn {sklearn.__version__} to {a.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
