package dev.skiff.runtime.compose;

import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Method;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sklearn.pipeline.FeatureUnion}: every transformer in {@code transformer_list} sees the whole input;
 * outputs, multiplied by their {@code transformer_weights}, are stacked side by side. "drop" contributes
 * nothing and "passthrough" hands the input on.
 */
public final class FeatureUnion implements Estimator {
    public static final String CLASS = "sklearn.pipeline.FeatureUnion";

    private record Branch(String name, Estimator estimator, Number weight) {
    }

    private final List<Branch> branches;
    private final Estimator first;

    private FeatureUnion(List<Branch> branches, Estimator first) {
        this.branches = List.copyOf(branches);
        this.first = first;
    }

    static FeatureUnion build(Attrs a, BuildContext ctx) throws ModelBuildException {
        List<Steps.Step> steps = Steps.read(a.node("transformer_list"), a.pathOf("transformer_list"), ctx);
        Map<String, Number> weights = Weights.read(a);
        List<Branch> branches = new ArrayList<>();
        Estimator first = null;
        for (int i = 0; i < steps.size(); i++) {
            Steps.Step s = steps.get(i);
            if (s.drop()) {
                continue;
            }
            Estimator e = s.estimator();
            if (e != null && !e.methods().contains(Method.TRANSFORM)) {
                throw new ModelBuildException(a.pathOf("transformer_list") + "[" + i + "]: " + e.pythonClass()
                        + " cannot transform");
            }
            if (i == 0) {
                first = e;
            }
            branches.add(new Branch(s.name(), e, weights.get(s.name())));
        }
        return new FeatureUnion(branches, first);
    }

    @Override
    public String pythonClass() {
        return CLASS;
    }

    @Override
    public Set<Method> methods() {
        return EnumSet.of(Method.TRANSFORM);
    }

    @Override
    public Data transform(Data x) {
        List<Hstack.Part> parts = new ArrayList<>(branches.size());
        for (Branch b : branches) {
            Data out = b.estimator() == null ? x : b.estimator().transform(x);
            parts.add(new Hstack.Part(b.name(), out, b.weight()));
        }
        return Hstack.stack("FeatureUnion", parts, x.rows(), false);
    }

    /** scikit-learn's {@code feature_names_in_} is the first transformer's. */
    @Override
    public List<String> featureNamesIn() {
        return first == null ? null : first.featureNamesIn();
    }

    @Override
    public int nFeaturesIn() {
        return first == null ? -1 : first.nFeaturesIn();
    }
}
