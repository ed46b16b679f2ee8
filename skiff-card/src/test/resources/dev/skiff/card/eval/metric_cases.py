"""Classification and regression cases with scikit-learn's answers, as JSON on stdout (for ClassificationMetricsOracleTest)."""
import json
import warnings

import numpy as np
from sklearn import metrics as M

warnings.filterwarnings("ignore")
rng = np.random.default_rng(20261122)


def plain(a):
    a = np.asarray(a)
    if a.dtype.kind in "iub":
        return [int(v) for v in a.ravel()]
    if a.dtype.kind == "f":
        return [float(v) for v in a.ravel()]
    return [str(v) for v in a.ravel()]


def softmax_rows(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def try_(f):
    try:
        return float(f())
    except ValueError as e:
        return "error: " + str(e)


def classification(name, y_true, y_pred, classes, proba=None, decision=None):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    classes = np.asarray(classes)
    exp = {
        "accuracy": M.accuracy_score(y_true, y_pred),
        "balanced_accuracy": M.balanced_accuracy_score(y_true, y_pred),
        "labels": plain(M._classification.unique_labels(y_true, y_pred)),
        "confusion": M.confusion_matrix(y_true, y_pred).tolist(),
    }
    for avg in ("macro", "weighted"):
        exp["precision_" + avg] = M.precision_score(y_true, y_pred, average=avg)
        exp["recall_" + avg] = M.recall_score(y_true, y_pred, average=avg)
        exp["f1_" + avg] = M.f1_score(y_true, y_pred, average=avg)
    curves = []
    if proba is not None:
        proba = np.asarray(proba, dtype=float)
        k = len(classes)
        if k == 2:
            exp["roc_auc"] = try_(lambda: M.roc_auc_score(y_true, proba[:, 1]))
            cols = [1]
        else:
            exp["roc_auc"] = try_(lambda: M.roc_auc_score(y_true, proba, multi_class="ovr", labels=classes))
            cols = range(k)
        exp["log_loss"] = try_(lambda: M.log_loss(y_true, proba, labels=classes))
        for c in cols:
            curves.append((c, proba[:, c]))
    elif decision is not None:
        decision = np.asarray(decision, dtype=float)
        exp["roc_auc"] = try_(lambda: M.roc_auc_score(y_true, decision))
        curves.append((1, decision))
    exp["curves"] = []
    for c, s in curves:
        pos = y_true == classes[c]
        fpr, tpr, thr = M.roc_curve(pos, s)
        p, r, t = M.precision_recall_curve(pos, s)
        exp["curves"].append({"class": c, "fpr": plain(fpr), "tpr": plain(tpr), "thr": plain(thr),
                              "precision": plain(p), "recall": plain(r), "pr_thr": plain(t),
                              "auc": try_(lambda: M.roc_auc_score(pos, s)) if pos.any() and not pos.all() else float("nan"),
                              "ap": float(M.average_precision_score(pos, s)) if pos.any() else float("nan")})
    return {"name": name, "kind": y_true.dtype.kind, "y_true": plain(y_true), "y_pred": plain(y_pred),
            "classes": plain(classes), "proba": None if proba is None else proba.tolist(),
            "decision": None if decision is None else plain(decision), "expected": exp}


cases = []
n = 1000
# binary ints, continuous scores
y = rng.integers(0, 2, n)
p1 = np.clip(0.3 * y + rng.random(n) * 0.7, 0, 1)
cases.append(classification("binary", y, (p1 > 0.5).astype(int), [0, 1], proba=np.c_[1 - p1, p1]))
# binary with heavy ties in the scores (rounded to one decimal) and exact 0/1 probabilities
pt = np.round(p1, 1)
pt[:10] = 0.0
pt[10:20] = 1.0
cases.append(classification("binary-ties-clipped", y, (pt >= 0.5).astype(int), [0, 1], proba=np.c_[1 - pt, pt]))
# binary scored by a decision function (no probabilities)
d = rng.normal(size=n) + y
cases.append(classification("binary-decision", y, (d > 0).astype(int), [0, 1], decision=d))
# multiclass ints, 4 classes, from softmax scores
y4 = rng.integers(0, 4, 777)
z = rng.normal(size=(777, 4)) + 1.5 * np.eye(4)[y4]
P = softmax_rows(z)
cases.append(classification("multiclass", y4, P.argmax(axis=1), [0, 1, 2, 3], proba=P))
# string labels whose order depends on code points (upper case before lower case, non-ASCII last)
names = np.array(["apple", "Banana", "cherry", "\u00e9clair"])
ys = names[rng.integers(0, 4, 300)]
zs = rng.normal(size=(300, 4)) + 2.0 * (ys[:, None] == np.sort(names)[None, :])
Ps = softmax_rows(zs)
cases.append(classification("strings", ys, np.sort(names)[Ps.argmax(axis=1)], np.sort(names), proba=Ps))
# a label that is predicted but never true, and one that is true but never predicted (zero divisions)
yt = np.array([0, 0, 1, 1, 1, 2, 2, 0, 1, 2])
yp = np.array([0, 3, 1, 1, 0, 0, 0, 0, 3, 0])
cases.append(classification("zero-division", yt, yp, [0, 1, 2, 3]))
# float labels (integral: scikit-learn calls non-integral floats "continuous" and refuses them)
yf = np.array([-1.0, 2.0, 10.0])[rng.integers(0, 3, 60)]
pf = np.array([-1.0, 2.0, 10.0])[rng.integers(0, 3, 60)]
cases.append(classification("float-labels", yf, pf, [-1.0, 2.0, 10.0]))
# only one class in y_true: ROC AUC undefined (NaN)
yo = np.ones(20, dtype=int)
po = rng.random(20)
cases.append(classification("one-class", yo, (po > 0.5).astype(int), [0, 1], proba=np.c_[1 - po, po]))
# a class of the model that never occurs in y_true: OvR AUC NaN, log loss still defined
y3 = rng.integers(0, 2, 50)
P3 = softmax_rows(rng.normal(size=(50, 3)))
cases.append(classification("absent-class", y3, P3.argmax(axis=1), [0, 1, 2], proba=P3))
# perfect predictions
cases.append(classification("perfect", y4, y4, [0, 1, 2, 3], proba=np.eye(4)[y4]))
# tiny
cases.append(classification("single-row", np.array([1]), np.array([0]), [0, 1], proba=np.array([[0.6, 0.4]])))


def regression(name, y_true, y_pred):
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    return {"name": name, "y_true": plain(y_true), "y_pred": plain(y_pred), "expected": {
        "r2": M.r2_score(y_true, y_pred), "mae": M.mean_absolute_error(y_true, y_pred),
        "rmse": M.root_mean_squared_error(y_true, y_pred),
        "mape": M.mean_absolute_percentage_error(y_true, y_pred),
        "mse": M.mean_squared_error(y_true, y_pred)}}


reg = []
yr = rng.normal(loc=3.0, scale=10.0, size=1234)
reg.append(regression("random", yr, yr + rng.normal(size=1234)))
reg.append(regression("large-offset", 1e6 + yr, 1e6 + yr + rng.normal(size=1234) * 1e-3))
yz = yr.copy()
yz[::7] = 0.0
reg.append(regression("zeros-in-target", yz, yz + 0.5))
reg.append(regression("constant-target-perfect", np.full(10, 2.0), np.full(10, 2.0)))
reg.append(regression("constant-target-wrong", np.full(10, 2.0), np.linspace(1, 3, 10)))
reg.append(regression("single-row", [1.0], [2.0]))
reg.append(regression("small", [3, -0.5, 2, 7], [2.5, 0.0, 2, 8]))
reg.append(regression("seven", np.arange(7) * 0.1, np.arange(7) * 0.11))
print(json.dumps({"classification": cases, "regression": reg}))
