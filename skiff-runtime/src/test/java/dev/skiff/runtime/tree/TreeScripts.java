package dev.skiff.runtime.tree;

import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.runtime.Model;
import dev.skiff.runtime.Models;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.Output;
import dev.skiff.runtime.estimator.Method;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.DynamicTest;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Python helpers shared by the tree parity scripts, and the dynamic-test wrapper. */
final class TreeScripts {
    private TreeScripts() {
    }

    /**
     * {@code boundary(trees, X)}: for every split of the given sklearn Trees, a copy of X[0] with the split
     * feature set to the threshold, its float32 rounding and float32 / float64 neighbours: the rows where a
     * missing float32 cast (or a wrong rounding of the threshold) changes the leaf.
     */
    static final String HELPERS = """
            from threadpoolctl import threadpool_limits
            threadpool_limits(1)  # OpenMP spin-waiting makes fitting crawl on a busy machine
            def boundary(trees, X, limit=400):
                rows = []
                base = np.asarray(X, dtype=float)[0]
                for t in trees:
                    inner = np.flatnonzero(t.children_left != -1)
                    for f, thr in zip(t.feature[inner], t.threshold[inner]):
                        t32 = np.float32(thr)
                        for v in (thr, float(t32), float(np.nextafter(t32, np.float32(np.inf))),
                                  float(np.nextafter(t32, np.float32(-np.inf))), np.nextafter(thr, np.inf),
                                  np.nextafter(thr, -np.inf)):
                            r = base.copy(); r[f] = v; rows.append(r)
                        if len(rows) >= limit:
                            return np.array(rows)
                return np.array(rows).reshape(-1, len(base))
            def with_boundary(model_trees, X, Xtest):
                return np.vstack([Xtest, boundary(model_trees, X)])
            """;

    static Stream<DynamicTest> tests(List<Parity.Case> cases) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> Parity.check(c)));
    }

    /**
     * How many float outputs are bit-identical to scikit-learn's (the parity check allows 1e-9 relative);
     * printed for the record, never failing.
     */
    static String exactness(List<Parity.Case> cases) {
        long total = 0;
        long exact = 0;
        double worst = 0;
        String worstAt = "";
        for (Parity.Case c : cases) {
            Model model;
            try {
                model = Models.load(c.model(), TrustPolicy.trusting(c.untrusted()));
            } catch (Exception e) {
                continue;
            }
            for (Map.Entry<Method, Parity.Expected> e : c.outputs().entrySet()) {
                if (!e.getValue().kind().equals("float")) {
                    continue;
                }
                Output out;
                try {
                    out = model.run(e.getKey(), c.x());
                } catch (RuntimeException ex) {
                    continue;
                }
                double[] actual = switch (out) {
                    case Matrix m -> m.data();
                    case Float64Column f -> f.values();
                    default -> null;
                };
                if (actual == null) {
                    continue;
                }
                List<Object> expected = e.getValue().values();
                for (int i = 0; i < actual.length && i < expected.size(); i++) {
                    double ev = expected.get(i) == null ? Double.NaN : ((Number) expected.get(i)).doubleValue();
                    total++;
                    if (Double.compare(ev, actual[i]) == 0 || ev == actual[i]) {
                        exact++;
                    } else {
                        double rel = Math.abs(ev - actual[i]) / Math.max(Math.abs(ev), Math.abs(actual[i]));
                        if (rel > worst) {
                            worst = rel;
                            worstAt = c.name() + "." + e.getKey().pythonName() + "[" + i + "]";
                        }
                    }
                }
            }
        }
        String s = String.format("bit-identical floats: %d of %d; worst relative difference %.3g %s", exact, total,
                worst, worstAt);
        System.out.println("[exactness] " + s);
        return s;
    }
}
