package dev.skiff.runtime.tree;

import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.runtime.Model;
import dev.skiff.runtime.Models;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Latency and throughput against scikit-learn for RF(100), GB(100) and HGB(100) on 20 features: one row
 * {@code predict}, and a 10,000-row {@code predict_proba}. Opt-in: {@code -Dskiff.timing=true}. Prints, never fails.
 */
@EnabledIfSystemProperty(named = "skiff.timing", matches = "true")
class TreeTimingTest {
    @TempDir
    Path dir;

    @Test
    void timings() throws Exception {
        List<Parity.Case> cases = Parity.generate(dir, """
                import timeit
                from sklearn.datasets import make_classification
                from sklearn.ensemble import (RandomForestClassifier, GradientBoostingClassifier,
                                              HistGradientBoostingClassifier)
                X, y = make_classification(n_samples=20000, n_features=20, n_informative=10, random_state=0)
                Xt = X[:10000]
                lines = []
                for name, m in [("rf100", RandomForestClassifier(100, random_state=0)),
                                ("gb100", GradientBoostingClassifier(n_estimators=100, random_state=0)),
                                ("hgb100", HistGradientBoostingClassifier(max_iter=100, early_stopping=False,
                                                                          random_state=0))]:
                    m.fit(X[10000:], y[10000:])
                    m.predict_proba(Xt)
                    batch = min(timeit.repeat(lambda: m.predict_proba(Xt), number=3, repeat=3)) / 3
                    one = min(timeit.repeat(lambda: m.predict(X[:1]), number=50, repeat=5)) / 50
                    lines.append(f"{name} {one} {batch}")
                    save(name, m, Xt, methods=["predict_proba"])
                open(os.path.join(OUT, "timings.txt"), "w").write("\\n".join(lines))
                """);
        List<String> py = Files.readAllLines(dir.resolve("timings.txt"));
        for (int i = 0; i < cases.size(); i++) {
            Parity.Case c = cases.get(i);
            String[] p = py.get(i).split(" ");
            Model m = Models.load(c.model(), TrustPolicy.trusting(c.untrusted()));
            Frame all = c.x();
            Frame one = all.slice(0, 1);
            Parity.check(c);
            for (int w = 0; w < 20_000; w++) {
                m.predict(one);
            }
            int n = 50_000;
            long t0 = System.nanoTime();
            for (int k = 0; k < n; k++) {
                m.predict(one);
            }
            double single = (System.nanoTime() - t0) / 1e9 / n;
            Matrix xm = all.toMatrix();
            var est = m.estimator();
            for (int w = 0; w < 10; w++) {
                est.predictProba(xm);
            }
            double batch = Double.MAX_VALUE;
            for (int rep = 0; rep < 10; rep++) {
                long b0 = System.nanoTime();
                est.predictProba(xm);
                batch = Math.min(batch, (System.nanoTime() - b0) / 1e9);
            }
            double pyOne = Double.parseDouble(p[1]);
            double pyBatch = Double.parseDouble(p[2]);
            System.out.printf("[timing] %-7s single row: Java %.2f us vs sklearn %.1f us (%.0fx); "
                            + "10k batch: Java %.2f ms vs sklearn %.2f ms (%.1fx)%n", c.name(), single * 1e6,
                    pyOne * 1e6, pyOne / single, batch * 1e3, pyBatch * 1e3, pyBatch / batch);
        }
    }
}
