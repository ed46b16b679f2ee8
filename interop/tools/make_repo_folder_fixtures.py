"""make_repo_folder_fixtures.py - regenerate the repo-folder fixtures from real skops (0.16 for the models, 0.11 for
``hub_utils``, which later skops removed).

Writes skiff-hub-client/src/test/resources/dev/skiff/client/folder/<case>/:

* ``model.skops``          a small fitted model, dumped by skops 0.16 (the pinned .venv); ``mlp_unsupported`` is
                           one Skiff's runtime does not run
* ``sample.csv``           the data sample ``skiff init --data`` reads (may hold a column the model does not use)
* ``expected/config.json`` what skops 0.11's ``hub_utils.init`` wrote for the same model, with the sample read by
                           ``pandas.read_csv`` and cut to the model's columns (skops 0.11 did not check columns),
                           and ``requirements=["scikit-learn=<the file's version>", "skops=<the file's version>"]``
                           (what Skiff writes by default)
* ``expected/README.md``   skops 0.11's ``Card(model, metadata=metadata_from_config(dir))`` saved (for the metadata
                           keys; the body differs on purpose: hyperparameter table and model plot)

Run from the repository root, in two steps (the second needs a venv with ``skops==0.11.0`` and
``huggingface_hub<1``; the files are committed and CI never runs this):

    .venv/bin/python interop/tools/make_repo_folder_fixtures.py models
    /tmp/skops011/bin/python interop/tools/make_repo_folder_fixtures.py configs
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "skiff-hub-client" / "src" / "test" / "resources" / "dev" / "skiff" / "client" / "folder"

#: case -> task
CASES = {
    "iris_forest": "tabular-classification",
    "mixed_pipeline": "tabular-classification",
    "numpy_linear": "tabular-regression",
    "mlp_unsupported": "tabular-classification",
}


#: update_env(requirements=...) applied to each folder (expected/config.updated.json)
UPDATED_ENV = ["scikit-learn=1.9.1", "skops=0.16.0", "pandas", "numpy>=2"]

#: values whose layout json.dump(sort_keys=True, indent=4) decides
LAYOUT = {
    "sklearn": {"task": "tabular-regression", "model": {"file": "m.skops"}, "environment": [],
                "example_input": {}, "use_intelex": False, "extra": None},
    "floats": [0.1, 1.0, -0.0, 1e-05, 0.0001, 1e16, 1.5e16, 123456789012345.6, 5e-324, 1.7976931348623157e308,
               float("nan"), float("inf"), float("-inf"), 2.5, 100.0],
    "ints": [0, -1, 2**53 + 1, 2**70, -(2**63)],
    "strings": ["plain", "quote \" backslash \\ slash /", "tab\tnewline\ncr\r", "\x00\x1f\x7f", "é ü 日本",
                "emoji \U0001F600", ""],
    "order": {"b": 1, "a": 2, "B": 3, "_": 4, "é": 5, "\U0001F600": 6, "\uffff": 7, "10": 8, "9": 9},
    "nested": [[], {}, [[1, [2]], {"z": {"y": []}}], True, False, None],
}


def make_models() -> None:
    import numpy as np
    import pandas as pd
    import skops.io as sio
    from sklearn.compose import ColumnTransformer
    from sklearn.datasets import load_iris
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LinearRegression, LogisticRegression
    from sklearn.pipeline import Pipeline, make_pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    # 1. a forest on a DataFrame (feature names); the sample carries the target too
    X, y = load_iris(return_X_y=True, as_frame=True)
    d = OUT / "iris_forest"
    d.mkdir(parents=True, exist_ok=True)
    sio.dump(RandomForestClassifier(n_estimators=3, max_depth=3, random_state=0).fit(X, y), d / "model.skops")
    X.assign(target=y).iloc[[0, 50, 100, 1, 51, 101]].to_csv(d / "sample.csv", index=False)

    # 2. a pipeline on mixed columns: strings, a float with NaN, integers, booleans, a non-ASCII name
    rng = np.random.default_rng(0)
    n = 60
    df = pd.DataFrame({
        "colour": rng.choice(["red", "green", "blue"], n),
        "size": rng.normal(10, 2, n).round(2),
        "count": rng.integers(0, 9, n),
        "flag": rng.integers(0, 2, n).astype(bool),
        "température": rng.normal(20, 5, n).round(1),
    })
    df.loc[[1, 7, 20], "size"] = np.nan
    target = (df["size"].fillna(10) + df["count"] > 13).astype(int)
    pre = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore"), ["colour"]),
        ("num", make_pipeline(SimpleImputer(), StandardScaler()), ["size", "count", "température"]),
        ("bool", "passthrough", ["flag"]),
    ])
    model = Pipeline([("pre", pre), ("clf", LogisticRegression(max_iter=500))]).fit(df, target)
    d = OUT / "mixed_pipeline"
    d.mkdir(parents=True, exist_ok=True)
    sio.dump(model, d / "model.skops")
    df.head(8).to_csv(d / "sample.csv", index=False)

    # 3. a regression fitted on a bare numpy array (no feature names: x0..x3 as skops named them)
    Xn = X.to_numpy()
    d = OUT / "numpy_linear"
    d.mkdir(parents=True, exist_ok=True)
    sio.dump(LinearRegression().fit(Xn, y.to_numpy() * 1.5), d / "model.skops")
    pd.DataFrame(Xn[:5], columns=[f"x{i}" for i in range(4)]).to_csv(d / "sample.csv", index=False)

    # 4. an estimator Skiff's runtime does not run: the inputs come from the node tree alone
    import warnings
    from sklearn.neural_network import MLPClassifier

    d = OUT / "mlp_unsupported"
    d.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        sio.dump(MLPClassifier(hidden_layer_sizes=(3,), max_iter=20, random_state=0).fit(X, y), d / "model.skops")
    X.iloc[[10, 60, 110, 11]].to_csv(d / "sample.csv", index=False)


def _versions(model: Path) -> tuple[str, str]:
    with zipfile.ZipFile(model) as z:
        schema = json.loads(z.read("schema.json"))

    def find(node):
        if isinstance(node, dict):
            content = node.get("content")
            if isinstance(content, dict) and "_sklearn_version" in content:
                return json.loads(content["_sklearn_version"]["content"])
            for v in node.values():
                found = find(v)
                if found:
                    return found
        elif isinstance(node, list):
            for v in node:
                found = find(v)
                if found:
                    return found
        return None

    return find(schema), schema["_skops_version"]


def make_configs() -> None:
    import numpy as np
    import pandas as pd
    import skops
    from skops import card, hub_utils

    assert skops.__version__.startswith("0.11"), f"needs skops 0.11, found {skops.__version__}"
    for case, task in CASES.items():
        d = OUT / case
        sklearn_version, skops_version = _versions(d / "model.skops")
        data = pd.read_csv(d / "sample.csv")
        if case == "numpy_linear":
            data = data.to_numpy()  # skops named numpy columns x0..x{n-1}
        elif case == "iris_forest":
            data = data.drop(columns=["target"])
        with tempfile.TemporaryDirectory() as tmp:
            dst = Path(tmp) / "repo"
            hub_utils.init(model=d / "model.skops", dst=dst, task=task, data=data,
                           requirements=[f"scikit-learn={sklearn_version}", f"skops={skops_version}"])
            trusted = [t for t in __import__("skops.io", fromlist=["x"]).get_untrusted_types(file=d / "model.skops")]
            c = card.Card(dst / "model.skops", metadata=card.metadata_from_config(dst), trusted=trusted,
                          model_diagram=False)
            c.save(dst / "README.md")
            exp = d / "expected"
            exp.mkdir(exist_ok=True)
            shutil.copy(dst / "config.json", exp / "config.json")
            shutil.copy(dst / "README.md", exp / "README.md")
            hub_utils.update_env(path=dst, requirements=UPDATED_ENV)
            shutil.copy(dst / "config.json", exp / "config.updated.json")
        print(case, "ok", file=sys.stderr)
    # json.dump(sort_keys=True, indent=4) of awkward values: what ConfigJson must reproduce
    with open(OUT / "json_layout.json", "w") as f:
        json.dump(LAYOUT, f, sort_keys=True, indent=4)
    del np


if __name__ == "__main__":
    {"models": make_models, "configs": make_configs}[sys.argv[1]]()
