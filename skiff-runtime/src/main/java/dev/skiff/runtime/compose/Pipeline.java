package dev.skiff.runtime.compose;

import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.Output;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Method;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code sklearn.pipeline.Pipeline}: every step but the last transforms, the last answers. */
public final class Pipeline implements Estimator {
    public static final String CLASS = "sklearn.pipeline.Pipeline";

    private final List<Estimator> transforms;
    private final Estimator last; // null: the last step is passthrough
    private final Estimator first;

    Pipeline(List<Estimator> transforms, Estimator last) {
        this.transforms = List.copyOf(transforms);
        this.last = last;
        this.first = transforms.isEmpty() ? last : transforms.get(0);
    }

    static Pipeline build(Attrs a, BuildContext ctx) throws ModelBuildException {
        List<Steps.Step> steps = Steps.read(a.node("steps"), a.pathOf("steps"), ctx);
        if (steps.isEmpty()) {
            throw a.error("steps", "is empty");
        }
        List<Estimator> transforms = new ArrayList<>();
        for (int i = 0; i < steps.size() - 1; i++) {
            Steps.Step s = steps.get(i);
            if (s.estimator() != null) {
                if (!s.estimator().methods().contains(Method.TRANSFORM)) {
                    throw new ModelBuildException(a.pathOf("steps") + "[" + i + "]: " + s.estimator().pythonClass()
                            + " cannot transform, so it cannot be an intermediate step");
                }
                transforms.add(s.estimator());
            }
        }
        return new Pipeline(transforms, steps.get(steps.size() - 1).estimator());
    }

    @Override
    public String pythonClass() {
        return CLASS;
    }

    @Override
    public Set<Method> methods() {
        return last == null ? EnumSet.of(Method.TRANSFORM) : EnumSet.copyOf(last.methods());
    }

    private Data front(Data x) {
        for (Estimator t : transforms) {
            x = t.transform(x);
        }
        return x;
    }

    @Override
    public Output predict(Data x) {
        return last().predict(front(x));
    }

    @Override
    public Matrix predictProba(Data x) {
        return last().predictProba(front(x));
    }

    @Override
    public Matrix decisionFunction(Data x) {
        return last().decisionFunction(front(x));
    }

    @Override
    public Matrix scoreSamples(Data x) {
        return last().scoreSamples(front(x));
    }

    @Override
    public Data transform(Data x) {
        Data y = front(x);
        return last == null ? y : last.transform(y);
    }

    private Estimator last() {
        if (last == null) {
            throw new UnsupportedOperationException("the pipeline ends in passthrough; it can only transform");
        }
        return last;
    }

    @Override
    public Column classes() {
        return last == null ? null : last.classes();
    }

    @Override
    public List<String> featureNamesIn() {
        return first == null ? null : first.featureNamesIn();
    }

    @Override
    public int nFeaturesIn() {
        return first == null ? -1 : first.nFeaturesIn();
    }
}
