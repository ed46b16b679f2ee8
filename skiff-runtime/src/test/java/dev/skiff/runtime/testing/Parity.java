package dev.skiff.runtime.testing;

import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.format.json.Json;
import dev.skiff.format.json.JsonParser;
import dev.skiff.format.json.PyValues;
import dev.skiff.format.testing.PythonOracle;
import dev.skiff.runtime.Model;
import dev.skiff.runtime.Models;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Csv;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.Output;
import dev.skiff.runtime.estimator.Method;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Parity with real scikit-learn: a Python script fits models and calls {@code save(name, model, X)}, which
 * dumps the model with skops, writes X as CSV and records every method's output; Java then loads each
 * model (trusting what Python's audit lists) and must reproduce the outputs: labels exactly, numbers
 * within {@link #RTOL} relative.
 */
public final class Parity {
    public static final double RTOL = 1e-9;
    public static final double ATOL = 1e-12;

    private static final String PRELUDE = """
            import json, sys, os, warnings
            import numpy as np, pandas as pd, skops.io as sio
            warnings.filterwarnings("ignore")
            OUT = sys.argv[1]
            _manifest = []
            def _plain(a):
                a = np.asarray(a)
                if a.dtype.kind in "fc":
                    return [None if np.isnan(v) else float(v) for v in a.ravel().astype(float)], list(a.shape), "float"
                if a.dtype.kind in "iub":
                    return [v.item() for v in a.ravel()], list(a.shape), a.dtype.kind
                return [None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in a.ravel()], list(a.shape), "str"
            def save(name, model, X, methods=None):
                path = os.path.join(OUT, name + ".skops")
                sio.dump(model, path)
                Xdf = X if isinstance(X, pd.DataFrame) else pd.DataFrame(np.asarray(X), columns=[f"x{i}" for i in range(np.asarray(X).shape[1])])
                Xdf.to_csv(os.path.join(OUT, name + ".csv"), index=False)
                outs = {}
                for m in (methods or ["predict", "predict_proba", "decision_function", "transform", "score_samples"]):
                    if hasattr(model, m):
                        try:
                            r = getattr(model, m)(X)
                        except Exception as e:
                            continue
                        if hasattr(r, "toarray"):
                            r = r.toarray()
                        vals, shape, kind = _plain(r)
                        outs[m] = {"values": vals, "shape": shape, "kind": kind}
                _manifest.append({"name": name, "untrusted": sio.get_untrusted_types(file=path), "outputs": outs,
                                  "positional": not isinstance(X, pd.DataFrame)})
            def _finish():
                with open(os.path.join(OUT, "manifest.json"), "w") as f:
                    json.dump(_manifest, f)
            import atexit; atexit.register(_finish)
            """;

    /** One fitted model with Python's outputs. */
    public record Case(String name, Path model, Frame x, List<String> untrusted, Map<Method, Expected> outputs) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Python's output of one method: flat values in C order, shape and kind ("float", "i", "u", "b", "str"). */
    public record Expected(List<Object> values, long[] shape, String kind) {
    }

    private Parity() {
    }

    /** Runs {@code pythonBody} (which calls {@code save(...)}) and returns the cases it saved. */
    public static List<Case> generate(Path dir, String pythonBody) throws Exception {
        Files.createDirectories(dir);
        PythonOracle.run(PRELUDE + "\n" + pythonBody, "", dir.toString());
        Json manifest = new JsonParser(64, Integer.MAX_VALUE - 8).parse(Files.readAllBytes(dir.resolve("manifest.json")));
        List<Case> cases = new ArrayList<>();
        for (Json j : ((Json.JArray) manifest).items()) {
            Json.JObject o = (Json.JObject) j;
            String name = ((Json.JString) o.get("name")).value();
            List<String> untrusted = new ArrayList<>();
            ((Json.JArray) o.get("untrusted")).items().forEach(u -> untrusted.add(((Json.JString) u).value()));
            Map<Method, Expected> outs = new LinkedHashMap<>();
            ((Json.JObject) o.get("outputs")).fields().forEach((m, v) -> {
                Json.JObject e = (Json.JObject) v;
                @SuppressWarnings("unchecked")
                List<Object> vals = (List<Object>) PyValues.toJava(e.get("values"));
                long[] shape = ((Json.JArray) e.get("shape")).items().stream()
                        .mapToLong(s -> Long.parseLong(((Json.JNumber) s).text())).toArray();
                outs.put(Method.parse(m), new Expected(vals, shape, ((Json.JString) e.get("kind")).value()));
            });
            Frame x = Csv.read(dir.resolve(name + ".csv"));
            if (o.get("positional") instanceof Json.JBool b && b.value()) {
                x = x.positional();
            }
            cases.add(new Case(name, dir.resolve(name + ".skops"), x, untrusted, outs));
        }
        return cases;
    }

    /** Loads the case's model and checks every method Python answered. */
    public static Model check(Case c) throws Exception {
        Model model = Models.load(c.model(), TrustPolicy.trusting(c.untrusted()));
        assertThat(c.outputs()).as("%s: Python produced no outputs", c.name()).isNotEmpty();
        for (Map.Entry<Method, Expected> e : c.outputs().entrySet()) {
            Output out;
            try {
                out = model.run(e.getKey(), c.x());
            } catch (RuntimeException ex) {
                throw new AssertionError(c.name() + "." + e.getKey().pythonName() + " failed: " + ex, ex);
            }
            compare(c.name() + "." + e.getKey().pythonName(), e.getValue(), out);
        }
        return model;
    }

    /** Python's flat values against Java's output, element by element. */
    public static void compare(String what, Expected exp, Output out) {
        List<Object> actual = flatten(out);
        long n = 1;
        for (long s : exp.shape()) {
            n *= s;
        }
        // (n,) and (n, 1) are the same data; Java returns matrices for decision scores
        assertThat((long) actual.size()).as("%s: number of values (Python shape %s)", what,
                java.util.Arrays.toString(exp.shape())).isEqualTo(n);
        for (int i = 0; i < actual.size(); i++) {
            Object e = exp.values().get(i);
            Object a = actual.get(i);
            if (exp.kind().equals("float")) {
                double ev = e == null ? Double.NaN : ((Number) e).doubleValue();
                double av = a == null ? Double.NaN : ((Number) a).doubleValue();
                if ((Double.isNaN(ev) && Double.isNaN(av)) || ev == av) {
                    continue; // NaN matches NaN; equal values incl. infinities match
                }
                double tol = ATOL + RTOL * Math.max(Math.abs(ev), Math.abs(av));
                if (!(Math.abs(ev - av) <= tol)) {
                    fail("%s[%d]: Python %s, Java %s (diff %.3g)", what, i, PyValues.floatRepr(ev),
                            PyValues.floatRepr(av), Math.abs(ev - av));
                }
            } else {
                String es = e == null ? null : e instanceof Double d ? PyValues.floatRepr(d) : e.toString();
                String as;
                if (a instanceof Boolean b) {
                    // numpy bool arrays arrive as JSON true/false; in object arrays Python's str() says True/False
                    as = switch (exp.kind()) {
                        case "b" -> b.toString();
                        case "str" -> b ? "True" : "False";
                        default -> b ? "1" : "0";
                    };
                } else {
                    as = a == null ? null : a instanceof Double d ? PyValues.floatRepr(d) : a.toString();
                }
                assertThat(as).as("%s[%d]", what, i).isEqualTo(es);
            }
        }
    }

    private static List<Object> flatten(Output out) {
        List<Object> vals = new ArrayList<>();
        switch (out) {
            case Column c -> {
                for (int i = 0; i < c.size(); i++) {
                    vals.add(c.get(i));
                }
            }
            case Matrix m -> {
                for (double v : m.data()) {
                    vals.add(v);
                }
            }
            case Frame f -> {
                for (int i = 0; i < f.rows(); i++) {
                    for (Column c : f.columns()) {
                        vals.add(c.get(i));
                    }
                }
            }
        }
        return vals;
    }
}
