"""Skiff's reader, audit and writer held against Python skops, over the whole model zoo.

For every zoo model (``models.py``), dumped by Python skops:

* ``skiff inspect --json`` reads it and reports exactly the untrusted types
  ``skops.io.get_untrusted_types`` reports, each with a node path;
* ``skiff inspect`` (text) marks ``[UNTRUSTED]`` exactly when there is something untrusted;
* ``skiff audit`` exits 0 / 3 like Python's list is empty / not, and 0 once those types are trusted;
* ``skiff repack`` (stored and ``--compress``) writes a file Python skops loads into an object that
  is *exactly* the object loaded from the original: same outputs on held-out data (values, labels,
  dtypes), same payload values, same shared references, same full pickle state.

``test_zoo_covers_every_loader`` checks, from the dumped files, that the zoo really exercises every
skops loader and every numpy dtype family skops writes.
"""
from __future__ import annotations

import json
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pytest
import skops.io as sio

import models

ZOO = pytest.mark.parametrize("zoo_name", models.NAMES)

#: repacked files above this size must shrink with ``--compress``
BIG_FILE_BYTES = 16 * 1024


# --------------------------------------------------------------------------------------------
# fixtures
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def untrusted(zoo_files) -> dict[str, list[str]]:
    """What Python skops says is untrusted in each zoo file (sorted)."""
    return {name: sio.get_untrusted_types(file=path) for name, path in zoo_files.items()}


class Calls:
    """The CLI calls each test makes, per zoo model (one place, so they can be prefetched)."""

    def __init__(self, files, untrusted, out_dir: Path):
        self.files, self.untrusted, self.out_dir = files, untrusted, out_dir

    def inspect_json(self, n):
        return ("inspect", "--json", self.files[n])

    def inspect_text(self, n):
        return ("inspect", self.files[n])

    def audit(self, n):
        return ("audit", self.files[n])

    def audit_trusting(self, n):
        args = ["audit", self.files[n]]
        for t in self.untrusted[n]:
            args += ["--trust", t]
        return tuple(args)

    def stored_out(self, n) -> Path:
        return self.out_dir / f"{n}.stored.skops"

    def deflated_out(self, n) -> Path:
        return self.out_dir / f"{n}.deflated.skops"

    def repack(self, n):
        return ("repack", self.files[n], self.stored_out(n))

    def repack_compressed(self, n):
        return ("repack", "--compress", self.files[n], self.deflated_out(n))

    def for_test(self, test_name: str, n: str):
        """The calls the zoo test ``test_name`` makes for model ``n``."""
        kinds = {
            "test_inspect_json_reports_pythons_untrusted_types": [self.inspect_json],
            "test_inspect_text_marks_untrusted": [self.inspect_text],
            "test_audit_exit_codes": [self.audit] + ([self.audit_trusting] if self.untrusted[n] else []),
            "test_repack_stored_loads_identically_in_python": [self.repack],
            "test_repack_compressed_loads_identically_in_python": [self.repack_compressed, self.repack],
        }
        return [k(n) for k in kinds.get(test_name, [])]


@pytest.fixture(scope="session")
def calls(request, skiff, zoo_files, untrusted, tmp_path_factory) -> Calls:
    """The CLI calls, with every call the selected zoo tests will make started in the background,
    in the order the tests will want them."""
    c = Calls(zoo_files, untrusted, tmp_path_factory.mktemp("repacked"))
    selected = getattr(request.config, "_skiff_zoo_selected", {})
    for test_name, names in selected.items():
        for n in names:
            for args in c.for_test(test_name, n):
                skiff.prefetch(*args)
    return c


def _load(path, trusted):
    with warnings.catch_warnings():
        warnings.simplefilter("error", category=UserWarning)  # e.g. InconsistentVersionWarning
        return sio.load(path, trusted=trusted)


# --------------------------------------------------------------------------------------------
# reading and auditing
# --------------------------------------------------------------------------------------------


@ZOO
def test_inspect_json_reports_pythons_untrusted_types(zoo_name, skiff, calls, untrusted):
    r = skiff.cached(*calls.inspect_json(zoo_name))
    doc = json.loads(r.stdout)
    assert doc["protocol"] == 2
    reported = [u["type"] for u in doc["untrusted"]]
    assert len(reported) == len(set(reported)), f"types listed twice: {reported}"
    assert sorted(reported) == untrusted[zoo_name]
    for u in doc["untrusted"]:
        assert u["paths"], f"{u['type']} has no path"
        assert any(p.startswith("root") for p in u["paths"]), f"{u['type']}: paths {u['paths'][:5]}"
    assert doc["tree"]["path"] == "root"


@ZOO
def test_inspect_text_marks_untrusted(zoo_name, skiff, calls, untrusted):
    out = skiff.cached(*calls.inspect_text(zoo_name)).stdout
    assert ("[UNTRUSTED]" in out) == bool(untrusted[zoo_name]), out[-3000:]
    for t in untrusted[zoo_name]:
        assert t in out


@ZOO
def test_audit_exit_codes(zoo_name, skiff, calls, untrusted):
    if not untrusted[zoo_name]:
        skiff.cached(*calls.audit(zoo_name), expect=0)
        return
    out = skiff.cached(*calls.audit(zoo_name), expect=3).stdout
    for t in untrusted[zoo_name]:
        assert t in out
    skiff.cached(*calls.audit_trusting(zoo_name), expect=0)


# --------------------------------------------------------------------------------------------
# writing: Python loads what Skiff rewrote, and gets exactly the same object
# --------------------------------------------------------------------------------------------


def _assert_loads_identically(zm, original: Path, rewritten: Path, expected_untrusted: list[str]):
    assert sio.get_untrusted_types(file=rewritten) == expected_untrusted
    a = _load(original, expected_untrusted)
    b = _load(rewritten, sio.get_untrusted_types(file=rewritten))

    for m in zm.methods:
        out_a, out_b = getattr(a, m)(zm.X), getattr(b, m)(zm.X)
        models.assert_same(out_a, out_b, f"{m}(X)")
    for attr in zm.payload:
        models.assert_same(getattr(a, attr), getattr(b, attr), f"root.{attr}")
    for x, y in zm.shared:
        assert getattr(a, x) is getattr(a, y), "skops itself lost the shared reference?"
        assert getattr(b, x) is getattr(b, y), f"{x} and {y} are no longer one object after repack"
    models.assert_same(a, b, "root")  # the full pickle state, recursively
    return a, b


@ZOO
def test_repack_stored_loads_identically_in_python(zoo_name, zoo, skiff, calls, untrusted):
    skiff.cached(*calls.repack(zoo_name))
    out = calls.stored_out(zoo_name)
    with zipfile.ZipFile(out) as z:
        assert "schema.json" in z.namelist()
        assert json.loads(z.read("schema.json"))["protocol"] == 2
        assert all(i.compress_type == zipfile.ZIP_STORED for i in z.infolist())
    _assert_loads_identically(zoo[zoo_name], calls.files[zoo_name], out, untrusted[zoo_name])


@ZOO
def test_repack_compressed_loads_identically_in_python(zoo_name, zoo, skiff, calls, untrusted):
    skiff.cached(*calls.repack_compressed(zoo_name))
    out = calls.deflated_out(zoo_name)
    with zipfile.ZipFile(out) as z:
        assert json.loads(z.read("schema.json"))["protocol"] == 2
        assert z.getinfo("schema.json").compress_type == zipfile.ZIP_DEFLATED
    _assert_loads_identically(zoo[zoo_name], calls.files[zoo_name], out, untrusted[zoo_name])
    skiff.cached(*calls.repack(zoo_name))
    stored = calls.stored_out(zoo_name)
    if stored.stat().st_size > BIG_FILE_BYTES:
        assert out.stat().st_size < stored.stat().st_size, \
            f"--compress wrote {out.stat().st_size} bytes, stored {stored.stat().st_size}"
        assert out.stat().st_size < calls.files[zoo_name].stat().st_size


# --------------------------------------------------------------------------------------------
# the zoo itself: does it exercise everything it claims to?
# --------------------------------------------------------------------------------------------

#: every loader skops 0.16 registers for protocol 2, except the ones Python never writes for
#: scikit-learn/numpy/scipy objects (CachedNode is never written; QuantileForestNode needs the
#: quantile-forest package; _DictWithDeprecatedKeysNode needs scikit-learn < 1.2)
NOT_WRITTEN = {"CachedNode", "QuantileForestNode", "_DictWithDeprecatedKeysNode"}


def _walk(node):
    if isinstance(node, dict):
        if "__loader__" in node:
            yield node
        for v in node.values():
            yield from _walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v)


def schema_nodes(path: Path) -> list[dict]:
    with zipfile.ZipFile(path) as z:
        return list(_walk(json.loads(z.read("schema.json"))))


def npy_headers(path: Path) -> list[dict]:
    """The headers of every .npy member (descr, fortran_order, shape)."""
    import ast

    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".npy"):
                data = z.read(name)
                major = data[6]
                hlen = int.from_bytes(data[8:10] if major == 1 else data[8:12], "little")
                start = 10 if major == 1 else 12
                out.append(ast.literal_eval(data[start:start + hlen].decode("latin1")))
    return out


def test_zoo_covers_every_loader(zoo_files):
    from skops.io._audit import NODE_TYPE_MAPPING  # noqa: F401  (registry filled on import)
    from skops.io._persist import NODE_TYPE_MAPPING as ALL_LOADERS
    from skops.io._protocol import PROTOCOL

    assert len(zoo_files) >= 60
    registered = {loader for loader, proto in ALL_LOADERS if proto == PROTOCOL}
    nodes = [n for p in zoo_files.values() for n in schema_nodes(p)]
    used = {n["__loader__"] for n in nodes}
    assert registered - NOT_WRITTEN - used == set(), "loaders no zoo model exercises"

    def ids(loader, **pred):
        return {f"{n['__module__']}.{n['__class__']}" for n in nodes if n["__loader__"] == loader
                and all(n.get(k) == v for k, v in pred.items())}

    # the variants the brief asks for
    assert {"builtins.dict", "collections.OrderedDict", "sklearn.utils._bunch.Bunch"} <= ids("DictNode")
    key_types = {f"{t['__module__']}.{t['__class__']}" for n in nodes if n["__loader__"] == "DictNode"
                 for t in n["key_types"]["content"]}
    assert {"builtins.int", "builtins.float", "builtins.str", "numpy.int64"} <= key_types
    assert "helpers_mod.Point" in ids("TupleNode")
    assert {"datetime.date", "decimal.Decimal", "fractions.Fraction", "zoneinfo.ZoneInfo"} <= ids(
        "ConstructorFromReduceNode")
    assert {"numpy.float32", "builtins.len"} <= ids("TypeNode")
    assert {"numpy.log1p", "numpy.sqrt", "numpy.mean", "helpers_mod.signed_log"} <= ids("FunctionNode")
    assert any(m.endswith(".expit") for m in ids("FunctionNode"))
    assert {"operator.itemgetter", "operator.attrgetter", "operator.methodcaller"} <= ids("OperatorFuncNode")
    assert {"scipy.sparse._csr.csr_matrix", "scipy.sparse._csc.csc_matrix", "scipy.sparse._coo.coo_matrix",
            "scipy.sparse._csr.csr_array"} <= ids("SparseMatrixNode")
    bit_generators = {json.loads(n["content"]["bit_generator"]["content"]["bit_generator"]["content"])
                      for n in nodes if n["__loader__"] == "RandomGeneratorNode"}
    assert {"PCG64", "Philox", "MT19937", "SFC64"} <= bit_generators
    losses = {n["__class__"] for n in nodes if n["__loader__"] == "LossNode"}
    assert {"Hinge", "ModifiedHuber", "SquaredHinge", "CyHalfBinomialLoss", "CyHalfMultinomialLoss",
            "CyHalfSquaredError", "CyAbsoluteError", "CyHuberLoss", "CyPinballLoss", "CyHalfPoissonLoss",
            "CyHalfGammaLoss", "CyExponentialLoss"} <= losses
    assert any(n.get("type") == "json" for n in nodes if n["__loader__"] == "NdArrayNode"), "object arrays"
    scalar_classes = {n["__class__"] for n in nodes if n["__loader__"] == "NdArrayNode"} - {"ndarray"}
    assert {"float64", "float32", "int64", "int8", "uint64", "bool", "str_", "datetime64",
            "timedelta64", "complex128"} <= scalar_classes

    headers = [h for p in zoo_files.values() for h in npy_headers(p)]
    descrs = {h["descr"] if isinstance(h["descr"], str) else "structured" for h in headers}
    simple = {d.lstrip("<>|=")[:1] + d.lstrip("<>|=")[1:].split("[")[0] if d != "structured" else d
              for d in descrs}
    for want in ["f8", "f4", "f2", "i8", "i4", "i2", "i1", "u1", "u2", "u4", "u8", "b1", "c16", "c8", "M8",
                 "m8", "structured"]:
        assert want in simple, f"no .npy member of dtype {want}"
    assert any(d.lstrip("<>|").startswith("U") for d in descrs), "fixed-width unicode"
    assert any(d.lstrip("<>|").startswith("S") for d in descrs), "fixed-width bytes"
    assert any(d.startswith(">") for d in descrs), "big-endian"
    assert any(h["fortran_order"] for h in headers), "Fortran-ordered arrays"
    assert any(h["shape"] == () for h in headers), "0-d arrays / numpy scalars"
    tree_descr = [h["descr"] for h in headers if isinstance(h["descr"], list)
                  and h["descr"] and h["descr"][0][0] == "left_child"]
    assert tree_descr and ("", "|V7") in tree_descr[0], "tree node records with padding"


# --------------------------------------------------------------------------------------------
# the comparison itself must be strict, or the repack tests prove nothing
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("a, b", [
    (0.0, -0.0),
    (1, 1.0),
    (True, 1),
    (np.float64(1.0), np.float32(1.0)),
    (np.array([1.0, 2.0]), np.array([1.0, 2.0], dtype=">f8")),
    (np.array([1.0, 2.0]), np.array([1.0, 2.0000000000000004])),
    (np.array([1, 2]), np.array([1, 2], dtype=np.int32)),
    (np.arange(6.0).reshape(2, 3), np.asfortranarray(np.arange(6.0).reshape(2, 3))),
    (np.array(["a", "b"], dtype=object), np.array(["a", "c"], dtype=object)),
    (np.array([(1, 2.0)], dtype=[("a", "<i4"), ("b", "<f8")]), np.array([(1, 3.0)], dtype=[("a", "<i4"), ("b", "<f8")])),
    ({"a": 1, "b": 2}, {"b": 2, "a": 1}),
    ({1: "x"}, {"1": "x"}),
    ([1, 2], (1, 2)),
    (b"ab", bytearray(b"ab")),
    (slice(1, 5), slice(1, 6)),
    (np.dtype("<i2"), np.dtype(">i2")),
    (np.sqrt, np.log1p),
    (np.random.default_rng(0), np.random.default_rng(1)),
    (np.random.Generator(np.random.PCG64(0)), np.random.Generator(np.random.Philox(0))),
    (np.random.RandomState(0), np.random.RandomState(1)),
    (np.ma.masked_array([1, 2], mask=[0, 1]), np.ma.masked_array([1, 2], mask=[1, 0])),
])
def test_assert_same_is_strict(a, b):
    with pytest.raises(AssertionError):
        models.assert_same(a, b)


def test_assert_same_sees_estimator_state():
    from sklearn.linear_model import LogisticRegression

    X, y, _ = models.cls2()
    a, b = LogisticRegression().fit(X, y), LogisticRegression().fit(X, y)
    models.assert_same(a, b)
    b.coef_ = b.coef_.copy()
    b.coef_[0, 0] = np.nextafter(b.coef_[0, 0], np.inf)
    with pytest.raises(AssertionError, match="coef_"):
        models.assert_same(a, b)
