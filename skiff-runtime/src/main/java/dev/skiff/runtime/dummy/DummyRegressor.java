package dev.skiff.runtime.dummy;

import dev.skiff.format.npy.DType;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.Output;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Method;
import dev.skiff.runtime.tree.Labels;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sklearn.dummy.DummyRegressor}: every strategy (mean, median, quantile, constant) stores its answer
 * in {@code constant_}, shape (1, n_outputs), which predict repeats.
 */
public final class DummyRegressor implements Estimator {
    public static final String CLASS = "sklearn.dummy.DummyRegressor";

    private final double[] constant;
    private final boolean integral;
    private final int nFeatures;
    private final List<String> featureNames;

    private DummyRegressor(double[] constant, boolean integral, int nFeatures, List<String> featureNames) {
        this.constant = constant;
        this.integral = integral;
        this.nFeatures = nFeatures;
        this.featureNames = featureNames;
    }

    public static DummyRegressor build(Attrs a, BuildContext ctx) throws ModelBuildException {
        double[] c = a.doubles("constant_");
        int nOutputs = a.isNone("n_outputs_") ? c.length : Labels.intIn(a, "n_outputs_", 1, 100_000);
        if (c.length != nOutputs) {
            throw a.error("constant_", "has " + c.length + " values for " + nOutputs + " outputs");
        }
        boolean integral = a.node("constant_") instanceof dev.skiff.format.node.NdArrayNode n
                && n.array().dtype() instanceof DType.Scalar s && (s.kind() == 'i' || s.kind() == 'u');
        return new DummyRegressor(c, integral, Labels.nFeatures(a), Labels.featureNames(a));
    }

    /** {@code constant_} as one row (what predict returns for every sample). */
    public double[] constantPrediction() {
        return constant.clone();
    }

    @Override
    public String pythonClass() {
        return CLASS;
    }

    @Override
    public Set<Method> methods() {
        return EnumSet.of(Method.PREDICT);
    }

    @Override
    public Output predict(Data x) {
        int n = x.rows();
        if (constant.length == 1) {
            if (integral) {
                long[] v = new long[n];
                Arrays.fill(v, (long) constant[0]);
                return new Int64Column(v);
            }
            double[] v = new double[n];
            Arrays.fill(v, constant[0]);
            return new Float64Column(v);
        }
        int k = constant.length;
        double[] out = new double[Math.multiplyExact(n, k)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(constant, 0, out, i * k, k);
        }
        return new Matrix(out, n, k);
    }

    @Override
    public List<String> featureNamesIn() {
        return featureNames;
    }

    @Override
    public int nFeaturesIn() {
        return nFeatures;
    }
}
