package dev.skiff.runtime;

import dev.skiff.format.Skops;
import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.TrustedSkops;
import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.format.audit.UntrustedTypesException;
import dev.skiff.format.node.Paths;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.build.EstimatorRegistry;

import java.nio.file.Path;

/**
 * The entry point of the runtime: load a {@code .skops} file into a {@link Model} that predicts with
 * scikit-learn's numbers. The file is audited first; nothing is built from an untrusted tree.
 */
public final class Models {
    private Models() {
    }

    /** Loads with skops' default trust; any other type must be trusted explicitly. */
    public static Model load(Path file) throws SkopsFormatException, UntrustedTypesException, ModelBuildException {
        return load(file, TrustPolicy.defaults());
    }

    public static Model load(Path file, TrustPolicy policy)
            throws SkopsFormatException, UntrustedTypesException, ModelBuildException {
        return build(Skops.load(file, policy));
    }

    /** Builds a model from an audited tree. */
    public static Model build(TrustedSkops trusted) throws ModelBuildException {
        return build(trusted, EstimatorRegistry.defaults());
    }

    public static Model build(TrustedSkops trusted, EstimatorRegistry registry) throws ModelBuildException {
        return new Model(new BuildContext(registry).build(trusted.root(), Paths.ROOT));
    }
}
