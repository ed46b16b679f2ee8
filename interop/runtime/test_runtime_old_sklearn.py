"""Models fitted by an older scikit-learn (1.7.2, two minor releases behind ``.venv``'s) predict on Skiff with
that version's numbers.

Fitted-state layouts differ between releases (``LogisticRegression.multi_class`` and liblinear's
one-vs-rest for three classes are gone in 1.9, ColumnTransformer's remainder columns and HGB's predictor
nodes changed shape, ...), so the cases of ``zoo.OLD_CASES`` are fitted, dumped with skops and predicted in
``.venv-sklearn-old`` (``scripts/ensure-old-sklearn-venv.sh`` builds it; ``python zoo.py export --set old``
writes the files and 1.7.2's own outputs), and ``skiff predict`` must reproduce those outputs with the
tolerances of the main suite.

Without the old venv the tests skip, saying why -- unless ``SKIFF_REQUIRE_OLD_SKLEARN=1`` (CI), where a
missing venv is an error.
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import skops.io as sio

import zoo
from parity_runner import CaseRunner

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
OLD_PYTHON = ROOT / ".venv-sklearn-old" / "bin" / "python"
OLD_VERSION = "1.7.2"


def _version(v: str) -> tuple[int, int]:
    major, minor = v.split(".")[:2]
    return int(major), int(minor)


def _methods(case: zoo.Case) -> tuple[str, ...]:
    # the methods of the estimator as the main venv's scikit-learn knows it; cases whose parameters no longer
    # exist there declare theirs (checked against the old venv's view in test_old_manifest_matches)
    return zoo.declared_methods(case)


def _params():
    return [pytest.param(c.name, m, id=f"{c.name}-{m}") for c in zoo.OLD_CASES for m in _methods(c)]


@pytest.fixture(scope="session")
def old_export(rt_skiff, tmp_path_factory):
    """Fits, dumps and predicts every old case in the old venv; queues Skiff's predictions. ``(runner,
    manifest)``."""
    if not OLD_PYTHON.exists():
        reason = (f"no {OLD_PYTHON.parent.parent.name} (scikit-learn {OLD_VERSION}); "
                  "run scripts/ensure-old-sklearn-venv.sh")
        if os.environ.get("SKIFF_REQUIRE_OLD_SKLEARN") == "1":
            pytest.fail(f"SKIFF_REQUIRE_OLD_SKLEARN=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    out = tmp_path_factory.mktemp("runtime-old-sklearn")
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONDONTWRITEBYTECODE="1")
    p = subprocess.run([str(OLD_PYTHON), str(HERE / "zoo.py"), "export", "--set", "old", str(out)],
                       capture_output=True, text=True, timeout=900, env=env, cwd=HERE)
    if p.returncode != 0:
        pytest.fail(f"exporting the old cases failed (exit {p.returncode}):\n{p.stdout[-2000:]}\n{p.stderr[-4000:]}",
                    pytrace=False)
    manifest = json.loads((out / "manifest.json").read_text())
    runner = CaseRunner(rt_skiff, out, "old")
    for entry in manifest["cases"]:
        if "error" not in entry:
            # trust what a reader with the *current* skops + scikit-learn is asked to trust: 1.7.2 names its
            # Cython losses "_loss.CyHalfBinomialLoss" (1.9.1: "sklearn._loss._loss..."), which skops 0.16
            # under 1.9.1 -- and Skiff, which mirrors it -- do not trust by default
            entry["trust"] = sorted(set(entry["trust"]) | set(sio.get_untrusted_types(file=out / entry["model"])))
            runner.submit(entry)
    return runner, manifest


def _entry(manifest: dict, name: str) -> dict:
    entry = next(e for e in manifest["cases"] if e["name"] == name)
    if "error" in entry:
        pytest.fail(f"{name}: fitting/dumping in scikit-learn {manifest['sklearn']} failed: {entry['error']}",
                    pytrace=False)
    return entry


def test_old_venv_is_two_minor_releases_behind(old_export):
    import sklearn

    _, manifest = old_export
    assert manifest["sklearn"] == OLD_VERSION
    old, new = _version(manifest["sklearn"]), _version(sklearn.__version__)
    assert old[0] == new[0] and new[1] - old[1] >= 2, (manifest["sklearn"], sklearn.__version__)


@pytest.mark.parametrize("old_case", [c.name for c in zoo.OLD_CASES])
def test_old_manifest_matches(old_export, old_case):
    """Every old case was exported, with the methods the collection parametrized."""
    _, manifest = old_export
    entry = _entry(manifest, old_case)
    case = next(c for c in zoo.OLD_CASES if c.name == old_case)
    assert entry["declared_methods"] == list(_methods(case))
    assert set(entry["declared_methods"]) <= set(entry["python_methods"])


@pytest.mark.parametrize("old_case,method", _params())
def test_old_sklearn_parity(old_export, old_case, method):
    runner, manifest = old_export
    runner.check(_entry(manifest, old_case), method)
