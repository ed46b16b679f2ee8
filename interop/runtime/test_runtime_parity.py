"""Skiff's runtime against scikit-learn 1.9.1, estimator by estimator, method by method.

For every case of ``zoo.CASES`` (an estimator on a data set: numeric arrays, DataFrames with string and
missing values, string multiclass labels, multi-output targets) Python fits the model, dumps it with skops,
writes the held-out rows as CSV, and ``skiff predict --method M`` must write scikit-learn's output:
labels identical, floats within the case's tolerance (single trees bit-identical, ensembles 1e-12
relative, the rest 1e-9 relative + 1e-12 absolute). Tree-family models on numeric data also get rows sitting
exactly on (and around) their float32 split thresholds. The ``skiff predict`` calls run in one or two
long-lived JVMs, queued as soon as a model is written (see ``conftest.py`` and ``batch.py``).

Run alone: ``.venv/bin/python -m pytest interop/runtime/test_runtime_parity.py``.
"""
from __future__ import annotations

import pytest

import zoo
from parity_runner import JSON_SOURCES

#: estimators the runtime issue lists; test_zoo_covers_the_issue checks each appears in some case
ISSUE_ESTIMATORS = [
    "Pipeline", "ColumnTransformer[by index]", "ColumnTransformer[by name]", "make_column_selector",
    "remainder=drop", "remainder=passthrough", "remainder=estimator", "sparse_threshold", "FeatureUnion",
    "SimpleImputer[mean]", "SimpleImputer[median]", "SimpleImputer[most_frequent]", "SimpleImputer[constant",
    "MissingIndicator", "StandardScaler", "MinMaxScaler", "MaxAbsScaler", "RobustScaler", "Normalizer",
    "OneHotEncoder[ignore]", "OneHotEncoder[drop=", "OneHotEncoder[infrequent", "OneHotEncoder[sparse",
    "OrdinalEncoder[use_encoded_value,encoded_missing]", "PolynomialFeatures", "FunctionTransformer[np.",
    "FunctionTransformer[scipy.", "PCA", "LogisticRegression", "LinearRegression", "Ridge", "RidgeClassifier",
    "Lasso", "ElasticNet", "SGDClassifier", "SGDRegressor", "LinearSVC", "LinearSVR", "DecisionTreeClassifier",
    "DecisionTreeRegressor", "ExtraTreeClassifier", "ExtraTreeRegressor", "RandomForestClassifier",
    "RandomForestRegressor", "ExtraTreesClassifier", "ExtraTreesRegressor", "GradientBoostingClassifier",
    "GradientBoostingRegressor", "GradientBoostingClassifier[init=", "GradientBoostingRegressor[init=",
    "HistGradientBoostingClassifier", "HistGradientBoostingRegressor", "[categorical", "[early_stopping]",
    "IsolationForest", "DummyClassifier", "DummyRegressor",
]
#: loss functions of the boosting models that must each be covered
GB_LOSSES = ["GradientBoostingClassifier@", "GradientBoostingClassifier[exponential]",
             "GradientBoostingRegressor[squared_error]", "GradientBoostingRegressor[absolute_error]",
             "GradientBoostingRegressor[huber]", "GradientBoostingRegressor[quantile]",
             "HistGradientBoostingRegressor[absolute_error]", "HistGradientBoostingRegressor[quantile]",
             "HistGradientBoostingRegressor[poisson]", "HistGradientBoostingRegressor[gamma]"]


def _params():
    out = []
    for case in zoo.CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
        for m in zoo.declared_methods(case):
            out.append(pytest.param(case.name, m, id=f"{case.name}-{m}", marks=marks))
    return out


@pytest.mark.parametrize("rt_case,method", _params())
def test_parity(rt_zoo, rt_case, method):
    rt_zoo.check(rt_zoo.entry(rt_case), method, xfail=rt_zoo.cases[rt_case].xfail)


@pytest.mark.parametrize("source", JSON_SOURCES)
@pytest.mark.parametrize("rt_case", [c.name for c in zoo.CASES])
def test_parity_json_input(rt_zoo, rt_case, source):
    """The same rows as JSON records -- typed, and every value a string as the Hub widget sends them --
    give the same output (first method of each case)."""
    entry = rt_zoo.entry(rt_case)
    method = entry["declared_methods"][0]
    if source == "json-strings" and method == "transform" and "passthrough" in rt_case:
        pytest.skip("passed-through columns keep the input's type, text in -> text out (as scikit-learn's "
                    "object arrays would)")
    rt_zoo.check(entry, method, source)


@pytest.mark.parametrize("rt_case", [c.name for c in zoo.CASES])
def test_declared_methods_are_the_models_methods(rt_zoo, rt_case):
    """The zoo compares every method the fitted Python model has (declared statically for collection)."""
    entry = rt_zoo.entry(rt_case)
    case = rt_zoo.cases[rt_case]
    python = set(entry["python_methods"])
    declared = set(entry["declared_methods"])
    if case.methods is not None:  # deliberately narrowed (multi-output probabilities, random predictions)
        assert declared <= python
    else:
        assert declared == python


def test_zoo_covers_the_issue():
    names = [c.name for c in zoo.CASES]
    missing = [e for e in ISSUE_ESTIMATORS + GB_LOSSES if not any(e in n for n in names)]
    assert not missing, f"no parity case for {missing}"
    datas = {c.data for c in zoo.CASES}
    for d in ("num_bin", "num_multi_str", "num_reg", "num_reg_multi", "num_nan_bin", "num_nan_reg",
              "mixed_bin", "mixed_multi_str", "mixed_reg", "num_cat_bin"):
        assert d in datas
    # every tree family gets float32 threshold rows
    for fam in ("DecisionTree", "ExtraTree", "RandomForest", "ExtraTrees", "GradientBoosting",
                "HistGradientBoosting", "IsolationForest"):
        assert any(c.estimator.startswith(fam) and c.edges for c in zoo.CASES), fam
