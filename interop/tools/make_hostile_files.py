#!/usr/bin/env python3
"""Generate the hostile .skops corpus used by HostileFilesTest and CliHostileTest.

Run (from the repository root; Python stdlib + numpy only):

    .venv/bin/python interop/tools/make_hostile_files.py [--out DIR]

DIR defaults to skiff-format/src/test/resources/hostile. The script deletes the *.skops files and the
manifest.json it finds there and writes them again; the output is byte-for-byte reproducible (fixed zip
timestamps, fixed __id__s, our own zip writer), so re-running it on an unchanged script changes nothing.

What it writes:

* valid_*.skops -- valid bases, hand-crafted so they need no scikit-learn to build:
  - valid_logreg.skops: a fitted LogisticRegression as skops 0.15 writes it (section 1.7.1 of
    shared/reference/skops.md): an ObjectNode holding a DictNode of 20 attributes, 4 .npy members.
  - valid_mixed.skops: a dict of a LogisticRegression, a csr_matrix (.npz member), bytes (.bin member),
    a numpy Generator, a bound method, an operator.itemgetter, a slice and a tuple.
* every other *.skops -- one of the bases with exactly one defect (not a zip, zip bombs, zip-slip names,
  hostile .npy headers, malformed schema.json, CVE-2025-54412/54413 patterns, ...).
* manifest.json -- {"valid": {file: {description}}, "hostile": {file: {description, expect: [fragments],
  limits?: {ReadLimits component: value}, heapDependent?: true}}}. A reader must refuse every hostile file
  with a dev.skiff.format.SkopsFormatException whose message contains every fragment in `expect` (they name
  the zip member or the node path). `limits` overrides ReadLimits.DEFAULT components for that file (used
  where the real limit would need a huge file). `heapDependent` marks bombs that are only over the limit in
  a small heap (the skiff-format tests run with -Xmx256m); with a large heap they are merely big files.

The committed corpus must stay small (< 3 MB): bombs are small compressed members that expand hugely, and
the .npz bomb is deflated twice (the outer deflate of an inner deflate of zeros is tiny).
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import pickle
import struct
import sys
import zipfile
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "skiff-format" / "src" / "test" / "resources" / "hostile"

STORED, DEFLATED = 0, 8
DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1  # 1980-01-01
MB = 1 << 20

# Fixed ids (those of section 1.7.1) so the output is reproducible.
ID_ROOT = 139972596736720
ID_DICT = 139972256263872
ID_KEYTYPES = 139972256416448
ID_STR_TYPE = 139972607088736
ID_CLASSES = 139972256328336
ID_NITER = 139972256331312
ID_COEF = 139972256330928
ID_INTERCEPT = 139972256330064
COEF_NPY = f"{ID_COEF}.npy"
ID_SPARSE = 139972256500016
SPARSE_NPZ = f"{ID_SPARSE}.npz"
BLOB_BIN = "e6ebd2cd-752d-422f-8905-d80011fb294c.bin"


# --------------------------------------------------------------------------------------------- zip writer

class Member:
    """One zip entry. Everything a hostile file may want to lie about can be overridden."""

    def __init__(self, name, data=b"", method=STORED, *, payload=None, crc=None, usize=None, csize=None,
                 flags=0, share=None):
        self.name = name.encode("utf-8")
        self.method = method
        if payload is None:
            payload = data if method == STORED else deflate(data)
        self.payload = payload
        self.crc = zlib.crc32(data) if crc is None else crc
        self.usize = len(data) if usize is None else usize
        self.csize = len(payload) if csize is None else csize
        self.flags = flags | (0x800 if any(b > 127 for b in self.name) else 0)
        self.share = share  # index of an earlier member whose local header (and data) this entry reuses


def deflate(data: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def deflate_fill(prefix: bytes, count: int, suffix: bytes = b"", fill: bytes = b"\0"):
    """Raw deflate of prefix + fill*count + suffix without building it: (payload, crc, size)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = [c.compress(prefix)]
    crc = zlib.crc32(prefix)
    chunk = fill * (16 * MB)
    left = count
    while left > 0:
        piece = chunk if left >= len(chunk) else chunk[:left]
        out.append(c.compress(piece))
        crc = zlib.crc32(piece, crc)
        left -= len(piece)
    out.append(c.compress(suffix))
    crc = zlib.crc32(suffix, crc)
    out.append(c.flush())
    return b"".join(out), crc, len(prefix) + count + len(suffix)


def build_zip(members) -> bytes:
    out = bytearray()
    cen = bytearray()
    offsets = []
    for m in members:
        if m.share is not None:
            off = offsets[m.share]
        else:
            off = len(out)
            out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, m.flags, m.method, 0, DOS_DATE_1980,
                               m.crc, m.csize, m.usize, len(m.name), 0) + m.name + m.payload
        offsets.append(off)
        cen += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20, m.flags, m.method, 0,
                           DOS_DATE_1980, m.crc, m.csize, m.usize, len(m.name), 0, 0, 0, 0, 0o600 << 16,
                           off) + m.name
    n = len(members)
    assert n <= 0xFFFF
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(cen), len(out), 0)
    return bytes(out + cen + eocd)


def stdlib_zip(entries) -> bytes:
    """A zip written by Python's zipfile itself: entries = [(name, data, compress_type)]."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, ctype in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = ctype
            info.external_attr = 0o600 << 16
            z.writestr(info, data)
    return buf.getvalue()


# ------------------------------------------------------------------------------------------------ npy

def npy(arr) -> bytes:
    buf = io.BytesIO()
    np.save(buf, arr, allow_pickle=False)
    return buf.getvalue()


def npy_header(text: str, version: int = 1) -> bytes:
    """A .npy preamble (magic, version, length, header padded to 64 bytes) around a literal header text."""
    h = text.encode("latin1")
    field = "<H" if version == 1 else "<I"
    pre = 8 + struct.calcsize(field)
    pad = (-(pre + len(h) + 1)) % 64
    h = h + b" " * pad + b"\n"
    return b"\x93NUMPY" + bytes([version, 0]) + struct.pack(field, len(h)) + h


def header_text(descr: str, shape: str, fortran: bool = False) -> str:
    return "{'descr': %s, 'fortran_order': %s, 'shape': %s, }" % (descr, fortran, shape)


# --------------------------------------------------------------------------------------------- schema

def jnode(value, id_=None, raw=None):
    return {"__class__": "str", "__module__": "builtins", "__loader__": "JsonNode",
            "content": json.dumps(value) if raw is None else raw, "is_json": True,
            "__id__": id_ if id_ is not None else _jid(value)}


def _jid(value):
    # CPython shares ids for equal small ints, None, True/False and interned strings; any stable number works
    return 139972000000000 + (zlib.crc32(repr((type(value).__name__, value)).encode()) & 0xFFFFFF)


def type_node(cls="str", mod="builtins", id_=ID_STR_TYPE):
    return {"__class__": cls, "__module__": mod, "__loader__": "TypeNode", "__id__": id_}


def list_node(items, id_, cls="list", loader="ListNode"):
    return {"__class__": cls, "__module__": "builtins", "__loader__": loader, "content": items, "__id__": id_}


def dict_node(entries: dict, id_, keytypes_id):
    return {"__class__": "dict", "__module__": "builtins", "__loader__": "DictNode",
            "content": entries,
            "key_types": list_node([type_node() for _ in entries], keytypes_id),
            "__id__": id_}


def array_node(file_id, cls="ndarray"):
    return {"__class__": cls, "__module__": "numpy", "__loader__": "NdArrayNode", "type": "numpy",
            "file": f"{file_id}.npy", "__id__": file_id}


def logreg_arrays():
    return {
        f"{ID_CLASSES}.npy": npy(np.array([0, 1], dtype="<i8")),
        f"{ID_NITER}.npy": npy(np.array([7], dtype="<i4")),
        COEF_NPY: npy(np.array([[1.5, -0.5]], dtype="<f8")),
        f"{ID_INTERCEPT}.npy": npy(np.array([0.25], dtype="<f8")),
    }


def logreg_node():
    attrs = {
        "penalty": jnode("deprecated"), "C": jnode(1.0), "l1_ratio": jnode(0.0), "dual": jnode(False),
        "tol": jnode(0.0001), "fit_intercept": jnode(True), "intercept_scaling": jnode(1),
        "class_weight": jnode(None), "random_state": jnode(None), "solver": jnode("lbfgs"),
        "max_iter": jnode(100), "verbose": jnode(0), "warm_start": jnode(False), "n_jobs": jnode(None),
        "n_features_in_": jnode(2),
        "classes_": array_node(ID_CLASSES), "n_iter_": array_node(ID_NITER),
        "coef_": array_node(ID_COEF), "intercept_": array_node(ID_INTERCEPT),
        "_sklearn_version": jnode("1.9.1"),
    }
    return {"__class__": "LogisticRegression", "__module__": "sklearn.linear_model._logistic",
            "__loader__": "ObjectNode", "content": dict_node(attrs, ID_DICT, ID_KEYTYPES), "__id__": ID_ROOT}


def with_protocol(state, protocol=2):
    state = dict(state)
    state["protocol"] = protocol
    state["_skops_version"] = "0.15.dev0"
    return state


def logreg_schema():
    return with_protocol(logreg_node())


def dumps(schema) -> bytes:
    return json.dumps(schema, indent=2).encode("ascii")


def skops_zip(schema_bytes: bytes, arrays: dict, *, method=STORED, extra=()) -> bytes:
    members = [Member(name, data, method) for name, data in arrays.items()]
    members += list(extra)
    members.append(Member("schema.json", schema_bytes, method))
    return build_zip(members)


def logreg_file(schema=None, arrays=None, **kw) -> bytes:
    return skops_zip(dumps(schema if schema is not None else logreg_schema()),
                     arrays if arrays is not None else logreg_arrays(), **kw)


def coef(schema):
    """The coef_ node state inside a LogisticRegression schema (mutable)."""
    return schema["content"]["content"]["coef_"]


def attrs(schema):
    return schema["content"]["content"]


def key_types(schema):
    return schema["content"]["key_types"]


# -- the mixed base

def sparse_npz() -> bytes:
    arrays = {  # scipy.sparse.save_npz order: indices, indptr, format, shape, data
        "indices": np.array([0, 2, 1], dtype="<i4"),
        "indptr": np.array([0, 2, 3], dtype="<i4"),
        "format": np.array(b"csr"),
        "shape": np.array([2, 3], dtype="<i8"),
        "data": np.array([1.0, 2.0, 3.0], dtype="<f8"),
    }
    return build_zip([Member(k + ".npy", npy(v), DEFLATED) for k, v in arrays.items()])


def rng_node():
    bg = np.random.default_rng(42).bit_generator
    st, ss = bg.state, bg.seed_seq.state
    ids = iter(range(139972256600000, 139972256600100))
    inner = dict_node({"state": jnode(st["state"]["state"], next(ids)), "inc": jnode(st["state"]["inc"], next(ids))},
                      next(ids), next(ids))
    bit_generator = dict_node({"bit_generator": jnode(st["bit_generator"]), "state": inner,
                               "has_uint32": jnode(st["has_uint32"]), "uinteger": jnode(st["uinteger"])},
                              next(ids), next(ids))
    seed_seq = dict_node({"entropy": jnode(ss["entropy"]),
                          "spawn_key": list_node([], next(ids), cls="tuple", loader="TupleNode"),
                          "pool_size": jnode(ss["pool_size"]),
                          "n_children_spawned": jnode(ss["n_children_spawned"])}, next(ids), next(ids))
    return {"__class__": "Generator", "__module__": "numpy.random._generator", "__loader__": "RandomGeneratorNode",
            "content": {"bit_generator": bit_generator, "seed_seq": seed_seq}, "__id__": next(ids)}


def mixed_schema():
    model = logreg_node()
    entries = {
        "model": model,
        "sparse": {"__class__": "csr_matrix", "__module__": "scipy.sparse._csr", "__loader__": "SparseMatrixNode",
                   "type": "scipy", "file": SPARSE_NPZ, "__id__": ID_SPARSE},
        "blob": {"__class__": "bytes", "__module__": "builtins", "__loader__": "BytesNode", "file": BLOB_BIN,
                 "__id__": 139972256500032},
        "rng": rng_node(),
        "method": {"__class__": "LogisticRegression", "__module__": "sklearn.linear_model._logistic",
                   "__loader__": "MethodNode",
                   "content": {"func": "predict",
                               "obj": {"__class__": "LogisticRegression",
                                       "__module__": "sklearn.linear_model._logistic",
                                       "__loader__": "ObjectNode", "__id__": ID_ROOT}},
                   "__id__": 139972256500048},
        "getter": {"__class__": "itemgetter", "__module__": "operator", "__loader__": "OperatorFuncNode",
                   "attrs": list_node([jnode(1)], 139972256500064, cls="tuple", loader="TupleNode"),
                   "__id__": 139972256500080},
        "window": {"__class__": "slice", "__module__": "builtins", "__loader__": "SliceNode",
                   "content": {"start": 1, "stop": 5, "step": None}, "__id__": 139972256500096},
        "shape": list_node([jnode(2), jnode(3)], 139972256500112, cls="tuple", loader="TupleNode"),
    }
    return with_protocol(dict_node(entries, 139972256500128, 139972256500144))


def mixed_members():
    return {**logreg_arrays(), SPARSE_NPZ: sparse_npz(), BLOB_BIN: b"\x00\x01hostile bytes\xff"}


def mixed_file(schema=None, members=None, **kw) -> bytes:
    return skops_zip(dumps(schema if schema is not None else mixed_schema()),
                     members if members is not None else mixed_members(), **kw)


def mixed(schema):
    return schema["content"]


# --------------------------------------------------------------------------------------------- the cases

VALID = {}
HOSTILE = {}


def valid(name, description, data):
    VALID[name] = (description, data)


def hostile(name, description, data, expect, **extra):
    assert name not in HOSTILE, name
    assert expect, name
    HOSTILE[name] = (description, data, list(expect), extra)


def mutated(base_fn, change):
    s = base_fn()
    change(s)
    return s


def build_cases():
    base = logreg_file()
    valid("valid_logreg.skops", "LogisticRegression as skops 0.15 writes it (ObjectNode, DictNode, 4 .npy members)",
          base)
    valid("valid_mixed.skops", "dict of LogisticRegression, csr_matrix (.npz), bytes (.bin), numpy Generator, "
                               "bound method, operator.itemgetter, slice and tuple", mixed_file())
    valid("valid_logreg_deflated.skops", "valid_logreg with every member deflated", logreg_file(method=DEFLATED))

    # ---- container
    hostile("not_a_zip.skops", "plain text, not a zip archive", b"this is not a zip archive\n" * 20,
            ["not a zip archive"])
    hostile("truncated_zip.skops", "valid_logreg cut at 60% (no central directory)", base[: len(base) * 6 // 10],
            ["not a zip archive"])
    hostile("empty_file.skops", "zero bytes", b"", ["not a zip archive"])

    arrays = logreg_arrays()
    orig = arrays[COEF_NPY]
    flipped = bytearray(orig)
    flipped[-1] ^= 0x40  # one bit of coef_[0, 1] rots; the header (and the file's structure) stays valid
    hostile("bad_crc.skops", "coef_ .npy data has one flipped bit; the zip CRC-32 is the original's",
            build_zip([Member(n, d) for n, d in arrays.items() if n != COEF_NPY]
                      + [Member(COEF_NPY, bytes(flipped), crc=zlib.crc32(orig)),
                         Member("schema.json", dumps(logreg_schema()))]),
            [COEF_NPY, "CRC"])

    schema_bytes = dumps(logreg_schema())
    payload = bytearray(deflate(schema_bytes))
    mid = len(payload) // 2
    payload[mid:mid + 32] = b"\xff" * 32
    try:
        zlib.decompressobj(-15).decompress(bytes(payload))
        raise AssertionError("the mangled deflate stream still inflates")
    except zlib.error:
        pass
    hostile("corrupt_deflate.skops", "schema.json deflate stream overwritten with 0xff bytes in the middle",
            build_zip([Member(n, d) for n, d in arrays.items()]
                      + [Member("schema.json", schema_bytes, DEFLATED, payload=bytes(payload))]),
            ["schema.json"])

    hostile("missing_schema.skops", "the .npy members but no schema.json",
            build_zip([Member(n, d) for n, d in arrays.items()]), ["schema.json"])
    hostile("schema_not_json.skops", "schema.json cut short (unterminated JSON)",
            skops_zip(schema_bytes[:-200], arrays), ["schema.json", "not valid JSON"])
    hostile("schema_invalid_utf8.skops", "schema.json with a 0xff byte inside a string",
            skops_zip(schema_bytes.replace(b'"lbfgs', b'"lb\xff\xfegs'), arrays), ["schema.json"])
    hostile("schema_json_array.skops", "schema.json is a JSON array holding the root state",
            skops_zip(json.dumps([logreg_schema()]).encode(), arrays), ["schema.json", "JSON object"])
    hostile("missing_protocol.skops", "schema.json without \"protocol\"",
            logreg_file(mutated(logreg_schema, lambda s: s.pop("protocol"))), ["schema.json", "protocol"])
    hostile("protocol_string.skops", "\"protocol\": \"2\" (a string)",
            logreg_file(mutated(logreg_schema, lambda s: s.update(protocol="2"))), ["schema.json", "protocol"])
    dup_text = schema_bytes.replace(b'"__loader__": "ObjectNode",',
                                    b'"__loader__": "ObjectNode",\n  "__loader__": "JsonNode",', 1)
    assert dup_text != schema_bytes
    hostile("duplicate_json_keys.skops", "root state has \"__loader__\" twice (Python keeps the last one)",
            skops_zip(dup_text, arrays), ["schema.json", "__loader__"])

    hostile("duplicate_schema_json.skops", "two schema.json members, the second a different model",
            build_zip([Member(n, d) for n, d in arrays.items()]
                      + [Member("schema.json", schema_bytes),
                         Member("schema.json", dumps(mutated(logreg_schema,
                                                             lambda s: s.update(__class__="GridSearchCV"))))]),
            ['zip member "schema.json"', "duplicate"])
    hostile("duplicate_npy.skops", "two members named like coef_'s .npy, with different data",
            build_zip([Member(n, d) for n, d in arrays.items()]
                      + [Member(COEF_NPY, npy(np.array([[9.0, 9.0]]))), Member("schema.json", schema_bytes)]),
            [f'zip member "{COEF_NPY}"', "duplicate"])

    for fname, evil, what in [("zip_slip_parent.skops", "../evil.npy", "a ../ member name"),
                              ("zip_slip_absolute.skops", "/abs.npy", "an absolute member name"),
                              ("zip_slip_subdir.skops", "a/b.npy", "a member name with a directory"),
                              ("zip_slip_backslash.skops", "..\\evil.npy", "a member name with backslashes")]:
        s = logreg_schema()
        coef(s)["file"] = evil
        a = logreg_arrays()
        a[evil] = a.pop(COEF_NPY)
        hostile(fname, f"coef_ stored under {what} ({evil!r}) and referenced by it", logreg_file(s, a),
                ["zip member", evil])

    s = logreg_schema()
    coef(s)["file"] = "999.npy"
    hostile("missing_npy_member.skops", "coef_ refers to 999.npy, which the zip does not hold", logreg_file(s),
            ["root.coef_", "999.npy"])

    # ---- compression methods and flags
    hostile("bzip2_member.skops", "schema.json compressed with bzip2 (method 12), written by Python's zipfile",
            stdlib_zip([(n, d, zipfile.ZIP_STORED) for n, d in arrays.items()]
                       + [("schema.json", schema_bytes, zipfile.ZIP_BZIP2)]),
            ['"schema.json"', "compression method"])
    hostile("lzma_member.skops", "coef_ .npy compressed with LZMA (method 14), written by Python's zipfile",
            stdlib_zip([(n, d, zipfile.ZIP_LZMA if n == COEF_NPY else zipfile.ZIP_STORED) for n, d in arrays.items()]
                       + [("schema.json", schema_bytes, zipfile.ZIP_STORED)]),
            [f'"{COEF_NPY}"', "compression method"])
    hostile("encrypted_member.skops", "schema.json has the 'encrypted' flag set (traditional PKWARE encryption)",
            build_zip([Member(n, d) for n, d in arrays.items()] + [Member("schema.json", schema_bytes, flags=1)]),
            ['"schema.json"', "encrypted"])

    # ---- .npy members (all in coef_'s place)
    def npy_case(name, description, data, expect):
        a = logreg_arrays()
        a[COEF_NPY] = data
        hostile(name, description, logreg_file(arrays=a, method=DEFLATED), ["root.coef_", COEF_NPY] + expect)

    npy_case("npy_bad_magic.skops", "coef_ .npy starts with \\x93NUMPZ", b"\x93NUMPZ" + orig[6:], ["not a .npy file"])
    npy_case("npy_header_length_4gb.skops", "coef_ .npy v2.0 header length field 0xffffffff (4 GB claimed)",
             b"\x93NUMPY\x02\x00\xff\xff\xff\xff{'descr': '<f8', ", ["header length"])
    npy_case("npy_shape_2pow40.skops", "coef_ .npy header claims shape (2**40,) of <f8 but holds 8 data bytes",
             npy_header(header_text("'<f8'", "(1099511627776,)")) + b"\0" * 8, ["1099511627776"])
    npy_case("npy_shape_overflow.skops", "coef_ .npy shape (2**62, 2**62): the element count overflows 64 bits",
             npy_header(header_text("'<f8'", "(4611686018427387904, 4611686018427387904)")) + b"\0" * 8,
             ["overflows"])
    npy_case("npy_data_too_short.skops", "coef_ .npy shape (1, 2) <f8 with 8 of 16 data bytes", orig[:-8],
             ["truncated"])
    npy_case("npy_data_too_long.skops", "coef_ .npy shape (1, 2) <f8 with 24 data bytes", orig + b"\0" * 8,
             ["trailing data"])
    buf = io.BytesIO()
    np.save(buf, np.array(["x", 1, None], dtype=object), allow_pickle=True)
    npy_case("npy_descr_object.skops", "coef_ .npy is an object array ('|O') with its pickle payload",
             buf.getvalue(), ["object"])

    class Evil:  # never unpickled; the bytes show what np.load(allow_pickle=True) would run
        def __reduce__(self):
            import os
            return os.system, ("echo pwned",)

    npy_case("npy_pickle_payload.skops", "coef_ member is a pickle (protocol 4) that would call os.system",
             pickle.dumps(Evil(), protocol=4), ["not a .npy file"])
    npy_case("npy_unknown_descr.skops", "coef_ .npy descr '<q9'",
             npy_header(header_text("'<q9'", "(1, 2)")) + b"\0" * 18, ["'<q9'"])
    npy_case("npy_header_deep_nesting.skops", "coef_ .npy header whose descr is 100,000 nested lists",
             npy_header("{'descr': " + "[" * 100_000 + "]" * 100_000 + ", 'fortran_order': False, 'shape': (1, 2), }",
                        version=2) + b"\0" * 16, ["nesting"])

    # ---- schema structure
    def logreg_case(name, description, change, expect):
        hostile(name, description, logreg_file(mutated(logreg_schema, change), method=DEFLATED), expect)

    logreg_case("unknown_loader.skops", "coef_ has __loader__ \"EvilNode\"",
                lambda s: coef(s).update(__loader__="EvilNode"), ["root.coef_", "EvilNode"])
    for key in ("__class__", "__module__", "__loader__"):
        logreg_case(f"missing_{key.strip('_')}.skops",
                    f"coef_ has no {key}", lambda s, k=key: coef(s).pop(k), ["root.coef_", key])
    logreg_case("id_string.skops", "coef_ has \"__id__\": \"139972256330928\" (a string)",
                lambda s: coef(s).update(__id__=str(ID_COEF)), ["root.coef_", "__id__"])
    logreg_case("id_out_of_range.skops", "coef_ has __id__ 2**64",
                lambda s: coef(s).update(__id__=2 ** 64), ["root.coef_", "__id__", "range"])
    # a 99,990-digit __id__ (below the parser's 100,000-digit cap; Python's json refuses > 4,300 digits),
    # spliced in as text because Python will not print such an int by default
    s = logreg_schema()
    coef(s)["__id__"] = "@HUGE@"
    hostile("id_huge_digits.skops", "coef_ __id__ is a 99,990-digit integer",
            skops_zip(dumps(s).replace(b'"@HUGE@"', b"9" * 99_990), logreg_arrays(), method=DEFLATED), ["root.coef_", "__id__"])
    logreg_case("key_types_content_number.skops", "key_types ListNode has \"content\": 20",
                lambda s: key_types(s).update(content=20), ["root.key_types", "content"])
    logreg_case("key_types_raw_list.skops", "key_types is a raw JSON list of strings, not a ListNode",
                lambda s: s["content"].update(key_types=["str"] * 20), ["root.key_types", "JSON array"])
    logreg_case("key_types_jsonnode.skops", "key_types is a JsonNode (\"20\"), not a ListNode of TypeNodes",
                lambda s: s["content"].update(key_types=jnode(20)), ["root", "key_types"])
    logreg_case("key_types_count_mismatch.skops", "20 keys but 19 key_types",
                lambda s: key_types(s)["content"].pop(), ["root", "key_types", "19", "20"])
    logreg_case("cyclic_id.skops", "coef_ is an ObjectNode reusing the root's __id__ (the model contains itself)",
                lambda s: attrs(s).update(coef_={"__class__": "LogisticRegression",
                                                 "__module__": "sklearn.linear_model._logistic",
                                                 "__loader__": "ObjectNode",
                                                 "content": copy.deepcopy(s["content"]), "__id__": ID_ROOT}),
                ["root.coef_", "cycle"])
    logreg_case("cyclic_id_list.skops", "key_types[0] reuses the __id__ of key_types itself",
                lambda s: key_types(s)["content"].__setitem__(0, list_node([], ID_KEYTYPES)),
                ["root.key_types[0]", "cycle"])
    logreg_case("dangling_cached_node.skops", "coef_ is a CachedNode for __id__ 4242, which no node has",
                lambda s: attrs(s).update(coef_={"__class__": "ndarray", "__module__": "numpy",
                                                 "__loader__": "CachedNode", "__id__": 4242}),
                ["root.coef_", "4242"])
    logreg_case("ndarray_unknown_type.skops", "coef_ NdArrayNode with \"type\": \"pickle\"",
                lambda s: coef(s).update(type="pickle"), ["root.coef_", "pickle"])
    logreg_case("jsonnode_not_json.skops", "C is a JsonNode whose content is \"{not json\"",
                lambda s: attrs(s).update(C=jnode(None, raw="{not json")), ["root.C", "JsonNode"])
    logreg_case("jsonnode_huge_number.skops", "C is a JsonNode whose content is 10**100000 (100,001 digits)",
                lambda s: attrs(s).update(C=jnode(None, raw="1" + "0" * 100_000)), ["root.C", "JsonNode"])
    logreg_case("jsonnode_deep_nesting.skops", "C is a JsonNode whose content is 100,000 nested JSON arrays",
                lambda s: attrs(s).update(C=jnode(None, raw="[" * 100_000 + "]" * 100_000)), ["root.C", "JsonNode"])
    def many_huge_ints(s):
        for i in range(50):
            attrs(s)[f"big{i}"] = jnode(None, 139972256700000 + i, raw="7" * 99_999)
            key_types(s)["content"].append(type_node())

    logreg_case("jsonnode_many_huge_ints.skops",
                "50 JsonNodes whose content is a 99,999-digit integer (Python refuses > 4,300 digits)",
                many_huge_ints, ["root.big", "JsonNode"])
    logreg_case("newline_in_loader.skops", "coef_ __loader__ \"EvilNode\\nskiff: loaded OK\" (log injection)",
                lambda s: coef(s).update(__loader__="EvilNode\nskiff: loaded OK"), ["root.coef_", "EvilNode"])
    logreg_case("newline_in_member_name.skops",
                "coef_ refers to a missing member \"x\\nskiff: all good.npy\" (log injection)",
                lambda s: coef(s).update(file="x\nskiff: all good.npy"), ["root.coef_", "all good.npy"])

    # deep nesting, written as text (json.dumps would recurse)
    deep_open = '{"__class__":"list","__module__":"builtins","__loader__":"ListNode","content":['
    for depth, name, expect in [(100_000, "deep_listnode_100k.skops", ["schema.json", "nesting"]),
                                (500, "deep_listnode_500.skops", ["root.deep", "deeper than"])]:
        s = logreg_schema()
        attrs(s)["deep"] = "@DEEP@"
        key_types(s)["content"].append(type_node())
        text = json.dumps(s).replace('"@DEEP@"', deep_open * depth + "]}" * depth)
        hostile(name, f"a {depth:,}-deep nest of ListNodes under key \"deep\"",
                skops_zip(text.encode(), logreg_arrays(), method=DEFLATED), expect)
    s = logreg_schema()
    s["junk"] = "@DEEP@"
    hostile("deep_raw_arrays_100k.skops", "root has an extra key holding 100,000 nested raw JSON arrays",
            skops_zip(json.dumps(s).replace('"@DEEP@"', "[" * 100_000 + "]" * 100_000).encode(), logreg_arrays(),
                      method=DEFLATED), ["schema.json", "nesting"])

    # ---- the mixed base: sparse, rng, methods, operators
    def mixed_case(name, description, change, expect):
        hostile(name, description, mixed_file(mutated(mixed_schema, change)), expect)

    mixed_case("content_number.skops", "model's DictNode has \"content\": 42",
               lambda s: mixed(s)["model"]["content"].update(content=42), ["root.model", "content"])
    mixed_case("method_node_class_mismatch.skops",
               "MethodNode claims LogisticRegression.predict, its object is a GridSearchCV (CVE-2025-54413 pattern)",
               lambda s: mixed(s)["method"]["content"].update(obj={
                   "__class__": "GridSearchCV", "__module__": "sklearn.model_selection._search",
                   "__loader__": "ObjectNode", "__id__": 139972256599999}),
               ["root.method", "GridSearchCV"])
    mixed_case("method_node_old_format.skops",
               "MethodNode in the pre-0.12 form {__class__: method, __module__: <function's module>} (CVE-2025-54413)",
               lambda s: mixed(s)["method"].update(__class__="method", __module__="sklearn.linear_model._base"),
               ["root.method", "LogisticRegression"])
    mixed_case("operator_builtins.skops",
               "OperatorFuncNode with __module__ \"builtins\", __class__ \"eval\" (CVE-2025-54412 pattern)",
               lambda s: mixed(s)["getter"].update(__module__="builtins", __class__="eval"),
               ["root.getter", "operator"])
    mixed_case("sparse_type_not_scipy.skops", "SparseMatrixNode with \"type\": \"pickle\"",
               lambda s: mixed(s)["sparse"].update(type="pickle"), ["root.sparse", "pickle"])
    mixed_case("rng_without_bit_generator_name.skops",
               "RandomGeneratorNode whose bit_generator state has no \"bit_generator\" entry",
               lambda s: (mixed(s)["rng"]["content"]["bit_generator"]["content"].pop("bit_generator"),
                          mixed(s)["rng"]["content"]["bit_generator"]["key_types"]["content"].pop()),
               ["root.rng", "bit generator"])
    mixed_case("bytes_missing_member.skops", "BytesNode refers to a .bin member the zip does not hold",
               lambda s: mixed(s)["blob"].update(file="00000000-0000-0000-0000-000000000000.bin"),
               ["root.blob", "00000000-0000-0000-0000-000000000000.bin"])

    # ---- bombs
    schema = dumps(logreg_schema())
    big = 270_000_000  # > ReadLimits.DEFAULT.maxSchemaBytes (256 MiB) and > the 256 MiB test heap
    payload, crc, size = deflate_fill(b"", big - len(schema), schema, fill=b" ")
    hostile("bomb_schema_json.skops", f"schema.json is {big:,} bytes (spaces + the schema) deflated to "
                                      f"{len(payload):,}",
            build_zip([Member(n, d) for n, d in logreg_arrays().items()]
                      + [Member("schema.json", method=DEFLATED, payload=payload, crc=crc, usize=size)]),
            ['zip member "schema.json"', "limit"])
    hostile("bomb_schema_json_lying_size.skops", "the schema.json bomb, but both zip headers claim 8,022 bytes",
            build_zip([Member(n, d) for n, d in logreg_arrays().items()]
                      + [Member("schema.json", method=DEFLATED, payload=payload, crc=crc, usize=8022)]),
            ['zip member "schema.json"', "8022"])

    n = 270_000_000
    head = npy_header(header_text("'|u1'", f"({n},)"))
    payload, crc, size = deflate_fill(head, n)
    a = logreg_arrays()
    del a[COEF_NPY]
    hostile("bomb_npy_member.skops", f"coef_ .npy is {n:,} zero bytes (|u1), deflated to {len(payload):,}",
            build_zip([Member(k, d) for k, d in a.items()]
                      + [Member(COEF_NPY, method=DEFLATED, payload=payload, crc=crc, usize=size),
                         Member("schema.json", schema)]),
            ["root.coef_", COEF_NPY], heapDependent=True)
    hostile("bomb_npy_member_lying_size.skops", "the .npy bomb, but both zip headers claim 144 bytes",
            build_zip([Member(k, d) for k, d in a.items()]
                      + [Member(COEF_NPY, method=DEFLATED, payload=payload, crc=crc, usize=144),
                         Member("schema.json", schema)]),
            ["root.coef_", COEF_NPY, "144"])

    def npz_bomb(count, descr, itemsize):
        head = npy_header(header_text(f"'{descr}'", f"({count},)"))
        inner_payload, inner_crc, inner_size = deflate_fill(head, count * itemsize)
        small = {"indices": np.array([0], dtype="<i4"), "indptr": np.array([0, 1], dtype="<i4"),
                 "format": np.array(b"csr"), "shape": np.array([1, count], dtype="<i8")}
        inner = build_zip([Member(k + ".npy", npy(v), DEFLATED) for k, v in small.items()]
                          + [Member("data.npy", method=DEFLATED, payload=inner_payload, crc=inner_crc,
                                    usize=inner_size)])
        members = mixed_members()
        del members[SPARSE_NPZ]
        return build_zip([Member(k, d) for k, d in members.items()]
                         + [Member(SPARSE_NPZ, inner, DEFLATED), Member("schema.json", dumps(mixed_schema()))]), \
            inner_size

    data, inner_size = npz_bomb(125_000_000, "<f8", 8)
    hostile("bomb_npz_member.skops", f"csr_matrix .npz whose data.npy inflates to {inner_size:,} bytes "
                                     "(zeros; the .npz is deflated again in the outer zip)",
            data, ["root.sparse", SPARSE_NPZ, "data.npy"], heapDependent=True)
    data, inner_size = npz_bomb(2 ** 31, "|u1", 1)
    hostile("bomb_npz_member_2g.skops", f"csr_matrix .npz whose data.npy claims and inflates to {inner_size:,} "
                                        "bytes (more than one Java array)",
            data, ["root.sparse", SPARSE_NPZ, "data.npy"])

    # many entries sharing one local header and its 64 MiB of (deflated) zeros; the schema refers to all
    kernel_n = 8 * MB
    head = npy_header(header_text("'<f8'", f"({kernel_n},)"))
    payload, crc, size = deflate_fill(head, kernel_n * 8)
    s = logreg_schema()
    names = [f"{i}.npy" for i in range(1, 401)]
    attrs(s).update({f"a{i}": array_node(i) for i in range(1, 401)})
    key_types(s)["content"].extend(type_node() for _ in names)
    members = [Member(k, d) for k, d in logreg_arrays().items()]
    first = len(members)
    members += [Member(names[0], method=DEFLATED, payload=payload, crc=crc, usize=size)]
    members += [Member(nm, method=DEFLATED, payload=payload, crc=crc, usize=size, share=first) for nm in names[1:]]
    members += [Member("schema.json", dumps(s))]
    hostile("bomb_overlapping_entries.skops", f"400 entries share one local header whose data inflates to {size:,} "
                                              f"bytes ({len(payload):,} compressed): 27 GB from one small file",
            build_zip(members), ['"2.npy"'])

    # many members: the real limit (200,000) would need a ~17 MB file; test it with a lower limit instead
    extra = [Member(f"m{i}", b"") for i in range(2000)]
    hostile("many_members.skops", "valid_logreg plus 2,000 empty members; read with maxMembers = 1,000",
            logreg_file(extra=extra), ["more than 1000 zip members"], limits={"maxMembers": 1000})


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    for old in list(out.glob("*.skops")) + [out / "manifest.json"]:
        if old.exists():
            old.unlink()
    build_cases()
    manifest = {
        "about": "Generated by interop/tools/make_hostile_files.py; do not edit. Every hostile file must be "
                 "refused with a SkopsFormatException whose message contains every 'expect' fragment.",
        "valid": {},
        "hostile": {},
    }
    total = 0
    for name, (description, data) in VALID.items():
        (out / name).write_bytes(data)
        with zipfile.ZipFile(out / name) as z:  # the valid bases must be valid for Python too
            assert z.testzip() is None, name
        manifest["valid"][name] = {"description": description}
        total += len(data)
    for name, (description, data, expect, extra) in HOSTILE.items():
        (out / name).write_bytes(data)
        manifest["hostile"][name] = {"description": description, "expect": expect, **extra}
        total += len(data)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    for name in list(VALID) + list(HOSTILE):
        print(f"{(out / name).stat().st_size:>10,}  {name}")
    print(f"{total:>10,}  total in {len(VALID)} valid + {len(HOSTILE)} hostile files -> {out}")
    if total >= 3 * MB:
        sys.exit(f"corpus too large: {total:,} bytes")


if __name__ == "__main__":
    main()
