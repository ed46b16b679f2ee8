package dev.skiff.runtime.tree;

import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * HistGradientBoostingClassifier / Regressor against scikit-learn: every loss, NaN routing, categorical
 * splits (mask on a numpy array and pandas category dtype, with unknown, negative and missing categories),
 * infinities, values at the float64 thresholds, early stopping.
 */
class HistParityTest {
    @TempDir
    static Path dir;
    static List<Parity.Case> cases;

    @BeforeAll
    static void fit() throws Exception {
        cases = Parity.generate(dir, """
                from threadpoolctl import threadpool_limits
                threadpool_limits(1)  # OpenMP spin-waiting makes fitting crawl on a busy machine
                from sklearn.ensemble import HistGradientBoostingClassifier as HGBC, HistGradientBoostingRegressor as HGBR
                from sklearn.datasets import make_classification, make_regression
                rng = np.random.RandomState(0)
                def holes(X, p):
                    X = X.copy(); X[rng.rand(*X.shape) < p] = np.nan; return X
                def at_thresholds(m, X, limit=300):
                    rows = []
                    base = np.asarray(X, dtype=float)[0]
                    for it in m._predictors[:3]:
                        for p in it:
                            for nd in p.nodes:
                                if nd["is_leaf"] or nd["is_categorical"]:
                                    continue
                                t = nd["num_threshold"]
                                for v in (t, np.nextafter(t, np.inf), np.nextafter(t, -np.inf), float(np.float32(t))):
                                    r = base.copy(); r[nd["feature_idx"]] = v; rows.append(r)
                    return np.array(rows[:limit])
                Xr, yr = make_regression(n_samples=600, n_features=6, noise=5.0, random_state=10)
                Xrn = holes(Xr, 0.1)
                Xrt = holes(Xr[:150], 0.15)
                Xrt[0, 0] = np.inf; Xrt[1, 1] = -np.inf; Xrt[2, :] = np.nan
                for loss in ["squared_error", "absolute_error", "quantile"]:
                    m = HGBR(loss=loss, quantile=0.8 if loss == "quantile" else None, max_iter=60,
                             early_stopping=False, random_state=0).fit(Xrn, yr)
                    save("hgb_regressor_" + loss, m, np.vstack([Xrt, at_thresholds(m, Xr)]))
                ypos = np.exp(yr / 100.0)
                for loss in ["poisson", "gamma"]:
                    m = HGBR(loss=loss, max_iter=50, early_stopping=False, random_state=0).fit(Xrn, ypos)
                    save("hgb_regressor_" + loss, m, Xrt)
                m = HGBR(max_iter=500, early_stopping=True, n_iter_no_change=3, validation_fraction=0.2,
                         random_state=0).fit(Xr, yr)
                assert m.n_iter_ < 500, m.n_iter_
                save("hgb_regressor_early_stopping", m, Xrt)

                Xb, yb = make_classification(n_samples=600, n_features=6, n_informative=4, random_state=11)
                Xbn = holes(Xb, 0.1)
                Xbt = holes(Xb[:150], 0.15)
                m = HGBC(max_iter=60, early_stopping=False, random_state=0).fit(Xbn, yb)
                save("hgb_binary", m, np.vstack([Xbt, at_thresholds(m, Xb)]))
                m = HGBC(max_iter=40, max_depth=3, early_stopping=False, random_state=0).fit(
                    Xb, np.array(["neg", "pos"])[yb])
                save("hgb_binary_str_unseen_nan", m, Xbt)
                m = HGBC(max_iter=500, early_stopping=True, n_iter_no_change=2, random_state=0).fit(Xbn, yb)
                assert m.n_iter_ < 500, m.n_iter_
                save("hgb_binary_early_stopping", m, Xbt)
                Xm, ym = make_classification(n_samples=900, n_features=7, n_informative=6, n_redundant=0, n_classes=4,
                                             n_clusters_per_class=1, random_state=12)
                names = np.array(["north", "east", "south", "west"])
                m = HGBC(max_iter=40, early_stopping=False, random_state=0).fit(holes(Xm, 0.05), names[ym])
                save("hgb_multiclass_str", m, holes(Xm[:150], 0.1))
                save("hgb_multiclass_large_batch", m, holes(rng.normal(size=(5000, 7)) * 2, 0.02))

                # categorical features by mask on a numpy array (integer codes, some unseen at fit)
                n = 800
                Xc = np.c_[rng.randint(0, 12, n), rng.rand(n), rng.randint(0, 4, n) * 10.0, rng.rand(n)]
                yc = (np.isin(Xc[:, 0], [1, 3, 5, 8]) * 2.0 + (Xc[:, 2] == 20) + Xc[:, 1] + rng.rand(n) * 0.1)
                Xc[rng.rand(n) < 0.05, 0] = np.nan
                Xct = Xc[:200].copy()
                Xct[:12, 0] = [-1, -0.5, 12, 13, 255, 256, 300, 2.5, np.nan, 1e10, 3, 7]
                Xct[12:16, 2] = [5, 15, -10, 1000]
                m = HGBR(categorical_features=[0, 2], max_iter=50, early_stopping=False, random_state=0).fit(Xc, yc)
                save("hgb_regressor_categorical_mask", m, Xct)
                m = HGBC(categorical_features=[True, False, True, False], max_iter=30, early_stopping=False,
                         random_state=0).fit(Xc, yc > 1.5)
                save("hgb_binary_categorical_mask", m, Xct)

                # no _preprocessor (as before scikit-learn 1.4): raw category values reach the predictor, so
                # negative, unknown, >= 256 and fractional values take the C uint8 cast path
                Xk = np.c_[rng.randint(0, 12, n), rng.randint(0, 5, n), rng.rand(n)]
                yk = np.isin(Xk[:, 0], [1, 3, 5, 8]) * 2.0 + (Xk[:, 1] == 2) + Xk[:, 2]
                m = HGBR(categorical_features=[0, 1], max_iter=30, early_stopping=False, random_state=0).fit(Xk, yk)
                assert all((c == np.arange(len(c))).all() for c in m._preprocessor.named_transformers_["encoder"].categories_)
                m._preprocessor = None
                Xkt = Xk[:100].copy()
                Xkt[:16, 0] = [-1, -0.5, 12, 13, 255, 256, 257, 259, 300, 2.5, np.nan, 1e10, 3, 7, 2**31 + 1, np.inf]
                Xkt[16:20, 1] = [5, 258, -3, 1.9]
                save("hgb_regressor_categorical_raw_codes", m, Xkt)

                # categorical features from a pandas category dtype (strings and integers)
                df = pd.DataFrame({
                    "num": rng.rand(n),
                    "color": pd.Categorical(rng.choice(["red", "green", "blue", "teal", "plum"], n)),
                    "size": pd.Categorical(rng.choice([3, 5, 7, 9], n)),
                    "num2": rng.normal(size=n),
                })
                df.loc[rng.rand(n) < 0.05, "color"] = np.nan
                yd = (df.color.isin(["red", "plum"]) * 2.0 + (df["size"] == 5) + df.num).to_numpy()
                m = HGBR(max_iter=40, early_stopping=False, random_state=0).fit(df, yd)
                dft = df.iloc[:150].copy()
                dft["color"] = dft["color"].cat.add_categories(["mauve"])
                dft.loc[dft.index[:5], "color"] = ["mauve", np.nan, "red", "mauve", "blue"]
                save("hgb_regressor_categorical_dtype", m, dft)
                ydc = np.array(["a", "b", "c"])[(yd > 1).astype(int) + (yd > 2.5).astype(int)]
                m = HGBC(max_iter=30, early_stopping=False, random_state=0).fit(df, ydc)
                save("hgb_multiclass_categorical_dtype", m, dft)
                """);
    }

    @AfterAll
    static void exactness() {
        TreeScripts.exactness(cases);
    }

    @TestFactory
    Stream<DynamicTest> parity() {
        return TreeScripts.tests(cases);
    }
}
