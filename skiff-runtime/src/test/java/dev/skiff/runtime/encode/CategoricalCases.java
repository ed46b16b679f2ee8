package dev.skiff.runtime.encode;

import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.runtime.Model;
import dev.skiff.runtime.Models;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.StringColumn;
import dev.skiff.runtime.estimator.Method;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.DynamicTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mixed DataFrames for the encoder, imputer and composition parity tests, and a runner that turns each saved
 * model into dynamic tests: parity on the CSV as read (typed columns), and optionally parity on the same
 * values sent as text (as the Hub widget does), which exercises coercion by the fitted category types.
 */
public final class CategoricalCases {
    private CategoricalCases() {
    }

    /**
     * {@code dtr}/{@code dte}: training and test DataFrames with columns {@code color} (str with NaN),
     * {@code size} (str), {@code code} (int-coded categories), {@code obj} (object dtype with None),
     * {@code digits} (strings of digits), {@code flag} (two strings), {@code x} (float with NaN), {@code y}
     * (float), {@code k} (ints with -1 as a missing marker). {@code dte} holds unknown categories (purple, XL,
     * 5, r, 99) and missing values. {@code ytr} is a binary target for {@code dtr}; {@code CATS}, {@code NUMS}
     * name the categorical and numeric columns.
     */
    public static final String DATA = """
            rng = np.random.RandomState(7)
            def frame(n, unknown):
                colors = ["red", "green", "blue", "black", "white"] + (["purple"] if unknown else [])
                pc = np.array([.35, .25, .2, .1, .1] + ([.15] if unknown else []), dtype=float); pc /= pc.sum()
                sizes = ["S", "M", "L"] + (["XL"] if unknown else [])
                codes = [3, 7, 11, 13] + ([5] if unknown else [])
                objs = ["p", "q"] + (["r"] if unknown else [])
                digs = ["1", "2", "10"] + (["99"] if unknown else [])
                d = pd.DataFrame({
                    "color": rng.choice(colors, n, p=pc),
                    "size": rng.choice(sizes, n),
                    "code": rng.choice(codes, n, p=None),
                    "obj": pd.Series(rng.choice(objs, n), dtype=object),
                    "digits": rng.choice(digs, n),
                    "flag": rng.choice(["yes", "no"], n),
                    "x": rng.normal(size=n),
                    "y": rng.normal(size=n) * 10 + 2,
                    "k": rng.randint(0, 4, n) * 2 + 1,
                })
                d.loc[rng.rand(n) < .15, "color"] = np.nan
                d.loc[rng.rand(n) < .15, "obj"] = None
                d.loc[rng.rand(n) < .15, "x"] = np.nan
                d.loc[rng.rand(n) < .15, "k"] = -1
                return d
            dtr = frame(80, False)
            dte = frame(40, True)
            ytr = ((dtr["color"] == "red") | (dtr["y"] > 4)).astype(int).to_numpy()
            CATS = ["color", "size", "code", "obj", "digits"]
            NUMS = ["x", "y"]
            """;

    /** Runs {@code body} after {@link #DATA}; one dynamic test per saved model, plus a text-input twin if asked. */
    public static Stream<DynamicTest> run(Path dir, String body, boolean alsoAsText) throws Exception {
        return run(dir, body, name -> alsoAsText);
    }

    /** As {@link #run(Path, String, boolean)}, with the text-input twin for the cases {@code asText} accepts. */
    public static Stream<DynamicTest> run(Path dir, String body, java.util.function.Predicate<String> asText)
            throws Exception {
        List<Parity.Case> cases = Parity.generate(dir, DATA + "\n" + body);
        assertThat(cases).as("the script saved no model").isNotEmpty();
        List<DynamicTest> tests = new ArrayList<>();
        for (Parity.Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.name(), () -> Parity.check(c)));
            if (asText.test(c.name())) {
                tests.add(DynamicTest.dynamicTest(c.name() + " (text input)", () -> checkAsText(c)));
            }
        }
        return tests.stream();
    }

    /** Every input value as text (missing as null), as an HTTP client might send it; outputs must not change. */
    public static void checkAsText(Parity.Case c) throws Exception {
        Model model = Models.load(c.model(), TrustPolicy.trusting(c.untrusted()));
        Frame x = asText(c.x());
        for (Map.Entry<Method, Parity.Expected> e : c.outputs().entrySet()) {
            Parity.compare(c.name() + " (text)." + e.getKey().pythonName(), e.getValue(), model.run(e.getKey(), x));
        }
    }

    public static Frame asText(Frame f) {
        List<Column> cols = new ArrayList<>();
        for (Column c : f.columns()) {
            String[] s = new String[c.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = c.isMissing(i) ? null : c.text(i);
            }
            cols.add(new StringColumn(s));
        }
        Frame out = Frame.of(f.names(), cols);
        return f.isPositional() ? out.positional() : out;
    }

    /** A case by name. */
    public static Parity.Case named(List<Parity.Case> cases, String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
