package dev.skiff.format.node;

import dev.skiff.format.npy.NpyArray;

import java.util.List;

/**
 * A numpy array or numpy scalar stored as a {@code .npy} member ({@code NdArrayNode}, type "numpy").
 * For scalars {@code className} is the scalar type (e.g. {@code float64}) and the array is 0-d.
 */
public record NdArrayNode(String className, String module, long id, NpyArray array) implements Node {

    public static NdArrayNode of(NpyArray array) {
        return new NdArrayNode("ndarray", "numpy", 0, array);
    }

    /** True for a numpy scalar ({@code numpy.float64} etc.) rather than an {@code ndarray}. */
    public boolean isScalar() {
        return !"ndarray".equals(className) || !"numpy".equals(module);
    }

    @Override
    public String loader() {
        return "NdArrayNode";
    }

    @Override
    public List<Child> children() {
        return List.of();
    }
}
