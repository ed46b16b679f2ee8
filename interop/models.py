"""The model zoo: fitted scikit-learn estimators, pipelines and payload objects for the interop tests.

Every entry is built by a small function registered with :func:`model` and returns a
:class:`ZooModel`: the fitted object, held-out input to compare outputs on, and the names of extra
"payload" attributes (arbitrary Python/numpy/scipy values set on a fitted estimator, which skops
dumps like any other attribute) to compare for equality after a round trip.

Together the entries exercise every skops loader (``JsonNode`` ... ``LossNode``) and every numpy
dtype skops writes; ``test_format_interop.py::test_zoo_covers_every_loader`` checks that from the
dumped files themselves, so coverage cannot silently rot.

Everything is deterministic (fixed seeds, small synthetic data) and the whole zoo fits in a few
seconds. Models are built lazily (:func:`build`) so test collection only needs :data:`NAMES`.
"""
from __future__ import annotations

import collections
import datetime
import decimal
import fractions
import functools
import math
import operator
import types
import warnings
import zoneinfo
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np
import pandas as pd
import scipy.sparse as sp
import scipy.special

import helpers_mod

# --------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------

#: the output methods compared between two loaded copies of a model, when the model has them
METHODS = ("predict", "predict_proba", "decision_function", "transform", "score_samples")


@dataclass
class ZooModel:
    name: str
    obj: Any
    X: Any = None
    #: attribute names (on ``obj``) of payload values to compare for equality after loading
    payload: tuple[str, ...] = ()
    #: pairs of payload attributes that are the *same* object and must stay shared after loading
    shared: tuple[tuple[str, str], ...] = ()
    #: the output methods that work on ``X`` (filled by :func:`build`)
    methods: tuple[str, ...] = field(default_factory=tuple)


_BUILDERS: dict[str, Callable[[], ZooModel]] = {}


def model(name: str):
    def deco(fn):
        if name in _BUILDERS:
            raise ValueError(f"duplicate zoo name {name}")
        _BUILDERS[name] = fn
        return fn

    return deco


def _methods_of(obj, X) -> tuple[str, ...]:
    if X is None:
        return ()
    found = []
    for m in METHODS:
        if not hasattr(obj, m):
            continue
        try:
            getattr(obj, m)(X)
        except (AttributeError, NotImplementedError):
            continue
        found.append(m)
    return tuple(found)


_CACHE: dict[str, ZooModel] = {}


def build(name: str) -> ZooModel:
    """Fits (once per process) and returns the zoo entry ``name``."""
    if name not in _CACHE:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # convergence & friends: irrelevant for a format test
            zm = _BUILDERS[name]()
            zm.name = name
            zm.methods = _methods_of(zm.obj, zm.X)
        _CACHE[name] = zm
    return _CACHE[name]


def build_all() -> dict[str, ZooModel]:
    return {n: build(n) for n in NAMES}


def _with(obj, **attrs):
    """Sets extra attributes on a fitted object (skops dumps every attribute)."""
    for k, v in attrs.items():
        setattr(obj, k, v)
    return obj


def _zm(obj, X=None, **attrs) -> ZooModel:
    _with(obj, **attrs)
    return ZooModel(name="", obj=obj, X=X, payload=tuple(attrs))


# --------------------------------------------------------------------------------------------
# Data (small, deterministic)
# --------------------------------------------------------------------------------------------

N_TRAIN = 160


@functools.cache
def cls3():
    from sklearn.datasets import make_classification

    X, y = make_classification(n_samples=220, n_features=8, n_informative=5, n_redundant=1,
                               n_classes=3, random_state=0)
    return X[:N_TRAIN], y[:N_TRAIN], X[N_TRAIN:]


@functools.cache
def cls2():
    from sklearn.datasets import make_classification

    X, y = make_classification(n_samples=220, n_features=6, n_informative=4, n_redundant=1,
                               n_classes=2, random_state=1)
    return X[:N_TRAIN], y[:N_TRAIN], X[N_TRAIN:]


@functools.cache
def reg():
    from sklearn.datasets import make_regression

    X, y = make_regression(n_samples=220, n_features=6, n_informative=4, noise=0.5, random_state=2)
    return X[:N_TRAIN], y[:N_TRAIN], X[N_TRAIN:]


@functools.cache
def reg_pos():
    """Strictly positive targets (poisson/gamma losses)."""
    X, y, Xt = reg()
    return X, np.exp(y / (2 * np.std(y))) + 0.1, Xt


@functools.cache
def frame():
    """A DataFrame with numeric, string-categorical and missing-value columns, plus a target."""
    rng = np.random.RandomState(3)
    n = 220
    df = pd.DataFrame({
        "age": rng.randint(18, 80, n).astype(float),
        "income": np.round(rng.lognormal(10, 0.5, n), 2),
        "score": rng.normal(size=n),
        "color": rng.choice(["red", "green", "blue"], n),
        "city": rng.choice(["paris", "berlin", "rome", "oslo", "lima"], n,
                           p=[0.4, 0.3, 0.2, 0.07, 0.03]),
    })
    df.loc[rng.rand(n) < 0.1, "age"] = np.nan
    df.loc[rng.rand(n) < 0.08, "color"] = np.nan
    y = ((df["score"] + (df["color"] == "red") - (df["city"] == "rome")) > 0.2).astype(int).to_numpy()
    return df.iloc[:N_TRAIN].reset_index(drop=True), y[:N_TRAIN], df.iloc[N_TRAIN:].reset_index(drop=True)


@functools.cache
def texts():
    rng = np.random.RandomState(4)
    pos = ["good", "great", "excellent", "happy", "love", "nice"]
    neg = ["bad", "awful", "terrible", "sad", "hate", "poor"]
    neutral = ["the", "movie", "film", "plot", "actor", "was", "really", "quite", "a", "skiff"]
    docs, ys = [], []
    for i in range(200):
        label = i % 2
        words = list(rng.choice(neutral, 5)) + list(rng.choice(pos if label else neg, 2))
        rng.shuffle(words)
        docs.append(" ".join(words))
        ys.append(["neg", "pos"][label])
    return docs[:150], np.array(ys[:150]), docs[150:] + ["unseen words only", ""]


def _sparse(X):
    Xs = np.where(np.abs(X) > 0.8, X, 0.0)
    return sp.csr_matrix(Xs)


# --------------------------------------------------------------------------------------------
# Linear models
# --------------------------------------------------------------------------------------------


@model("logreg_binary")
def _():
    from sklearn.linear_model import LogisticRegression

    X, y, Xt = cls2()
    return _zm(LogisticRegression().fit(X, y), Xt)


@model("logreg_multinomial")
def _():
    from sklearn.linear_model import LogisticRegression

    X, y, Xt = cls3()
    return _zm(LogisticRegression(C=0.5, max_iter=200).fit(X, y), Xt)


@model("logreg_class_weight_int_keys")
def _():
    from sklearn.linear_model import LogisticRegression

    X, y, Xt = cls3()
    return _zm(LogisticRegression(class_weight={0: 1.0, 1: 2.5, 2: 0.5}).fit(X, y), Xt)


@model("logreg_sparsified_coef")
def _():
    from sklearn.linear_model import LogisticRegression

    X, y, Xt = cls3()
    return _zm(LogisticRegression(C=0.05, l1_ratio=1.0, solver="saga", max_iter=300).fit(X, y).sparsify(), Xt)


@model("logreg_object_labels_dataframe")
def _():
    from sklearn.linear_model import LogisticRegression

    df, y, dft = frame()
    cols = ["income", "score"]
    labels = np.array(["no", "yes"], dtype=object)[y]
    return _zm(LogisticRegression().fit(df[cols], labels), dft[cols])


@model("ridge_classifier")
def _():
    from sklearn.linear_model import RidgeClassifier

    X, y, Xt = cls3()
    return _zm(RidgeClassifier().fit(X, y), Xt)


@model("linear_regressors_voting")
def _():
    from sklearn.ensemble import VotingRegressor
    from sklearn.linear_model import ElasticNet, HuberRegressor, Lasso, LinearRegression, Ridge

    X, y, Xt = reg()
    v = VotingRegressor([("ols", LinearRegression()), ("ridge", Ridge(alpha=2.0)), ("lasso", Lasso(alpha=0.5)),
                         ("enet", ElasticNet(alpha=0.3, l1_ratio=0.3)), ("huber", HuberRegressor())])
    return _zm(v.fit(X, y), Xt)


@model("glm_regressors_voting")
def _():
    from sklearn.ensemble import VotingRegressor
    from sklearn.linear_model import GammaRegressor, PoissonRegressor, TweedieRegressor

    X, y, Xt = reg_pos()
    v = VotingRegressor([("poisson", PoissonRegressor()), ("gamma", GammaRegressor()),
                         ("tweedie", TweedieRegressor(power=1.5, link="log"))])
    return _zm(v.fit(X, y), Xt)


@model("sgd_classifiers_losses_voting")
def _():
    from sklearn.ensemble import VotingClassifier
    from sklearn.linear_model import SGDClassifier

    X, y, Xt = cls3()
    # one LossNode per loss: Hinge, CyHalfBinomialLoss, ModifiedHuber, SquaredHinge, Hinge(0.0)
    losses = ["hinge", "log_loss", "modified_huber", "squared_hinge", "perceptron"]
    v = VotingClassifier([(l, SGDClassifier(loss=l, max_iter=50, random_state=0)) for l in losses], voting="hard")
    return _zm(v.fit(X, y), Xt)


@model("sgd_classifier_log_loss_proba")
def _():
    from sklearn.linear_model import SGDClassifier

    X, y, Xt = cls2()
    return _zm(SGDClassifier(loss="log_loss", max_iter=50, random_state=0).fit(X, y), Xt)


@model("sgd_regressors_losses_voting")
def _():
    from sklearn.ensemble import VotingRegressor
    from sklearn.linear_model import SGDRegressor

    X, y, Xt = reg()
    losses = ["squared_error", "huber", "epsilon_insensitive", "squared_epsilon_insensitive"]
    v = VotingRegressor([(l, SGDRegressor(loss=l, max_iter=50, random_state=0)) for l in losses])
    return _zm(v.fit(X, y), Xt)


# --------------------------------------------------------------------------------------------
# SVM, neighbors, naive Bayes, neural nets, discriminant analysis
# --------------------------------------------------------------------------------------------


@model("linear_svc")
def _():
    from sklearn.svm import LinearSVC

    X, y, Xt = cls3()
    return _zm(LinearSVC(random_state=0).fit(X, y), Xt)


@model("svr_linear_svr_voting")
def _():
    from sklearn.ensemble import VotingRegressor
    from sklearn.svm import SVR, LinearSVR

    X, y, Xt = reg()
    v = VotingRegressor([("svr", SVR(C=10.0)), ("lsvr", LinearSVR(random_state=0, max_iter=2000))])
    return _zm(v.fit(X, y), Xt)


@model("svc_probability")
def _():
    from sklearn.svm import SVC

    X, y, Xt = cls3()
    return _zm(SVC(probability=True, random_state=0).fit(X, y), Xt)


@model("svc_sparse_input")
def _():
    from sklearn.svm import SVC

    X, y, Xt = cls2()
    # fitted on CSR input: support_vectors_ and dual_coef_ are kept as scipy sparse matrices
    return _zm(SVC(kernel="linear").fit(_sparse(X), y), _sparse(Xt))


@model("one_class_svm")
def _():
    from sklearn.svm import OneClassSVM

    X, _, Xt = cls2()
    return _zm(OneClassSVM(nu=0.2).fit(X), Xt)


@model("knn_classifier_kd_tree")
def _():
    from sklearn.neighbors import KNeighborsClassifier

    X, y, Xt = cls3()
    return _zm(KNeighborsClassifier(n_neighbors=5).fit(X, y), Xt)


@model("knn_regressor_ball_tree")
def _():
    from sklearn.neighbors import KNeighborsRegressor

    X, y, Xt = reg()
    return _zm(KNeighborsRegressor(n_neighbors=3, algorithm="ball_tree", weights="distance").fit(X, y), Xt)


@model("knn_classifier_sparse_brute")
def _():
    from sklearn.neighbors import KNeighborsClassifier

    X, y, Xt = cls2()
    return _zm(KNeighborsClassifier(n_neighbors=3).fit(_sparse(X), y), _sparse(Xt))


@model("kernel_density")
def _():
    from sklearn.neighbors import KernelDensity

    X, _, Xt = cls2()
    return _zm(KernelDensity(bandwidth=0.7).fit(X), Xt)


@model("local_outlier_factor_novelty")
def _():
    from sklearn.neighbors import LocalOutlierFactor

    X, _, Xt = cls2()
    return _zm(LocalOutlierFactor(n_neighbors=10, novelty=True).fit(X), Xt)


@model("naive_bayes_voting")
def _():
    from sklearn.ensemble import VotingClassifier
    from sklearn.naive_bayes import BernoulliNB, GaussianNB

    X, y, Xt = cls3()
    v = VotingClassifier([("gnb", GaussianNB()), ("bnb", BernoulliNB(binarize=0.0))], voting="soft")
    return _zm(v.fit(X, y), Xt)


@model("mlp_classifier")
def _():
    from sklearn.neural_network import MLPClassifier

    X, y, Xt = cls3()
    return _zm(MLPClassifier(hidden_layer_sizes=(12, 6), max_iter=150, random_state=0).fit(X, y), Xt)


@model("lda_qda")
def _():
    from sklearn.discriminant_analysis import LinearDiscriminantAnalysis, QuadraticDiscriminantAnalysis
    from sklearn.ensemble import VotingClassifier

    X, y, Xt = cls3()
    v = VotingClassifier([("lda", LinearDiscriminantAnalysis()), ("qda", QuadraticDiscriminantAnalysis(reg_param=0.2))],
                         voting="soft")
    return _zm(v.fit(X, y), Xt)


# --------------------------------------------------------------------------------------------
# Trees and ensembles (TreeNode, LossNode)
# --------------------------------------------------------------------------------------------


@model("decision_tree_classifier")
def _():
    from sklearn.tree import DecisionTreeClassifier

    X, y, Xt = cls3()
    return _zm(DecisionTreeClassifier(max_depth=5, random_state=0).fit(X, y), Xt)


@model("decision_tree_regressor_nan")
def _():
    from sklearn.tree import DecisionTreeRegressor

    X, y, Xt = reg()
    X = X.copy()
    X[::7, 0] = np.nan  # missing_go_to_left is exercised
    Xt = Xt.copy()
    Xt[::5, 0] = np.nan
    return _zm(DecisionTreeRegressor(max_depth=6, random_state=0).fit(X, y), Xt)


@model("random_forest_classifier_random_state_obj")
def _():
    from sklearn.ensemble import RandomForestClassifier

    X, y, Xt = cls3()
    # random_state stays a RandomState object in the params -> RandomStateNode
    rf = RandomForestClassifier(n_estimators=8, max_depth=6, random_state=np.random.RandomState(0))
    return _zm(rf.fit(X, y), Xt)


@model("random_forest_regressor_dataframe")
def _():
    from sklearn.ensemble import RandomForestRegressor

    df, _, dft = frame()
    cols = ["income", "score"]
    target = df["income"] * 0.001 + df["score"]
    return _zm(RandomForestRegressor(n_estimators=5, max_depth=5, random_state=0).fit(df[cols], target), dft[cols])


@model("extra_trees_classifier")
def _():
    from sklearn.ensemble import ExtraTreesClassifier

    X, y, Xt = cls2()
    return _zm(ExtraTreesClassifier(n_estimators=6, max_depth=6, random_state=0).fit(X, y), Xt)


@model("isolation_forest")
def _():
    from sklearn.ensemble import IsolationForest

    X, _, Xt = cls2()
    return _zm(IsolationForest(n_estimators=10, random_state=0).fit(X), Xt)


@model("gb_classifier_log_loss_multiclass")
def _():
    from sklearn.ensemble import GradientBoostingClassifier

    X, y, Xt = cls3()
    return _zm(GradientBoostingClassifier(n_estimators=10, max_depth=2, random_state=0).fit(X, y), Xt)


@model("gb_classifier_exponential")
def _():
    from sklearn.ensemble import GradientBoostingClassifier

    X, y, Xt = cls2()
    return _zm(GradientBoostingClassifier(loss="exponential", n_estimators=10, subsample=0.8, random_state=0).fit(X, y), Xt)


@model("gb_regressors_losses_voting")
def _():
    from sklearn.ensemble import GradientBoostingRegressor, VotingRegressor

    X, y, Xt = reg()
    losses = {"squared_error": {}, "absolute_error": {}, "huber": {"alpha": 0.8}, "quantile": {"alpha": 0.9}}
    v = VotingRegressor([(l, GradientBoostingRegressor(loss=l, n_estimators=8, max_depth=2, random_state=0, **kw))
                         for l, kw in losses.items()])
    return _zm(v.fit(X, y), Xt)


@model("hgb_classifier_binary")
def _():
    from sklearn.ensemble import HistGradientBoostingClassifier

    X, y, Xt = cls2()
    return _zm(HistGradientBoostingClassifier(max_iter=15, random_state=0).fit(X, y), Xt)


@model("hgb_classifier_multiclass_early_stopping")
def _():
    from sklearn.ensemble import HistGradientBoostingClassifier

    X, y, Xt = cls3()
    m = HistGradientBoostingClassifier(max_iter=20, early_stopping=True, validation_fraction=0.2,
                                       n_iter_no_change=3, random_state=0)
    return _zm(m.fit(X, y), Xt)


@model("hgb_classifier_categorical_nan_dataframe")
def _():
    from sklearn.ensemble import HistGradientBoostingClassifier

    df, y, dft = frame()

    def prep(d):
        d = d.copy()
        for c in ("color", "city"):
            d[c] = pd.Categorical(d[c], categories=sorted(frame()[0][c].dropna().unique()))
        return d

    m = HistGradientBoostingClassifier(max_iter=15, categorical_features="from_dtype", random_state=0)
    return _zm(m.fit(prep(df), y), prep(dft))


@model("hgb_regressors_losses_voting_nan")
def _():
    from sklearn.ensemble import HistGradientBoostingRegressor, VotingRegressor

    X, y, Xt = reg_pos()
    X = X.copy()
    X[::9, 1] = np.nan
    Xt = Xt.copy()
    Xt[::4, 1] = np.nan
    losses = {"squared_error": {}, "absolute_error": {}, "poisson": {}, "gamma": {}, "quantile": {"quantile": 0.8}}
    v = VotingRegressor([(l, HistGradientBoostingRegressor(loss=l, max_iter=10, random_state=0, **kw))
                         for l, kw in losses.items()])
    return _zm(v.fit(X, y), Xt)


@model("bagging_regressor")
def _():
    from sklearn.ensemble import BaggingRegressor

    X, y, Xt = reg()
    return _zm(BaggingRegressor(n_estimators=4, max_samples=0.7, random_state=0).fit(X, y), Xt)


@model("voting_classifier_soft")
def _():
    from sklearn.ensemble import VotingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import GaussianNB
    from sklearn.tree import DecisionTreeClassifier

    X, y, Xt = cls3()
    v = VotingClassifier([("lr", LogisticRegression()), ("nb", GaussianNB()),
                          ("dt", DecisionTreeClassifier(max_depth=3, random_state=0))],
                         voting="soft", weights=[2, 1, 1])
    return _zm(v.fit(X, y), Xt)


@model("voting_classifier_hard_string_labels")
def _():
    from sklearn.ensemble import VotingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import GaussianNB

    X, y, Xt = cls3()
    v = VotingClassifier([("lr", LogisticRegression()), ("nb", GaussianNB())], voting="hard")
    return _zm(v.fit(X, np.array(["a", "bb", "ccc"])[y]), Xt)


@model("stacking_classifier")
def _():
    from sklearn.ensemble import StackingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.tree import DecisionTreeClassifier

    X, y, Xt = cls3()
    s = StackingClassifier([("dt", DecisionTreeClassifier(max_depth=3, random_state=0)),
                            ("knn", KNeighborsClassifier(algorithm="brute"))],
                           final_estimator=LogisticRegression(), cv=3)
    return _zm(s.fit(X, y), Xt)


@model("calibrated_classifier_cv")
def _():
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.svm import LinearSVC

    X, y, Xt = cls3()
    return _zm(CalibratedClassifierCV(LinearSVC(random_state=0), cv=3).fit(X, y), Xt)


@model("grid_search_cv_masked_results")
def _():
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV

    X, y, Xt = cls3()
    # cv_results_ holds numpy masked arrays (param_*) -> MaskedArrayNode
    g = GridSearchCV(LogisticRegression(max_iter=200), [{"C": [0.1, 1.0]}, {"C": [3.0], "fit_intercept": [False]}], cv=3)
    return _zm(g.fit(X, y), Xt)


# --------------------------------------------------------------------------------------------
# Clustering, mixtures, decomposition, kernel approximation
# --------------------------------------------------------------------------------------------


@model("kmeans")
def _():
    from sklearn.cluster import KMeans

    X, _, Xt = cls3()
    return _zm(KMeans(n_clusters=3, n_init=2, random_state=0).fit(X), Xt)


@model("gaussian_mixture")
def _():
    from sklearn.mixture import GaussianMixture

    X, _, Xt = cls3()
    return _zm(GaussianMixture(n_components=2, covariance_type="full", random_state=0).fit(X), Xt)


@model("pca")
def _():
    from sklearn.decomposition import PCA

    X, _, Xt = cls3()
    return _zm(PCA(n_components=3, whiten=True, random_state=0).fit(X), Xt)


@model("truncated_svd_sparse")
def _():
    from sklearn.decomposition import TruncatedSVD

    X, _, Xt = cls3()
    return _zm(TruncatedSVD(n_components=3, random_state=0).fit(_sparse(X)), _sparse(Xt))


@model("nmf_kernel_approximation_union")
def _():
    from sklearn.decomposition import NMF
    from sklearn.kernel_approximation import Nystroem, RBFSampler
    from sklearn.pipeline import FeatureUnion

    X, _, Xt = cls2()
    u = FeatureUnion([("nmf", NMF(n_components=3, init="nndsvda", max_iter=100, random_state=0)),
                      ("ny", Nystroem(n_components=10, random_state=0)),
                      ("rbf", RBFSampler(n_components=5, random_state=0))])
    return _zm(u.fit(np.abs(X)), np.abs(Xt))


# --------------------------------------------------------------------------------------------
# Preprocessing, imputation, encoders, feature selection
# --------------------------------------------------------------------------------------------


@model("scalers_union")
def _():
    from sklearn.pipeline import FeatureUnion
    from sklearn.preprocessing import (MaxAbsScaler, MinMaxScaler, Normalizer, PowerTransformer,
                                       QuantileTransformer, RobustScaler, StandardScaler)

    X, _, Xt = reg()
    u = FeatureUnion([("std", StandardScaler()), ("minmax", MinMaxScaler(feature_range=(-1, 2))),
                      ("maxabs", MaxAbsScaler()), ("robust", RobustScaler(quantile_range=(10.0, 90.0))),
                      ("power", PowerTransformer()), ("quantile", QuantileTransformer(n_quantiles=50)),
                      ("norm", Normalizer(norm="l1"))])
    return _zm(u.fit(X), Xt)


@model("binning_polynomial_spline_union")
def _():
    from sklearn.pipeline import FeatureUnion
    from sklearn.preprocessing import KBinsDiscretizer, PolynomialFeatures, SplineTransformer

    X, _, Xt = reg()
    u = FeatureUnion([
        ("kbins", KBinsDiscretizer(n_bins=4, encode="ordinal", quantile_method="averaged_inverted_cdf")),
        ("poly", PolynomialFeatures(degree=2)),
        ("spline", SplineTransformer(n_knots=4)),  # holds scipy BSpline objects
    ])
    return _zm(u.fit(X), Xt)


@model("simple_imputers_union")
def _():
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import FeatureUnion

    X, _, Xt = reg()
    X = X.copy()
    X[::4, 0] = np.nan
    X[1::5, 3] = np.nan
    Xt = Xt.copy()
    Xt[::3, 3] = np.nan
    u = FeatureUnion([("mean", SimpleImputer(strategy="mean", add_indicator=True)),
                      ("median", SimpleImputer(strategy="median")),
                      ("most_frequent", SimpleImputer(strategy="most_frequent")),
                      ("constant", SimpleImputer(strategy="constant", fill_value=-1.5))])
    return _zm(u.fit(X), Xt)


@model("imputers_strings_knn_missing_indicator")
def _():
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import KNNImputer, MissingIndicator, SimpleImputer

    df, _, dft = frame()
    ct = ColumnTransformer([
        ("str_const", SimpleImputer(strategy="constant", fill_value="missing"), ["color", "city"]),
        ("str_freq", SimpleImputer(strategy="most_frequent"), ["color"]),
        ("knn", KNNImputer(n_neighbors=3), ["age", "income", "score"]),
        ("indicator", MissingIndicator(features="all"), ["age", "income"]),
    ])
    return _zm(ct.fit(df), dft)


@model("one_hot_encoder_ignore_sparse")
def _():
    from sklearn.preprocessing import OneHotEncoder

    df, _, dft = frame()
    cols = ["color", "city"]
    return _zm(OneHotEncoder(handle_unknown="ignore").fit(df[cols]), dft[cols])


@model("encoders_column_transformer")
def _():
    from sklearn.compose import ColumnTransformer
    from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder

    df, _, dft = frame()
    ct = ColumnTransformer([
        # dtype=np.float32 is a TypeNode
        ("ohe_drop_first", OneHotEncoder(drop="first", sparse_output=False, dtype=np.float32), ["city"]),
        ("ohe_min_frequency", OneHotEncoder(min_frequency=8, handle_unknown="infrequent_if_exist",
                                            sparse_output=False), ["color", "city"]),
        ("ordinal", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                                   encoded_missing_value=-2), ["color", "city"]),
    ], sparse_threshold=0.0)
    return _zm(ct.fit(df), dft)


@model("select_kbest_f_classif")
def _():
    from sklearn.feature_selection import SelectKBest, f_classif

    X, y, Xt = cls3()
    # score_func is a plain Python function (FunctionNode, untrusted)
    return _zm(SelectKBest(f_classif, k=4).fit(X, y), Xt)


@model("isotonic_regression")
def _():
    from sklearn.isotonic import IsotonicRegression

    X, y, Xt = reg()
    return _zm(IsotonicRegression(out_of_bounds="clip").fit(X[:, 0], y), Xt[:, 0])


# --------------------------------------------------------------------------------------------
# Pipelines and composites
# --------------------------------------------------------------------------------------------


@model("pipeline_scaler_pca_logreg")
def _():
    from sklearn.decomposition import PCA
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X, y, Xt = cls3()
    return _zm(make_pipeline(StandardScaler(), PCA(n_components=4), LogisticRegression()).fit(X, y), Xt)


@model("column_transformer_dataframe_pipeline")
def _():
    from sklearn.compose import ColumnTransformer, make_column_selector
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    df, y, dft = frame()
    ct = ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()),
         make_column_selector(pattern="^(age|income)$")),
        ("cat", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")),
         make_column_selector(dtype_exclude=np.number)),
    ], remainder="passthrough")
    return _zm(make_pipeline(ct, LogisticRegression()).fit(df, np.array(["lo", "hi"])[y]), dft)


@model("column_transformer_passthrough_pandas_output")
def _():
    from sklearn.compose import ColumnTransformer, make_column_selector
    from sklearn.preprocessing import OrdinalEncoder, StandardScaler

    df, _, dft = frame()
    ct = ColumnTransformer([
        ("scale", StandardScaler(), ["income"]),
        ("ord", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1),
         make_column_selector(dtype_exclude=np.number)),
    ], remainder="passthrough", verbose_feature_names_out=False)
    return _zm(ct.set_output(transform="pandas").fit(df), dft)


@model("feature_union_pca_kbest")
def _():
    from sklearn.decomposition import PCA
    from sklearn.feature_selection import SelectKBest
    from sklearn.pipeline import FeatureUnion

    X, y, Xt = cls3()
    u = FeatureUnion([("pca", PCA(n_components=2)), ("kbest", SelectKBest(k=2))],
                     transformer_weights={"pca": 2.0, "kbest": 1.0})
    return _zm(u.fit(X, y), Xt)


@model("text_tfidf_logreg")
def _():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    docs, y, dt = texts()
    return _zm(make_pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2), LogisticRegression()).fit(docs, y), dt)


@model("text_count_multinomial_nb")
def _():
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.pipeline import make_pipeline

    docs, y, dt = texts()
    return _zm(make_pipeline(CountVectorizer(stop_words=["the", "a"], binary=True), MultinomialNB()).fit(docs, y), dt)


@model("transformed_target_regressor")
def _():
    from sklearn.compose import TransformedTargetRegressor
    from sklearn.linear_model import Ridge

    X, y, Xt = reg_pos()
    return _zm(TransformedTargetRegressor(Ridge(), func=np.log1p, inverse_func=np.expm1).fit(X, y), Xt)


# --------------------------------------------------------------------------------------------
# FunctionTransformer: FunctionNode, MethodNode, PartialNode, OperatorFuncNode, DefaultDictNode
# --------------------------------------------------------------------------------------------


def _ft_union(**funcs):
    from sklearn.pipeline import FeatureUnion
    from sklearn.preprocessing import FunctionTransformer

    X, _, Xt = reg()
    u = FeatureUnion([(name, FunctionTransformer(**kw)) for name, kw in funcs.items()])
    return _zm(u.fit(np.abs(X)), np.abs(Xt))


model("function_transformers_ufuncs")(functools.partial(
    _ft_union,
    log1p={"func": np.log1p, "inverse_func": np.expm1},  # numpy ufuncs (trusted FunctionNodes)
    sqrt={"func": np.sqrt},
    expit={"func": scipy.special.expit},  # scipy.special ufunc
))

model("function_transformers_callables")(functools.partial(
    _ft_union,
    mean={"func": np.mean, "kw_args": {"axis": 1, "keepdims": True}},  # array-function dispatcher
    python_function={"func": helpers_mod.signed_log, "kw_args": {"scale": 0.5}},
    partial_clip={"func": functools.partial(np.clip, a_min=0.25, a_max=1.5)},  # PartialNode
    itemgetter={"func": operator.itemgetter((slice(None), [0, 2, 3]))},  # OperatorFuncNode (+ SliceNode)
    methodcaller={"func": operator.methodcaller("round", 1)},
    defaultdict_kwargs={"func": helpers_mod.weighted_sum,  # DefaultDictNode
                        "kw_args": collections.defaultdict(float, {"w0": 2.0, "w2": -1.0})},
))

model("function_transformer_bound_method")(functools.partial(
    _ft_union, method={"func": helpers_mod.Affine(2.0, -1.0).apply}))  # MethodNode


# --------------------------------------------------------------------------------------------
# Payloads: every numpy dtype, Python values, callables, random generators, sparse containers
# --------------------------------------------------------------------------------------------


def _fitted_scaler():
    from sklearn.preprocessing import StandardScaler

    X, _, Xt = reg()
    return StandardScaler().fit(X), Xt


@model("payload_numpy_dtypes")
def _():
    est, Xt = _fitted_scaler()
    return _zm(
        est, Xt,
        a_f64_=np.linspace(-1.0, 1.0, 7),
        a_f64_special_=np.array([0.0, -0.0, np.nan, np.inf, -np.inf, 5e-324, 1.7976931348623157e308]),
        a_f32_=(np.arange(6, dtype=np.float32).reshape(2, 3) / 3),
        a_f16_=np.array([0.5, -2.25, np.inf, np.nan, 65504], dtype=np.float16),
        a_i64_=np.array([-(2 ** 63), -1, 0, 2 ** 63 - 1], dtype=np.int64),
        a_i32_=np.array([-(2 ** 31), 7, 2 ** 31 - 1], dtype=np.int32),
        a_i16_=np.array([-32768, 12, 32767], dtype=np.int16),
        a_i8_=np.array([-128, 0, 127], dtype=np.int8),
        a_u8_=np.array([0, 1, 255], dtype=np.uint8),
        a_u16_=np.array([0, 65535], dtype=np.uint16),
        a_u32_=np.array([0, 2 ** 32 - 1], dtype=np.uint32),
        a_u64_=np.array([0, 2 ** 64 - 1], dtype=np.uint64),
        a_bool_=np.array([[True, False], [False, True]]),
        a_c128_=np.array([1 + 2j, -0.5j, complex(np.nan, 1)]),
        a_c64_=np.array([1 - 1j, 3.5 + 0j], dtype=np.complex64),
        a_unicode_=np.array(["a", "héllo", "☃𝄞", ""]),
        a_bytes_=np.array([b"ab", b"\x00\xff", b""]),
        a_datetime64_ns_=np.array(["2024-01-02T03:04:05.123456789", "NaT"], dtype="datetime64[ns]"),
        a_datetime64_d_=np.array(["1970-01-01", "2262-04-11"], dtype="datetime64[D]"),
        a_timedelta64_s_=np.array([1, -2, "NaT"], dtype="timedelta64[s]"),
        a_fortran_f8_=np.asfortranarray(np.arange(12.0).reshape(3, 4)),
        a_fortran_i4_=np.asfortranarray(np.arange(24, dtype=np.int32).reshape(2, 3, 4)),
        a_non_contiguous_=np.arange(20.0)[::3],
        a_3d_=np.arange(24, dtype=np.int16).reshape(2, 3, 4),
        a_empty_2d_=np.empty((0, 3)),
        a_empty_1d_i4_=np.array([], dtype=np.int32),
        a_zero_d_=np.array(3.25),
        a_big_=np.random.RandomState(0).normal(size=(60, 50)),
    )


@model("payload_numpy_structured_and_scalars")
def _():
    est, Xt = _fitted_scaler()
    return _zm(
        est, Xt,
        s_simple_=np.array([(1, 2.5, b"x"), (3, -1.0, b"yz")],
                           dtype=[("a", "<i4"), ("b", "<f8"), ("c", "S2")]),
        s_nested_subarray_=np.array([((1.0, 2.0), (7, True)), ((-1.0, 0.5), (8, False))],
                                    dtype=[("pos", "<f4", (2,)), ("meta", [("id", "<u2"), ("ok", "?")])]),
        s_aligned_padded_=np.array([(1, 2.0), (3, 4.0)], dtype=np.dtype([("a", "u1"), ("b", "<f8")], align=True)),
        s_unicode_field_=np.array([("ab", 1)], dtype=[("name", "<U3"), ("n", "<i2")]),
        n_f64_=np.float64(0.1),
        n_f32_=np.float32(1.5),
        n_f16_=np.float16(-0.0),
        n_i64_=np.int64(-(2 ** 62)),
        n_i8_=np.int8(-3),
        n_u64_=np.uint64(2 ** 64 - 1),
        n_bool_=np.bool_(True),
        n_c128_=np.complex128(1 - 1j),
        n_str_=np.str_("x☃"),
        n_bytes_=np.bytes_(b"y\x00z"),
        n_datetime64_=np.datetime64("2024-01-02"),
        n_timedelta64_=np.timedelta64(5, "m"),
    )


@model("payload_numpy_exotic")
def _():
    """Rarer things numpy can save: byte-swapped arrays, long double, raw void, matrix subclass."""
    est, Xt = _fitted_scaler()
    return _zm(
        est, Xt,
        x_big_endian_f8_=np.array([1.5, -2.0, np.pi], dtype=">f8"),
        x_big_endian_i4_=np.array([[1, -2], [3, 2 ** 30]], dtype=">i4"),
        x_big_endian_u2_=np.array([1, 513], dtype=">u2"),
        x_big_endian_c16_=np.array([1 + 1j], dtype=">c16"),
        x_big_endian_fortran_=np.asfortranarray(np.arange(6, dtype=">f4").reshape(2, 3)),
        x_big_endian_structured_=np.array([(1, 2.0)], dtype=[("a", ">i4"), ("b", ">f8")]),
        x_longdouble_=np.array([1.0, 1.0 / 3.0], dtype=np.longdouble),
        x_void_=np.array([b"\x01\x02\x03", b"\x00\x00\xff"], dtype="V3"),
        x_matrix_=np.matrix([[1.0, 2.0], [3.0, 4.0]]),
    )


@model("payload_object_arrays_masked_dtypes")
def _():
    est, Xt = _fitted_scaler()
    return _zm(
        est, Xt,
        o_1d_=np.array(["a", 1, None, 2.5, True], dtype=object),
        o_2d_=np.array([["a", "b"], ["c", None]], dtype=object),
        o_nested_=np.array([{"k": [1, 2]}, (3, 4)] + [None], dtype=object),
        m_float_=np.ma.masked_array([1.0, 2.0, 3.0], mask=[False, True, False]),
        m_int_2d_=np.ma.masked_array(np.arange(6).reshape(2, 3), mask=[[1, 0, 0], [0, 0, 1]]),
        m_nomask_=np.ma.masked_array([4, 5, 6]),
        m_object_=np.ma.masked_array(np.array(["x", None, 3], dtype=object), mask=[0, 1, 0]),
        d_float32_=np.dtype("float32"),
        d_big_endian_=np.dtype(">i2"),
        d_unicode_=np.dtype("<U7"),
        d_datetime_=np.dtype("datetime64[ms]"),
        d_structured_=np.dtype([("x", "<f8"), ("y", "<i4", (3,))]),
        d_list_=[np.dtype("uint8"), np.dtype("complex64")],
    )


_SHARED = np.arange(10.0)


@model("payload_python_values")
def _():
    from sklearn.linear_model import LinearRegression

    X, y, Xt = reg()
    est = LinearRegression().fit(X, y)
    zm = _zm(
        est, Xt,
        p_bytes_=bytes(range(256)),
        p_empty_bytes_=b"",
        p_bytearray_=bytearray(b"skiff\x00\xfe"),
        p_slice_=slice(1, 5, None),
        p_slice_neg_=slice(-1, None, -2),
        p_slice_list_=[slice(None), slice(0, 10, 3)],
        p_date_=datetime.date(2024, 1, 2),
        p_datetime_=datetime.datetime(2024, 1, 2, 3, 4, 5, 678),
        p_datetime_tz_=datetime.datetime(2024, 6, 1, 12, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2))),
        p_timedelta_=datetime.timedelta(days=3, seconds=7, microseconds=9),
        p_zoneinfo_=zoneinfo.ZoneInfo("Europe/Paris"),
        p_decimal_=decimal.Decimal("1.50"),
        p_fraction_=fractions.Fraction(1, 3),
        p_frozenset_=frozenset({3, 1, 2}),
        p_set_={1, 2, 3, "x"},
        p_tuple_=(1, "two", 3.0, (None,)),
        p_namedtuple_=helpers_mod.Point(1.5, -2),
        p_int_keys_={1: "one", 2: "two", -7: None},
        p_float_keys_={0.5: "half", -1.25: [1]},
        p_numpy_int_keys_={np.int64(3): "three", np.int32(4): "four"},
        p_ordered_=collections.OrderedDict([("b", 1), ("a", 2), ("c", [3])]),
        p_defaultdict_int_=collections.defaultdict(int, {"x": 3, "y": -1}),
        p_defaultdict_list_=collections.defaultdict(list, {"k": [1, 2]}),
        p_weird_keys_={"": 1, "with space": 2, "üñí": 3, 'a"b\\c': 4, "1": 5},
        p_big_ints_=[2 ** 70, -(2 ** 100), 0, -1],
        p_floats_=[0.1, 1e300, 5e-324, -0.0, math.nan, math.inf, -math.inf, 1e16, 1e-5, 123456789.125, 1.0],
        p_strings_=["", "héllo\n", 'quote"back\\slash', "\x00\x1f ctrl\t", "☃ 𝄞 😀", "\u2028\u2029", "</script>"],
        p_nested_={"a": [1, (2, 3), {"b": None}], "ключ": True, "n": {"m": {"o": [[[]]]}}},
        p_empty_containers_=[[], (), {}, set()],
        p_builtin_len_=len,
        p_type_float32_=np.float32,
        p_type_estimator_=LinearRegression,
        p_shared_a_=_SHARED,
        p_shared_b_=_SHARED,
        p_helper_obj_=helpers_mod.Affine(0.5, 3.0),
    )
    zm.shared = (("p_shared_a_", "p_shared_b_"),)
    return zm


@model("payload_callables")
def _():
    est, Xt = _fitted_scaler()
    p = functools.partial(np.clip, a_min=0, a_max=1)
    p_ns = functools.partial(helpers_mod.signed_log, scale=2.0)
    p_ns.note = "partial with a __dict__"
    return _zm(
        est, Xt,
        c_ufunc_=np.sqrt,
        c_scipy_ufunc_=scipy.special.expit,
        c_array_function_=np.mean,
        c_python_function_=helpers_mod.signed_log,
        c_builtin_=max,
        c_bound_method_=helpers_mod.Affine(1.0, 2.0).apply,
        c_partial_=p,
        c_partial_namespace_=p_ns,
        c_partial_args_=functools.partial(np.round, decimals=2),
        c_itemgetter_=operator.itemgetter(1, "a"),
        c_attrgetter_=operator.attrgetter("real", "imag"),
        c_methodcaller_=operator.methodcaller("strip", "x"),
        c_operator_builtin_=operator.add,
        c_types_=[int, float, str, bool, list, tuple, set, dict, np.int64, collections.OrderedDict],
    )


@model("payload_random_generators")
def _():
    est, Xt = _fitted_scaler()
    used = np.random.default_rng(123)
    used.normal(size=3)  # advanced state
    g32 = np.random.Generator(np.random.MT19937(7))
    g32.random(5)
    spawned = np.random.default_rng(5).spawn(2)[1]  # non-empty spawn_key
    return _zm(
        est, Xt,
        g_pcg64_=np.random.default_rng(0),
        g_pcg64_used_=used,
        g_pcg64dxsm_=np.random.Generator(np.random.PCG64DXSM(42)),
        g_philox_=np.random.Generator(np.random.Philox(1)),
        g_mt19937_=g32,
        g_sfc64_=np.random.Generator(np.random.SFC64(3)),
        g_spawned_=spawned,
        g_big_seed_=np.random.default_rng(2 ** 100 + 12345),
        r_random_state_=np.random.RandomState(11),
        r_random_state_gauss_=_gauss_state(),
    )


def _gauss_state():
    rs = np.random.RandomState(12)
    rs.standard_normal()  # has_gauss = 1
    return rs


@model("payload_sparse_containers")
def _():
    est, Xt = _fitted_scaler()
    dense = np.array([[0, 1.5, 0, 0], [2.0, 0, 0, -1], [0, 0, 0, 0]])
    return _zm(
        est, Xt,
        sp_csr_=sp.csr_matrix(dense),
        sp_csc_=sp.csc_matrix(dense),
        sp_coo_=sp.coo_matrix(dense),
        sp_bsr_=sp.bsr_matrix(np.kron(np.eye(2), np.ones((2, 2)))),
        sp_dia_=sp.dia_matrix(np.diag([1.0, 2.0, 3.0])),
        sp_csr_int_=sp.csr_matrix(np.eye(3, dtype=np.int32)),
        sp_empty_=sp.csr_matrix((2, 5)),
        sp_csr_array_=sp.csr_array(dense),
        sp_coo_array_=sp.coo_array(dense),
        sp_csc_array_f32_=sp.csc_array(dense.astype(np.float32)),
    )


NAMES: list[str] = list(_BUILDERS)


# --------------------------------------------------------------------------------------------
# Exact, deep comparison of two loaded objects
# --------------------------------------------------------------------------------------------

_VALUE_TYPES = (datetime.date, datetime.time, datetime.timedelta, datetime.tzinfo, decimal.Decimal,
                fractions.Fraction)
_OPERATOR_TYPES = (operator.itemgetter, operator.attrgetter, operator.methodcaller)
#: state keys whose values legitimately differ between two loads of the same file
#: (CountVectorizer caches ``id(self.stop_words)`` to notice changes of the parameter)
VOLATILE_KEYS = frozenset({"_stop_words_id"})


def assert_same(a, b, path: str = "root", _active: set | None = None) -> None:
    """Asserts that ``a`` and ``b`` are the same value, exactly: same types, dtypes, memory order,
    bit patterns (``-0.0``, NaN payloads), keys in the same order, same functions (identity), same
    generator states. Objects are compared through their pickle state (``__reduce_ex__``), so a
    whole fitted estimator can be compared; cycles (e.g. an object holding its own bound method)
    are cut. Raises ``AssertionError`` naming the first differing path.
    """
    if a is b:
        return
    if _active is None:
        _active = set()
    key = (id(a), id(b))
    if key in _active:
        return
    ta, tb = type(a), type(b)
    assert ta is tb, f"{path}: type {ta!r} != {tb!r}"
    _active.add(key)
    try:
        _compare(a, b, path, _active)
    finally:
        _active.discard(key)


def _compare(a, b, path, active):
    if isinstance(a, np.ma.MaskedArray):
        assert_same(np.asarray(a.data), np.asarray(b.data), path + ".data", active)
        assert_same(np.ma.getmaskarray(a), np.ma.getmaskarray(b), path + ".mask", active)
        assert_same(a._mask, b._mask, path + "._mask", active)
    elif isinstance(a, np.ndarray):
        _compare_arrays(a, b, path, active)
    elif isinstance(a, np.generic):
        assert a.dtype == b.dtype and a.dtype.str == b.dtype.str, f"{path}: dtype {a.dtype!r} != {b.dtype!r}"
        assert a.tobytes() == b.tobytes(), f"{path}: {a!r} != {b!r}"
    elif isinstance(a, float):
        assert repr(a) == repr(b) and (math.isnan(a) or a == b), f"{path}: {a!r} != {b!r}"
    elif isinstance(a, complex):
        assert repr(a) == repr(b), f"{path}: {a!r} != {b!r}"
    elif a is None or isinstance(a, (bool, int, str, bytes, bytearray)):
        assert a == b, f"{path}: {a!r} != {b!r}"
    elif sp.issparse(a):
        assert a.format == b.format and a.shape == b.shape and a.dtype == b.dtype, \
            f"{path}: sparse {a.format}{a.shape}{a.dtype} != {b.format}{b.shape}{b.dtype}"
        assert_same(vars(a), vars(b), path + ".__dict__", active)
    elif isinstance(a, (pd.DataFrame, pd.Series)):
        check = pd.testing.assert_frame_equal if isinstance(a, pd.DataFrame) else pd.testing.assert_series_equal
        check(a, b, check_exact=True)
    elif isinstance(a, dict):
        ka, kb = list(a), list(b)
        assert len(ka) == len(kb), f"{path}: keys {ka!r} != {kb!r}"
        for x, y in zip(ka, kb):
            assert_same(x, y, f"{path}.<key {x!r}>", active)
        for k in ka:
            if k not in VOLATILE_KEYS:
                assert_same(a[k], b[k], f"{path}[{k!r}]", active)
        if isinstance(a, collections.defaultdict):
            assert_same(a.default_factory, b.default_factory, path + ".default_factory", active)
        if hasattr(a, "__dict__"):
            assert_same(vars(a), vars(b), path + ".__dict__", active)
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), f"{path}: length {len(a)} != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            assert_same(x, y, f"{path}[{i}]", active)
    elif isinstance(a, (set, frozenset)):
        assert a == b, f"{path}: {a!r} != {b!r}"
    elif isinstance(a, slice):
        assert_same((a.start, a.stop, a.step), (b.start, b.stop, b.step), path, active)
    elif isinstance(a, np.dtype):
        assert a == b and a.str == b.str and a.descr == b.descr and a.isalignedstruct == b.isalignedstruct, \
            f"{path}: {a!r} != {b!r}"
    elif isinstance(a, np.random.Generator):
        assert type(a.bit_generator) is type(b.bit_generator), f"{path}: bit generators differ"
        assert_same(a.bit_generator.state, b.bit_generator.state, path + ".bit_generator.state", active)
        assert_same(a.bit_generator.seed_seq.state, b.bit_generator.seed_seq.state,
                    path + ".bit_generator.seed_seq.state", active)
        ca, cb = _copy_generator(a), _copy_generator(b)
        assert_same(ca.random(8), cb.random(8), path + ".random(8)", active)
        assert_same(ca.integers(0, 2 ** 62, 4), cb.integers(0, 2 ** 62, 4), path + ".integers()", active)
        assert_same(ca.spawn(1)[0].random(2), cb.spawn(1)[0].random(2), path + ".spawn(1)", active)
    elif isinstance(a, np.random.RandomState):
        assert_same(a.get_state(legacy=False), b.get_state(legacy=False), path + ".get_state()", active)
        ca, cb = np.random.RandomState(), np.random.RandomState()
        ca.set_state(a.get_state())
        cb.set_state(b.get_state())
        assert_same(ca.standard_normal(5), cb.standard_normal(5), path + ".standard_normal(5)", active)
    elif isinstance(a, types.MethodType):
        assert a.__func__ is b.__func__, f"{path}: methods {a.__func__!r} != {b.__func__!r}"
        assert_same(a.__self__, b.__self__, path + ".__self__", active)
    elif isinstance(a, functools.partial):
        assert_same((a.func, a.args, a.keywords, vars(a)), (b.func, b.args, b.keywords, vars(b)), path, active)
    elif isinstance(a, _OPERATOR_TYPES):
        assert_same(a.__reduce__()[1:], b.__reduce__()[1:], path + ".__reduce__()", active)
    elif isinstance(a, _VALUE_TYPES) or isinstance(a, zoneinfo.ZoneInfo):
        assert a == b and repr(a) == repr(b), f"{path}: {a!r} != {b!r}"
    elif isinstance(a, (type, types.FunctionType, types.BuiltinFunctionType, np.ufunc)) or \
            type(a).__name__ == "_ArrayFunctionDispatcher":
        raise AssertionError(f"{path}: different callables {a!r} and {b!r}")
    else:
        ra, rb = a.__reduce_ex__(2), b.__reduce_ex__(2)
        assert ra[0] is rb[0], f"{path}: reconstructors {ra[0]!r} != {rb[0]!r}"
        assert_same(tuple(ra[1:]), tuple(rb[1:]), path + ".<state>", active)


def _compare_arrays(a, b, path, active):
    assert a.dtype == b.dtype and a.dtype.descr == b.dtype.descr, f"{path}: dtype {a.dtype!r} != {b.dtype!r}"
    assert a.shape == b.shape, f"{path}: shape {a.shape} != {b.shape}"
    assert (a.flags.c_contiguous, a.flags.f_contiguous) == (b.flags.c_contiguous, b.flags.f_contiguous), \
        f"{path}: memory order differs (C {a.flags.c_contiguous}/{b.flags.c_contiguous}, " \
        f"F {a.flags.f_contiguous}/{b.flags.f_contiguous})"
    if a.dtype.hasobject and a.dtype.names is None:
        for i, (x, y) in enumerate(zip(a.reshape(-1), b.reshape(-1))):
            assert_same(x, y, f"{path}.flat[{i}]", active)
    elif a.dtype.names is not None:
        for name in a.dtype.names:
            _compare_arrays(np.ascontiguousarray(a[name]), np.ascontiguousarray(b[name]), f"{path}[{name!r}]", active)
    else:
        assert a.tobytes() == b.tobytes(), f"{path}: values differ:\n{a!r}\n{b!r}"


def _copy_generator(g):
    bg = type(g.bit_generator)(np.random.SeedSequence(**g.bit_generator.seed_seq.state))
    bg.state = g.bit_generator.state
    return np.random.Generator(bg)
