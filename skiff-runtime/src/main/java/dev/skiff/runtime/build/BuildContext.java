package dev.skiff.runtime.build;

import dev.skiff.format.node.Node;
import dev.skiff.format.node.ObjectNode;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.UnsupportedEstimatorException;
import dev.skiff.runtime.estimator.Estimator;

import java.util.IdentityHashMap;
import java.util.Map;

/** Builds nested estimators (pipeline steps, forest members) through the registry; a shared node is built once. */
public final class BuildContext {
    private final EstimatorRegistry registry;
    private final Map<Node, Estimator> built = new IdentityHashMap<>();

    public BuildContext(EstimatorRegistry registry) {
        this.registry = registry;
    }

    public Estimator build(Node node, String path) throws ModelBuildException {
        Estimator known = built.get(node);
        if (known != null) {
            return known;
        }
        if (!(node instanceof ObjectNode obj)) {
            throw new ModelBuildException(path + ": expected an estimator, found " + node.typeName());
        }
        EstimatorFactory f = registry.factory(obj.typeName());
        if (f == null) {
            throw new UnsupportedEstimatorException(obj.typeName(), path);
        }
        Estimator e = f.build(new Attrs(obj, path), this);
        built.put(node, e);
        return e;
    }

    /** The estimator under attribute {@code name}. */
    public Estimator build(Attrs attrs, String name) throws ModelBuildException {
        return build(attrs.node(name), attrs.pathOf(name));
    }
}
