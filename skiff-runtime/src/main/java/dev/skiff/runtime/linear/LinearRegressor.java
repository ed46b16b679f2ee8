package dev.skiff.runtime.linear;

import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.Output;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Inputs;
import dev.skiff.runtime.estimator.Method;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A linear regressor: {@code predict = link⁻¹(X @ coef_.T + intercept_)}, with the identity link for ordinary,
 * penalised and robust linear models and {@code exp} for the log-link GLMs (Poisson, Gamma, Tweedie with
 * power &gt; 0). A 1-d {@code coef_} predicts one value per row; a 2-d {@code coef_} (multi-output, or a
 * single output fitted on a 2-d {@code y}) predicts an {@code (n, k)} matrix. Immutable and thread-safe.
 */
public final class LinearRegressor implements Estimator {
    private static final Set<Method> METHODS = EnumSet.of(Method.PREDICT);

    /** The inverse link applied to the linear predictor. */
    public enum Link {
        IDENTITY, EXP
    }

    private final Fitted fit;
    private final Affine affine;
    private final Link link;

    LinearRegressor(Fitted fit, Affine affine, Link link) throws ModelBuildException {
        this.fit = fit;
        this.affine = affine;
        this.link = link;
        if (fit.nFeatures() >= 0 && fit.nFeatures() != affine.features()) {
            throw new ModelBuildException(fit.pythonClass() + ": coef_ has " + affine.features()
                    + " columns, n_features_in_ is " + fit.nFeatures());
        }
    }

    /** Every {@code LinearModel} whose predict is {@code X @ coef_ + intercept_}. */
    static LinearRegressor identity(Attrs a, BuildContext ctx) throws ModelBuildException {
        return new LinearRegressor(Fitted.read(a), Affine.read(a, "coef_", "intercept_"), Link.IDENTITY);
    }

    /** PoissonRegressor, GammaRegressor: log link. */
    static LinearRegressor logLink(Attrs a, BuildContext ctx) throws ModelBuildException {
        return new LinearRegressor(Fitted.read(a), Affine.read(a, "coef_", "intercept_"), Link.EXP);
    }

    /** TweedieRegressor: {@code link='auto'} is identity for {@code power <= 0}, log otherwise. */
    static LinearRegressor tweedie(Attrs a, BuildContext ctx) throws ModelBuildException {
        String linkName = a.string("link", "auto");
        Link link = switch (linkName) {
            case "identity" -> Link.IDENTITY;
            case "log" -> Link.EXP;
            case "auto" -> a.number("power") <= 0 ? Link.IDENTITY : Link.EXP;
            default -> throw a.error("link", "is \"" + linkName + "\", expected auto, identity or log");
        };
        return new LinearRegressor(Fitted.read(a), Affine.read(a, "coef_", "intercept_"), link);
    }

    @Override
    public String pythonClass() {
        return fit.pythonClass();
    }

    @Override
    public Set<Method> methods() {
        return METHODS;
    }

    public Affine affine() {
        return affine;
    }

    @Override
    public Output predict(Data x) {
        Matrix m = Inputs.numeric(x, this);
        double[] y = affine.apply(m);
        if (link == Link.EXP) {
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.exp(y[i]);
            }
        }
        return affine.twoDim() ? new Matrix(y, m.rows(), affine.outputs()) : new Float64Column(y);
    }

    @Override
    public List<String> featureNamesIn() {
        return fit.featureNames();
    }

    @Override
    public int nFeaturesIn() {
        return fit.nFeatures();
    }
}
