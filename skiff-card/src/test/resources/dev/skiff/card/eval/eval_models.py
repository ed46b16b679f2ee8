"""Fits models, dumps them with skops and writes labelled test CSVs, with scikit-learn's metrics on the
models' own predictions (for EvaluatorOracleTest). Usage: eval_models.py OUT_DIR"""
import json
import os
import sys
import warnings

import numpy as np
import pandas as pd
import skops.io as sio
from sklearn import metrics as M
from sklearn.compose import ColumnTransformer
from sklearn.datasets import load_iris, make_classification, make_regression
from sklearn.ensemble import (ExtraTreesClassifier, GradientBoostingClassifier, GradientBoostingRegressor,
                              RandomForestClassifier, RandomForestRegressor)
from sklearn.impute import SimpleImputer
from sklearn.inspection import permutation_importance
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge, RidgeClassifier
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.svm import LinearSVC
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

warnings.filterwarnings("ignore")
OUT = sys.argv[1]
rng = np.random.default_rng(7)
manifest = []


def frame(X, prefix="f"):
    return pd.DataFrame(X, columns=[f"{prefix}{i}" for i in range(X.shape[1])])


def save(name, model, X_test, y_test, extra=None):
    path = os.path.join(OUT, name + ".skops")
    sio.dump(model, path)
    data = X_test.copy()
    data["target"] = y_test
    data.to_csv(os.path.join(OUT, name + ".csv"), index=False)
    y_pred = model.predict(X_test)
    exp = {}
    if hasattr(model, "classes_"):
        classes = model.classes_
        exp["accuracy"] = M.accuracy_score(y_test, y_pred)
        exp["balanced_accuracy"] = M.balanced_accuracy_score(y_test, y_pred)
        for avg in ("macro", "weighted"):
            exp["precision " + avg] = M.precision_score(y_test, y_pred, average=avg)
            exp["recall " + avg] = M.recall_score(y_test, y_pred, average=avg)
            exp["f1 " + avg] = M.f1_score(y_test, y_pred, average=avg)
        if hasattr(model, "predict_proba"):
            proba = model.predict_proba(X_test)
            if len(classes) == 2:
                exp["roc_auc"] = M.roc_auc_score(y_test, proba[:, 1])
            else:
                exp["roc_auc ovr-macro"] = M.roc_auc_score(y_test, proba, multi_class="ovr", labels=classes)
            exp["log_loss"] = M.log_loss(y_test, proba, labels=classes)
        elif hasattr(model, "decision_function") and len(classes) == 2:
            exp["roc_auc"] = M.roc_auc_score(y_test, model.decision_function(X_test))
    else:
        exp["r2"] = M.r2_score(y_test, y_pred)
        exp["mae"] = M.mean_absolute_error(y_test, y_pred)
        exp["rmse"] = M.root_mean_squared_error(y_test, y_pred)
        exp["mape"] = M.mean_absolute_percentage_error(y_test, y_pred)
    final = model[-1] if isinstance(model, Pipeline) else model
    fi = getattr(final, "feature_importances_", None)
    entry = {"name": name, "untrusted": sio.get_untrusted_types(file=path), "expected": exp,
             "feature_importances": None if fi is None else [float(v) for v in fi]}
    entry.update(extra or {})
    manifest.append(entry)


# binary, numeric DataFrame
X, y = make_classification(n_samples=400, n_features=6, n_informative=3, random_state=0)
X = frame(X)
save("logreg-binary", LogisticRegression(max_iter=500).fit(X[:300], y[:300]), X[300:], y[300:])
# multiclass random forest with feature names
iris = load_iris(as_frame=True)
Xi, yi = iris.data, iris.target
idx = rng.permutation(len(yi))
tr, te = idx[:100], idx[100:]
save("forest-multiclass", RandomForestClassifier(n_estimators=15, random_state=0).fit(Xi.iloc[tr], yi.iloc[tr]),
     Xi.iloc[te], yi.iloc[te])
save("tree-multiclass", DecisionTreeClassifier(max_depth=3, random_state=0).fit(Xi.iloc[tr], yi.iloc[tr]),
     Xi.iloc[te], yi.iloc[te])
save("extratrees-multiclass", ExtraTreesClassifier(n_estimators=10, random_state=1).fit(Xi.iloc[tr], yi.iloc[tr]),
     Xi.iloc[te], yi.iloc[te])
save("gb-multiclass", GradientBoostingClassifier(n_estimators=12, max_depth=2, random_state=0)
     .fit(Xi.iloc[tr], yi.iloc[tr]), Xi.iloc[te], yi.iloc[te])
# string labels, no predict_proba (decision function only)
ys = np.where(y == 1, "yes", "no")
save("linearsvc-strings", LinearSVC().fit(X[:300], ys[:300]), X[300:], ys[300:])
# multiclass without scores that give probabilities
save("ridgeclassifier-multiclass", RidgeClassifier().fit(Xi.iloc[tr], yi.iloc[tr]), Xi.iloc[te], yi.iloc[te])
# regressors
Xr, yr = make_regression(n_samples=300, n_features=5, noise=5.0, random_state=0)
Xr = frame(Xr, "x")
save("ridge", Ridge(alpha=0.5).fit(Xr[:200], yr[:200]), Xr[200:], yr[200:])
save("gb-regressor", GradientBoostingRegressor(n_estimators=20, random_state=0).fit(Xr[:200], yr[:200]),
     Xr[200:], yr[200:])
save("tree-regressor", DecisionTreeRegressor(max_depth=4, random_state=0).fit(Xr[:200], yr[:200]),
     Xr[200:], yr[200:])
save("forest-regressor", make_pipeline(StandardScaler(), RandomForestRegressor(n_estimators=8, random_state=0))
     .fit(Xr[:200], yr[:200]), Xr[200:], yr[200:])
# a pipeline on a mixed DataFrame (numbers with gaps, a string category)
n = 300
mixed = pd.DataFrame({"age": rng.normal(40, 10, n).round(1), "income": rng.lognormal(10, 0.5, n).round(2),
                      "city": rng.choice(["Oslo", "Lima", "Pune", "Kyiv"], n)})
mixed.loc[rng.random(n) < 0.1, "age"] = np.nan
ym = ((mixed["income"] > 25000) ^ (mixed["city"] == "Lima")).astype(int).to_numpy()
pre = ColumnTransformer([("num", make_pipeline(SimpleImputer(), StandardScaler()), ["age", "income"]),
                         ("cat", OneHotEncoder(handle_unknown="ignore"), ["city"])])
save("pipeline-mixed", Pipeline([("pre", pre), ("clf", LogisticRegression())]).fit(mixed[:200], ym[:200]),
     mixed[200:].reset_index(drop=True), ym[200:])

# permutation importance: y depends strongly on x0, weakly on x1, not at all on x2 (noise)
Xp = pd.DataFrame({"strong": rng.normal(size=400), "weak": rng.normal(size=400), "noise": rng.normal(size=400)})
yp = 10 * Xp["strong"] + Xp["weak"] + rng.normal(scale=0.1, size=400)
lin = LinearRegression().fit(Xp[:300], yp[:300])
pi = permutation_importance(lin, Xp[300:], yp[300:], n_repeats=30, random_state=0)
save("permutation-linear", lin, Xp[300:].reset_index(drop=True), yp[300:].to_numpy(),
     {"perm_mean": [float(v) for v in pi.importances_mean], "perm_std": [float(v) for v in pi.importances_std]})

with open(os.path.join(OUT, "manifest.json"), "w") as f:
    json.dump(manifest, f)
