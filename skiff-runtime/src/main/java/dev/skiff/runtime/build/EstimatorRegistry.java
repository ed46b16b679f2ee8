package dev.skiff.runtime.build;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which factory rebuilds which Python class (by fully qualified name). Adding an estimator is one
 * registration; {@link #defaults()} holds everything Skiff ships.
 */
public final class EstimatorRegistry {
    private final Map<String, EstimatorFactory> factories = new HashMap<>();
    private static final EstimatorRegistry DEFAULTS = createDefaults();

    public static EstimatorRegistry defaults() {
        return DEFAULTS;
    }

    private static EstimatorRegistry createDefaults() {
        EstimatorRegistry r = new EstimatorRegistry();
        for (EstimatorFamily family : Families.ALL) {
            family.register(r);
        }
        return r;
    }

    public EstimatorRegistry copy() {
        EstimatorRegistry r = new EstimatorRegistry();
        r.factories.putAll(factories);
        return r;
    }

    public EstimatorRegistry register(String pythonClass, EstimatorFactory factory) {
        factories.put(pythonClass, factory);
        return this;
    }

    public EstimatorFactory factory(String pythonClass) {
        return factories.get(pythonClass);
    }

    /** The Python classes this registry can rebuild, sorted. */
    public Set<String> supported() {
        return new TreeSet<>(factories.keySet());
    }

    /** A group of registrations: one estimator family (linear models, trees, preprocessing, composition). */
    public interface EstimatorFamily {
        void register(EstimatorRegistry registry);
    }
}
