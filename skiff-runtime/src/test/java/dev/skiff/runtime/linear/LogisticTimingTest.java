package dev.skiff.runtime.linear;

import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.runtime.Model;
import dev.skiff.runtime.Models;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * A quick (not rigorous) timing of single-row and 10k-row LogisticRegression predict, Java vs scikit-learn.
 * Run with {@code -Dskiff.timing=true}; prints, asserts nothing (timings are machine-dependent).
 */
@EnabledIfSystemProperty(named = "skiff.timing", matches = "true")
class LogisticTimingTest {
    @Test
    void singleRowAndBatch(@TempDir Path dir) throws Exception {
        List<Parity.Case> cases = Parity.generate(dir, ParityCases.DATA + """
                import timeit
                from sklearn.linear_model import LogisticRegression
                big = np.random.RandomState(1).normal(size=(10000, 5))
                m = LogisticRegression().fit(dfb, yb)
                save("df", m, dfb.iloc[:1])
                save("big", m, pd.DataFrame(big, columns=dfb.columns), methods=["predict"])
                mp = LogisticRegression(max_iter=500).fit(Xm, ym)
                save("multi", mp, Xm[:1])
                one_df = dfb.iloc[:1]; one = Xb[:1]; bigdf = pd.DataFrame(big, columns=dfb.columns)
                def best(f, n):
                    return min(timeit.repeat(f, number=n, repeat=5)) / n
                print("PY single-row predict, DataFrame-fitted, 1-row DataFrame: %.2f us" % (best(lambda: m.predict(one_df), 2000) * 1e6), file=sys.stderr)
                mn = LogisticRegression().fit(Xb, yb)
                print("PY single-row predict, numpy 1x5: %.2f us" % (best(lambda: mn.predict(one), 5000) * 1e6), file=sys.stderr)
                print("PY multiclass single-row predict_proba numpy 1x4: %.2f us" % (best(lambda: mp.predict_proba(Xm[:1]), 5000) * 1e6), file=sys.stderr)
                print("PY 10k-row predict DataFrame: %.3f ms" % (best(lambda: m.predict(bigdf), 50) * 1e3), file=sys.stderr)
                print("PY 10k-row predict numpy: %.3f ms" % (best(lambda: mn.predict(big), 50) * 1e3), file=sys.stderr)
                """);
        for (Parity.Case c : cases) {
            Model model = Models.load(c.model(), TrustPolicy.trusting(c.untrusted()));
            Frame x = c.x();
            int iters = x.rows() == 1 ? 2_000_000 : 500;
            for (int w = 0; w < 3; w++) {
                long t0 = System.nanoTime();
                long sink = 0;
                for (int i = 0; i < iters; i++) {
                    sink += model.predict(x).rows();
                    if (c.name().equals("multi")) {
                        sink += model.predictProba(x).rows();
                    }
                }
                long dt = System.nanoTime() - t0;
                System.out.printf("JAVA %s (%d rows, positional=%s) round %d: %.3f us per call (%d)%n", c.name(),
                        x.rows(), x.isPositional(), w, dt / 1e3 / iters, sink);
            }
            // the estimator alone, on a ready matrix (no frame alignment or conversion)
            var est = model.estimator();
            var mx = model.align(x).toMatrix();
            for (int w = 0; w < 3; w++) {
                long t0 = System.nanoTime();
                long sink = 0;
                for (int i = 0; i < iters; i++) {
                    sink += est.predict(mx).rows();
                }
                long dt = System.nanoTime() - t0;
                System.out.printf("JAVA %s estimator-on-matrix round %d: %.3f us per call (%d)%n", c.name(), w,
                        dt / 1e3 / iters, sink);
            }
        }
    }
}
