package dev.skiff.format.node;

import dev.skiff.format.npy.NpyArray;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scipy sparse matrix stored as a {@code .npz} member ({@code SparseMatrixNode}): the member's bytes
 * (kept for an exact rewrite) and its decoded arrays ({@code format}, {@code shape}, {@code data},
 * {@code indices}, {@code indptr}, ...).
 */
public record SparseMatrixNode(String className, String module, long id, byte[] npz, Map<String, NpyArray> arrays)
        implements Node {

    public SparseMatrixNode {
        npz = npz.clone();
        arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
    }

    @Override
    public byte[] npz() {
        return npz.clone();
    }

    /** The scipy format name stored in the archive ({@code csr}, {@code csc}, {@code coo}, ...). */
    public String format() {
        NpyArray f = arrays.get("format");
        return f == null ? "" : f.getString(0);
    }

    @Override
    public String loader() {
        return "SparseMatrixNode";
    }

    @Override
    public List<Child> children() {
        return List.of();
    }
}
