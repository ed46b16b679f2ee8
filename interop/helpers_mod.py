"""Small importable helpers the model zoo stores inside estimators.

skops persists functions, bound methods and namedtuples by module + name, so they must live in a
real module that the loading process can import (``helpers_mod``; ``interop/`` is on ``sys.path``
when pytest runs, since ``conftest.py`` sits there). Everything here is deliberately tiny and
deterministic.
"""
from __future__ import annotations

from collections import namedtuple

import numpy as np

#: a namedtuple type, persisted by skops as a ``TupleNode`` with this module/class
Point = namedtuple("Point", ["x", "y"])


class Affine:
    """``a * X + b``; its bound method ``apply`` is a ``FunctionTransformer`` func (``MethodNode``).

    ``apply`` is defined on this class itself: skops writes a bound method's ``__module__`` as the
    module that defines the *function*, so an inherited method from another module would dump but
    not load (a skops bug, not ours).
    """

    def __init__(self, a: float, b: float) -> None:
        self.a = a
        self.b = b

    def apply(self, X):
        return np.asarray(X, dtype=np.float64) * self.a + self.b

    def __eq__(self, other):
        return type(other) is Affine and (self.a, self.b) == (other.a, other.b)

    __hash__ = None


def signed_log(X, scale=1.0):
    """A plain Python function (``FunctionNode`` of a ``FunctionType``)."""
    X = np.asarray(X, dtype=np.float64)
    return np.sign(X) * np.log1p(np.abs(X)) * scale


def weighted_sum(X, **weights):
    """Takes its kwargs from ``FunctionTransformer.kw_args`` (a ``collections.defaultdict``)."""
    X = np.asarray(X, dtype=np.float64)
    w = np.array([weights.get(f"w{i}", 1.0) for i in range(X.shape[1])])
    return (X * w).sum(axis=1, keepdims=True)
