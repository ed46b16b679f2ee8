"""scipy.sparse .npz oracle.

  scipy_npz.py write DIR   save_npz each matrix to DIR/NAME.npz and every member to DIR/NAME/MEMBER.npy
  scipy_npz.py check DIR   load_npz DIR/NAME.java.npz (written by Java) and compare with the original matrix
"""
import os
import sys
import warnings

import numpy as np
import scipy.sparse as sp

warnings.simplefilter("ignore")

def matrices():
    dense = np.array([[0, 0, 3, 0, 1.5, 0], [4, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, -2, 0, 7, 0, 0]])
    return {
        'csr': sp.random(6, 5, density=0.4, format='csr', random_state=1),
        'csc': sp.random(6, 5, density=0.4, format='csc', random_state=2),
        'coo': sp.random(6, 5, density=0.4, format='coo', random_state=3),
        'bsr': sp.bsr_matrix(dense, blocksize=(2, 3)),
        'dia': sp.dia_matrix(sp.diags([[1, 2, 3], [4, 5]], [0, 1], shape=(3, 3))),
        'csr_array': sp.csr_array(dense),
        'coo_array_1d': sp.coo_array(np.array([0, 2, 0, 5])),
        'csr_int64': sp.csr_matrix(np.array([[0, 2**40], [-3, 0]], dtype=np.int64)),
        'csc_bool': sp.csc_matrix(np.array([[True, False], [False, True]])),
        'csr_empty': sp.csr_matrix((3, 4)),
        'csr_big_endian': sp.csr_matrix((np.array([1.5, 2.5], dtype='>f8'),
                                         np.array([0, 1], dtype='>i4'), np.array([0, 1, 2], dtype='>i4'))),
    }

UNCOMPRESSED = {'csr'}

def main():
    mode, d = sys.argv[1], sys.argv[2]
    failures = []
    for name, m in matrices().items():
        if mode == 'write':
            sp.save_npz(os.path.join(d, name + '.npz'), m, compressed=True)
            if name in UNCOMPRESSED:
                sp.save_npz(os.path.join(d, name + '_stored.npz'), m, compressed=False)
            os.makedirs(os.path.join(d, name), exist_ok=True)
            with np.load(os.path.join(d, name + '.npz')) as z:
                for member in z.files:
                    np.save(os.path.join(d, name, member + '.npy'), z[member])
        else:
            got = sp.load_npz(os.path.join(d, name + '.java.npz'))
            problems = []
            if type(got) is not type(m):
                problems.append('type %s != %s' % (type(got), type(m)))
            if got.format != m.format or got.shape != m.shape or got.dtype != m.dtype:
                problems.append('format/shape/dtype %s %s %s != %s %s %s'
                                % (got.format, got.shape, got.dtype, m.format, m.shape, m.dtype))
            elif not np.array_equal(got.toarray(), m.toarray()):
                problems.append('values differ')
            with np.load(os.path.join(d, name + '.java.npz')) as zj, \
                    np.load(os.path.join(d, name + '.npz')) as zp:
                if list(zj.files) != list(zp.files):
                    problems.append('members %s != %s' % (zj.files, zp.files))
                for member in zp.files:
                    a, b = zj[member], zp[member]
                    if a.dtype != b.dtype or a.shape != b.shape or a.tobytes() != b.tobytes():
                        problems.append('member %s differs' % member)
            if problems:
                failures.append(name + ': ' + '; '.join(problems))
    if failures:
        print('\n'.join(failures))
        sys.exit(1)
    print('ok: %d matrices' % len(matrices()))

main()
