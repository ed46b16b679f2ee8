package dev.skiff.format.loader;

import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.node.SparseMatrixNode;
import dev.skiff.format.npy.NpyArray;
import dev.skiff.format.npy.Npz;
import dev.skiff.format.npy.NpyFormatException;
import dev.skiff.format.read.State;

import java.util.Map;

/** The loader for scipy sparse matrices stored as {@code .npz} members (skops {@code _scipy.py}). */
final class ScipyLoaders {
    private ScipyLoaders() {
    }

    static void register(LoaderRegistry r) {
        r.reader("SparseMatrixNode", ScipyLoaders::read);
        r.writer(SparseMatrixNode.class, (n, w) -> {
            w.loader("SparseMatrixNode");
            w.json().key("type").string("scipy");
            w.json().key("file").string(w.npz(n, n.npz()));
        });
    }

    private static SparseMatrixNode read(State s) throws SkopsFormatException {
        String type = s.string("type");
        if (!"scipy".equals(type)) {
            throw s.error("sparse matrix of type \"" + type + "\" (expected \"scipy\")");
        }
        byte[] bytes = s.member("file");
        Map<String, NpyArray> arrays;
        try {
            var limits = s.context().limits();
            long budget = Math.min(limits.maxMemberBytes(), dev.skiff.format.read.HeapBudget.available());
            arrays = Npz.read(bytes, limits.npyLimits(limits.maxMemberBytes()).withMaxDataBytes(budget), 64);
        } catch (NpyFormatException e) {
            throw s.error("member \"" + s.string("file") + "\": " + e.getMessage());
        }
        if (!arrays.containsKey("format") || !arrays.containsKey("shape")) {
            throw s.error("member \"" + s.string("file") + "\" is not a scipy sparse archive (no format/shape)");
        }
        return new SparseMatrixNode(s.className(), s.module(), s.id(), bytes, arrays);
    }
}
