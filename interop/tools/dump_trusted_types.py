"""Write skops' default trusted names, per node kind, as JSON.

Skiff's audit must report exactly what Python skops reports, so its default allowlists are
generated from the pinned skops/scikit-learn/numpy/scipy rather than typed by hand.
Usage: python dump_trusted_types.py OUT.json
"""
import json
import sys

import numpy as np
import skops
import sklearn
from skops.io import _trusted_types as t
from skops.io._sklearn import ALLOWED_LOSSES
from skops.io._utils import get_module, get_type_paths


def names(xs):
    return sorted(set(get_type_paths(list(xs))))


def main(out):
    try:
        from scipy.sparse import sparray
    except ImportError:  # pragma: no cover - old scipy
        sparray = None
    from scipy.sparse import spmatrix

    primitive = names(t.PRIMITIVE_TYPE_NAMES)
    container = names(t.CONTAINER_TYPE_NAMES)
    dtypes = names(t.NUMPY_DTYPE_TYPE_NAMES)
    doc = {
        "_generated_by": "interop/tools/dump_trusted_types.py",
        "_versions": {"skops": skops.__version__, "scikit-learn": sklearn.__version__,
                      "numpy": np.__version__},
        "DictNode": names([dict, "collections.OrderedDict"]),
        "DefaultDictNode": ["collections.defaultdict"],
        "ListNode": names([list]),
        "SetNode": names([set]),
        "TupleNode": names([tuple]),
        "BytesNode": names([bytes]),
        "BytearrayNode": names([bytearray]),
        "SliceNode": names([slice]),
        "TypeNode": sorted(set(primitive + container + dtypes)),
        "FunctionNode": names(t.SCIPY_UFUNC_TYPE_NAMES + t.NUMPY_UFUNC_TYPE_NAMES),
        "FunctionNode@0": names(t.SCIPY_UFUNC_TYPE_NAMES),
        "ObjectNode": names(t.SKLEARN_ESTIMATOR_TYPE_NAMES + t.SKLEARN_INTERNAL_TYPE_NAMES),
        "NdArrayNode": names([np.ndarray] + t.NUMPY_DTYPE_TYPE_NAMES),
        "MaskedArrayNode": names([np.ma.MaskedArray]),
        "RandomStateNode": names([np.random.RandomState]),
        "RandomGeneratorNode": names([np.random.Generator]),
        "BitGenerators": names(t.NUMPY_RANDOM_BIT_GENERATOR_TYPE_NAMES),
        "SparseMatrixNode": names([spmatrix] + ([sparray] if sparray is not None else [])),
        "LossNode": sorted(set(get_module(x) + "." + x.__name__ for x in ALLOWED_LOSSES)),
        "TreeNode": [],
        "QuantileForestNode": [],
        "PartialNode": [],
        "OperatorFuncNode": [],
        "DTypeNode": [],
        "MethodNode": [],
        "ConstructorFromReduceNode": [],
        "CachedNode": [],
        "_DictWithDeprecatedKeysNode": ["sklearn.utils.deprecation._DictWithDeprecatedKeys"],
    }
    with open(out, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
