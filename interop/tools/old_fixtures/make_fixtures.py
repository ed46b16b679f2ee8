"""Fit small models and dump them with an OLD skops release (run inside a throwaway old venv).

Usage: python make_fixtures.py PREFIX EXPECTED_PROTOCOL OUT_DIR

Writes OUT_DIR/<PREFIX>_<name>.skops for every fixture below, next to it the fixed input
<PREFIX>_<name>.X.npy and the old stack's outputs <PREFIX>_<name>.<method>.npy, checks that each
file's schema.json carries EXPECTED_PROTOCOL and that the old skops itself reloads it to the same
outputs, then merges its entries into OUT_DIR/manifest.json (entries of other prefixes are kept).
It is called by interop/tools/make_old_fixtures.sh; see there for the stacks used.

Only numpy / scipy / scikit-learn / skops APIs that exist from skops 0.3 + scikit-learn 1.1 on are
used, so the same script runs under every old stack.
"""
import json
import platform
import sys
import zipfile
from pathlib import Path

import numpy as np
import scipy
import scipy.sparse as sp
import skops
import skops.io as sio
import sklearn
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler
from sklearn.tree import DecisionTreeClassifier

# Fixed data: positive (log1p/sqrt stay finite), 3 classes, small.
_rs = np.random.RandomState(0)
X_TRAIN = np.round(_rs.uniform(0.0, 4.0, size=(40, 4)), 3)
Y_TRAIN = (X_TRAIN[:, 0] + X_TRAIN[:, 1] > 4.0).astype(np.int64) + (X_TRAIN[:, 2] > 3.0)
X_TEST = np.round(_rs.uniform(0.0, 4.0, size=(6, 4)), 3)

STR_TRAIN = np.array(
    [["red", "s"], ["green", "m"], ["blue", "l"], ["red", "m"], ["green", "s"], ["blue", "xl"]],
    dtype=object,
)
STR_TEST = np.array([["red", "l"], ["blue", "s"], ["green", "xl"], ["violet", "m"]], dtype=object)


def _onehot():
    kw = {"handle_unknown": "ignore"}
    # scikit-learn 1.2 renamed `sparse` to `sparse_output`.
    major_minor = tuple(int(p) for p in sklearn.__version__.split(".")[:2])
    kw["sparse_output" if major_minor >= (1, 2) else "sparse"] = False
    return OneHotEncoder(**kw).fit(STR_TRAIN)


def _with_generators():
    """A fitted estimator carrying a numpy Generator (and a legacy RandomState) as attributes."""
    est = LogisticRegression().fit(X_TRAIN, Y_TRAIN)
    rng = np.random.default_rng(0)
    rng.random(5)  # advance it so the saved state differs from a fresh seed
    est.rng_ = rng
    rs = np.random.RandomState(7)
    rs.random_sample(3)
    est.legacy_rs_ = rs
    return est


# name -> (builder, methods whose outputs on the fixed X are saved; none for the plain payload).
FIXTURES = {
    "logreg": (lambda: LogisticRegression().fit(X_TRAIN, Y_TRAIN), ["predict", "predict_proba"]),
    # FunctionTransformer holding numpy ufuncs: protocol 0 writes FunctionNode with
    # __class__ "ufunc" and content {module_path, function}.
    "pipeline_log1p": (
        lambda: Pipeline([
            ("log", FunctionTransformer(np.log1p, inverse_func=np.expm1)),
            ("scale", StandardScaler()),
            ("clf", LogisticRegression()),
        ]).fit(X_TRAIN, Y_TRAIN),
        ["predict", "predict_proba"],
    ),
    # Same, with np.sqrt and a plain Python function (np.nan_to_num; protocol 0 __class__ "function").
    "functransformer_sqrt": (
        lambda: FunctionTransformer(np.sqrt, inverse_func=np.nan_to_num, check_inverse=False).fit(X_TRAIN),
        ["transform"],
    ),
    "tree": (
        lambda: DecisionTreeClassifier(max_depth=3, random_state=0).fit(X_TRAIN, Y_TRAIN),
        ["predict", "predict_proba"],
    ),
    "forest": (
        lambda: RandomForestClassifier(n_estimators=3, max_depth=3, random_state=0).fit(X_TRAIN, Y_TRAIN),
        ["predict", "predict_proba"],
    ),
    "gb": (
        lambda: GradientBoostingClassifier(n_estimators=5, max_depth=2, random_state=0).fit(
            X_TRAIN, (Y_TRAIN > 0).astype(np.int64)),
        ["predict", "predict_proba", "decision_function"],
    ),
    "sgd": (
        lambda: SGDClassifier(max_iter=50, tol=None, random_state=0).fit(X_TRAIN, Y_TRAIN),
        ["predict", "decision_function"],
    ),
    "rng": (_with_generators, ["predict", "predict_proba"]),
    "onehot": (_onehot, ["transform"]),
    # brute-force KNN fitted on a CSR matrix keeps it as the `_fit_X` attribute (SparseMatrixNode).
    "sparse_knn": (
        lambda: KNeighborsClassifier(n_neighbors=3, algorithm="brute").fit(sp.csr_matrix(X_TRAIN), Y_TRAIN),
        ["predict", "predict_proba"],
    ),
    "dict": (lambda: {"a": [1, 2.5, "x"], "b": np.arange(3)}, []),
}


def _x_for(name):
    return STR_TEST if name == "onehot" else X_TEST


def _schema(path):
    with zipfile.ZipFile(path) as z:
        return json.loads(z.read("schema.json"))


def _old_untrusted(path):
    """The writing skops' own audit; protocol-0 Generators break it (skops bug #329), so record that."""
    try:
        return sorted(sio.get_untrusted_types(file=path))
    except Exception as e:  # noqa: BLE001 - recorded in the manifest, not hidden
        return {"error": f"{type(e).__name__}: {e}"}


def _load_trusting(path):
    # skops < 0.10 accepts trusted=True (a boolean), which is what we want for a self-check.
    return sio.load(path, trusted=True)


def main(prefix, expected_protocol, out_dir):
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    versions = {
        "skops": skops.__version__, "scikit-learn": sklearn.__version__, "numpy": np.__version__,
        "scipy": scipy.__version__, "python": platform.python_version(),
    }
    entries = []
    for name, (build, methods) in FIXTURES.items():
        stem = f"{prefix}_{name}"
        obj = build()
        path = out_dir / f"{stem}.skops"
        sio.dump(obj, path)
        schema = _schema(path)
        if schema.get("protocol") != expected_protocol:
            sys.exit(f"{path}: schema protocol {schema.get('protocol')!r}, expected {expected_protocol}")
        entry = {
            "file": path.name, "protocol": schema["protocol"], "written_by_skops": schema.get("_skops_version"),
            **{k: v for k, v in versions.items()},
            "root": f"{schema['__module__']}.{schema['__class__']}",
            "untrusted_in_old_skops": _old_untrusted(path),
        }
        reloaded = _load_trusting(path)
        if methods:
            X = _x_for(name)
            x_file = f"{stem}.X.npy"
            # String inputs are stored as '<U' so the .npy loads without pickle; callers cast to object.
            np.save(out_dir / x_file, X.astype(str) if X.dtype == object else X, allow_pickle=False)
            entry["X"] = x_file
            entry["X_dtype"] = "object" if X.dtype == object else str(X.dtype)
            entry["outputs"] = {}
            for m in methods:
                y = np.asarray(getattr(obj, m)(X))
                y2 = np.asarray(getattr(reloaded, m)(X))
                if not np.array_equal(y, y2):
                    sys.exit(f"{path}: old skops reload changed {m}")
                out_file = f"{stem}.{m}.npy"
                np.save(out_dir / out_file, y, allow_pickle=False)
                entry["outputs"][m] = out_file
        else:
            if set(reloaded) != set(obj) or reloaded["a"] != obj["a"] or not np.array_equal(reloaded["b"], obj["b"]):
                sys.exit(f"{path}: old skops reload changed the payload")
        entries.append(entry)
        print(f"  {path.name}: protocol {schema['protocol']}, {path.stat().st_size} bytes")

    manifest_path = out_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    manifest["_generated_by"] = "interop/tools/make_old_fixtures.sh"
    manifest.setdefault("stacks", {})[prefix] = {"protocol": expected_protocol, **versions}
    kept = [e for e in manifest.get("files", []) if not e["file"].startswith(prefix + "_")]
    manifest["files"] = sorted(kept + entries, key=lambda e: e["file"])
    manifest["stacks"] = dict(sorted(manifest["stacks"].items()))
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
