"""Checks the .npy files Java wrote into argv[1].

For every named case below, np.save of the expected array must produce exactly Java's bytes and np.load of
Java's file must give the expected array. For every rand_N.npy, np.load must succeed, np.save of what was
loaded must reproduce the file byte for byte, and its C-order bytes must equal rand_N.cbin.
Exits 1 listing every failure.
"""
import io
import os
import sys
import warnings

import numpy as np

warnings.simplefilter("ignore")
d = sys.argv[1]

TREE = np.dtype([('left_child', '<i8'), ('right_child', '<i8'), ('feature', '<i8'), ('threshold', '<f8'),
                 ('impurity', '<f8'), ('n_node_samples', '<i8'), ('weighted_n_node_samples', '<f8'),
                 ('missing_go_to_left', 'u1')], align=True)

def tree():
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

WEIRD = ["it's", 'say "hi"', 'both \' and "', 'back\\slash', 'tab\there', '\x00\x7f\xa0\xad', 'é', '\ud800',
         'nl\nx', '\u2028', '\U000e0001']

EXPECTED = {
    'doubles_2x3': np.array([[1, 2, 3], [4, 5, 6.5]]),
    'longs': np.array([-2**63, -1, 0, 2**63 - 1], dtype='<i8'),
    'ints_2x2': np.array([[1, -2], [3, 2**31 - 1]], dtype='<i4'),
    'floats': np.array([0.1, -1.5, np.inf], dtype='<f4'),
    'ubytes': np.array([0, 1, 255], dtype='u1'),
    'bools': np.array([True, False, True]),
    'strings': np.array(['', 'héllo', '😀']),
    'empty_strings': np.array(['', '']),
    'bytestrings': np.array([b'ab', b'']),
    'scalar_double': np.array(2.5),
    'scalar_long': np.array(-7, dtype='<i8'),
    'scalar_bool': np.array(False),
    'scalar_string': np.array('naïve'),
    'fortran_2x3': np.asfortranarray(np.arange(6.0).reshape(2, 3)),
    'fortran_flag_on_1d': np.arange(3, dtype='<i8'),
    'big_endian_f8': np.array([1.5, -2.0], dtype='>f8'),
    'big_endian_i2': np.array([[1, -2], [300, 4]], dtype='>i2'),
    'float16': np.array([1.0, 0.5, -65504.0], dtype='<f2'),
    'complex128': np.array([1 + 2j, complex(0, -3.5)], dtype='<c16'),
    'datetime_ns': np.array([1, 'NaT'], dtype='<M8[ns]'),
    'empty_0x3': np.zeros((0, 3)),
    'three_d': np.arange(24, dtype='<i4').reshape(2, 3, 4),
    'tree_nodes': tree(),
    'weird_field_names': np.zeros(1, np.dtype([(n, '<f8') for n in WEIRD])),
    'unicode_field_names': np.zeros(2, np.dtype([('😀', '<i4'), ('Ā', '|b1')])),
    'huge_header': np.zeros(1, np.dtype([('field_%05d' % i, '<i2') for i in range(3000)])),
    'nested': np.zeros(2, np.dtype([('p', [('x', '<f4'), ('y', '>f4')]), ('q', '|b1'), ('w', '<u2', (2, 1))])),
}

def saved(a):
    buf = io.BytesIO()
    np.save(buf, a, allow_pickle=False)
    return buf.getvalue()

def same_values(a, b):
    # C-order bytes field by field: numpy's own copy of a structured array does not keep padding bytes
    if a.dtype.names is None:
        return np.ascontiguousarray(a).tobytes() == np.ascontiguousarray(b).tobytes()
    return all(same_values(a[n], b[n]) for n in a.dtype.names)

failures = []
for name, exp in EXPECTED.items():
    path = os.path.join(d, name + '.npy')
    java = open(path, 'rb').read()
    want = saved(exp)
    if java != want:
        failures.append('%s: bytes differ\n  numpy: %r\n  java:  %r' % (name, want[:400], java[:400]))
        continue
    got = np.load(path, allow_pickle=False, max_header_size=10**6)
    if got.dtype != exp.dtype or got.shape != exp.shape or got.tobytes() != exp.tobytes():
        failures.append('%s: loaded %r %r differs from %r %r' % (name, got.dtype, got.shape, exp.dtype, exp.shape))
    if exp.flags.f_contiguous and not exp.flags.c_contiguous and not got.flags.f_contiguous:
        failures.append('%s: expected a Fortran-ordered array' % name)

n_random = 0
for f in sorted(os.listdir(d)):
    if not (f.startswith('rand_') and f.endswith('.npy')):
        continue
    n_random += 1
    path = os.path.join(d, f)
    java = open(path, 'rb').read()
    try:
        got = np.load(path, allow_pickle=False, max_header_size=10**6)
    except Exception as e:
        failures.append('%s: np.load failed: %s' % (f, e))
        continue
    if saved(got) != java:
        failures.append('%s: np.save(np.load(f)) differs\n  numpy: %r\n  java:  %r' % (f, saved(got)[:300], java[:300]))
    cbin = open(path[:-4] + '.cbin', 'rb').read()
    if not same_values(got, np.frombuffer(cbin, dtype=got.dtype).reshape(got.shape)):
        failures.append('%s: C-order bytes differ from Java toCOrder()' % f)

if failures:
    print('\n'.join(failures))
    sys.exit(1)
print('ok: %d named, %d random' % (len(EXPECTED), n_random))
