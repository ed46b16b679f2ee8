"""Skiff reads files written by OLD skops releases (persistence protocols 0 and 1).

The fixtures in ``interop/fixtures/old/`` were written by skops 0.5 (protocol 0) and skops 0.9
(protocol 1) with the scikit-learn/numpy/scipy of their day (``manifest.json`` says which), by
``interop/tools/make_old_fixtures.sh``; next to each model are a fixed input ``X`` and the OLD stack's
outputs on it. This suite runs in the CURRENT pinned stack (``interop/requirements.txt``) and checks
for every fixture:

* ``skiff inspect --json`` reads it (exit 0) and reports exactly the untrusted types that the current
  ``skops.io.get_untrusted_types`` reports -- or, where current skops cannot audit the old form at
  all (``PY_CANNOT_AUDIT``, each case explained), the types current skops reports for Skiff's
  protocol-2 rewrite of it;
* ``skiff audit`` exits 0 / 3 accordingly, and 0 once those types are ``--trust``-ed;
* ``skiff repack OLD NEW`` writes a protocol-2 file that says the same thing as OLD: the node trees
  are equal once the documented protocol differences are normalised (ids renumbered, members
  compared by content, protocol-0 FunctionNode / RandomGeneratorNode forms, the ``SGDNode`` loader
  that skops 0.11 renamed ``LossNode``);
* current skops loads NEW (trusting exactly what it reports), and the object equals the one current
  skops loads from OLD: identical outputs on X where current scikit-learn can still run the old
  model, identical attributes (recursively: arrays, sparse matrices, generator states, ...) always;
  where current skops cannot audit OLD (``PY_CANNOT_AUDIT``), NEW must load and match the old
  stack's outputs and the state stored in OLD; where current scikit-learn cannot rebuild the old
  model at all (``PY_CANNOT_CONSTRUCT``), NEW must fail exactly like OLD;
* NEW reproduces the OLD stack's saved outputs wherever current scikit-learn can run the model.
"""
from __future__ import annotations

import io
import json
import math
import os
import subprocess
import warnings
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
import skops.io as sio

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIXTURES = HERE / "fixtures" / "old"
MANIFEST = json.loads((FIXTURES / "manifest.json").read_text())
ENTRIES = {e["file"][: -len(".skops")]: e for e in MANIFEST["files"]}
NAMES = sorted(ENTRIES)
PER_FIXTURE = pytest.mark.parametrize("name", NAMES)

#: Old files the CURRENT Python skops cannot even audit (``get_untrusted_types`` raises). Skiff must
#: still read them; its untrusted list is then held against what Python reports for Skiff's rewrite.
PY_CANNOT_AUDIT = {
    # skops.io.old._numpy_v0.RandomGeneratorNode keeps protocol 0's raw bit-generator dict as a
    # "child"; get_unsafe_set() then calls .get_unsafe_set() on its str keys -> AttributeError.
    # skops bug #329 (fixed by protocol 1); the writing skops 0.5 already failed the same way
    # (manifest: untrusted_in_old_skops.error). Only ``trusted=True`` -- gone since 0.10 -- loaded it.
    "p0_rng": AttributeError,
    # skops <= 0.10 wrote SGD loss objects (SGDClassifier.loss_function_ / _loss_function_) with
    # __loader__ "SGDNode"; skops 0.11 renamed it "LossNode" and kept no old-protocol reader, so
    # current skops raises "Can't find loader SGDNode ... protocol N".
    "p0_sgd": TypeError,
    "p1_sgd": TypeError,
}

#: Old files that current skops audits but cannot *construct*, because current scikit-learn no
#: longer accepts what the old one pickled (drift, not Skiff): Skiff's rewrite must fail the same way,
#: and ``test_repack_keeps_the_node_tree`` is then the evidence that nothing was lost.
PY_CANNOT_CONSTRUCT = {
    # scikit-learn < 1.3 trees have no `missing_go_to_left` node field; 1.9's Tree.__setstate__
    # rejects that node dtype ("node array from the pickle has an incompatible dtype").
    "p0_tree": (ValueError, "incompatible dtype"),
    "p0_forest": (ValueError, "incompatible dtype"),
    # the 1.2 model holds sklearn.ensemble._gb_losses.BinomialDeviance; that module left in 1.4.
    "p0_gb": (ModuleNotFoundError, "sklearn.ensemble._gb_losses"),
}

#: relative/absolute tolerance against the OLD stack's saved float outputs (other numpy/BLAS build)
OLD_RTOL, OLD_ATOL = 1e-7, 1e-10


# --------------------------------------------------------------------------------------------
# the CLI, run once per fixture up front (JVM start-ups overlap)
# --------------------------------------------------------------------------------------------


def _cli_path() -> Path:
    return Path(os.environ.get("SKIFF_CLI", ROOT / "skiff")).resolve()


class _Cli:
    def __init__(self):
        self.exe = _cli_path()
        self.env = dict(os.environ)
        self.env.setdefault("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")

    def __call__(self, *args, timeout=600) -> subprocess.CompletedProcess:
        return subprocess.run([str(self.exe), *map(str, args)], capture_output=True, text=True,
                              timeout=timeout, env=self.env, cwd=ROOT)


def _describe(p: subprocess.CompletedProcess) -> str:
    return (f"{' '.join(map(str, p.args))} -> exit {p.returncode}\n"
            f"--- stdout ---\n{p.stdout[:2000]}\n--- stderr ---\n{p.stderr[-3000:]}")


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    """``{name: {"inspect", "audit", "repack": CompletedProcess, "new": Path}}`` for every fixture."""
    run = _Cli()
    built = run("--version", timeout=1800)  # builds the jar first if it is stale
    if built.returncode != 0:
        pytest.fail(f"the skiff CLI does not run:\n{_describe(built)}", pytrace=False)
    out = tmp_path_factory.mktemp("old-repacked")
    jobs = {}
    with ThreadPoolExecutor(max_workers=max(2, min(4, os.cpu_count() or 2))) as pool:
        for name in NAMES:
            old = FIXTURES / f"{name}.skops"
            new = out / f"{name}.skops"
            jobs[name] = {
                "new": new,
                "inspect": pool.submit(run, "inspect", "--json", old),
                "audit": pool.submit(run, "audit", old),
                "repack": pool.submit(run, "repack", old, new),
            }
        return {n: {k: (v.result() if hasattr(v, "result") else v) for k, v in j.items()}
                for n, j in jobs.items()}


def _ok(p: subprocess.CompletedProcess, expect=(0,)) -> subprocess.CompletedProcess:
    assert p.returncode in expect, f"expected exit {expect}, got:\n{_describe(p)}"
    return p


def _repacked(cli, name) -> Path:
    _ok(cli[name]["repack"])
    return cli[name]["new"]


def _java_untrusted(cli, name) -> list[str]:
    doc = json.loads(_ok(cli[name]["inspect"]).stdout)
    return sorted(u["type"] for u in doc["untrusted"])


# --------------------------------------------------------------------------------------------
# Python helpers
# --------------------------------------------------------------------------------------------


def _schema(path) -> dict:
    with zipfile.ZipFile(path) as z:
        return json.loads(z.read("schema.json"))


def _py_untrusted(path):
    """``(list, None)`` or ``(None, exception)`` from the current skops' audit."""
    try:
        return sio.get_untrusted_types(file=path), None
    except Exception as e:  # noqa: BLE001 - the caller decides whether this is expected
        return None, e


def _py_load(path):
    """``(obj, None)`` or ``(None, exception)``: current skops, trusting what it itself reports."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return sio.load(path, trusted=sio.get_untrusted_types(file=path)), None
    except Exception as e:  # noqa: BLE001
        return None, e


def _x(entry) -> np.ndarray:
    X = np.load(FIXTURES / entry["X"], allow_pickle=False)
    return X.astype(object) if entry["X_dtype"] == "object" else X


def _call(obj, method, X):
    """``(output, None)`` or ``(None, exception)``."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            y = getattr(obj, method)(X)
        return (y.toarray() if sp.issparse(y) else np.asarray(y)), None
    except Exception as e:  # noqa: BLE001
        return None, e


def _same_error(a: BaseException, b: BaseException) -> bool:
    return type(a) is type(b) and str(a) == str(b)


def assert_same_object(a, b, where="obj", _seen=None):
    """Recursive equality of two loaded objects: types, arrays (values and dtypes), sparse matrices,
    random generators by state, estimators and other objects by their pickled state."""
    _seen = set() if _seen is None else _seen
    assert type(a) is type(b), f"{where}: {type(a)} != {type(b)}"
    if isinstance(a, np.random.Generator):
        assert a.bit_generator.state == b.bit_generator.state, f"{where}: generator state differs"
        return
    if isinstance(a, np.random.RandomState):
        sa, sb = a.get_state(legacy=False), b.get_state(legacy=False)
        assert_same_object(sa, sb, where + ".get_state()", _seen)
        return
    if sp.issparse(a):
        assert a.format == b.format and a.shape == b.shape, f"{where}: sparse format/shape differ"
        assert a.dtype == b.dtype, f"{where}: sparse dtype {a.dtype} != {b.dtype}"
        assert (a != b).nnz == 0, f"{where}: sparse values differ"
        for attr in ("indices", "indptr"):
            if hasattr(a, attr):
                np.testing.assert_array_equal(getattr(a, attr), getattr(b, attr), err_msg=f"{where}.{attr}")
        return
    if isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and a.shape == b.shape, f"{where}: {a.dtype}{a.shape} != {b.dtype}{b.shape}"
        if a.dtype == object:
            for i, (x, y) in enumerate(zip(a.ravel(), b.ravel())):
                assert_same_object(x, y, f"{where}.flat[{i}]", _seen)
        else:
            np.testing.assert_array_equal(a, b, err_msg=where, strict=True)
        return
    if isinstance(a, np.generic):
        np.testing.assert_array_equal(a, b, err_msg=where, strict=True)
        return
    if isinstance(a, float):
        assert (math.isnan(a) and math.isnan(b)) or a == b, f"{where}: {a!r} != {b!r}"
        return
    if isinstance(a, (str, bytes, int, bool, type(None))):
        assert a == b, f"{where}: {a!r} != {b!r}"
        return
    if isinstance(a, dict):
        assert list(a) == list(b), f"{where}: keys {list(a)} != {list(b)}"
        for k in a:
            assert_same_object(a[k], b[k], f"{where}[{k!r}]", _seen)
        return
    if isinstance(a, (list, tuple)):
        assert len(a) == len(b), f"{where}: length {len(a)} != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            assert_same_object(x, y, f"{where}[{i}]", _seen)
        return
    if isinstance(a, type) or callable(a) and not hasattr(a, "__dict__") or type(a).__name__ in (
            "function", "ufunc", "builtin_function_or_method", "_ArrayFunctionDispatcher"):
        assert a is b, f"{where}: {a!r} is not {b!r}"
        return
    if id(a) in _seen:
        return
    _seen.add(id(a))
    state_a = a.__getstate__() if hasattr(a, "__getstate__") else a.__dict__
    state_b = b.__getstate__() if hasattr(b, "__getstate__") else b.__dict__
    assert_same_object(state_a, state_b, f"{where}<state>", _seen)


# --- the node trees, normalised across protocols -------------------------------------------


def _member(zf: zipfile.ZipFile, name: str):
    data = zf.read(name)
    if name.endswith(".npy"):
        a = np.load(io.BytesIO(data), allow_pickle=False)
        return ("npy", a.dtype.descr if a.dtype.names else a.dtype.str, a.shape, a.tobytes())
    if name.endswith(".npz"):
        m = sp.load_npz(io.BytesIO(data))
        parts = [m.format, m.shape, m.dtype.str, np.asarray(m.data).tobytes()]
        parts += [getattr(m, k).tobytes() for k in ("indices", "indptr", "row", "col", "offsets")
                  if hasattr(m, k) and isinstance(getattr(m, k), np.ndarray)]
        return ("npz", *parts)
    return ("bin", data)


def _plain(state):
    """A JSON-ish node state (Dict/List/Tuple/JsonNode ...) as plain Python data."""
    loader = state["__loader__"]
    if loader == "JsonNode":
        return json.loads(state["content"])
    if loader == "DictNode":
        keys = [f"{t['__module__']}.{t['__class__']}" for t in state["key_types"]["content"]]
        conv = {"builtins.str": str, "builtins.int": int}
        return {conv[k](key): _plain(v) for k, (key, v) in zip(keys, state["content"].items())}
    if loader in ("ListNode", "TupleNode"):
        items = [_plain(v) for v in state["content"]]
        return items if loader == "ListNode" else tuple(items)
    raise AssertionError(f"unexpected {loader} in a bit generator state")


class _Canon:
    """Turns a schema.json tree into comparable data, independent of protocol and of the writer's
    incidental choices: ids become first-seen ordinals, members are replaced by their content."""

    def __init__(self, zf: zipfile.ZipFile):
        self.zf = zf
        self.ids: dict[int, int] = {}

    def __call__(self, v):
        if isinstance(v, list):
            return [self(x) for x in v]
        if not isinstance(v, dict):
            return v
        if "__loader__" not in v:  # a plain content dict of child states: key order matters
            return [(k, self(x)) for k, x in v.items()]
        node = dict(v)
        for k in ("protocol", "_skops_version", "is_json"):
            node.pop(k, None)
        nid = node.pop("__id__", None)
        loader = node["__loader__"]
        out = {}
        if loader != "JsonNode" and nid:  # CPython interns small values: ignore JsonNode ids
            if nid in self.ids:
                # skops' reader returns the node first built for an id and never reads the rest of
                # a repeated state (Python re-dumps a shared object in full; Skiff may not): so
                # compare only which earlier node this is.
                return {"__ref__": self.ids[nid]}
            out["__id__"] = self.ids.setdefault(nid, len(self.ids))
        if loader == "FunctionNode" and "content" in node:
            # protocol 0: __class__ was the type ("function"/"ufunc"), the name sat in content
            node = {"__class__": node["content"]["function"], "__module__": node["content"]["module_path"],
                    "__loader__": "FunctionNode"}
        if loader == "SGDNode":  # skops <= 0.10 name of LossNode (same state)
            node["__loader__"] = "LossNode"
        if loader == "RandomGeneratorNode":
            bg = node["content"]["bit_generator"]
            # protocol 0: raw dict; protocol >= 1: a DictNode; protocol 2 adds seed_seq (dropped here)
            node["content"] = {"bit_generator": bg if "__loader__" not in bg else _plain(bg)}
            out.update(node)
            return out
        for k in sorted(node):
            if k == "file":
                out[k] = _member(self.zf, node[k])
            else:
                out[k] = self(node[k])
        return out


def _canon(path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return _Canon(zf)(json.loads(zf.read("schema.json")))


def _diff(a, b, where="root"):
    """The first difference between two canonical trees, as text (None if equal)."""
    if type(a) is not type(b):
        return f"{where}: {type(a).__name__} {a!r:.200} != {type(b).__name__} {b!r:.200}"
    if isinstance(a, dict):
        if set(a) != set(b):
            return f"{where}: keys {sorted(a)} != {sorted(b)}"
        for k in a:
            d = _diff(a[k], b[k], f"{where}.{k}")
            if d:
                return d
        return None
    if isinstance(a, (list, tuple)):
        if len(a) != len(b):
            return f"{where}: length {len(a)} != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = _diff(x, y, f"{where}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{where}: {a!r:.200} != {b!r:.200}"


# --------------------------------------------------------------------------------------------
# tests
# --------------------------------------------------------------------------------------------


def test_manifest_describes_the_fixtures():
    on_disk = sorted(p.name for p in FIXTURES.glob("*.skops"))
    assert on_disk == sorted(e["file"] for e in MANIFEST["files"])
    assert {s["protocol"] for s in MANIFEST["stacks"].values()} == {0, 1}
    for e in MANIFEST["files"]:
        assert _schema(FIXTURES / e["file"])["protocol"] == e["protocol"], e["file"]
        assert e["file"].startswith(f"p{e['protocol']}_")
        for f in [e.get("X"), *e.get("outputs", {}).values()]:
            assert f is None or (FIXTURES / f).is_file(), f
    total = sum(p.stat().st_size for p in FIXTURES.iterdir())
    assert total < 2 * 1024 * 1024, f"old fixtures take {total} bytes; keep them under 2 MiB"


@PER_FIXTURE
def test_inspect_reports_pythons_untrusted_types(name, cli):
    old = FIXTURES / f"{name}.skops"
    java = _java_untrusted(cli, name)
    py, err = _py_untrusted(old)
    if name in PY_CANNOT_AUDIT:
        # Current skops cannot audit this old form (see PY_CANNOT_AUDIT); Skiff must still read
        # it, and what it flags must be what current skops flags once Skiff rewrote the file.
        assert err is not None, f"current skops now audits {name} ({py}); drop it from PY_CANNOT_AUDIT"
        assert isinstance(err, PY_CANNOT_AUDIT[name]), repr(err)
        py_new, err_new = _py_untrusted(_repacked(cli, name))
        assert err_new is None, f"current skops cannot audit Skiff's rewrite of {name}: {err_new!r}"
        assert java == py_new
    else:
        assert err is None, f"current skops fails to audit {name}: {err!r}"
        assert java == py


@PER_FIXTURE
def test_audit_exit_code(name, cli):
    old = FIXTURES / f"{name}.skops"
    untrusted = _java_untrusted(cli, name)
    _ok(cli[name]["audit"], expect=(3,) if untrusted else (0,))
    if untrusted:
        trust = [a for t in untrusted for a in ("--trust", t)]
        _ok(_Cli()("audit", *trust, old))


@PER_FIXTURE
def test_repack_writes_protocol_2(name, cli):
    new = _repacked(cli, name)
    schema = _schema(new)
    assert schema["protocol"] == 2
    with zipfile.ZipFile(new) as z:
        assert z.testzip() is None


@PER_FIXTURE
def test_repack_keeps_the_node_tree(name, cli):
    """NEW is OLD in protocol-2 form: nothing added, dropped or changed besides the protocol forms."""
    old, new = FIXTURES / f"{name}.skops", _repacked(cli, name)
    d = _diff(_canon(old), _canon(new))
    assert d is None, f"repack changed {name}: {d}"
    gens = [s for s in _states(_schema(new)) if s.get("__loader__") == "RandomGeneratorNode"]
    for g in gens:  # the protocol-2 loader reads content.seed_seq unconditionally
        assert g["content"]["seed_seq"]["__loader__"] == "DictNode"


def _states(state):
    if isinstance(state, dict):
        yield state
        for v in state.values():
            yield from _states(v)
    elif isinstance(state, list):
        for v in state:
            yield from _states(v)


@PER_FIXTURE
def test_repacked_loads_like_the_old_file(name, cli):
    entry = ENTRIES[name]
    old, new = FIXTURES / f"{name}.skops", _repacked(cli, name)
    a, err_a = _py_load(old)
    b, err_b = _py_load(new)
    if name in PY_CANNOT_CONSTRUCT:
        exc, text = PY_CANNOT_CONSTRUCT[name]
        assert isinstance(err_a, exc) and text in str(err_a), (
            f"current stack on OLD {name}: expected {exc.__name__}({text!r}...), got "
            f"{'a loaded object' if err_a is None else repr(err_a)}; update PY_CANNOT_CONSTRUCT")
        assert err_b is not None and _same_error(err_a, err_b), (
            f"Skiff's rewrite of {name} should fail exactly like OLD ({err_a!r}), got "
            f"{'a loaded object' if err_b is None else repr(err_b)}")
        return
    assert err_b is None, (f"current skops cannot load Skiff's rewrite of {name}: {err_b!r} "
                           f"(OLD: {'loads' if err_a is None else repr(err_a)})")
    if err_a is None:
        assert_same_object(a, b)
    else:
        # Current skops cannot load OLD (PY_CANNOT_AUDIT): the rewrite must hold what OLD stores.
        assert name in PY_CANNOT_AUDIT, f"current skops cannot load OLD {name}: {err_a!r}"
        _assert_matches_old_state(name, old, b)

    outputs = entry.get("outputs", {})
    if not outputs:  # the plain dict payload
        assert_same_object(b, {"a": [1, 2.5, "x"], "b": np.arange(3)})
        return
    X = _x(entry)
    ran = 0
    for method, out_file in outputs.items():
        yb, eb = _call(b, method, X)
        if err_a is None:
            ya, ea = _call(a, method, X)
            if ea is not None:  # current scikit-learn cannot run the old model: drift, not Skiff
                assert eb is not None and type(eb) is type(ea), (
                    f"{name}.{method}: OLD raises {ea!r}, NEW gives {eb!r}")
                continue  # the attribute comparison above is the evidence
            assert eb is None, f"{name}.{method}: OLD runs, NEW raises {eb!r}"
            np.testing.assert_array_equal(yb, ya, strict=True, err_msg=f"{name}.{method}")
        else:
            assert eb is None, f"{name}.{method} on Skiff's rewrite raises {eb!r}"
        expected = np.load(FIXTURES / out_file, allow_pickle=False)
        assert yb.shape == expected.shape, f"{name}.{method}: shape {yb.shape} != old {expected.shape}"
        if expected.dtype.kind in "fc":
            np.testing.assert_allclose(yb, expected, rtol=OLD_RTOL, atol=OLD_ATOL, err_msg=f"{name}.{method}")
        else:
            np.testing.assert_array_equal(yb, expected, err_msg=f"{name}.{method} vs the old stack")
        ran += 1
    record = f"{name}: {ran}/{len(outputs)} methods reproduced the old stack's outputs"
    print(record)


def _assert_matches_old_state(name, old, b):
    """For files current skops cannot load: check NEW against what OLD's schema.json stores."""
    schema = _schema(old)
    for key, node in schema["content"]["content"].items():
        if key == "_sklearn_version":  # consumed by BaseEstimator.__setstate__
            continue
        if node["__loader__"] == "RandomGeneratorNode":
            raw = node["content"]["bit_generator"]
            expect = raw if "__loader__" not in raw else _plain(raw)
            assert getattr(b, key).bit_generator.state == expect, f"{name}.{key}: generator state"
        elif node["__loader__"] == "JsonNode":
            got = getattr(b, key)
            assert got == json.loads(node["content"]) or (got is None and node["content"] == "null"), (
                f"{name}.{key}")
