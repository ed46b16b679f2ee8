"""Writes one .npy per case into argv[1] with np.save, plus cases.json describing the expected values.

cases.json maps file name -> {"descr": repr of the header descr, "shape": [...], "fortran": bool,
"kind": dtype kind, "values": [str per element in C order]} or, for structured dtypes, "fields":
{name: {"kind", "shape", "values"}}.
"""
import json
import os
import sys
import warnings

import numpy as np
from numpy.lib import format as npformat

warnings.simplefilter("ignore")
out = sys.argv[1]

TREE = np.dtype([('left_child', '<i8'), ('right_child', '<i8'), ('feature', '<i8'), ('threshold', '<f8'),
                 ('impurity', '<f8'), ('n_node_samples', '<i8'), ('weighted_n_node_samples', '<f8'),
                 ('missing_go_to_left', 'u1')], align=True)

def tree_nodes():
    a = np.zeros(3, TREE)
    a['left_child'] = [1, -1, -1]
    a['right_child'] = [2, -1, -1]
    a['feature'] = [0, -2, -2]
    a['threshold'] = [0.5, -2.0, -2.0]
    a['impurity'] = [0.5, 0.0, 0.0]
    a['n_node_samples'] = [4, 2, 2]
    a['weighted_n_node_samples'] = [4.0, 2.0, 2.0]
    a['missing_go_to_left'] = [1, 0, 0]
    return a

def subarray():
    dt = np.dtype([('id', '<i4'), ('w', '<f8', (2, 3)), ('name', '<U4')])
    a = np.zeros(2, dt)
    a['id'] = [7, -8]
    a['w'] = np.arange(12.0).reshape(2, 2, 3) / 4
    a['name'] = ['ab', 'wxyz']
    return a

def fortran_structured():
    dt = np.dtype([('a', '>i4'), ('w', '<f8', (2,))])
    a = np.zeros((2, 3), dt, order='F')
    a['a'] = np.arange(6).reshape(2, 3)
    a['w'] = np.arange(12.0).reshape(2, 3, 2)
    assert a.flags.f_contiguous and not a.flags.c_contiguous
    return a

def nested():
    dt = np.dtype([('p', [('x', '<f4'), ('y', '>f4')]), ('q', '|b1')])
    a = np.zeros(2, dt)
    a['q'] = [True, False]
    return a

def named(names, fmt='<f8'):
    return np.zeros(2, np.dtype([(n, fmt) for n in names]))

def many_fields():
    dt = np.dtype([('field_%05d' % i, '<i2') for i in range(3000)])
    a = np.zeros(1, dt)
    a['field_00007'] = 7
    return a

cases = {
    'f8': np.array([1.5, -0.0, np.nan, np.inf, -np.inf, 1e-300, 5e-324, 1.7976931348623157e308, 0.1]),
    'f4': np.array([1.5, -0.0, np.nan, np.inf, 3.4028235e38, 1e-45, 0.1], dtype='<f4'),
    'f2': np.array([1.0, 0.5, 65504, -2.0, np.nan, 6e-8, 0.1], dtype='<f2'),
    'i8': np.array([-2**63, -1, 0, 1, 2**63 - 1], dtype='<i8'),
    'i4': np.array([-2**31, -1, 0, 2**31 - 1], dtype='<i4'),
    'i2': np.array([-2**15, -1, 0, 2**15 - 1], dtype='<i2'),
    'i1': np.array([-128, -1, 0, 127], dtype='i1'),
    'u8': np.array([0, 1, 2**63 - 1, 2**63, 2**64 - 1], dtype='<u8'),
    'u4': np.array([0, 1, 2**32 - 1], dtype='<u4'),
    'u2': np.array([0, 1, 2**16 - 1], dtype='<u2'),
    'u1': np.array([0, 1, 255], dtype='u1'),
    'b1': np.array([True, False, True]),
    'c16': np.array([1 + 2j, -0.5j, complex(np.nan, np.inf)], dtype='<c16'),
    'c8': np.array([1 + 2j, 3 - 4j], dtype='<c8'),
    'U5': np.array(['', 'a', 'héllo', '😀x', 'abcde', 'a\x00b'], dtype='<U5'),
    'U1_empty_strings': np.array(['', '']),
    'U_big_endian': np.array(['abc', 'é'], dtype='>U3'),
    'S3': np.array([b'', b'ab', b'abc', b'\xff\x00\x01'], dtype='|S3'),
    'M8ns': np.array(['2024-01-02T03:04:05.123456789', 'NaT'], dtype='<M8[ns]'),
    'M8D': np.array(['2024-01-02', '1969-12-31'], dtype='<M8[D]'),
    'm8s': np.array([5, -3], dtype='<m8[s]'),
    'be_f8': np.array([1.5, -2.25, 1e300], dtype='>f8'),
    'be_i4': np.array([1, -2, 2**31 - 1], dtype='>i4'),
    'be_u2': np.array([1, 65535], dtype='>u2'),
    'scalar_f8': np.float64(3.5),
    'scalar_i8': np.array(7, dtype='<i8'),
    'scalar_str': np.array('hi'),
    'scalar_bool': np.array(True),
    'scalar_bytes': np.array(b'csr'),
    'empty_0': np.zeros((0,)),
    'empty_0x3': np.zeros((0, 3)),
    'empty_3x0_F': np.zeros((3, 0), order='F'),
    'empty_U': np.array([], dtype='U'),
    'three_d': np.arange(24.0).reshape(2, 3, 4),
    'fortran_2d': np.asfortranarray(np.arange(6, dtype='<i8').reshape(2, 3)),
    'fortran_3d': np.asfortranarray(np.arange(24, dtype='<i4').reshape(2, 3, 4)),
    'fortran_wide': np.asfortranarray((np.arange(2000) % 256).astype('u1').reshape(2, 1000)),
    'fortran_1x3': np.zeros((1, 3), order='F'),
    'non_contiguous': np.arange(10, dtype='<i8')[::2],
    'transposed': np.arange(6.0).reshape(2, 3).T,
    'long_axis': np.zeros(123456, dtype='u1'),
    'tree_nodes': tree_nodes(),
    'subarray_field': subarray(),
    'fortran_structured': fortran_structured(),
    'nested_structured': nested(),
    'aligned_padding': np.zeros(2, np.dtype([('a', 'u1'), ('b', '<i4'), ('c', 'u1')], align=True)),
    'latin1_field_name': named(['é', 'x']),
    'unicode_field_name': named(['😀', 'Ā']),
    'quoted_field_names': named(["it's", 'say "hi"', 'both \' and "', 'back\\slash', 'tab\there', '\x00\x7f\xa0\xad']),
    'huge_header': many_fields(),
}

def strs(kind, flat):
    if kind == 'f':
        return [repr(float(x)) for x in flat]
    if kind in 'iu':
        return [str(int(x)) for x in flat]
    if kind == 'b':
        return [str(bool(x)) for x in flat]
    if kind == 'U':
        return [str(x) for x in flat]
    if kind == 'S':
        return [bytes(x).decode('latin-1') for x in flat]
    if kind == 'c':
        return [repr(float(x.real)) + ',' + repr(float(x.imag)) for x in flat]
    if kind in 'Mm':
        return [str(int(x)) for x in flat.view('<i8')]
    if kind == 'V':
        return [bytes(x).hex() for x in flat]
    raise ValueError(kind)

def describe(a):
    if a.dtype.names is None:
        return {'kind': a.dtype.kind, 'shape': list(a.shape),
                'values': strs(a.dtype.kind, np.ravel(a, order='C').astype(a.dtype.newbyteorder('=')))}
    fields = {}
    for name in a.dtype.names:
        fields[name] = describe(a[name])
    return {'kind': 'struct', 'shape': list(a.shape), 'fields': fields}

meta = {}
for name, arr in cases.items():
    arr = np.asanyarray(arr)
    np.save(os.path.join(out, name + '.npy'), arr, allow_pickle=False)
    d = describe(arr)
    d['descr'] = repr(npformat.dtype_to_descr(arr.dtype))
    d['fortran'] = bool(arr.flags.f_contiguous and not arr.flags.c_contiguous)
    meta[name + '.npy'] = d
with open(os.path.join(out, 'cases.json'), 'w', encoding='utf-8') as f:
    json.dump(meta, f, ensure_ascii=False)
