package dev.skiff.runtime.linear;

import dev.skiff.runtime.Model;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LinearRegressionParityTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> coreRegressors() throws Exception {
        return ParityCases.run(dir, """
                from sklearn.linear_model import LinearRegression, Ridge, Lasso, ElasticNet
                save("linreg", LinearRegression().fit(Xr, yr), Xr)
                save("linreg_multi", LinearRegression().fit(Xr, Yr), Xr)
                save("linreg_2d_single", LinearRegression().fit(Xr, yr.reshape(-1, 1)), Xr)
                save("linreg_no_intercept", LinearRegression(fit_intercept=False).fit(Xr, yr), Xr)
                save("linreg_no_intercept_multi", LinearRegression(fit_intercept=False).fit(Xr, Yr), Xr)
                save("linreg_positive", LinearRegression(positive=True).fit(Xr, yr), Xr)
                save("linreg_df", LinearRegression().fit(dfb, ymix), dfb)
                save("linreg_mixed", LinearRegression().fit(Xmix, ymix), Xmix)
                save("linreg_float32", LinearRegression().fit(Xr.astype(np.float32), yr.astype(np.float32)), Xr)
                save("ridge", Ridge(alpha=.5).fit(Xr, yr), Xr)
                save("ridge_multi", Ridge(alpha=2).fit(Xr, Yr), Xr)
                save("ridge_svd", Ridge(solver="svd").fit(Xr, yr), Xr)
                save("ridge_sag_mixed", Ridge(solver="lsqr").fit(Xmix, ymix), Xmix)
                save("lasso", Lasso(alpha=.05).fit(Xr, yr), Xr)
                save("lasso_multi", Lasso(alpha=.05).fit(Xr, Yr), Xr)
                save("lasso_df", Lasso(alpha=.01).fit(dfb, ymix), dfb)
                save("elasticnet", ElasticNet(alpha=.05, l1_ratio=.3).fit(Xr, yr), Xr)
                save("elasticnet_multi", ElasticNet(alpha=.05, l1_ratio=.7).fit(Xr, Yr), Xr)
                save("elasticnet_no_intercept", ElasticNet(alpha=.1, fit_intercept=False).fit(Xr, yr), Xr)
                """);
    }

    @TestFactory
    Stream<DynamicTest> otherLinearRegressors() throws Exception {
        return ParityCases.run(dir, """
                from sklearn import linear_model as lm
                models = {
                    "ridgecv": lm.RidgeCV(alphas=[.1, 1, 10]),
                    "lassocv": lm.LassoCV(cv=3),
                    "elasticnetcv": lm.ElasticNetCV(cv=3, l1_ratio=[.2, .8]),
                    "lars": lm.Lars(),
                    "larscv": lm.LarsCV(cv=3),
                    "lassolars": lm.LassoLars(alpha=.01),
                    "lassolarscv": lm.LassoLarsCV(cv=3),
                    "lassolarsic": lm.LassoLarsIC(),
                    "omp": lm.OrthogonalMatchingPursuit(n_nonzero_coefs=3),
                    "ompcv": lm.OrthogonalMatchingPursuitCV(cv=3),
                    "bayesianridge": lm.BayesianRidge(),
                    "ard": lm.ARDRegression(),
                    "huber": lm.HuberRegressor(),
                    "quantile": lm.QuantileRegressor(alpha=0.01, quantile=.3),
                    "theilsen": lm.TheilSenRegressor(random_state=0, max_subpopulation=200),
                    "passive_aggressive_reg": lm.PassiveAggressiveRegressor(random_state=0),
                }
                for name, m in models.items():
                    save(name, m.fit(Xr, yr), Xr)
                save("multitask_lasso", lm.MultiTaskLasso(alpha=.05).fit(Xr, Yr), Xr)
                save("multitask_enet", lm.MultiTaskElasticNet(alpha=.05).fit(Xr, Yr), Xr)
                save("multitask_lassocv", lm.MultiTaskLassoCV(cv=3).fit(Xr, Yr), Xr)
                save("multitask_enetcv", lm.MultiTaskElasticNetCV(cv=3).fit(Xr, Yr), Xr)
                save("poisson", lm.PoissonRegressor(alpha=.01).fit(Xpos, ycount), Xpos)
                save("gamma", lm.GammaRegressor(alpha=.01).fit(Xpos, ycount + 1.0), Xpos)
                save("tweedie_log", lm.TweedieRegressor(power=1.5, alpha=.01).fit(Xpos, ycount), Xpos)
                save("tweedie_identity", lm.TweedieRegressor(power=0, alpha=.01).fit(Xr, yr), Xr)
                save("tweedie_explicit_log", lm.TweedieRegressor(power=0, link="log", alpha=.01).fit(Xpos, ycount + 1.0), Xpos)
                """);
    }

    @Test
    void singleOutputIsAColumnAndMultiOutputAMatrix(@TempDir Path d) throws Exception {
        List<Parity.Case> cases = Parity.generate(d, ParityCases.DATA + """
                from sklearn.linear_model import Ridge
                save("one", Ridge().fit(Xr, yr), Xr)
                save("three", Ridge().fit(Xr, Yr), Xr)
                """);
        Model one = Parity.check(cases.get(0));
        Model three = Parity.check(cases.get(1));
        assertThat(one.predict(cases.get(0).x())).isInstanceOf(Float64Column.class);
        assertThat(three.predict(cases.get(1).x())).isInstanceOfSatisfying(Matrix.class,
                m -> assertThat(m.cols()).isEqualTo(3));
        assertThat(one.nFeaturesIn()).isEqualTo(6);
    }
}
