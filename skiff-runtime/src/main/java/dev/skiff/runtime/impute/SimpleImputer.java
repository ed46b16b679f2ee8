package dev.skiff.runtime.impute;

import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.Node;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.ModelInputException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.BoolColumn;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.StringColumn;
import dev.skiff.runtime.encode.PyObjects;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Inputs;
import dev.skiff.runtime.estimator.Method;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sklearn.impute.SimpleImputer}: replaces missing values ({@code missing_values}) by the fitted
 * {@code statistics_} (mean, median, most frequent or constant). Features without a statistic (NaN, i.e.
 * never observed in fit) are dropped unless {@code keep_empty_features}; {@code add_indicator} appends the
 * {@code indicator_} (a {@link MissingIndicator}) columns.
 *
 * <p>The output type follows scikit-learn's array dtype: fitted on numbers, the input is read as numbers
 * (text parsed) and a matrix comes out, or a frame of integer columns when the imputer was fitted on integers
 * and the input is all integers; fitted on object data (strings), each column keeps its type and a frame
 * comes out.
 */
public final class SimpleImputer implements Estimator {
    public static final String CLASS = "sklearn.impute._base.SimpleImputer";

    private final MissingValue missing;
    private final Object[] statistics; // per feature: Double / Long / String / Boolean; NaN = no statistic
    private final boolean[] keep; // features kept in the output
    private final int nKept;
    private final char fitKind; // 'f', 'i', 'u' or 'O'
    private final char fillKind;
    private final boolean numericStrategy; // mean, median or a callable: always float
    private final MissingIndicator indicator;
    private final List<String> featureNames;
    private final int nFeatures;

    private SimpleImputer(Attrs a, BuildContext ctx) throws ModelBuildException {
        this.missing = MissingValue.read(a);
        Node strategy = a.node("strategy");
        String s = strategy instanceof JsonNode && a.value("strategy") instanceof String str ? str : "callable";
        this.numericStrategy = !(s.equals("most_frequent") || s.equals("constant"));
        List<Object> stats = PyObjects.scalars(a.node("statistics_"), a.pathOf("statistics_"));
        this.statistics = stats.toArray();
        // files from before _fit_dtype: text statistics mean object data (not an object array alone: a constant
        // fill keeps statistics_ an object array even on numbers)
        this.fitKind = a.has("_fit_dtype") ? PyObjects.dtypeKind(a.node("_fit_dtype"), a.pathOf("_fit_dtype"))
                : !numericStrategy && stats.stream().anyMatch(v -> v instanceof String) ? 'O' : 'f';
        this.fillKind = a.has("_fill_dtype") ? PyObjects.dtypeKind(a.node("_fill_dtype"), a.pathOf("_fill_dtype"))
                : fitKind;
        if ("fiuO".indexOf(fitKind) < 0) {
            throw a.error("_fit_dtype", "is of kind '" + fitKind + "', expected numbers or objects");
        }
        boolean keepEmpty = a.bool("keep_empty_features", false);
        int m = statistics.length;
        this.keep = new boolean[m];
        int kept = 0;
        for (int j = 0; j < m; j++) {
            Object st = statistics[j];
            keep[j] = keepEmpty || !PyObjects.isNaN(st);
            if (keep[j]) {
                kept++;
                statistics[j] = cast(st, a, j);
            }
        }
        this.nKept = kept;
        this.featureNames = PyObjects.featureNames(a);
        int n = PyObjects.nFeatures(a);
        this.nFeatures = n >= 0 ? n : m;
        if (nFeatures != m) {
            throw a.error("statistics_", "has " + m + " values for " + nFeatures + " features");
        }
        if (a.bool("add_indicator", false) && !a.isNone("indicator_")) {
            Estimator ind = ctx.build(a, "indicator_");
            if (!(ind instanceof MissingIndicator mi)) {
                throw a.error("indicator_", "is a " + ind.pythonClass() + ", expected a MissingIndicator");
            }
            if (mi.nFeatures() != m) {
                throw a.error("indicator_", "was fitted on " + mi.nFeatures() + " features, the imputer on " + m);
            }
            this.indicator = mi;
        } else {
            this.indicator = null;
        }
    }

    /** {@code statistics.astype(self._fill_dtype)}. */
    private Object cast(Object st, Attrs a, int j) throws ModelBuildException {
        switch (fillKind) {
            case 'f' -> {
                if (st instanceof Number x) {
                    return x.doubleValue();
                }
                if (st instanceof Boolean b) {
                    return b ? 1.0 : 0.0;
                }
                throw a.error("statistics_", "[" + j + "] is " + PyObjects.repr(st) + ", expected a number");
            }
            case 'i', 'u' -> {
                if (st instanceof Number x) {
                    double d = x.doubleValue();
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        throw a.error("statistics_", "[" + j + "] is " + PyObjects.str(st)
                                + ", which an integer array cannot hold");
                    }
                    return x instanceof Long ? x : (long) d; // numpy truncates toward zero
                }
                if (st instanceof Boolean b) {
                    return b ? 1L : 0L;
                }
                throw a.error("statistics_", "[" + j + "] is " + PyObjects.repr(st) + ", expected a number");
            }
            default -> {
                return st;
            }
        }
    }

    static Estimator build(Attrs a, BuildContext ctx) throws ModelBuildException {
        return new SimpleImputer(a, ctx);
    }

    @Override
    public Data transform(Data x) {
        if (x.cols() != nFeatures) {
            throw new ModelInputException("SimpleImputer expects " + nFeatures + " features, got " + x.cols());
        }
        if (fitKind == 'O' && !numericStrategy) {
            return objects(Inputs.frame(x));
        }
        if (fitKind != 'f' && !numericStrategy && x instanceof Frame f && allIntegers(f)) {
            return integers(f);
        }
        return numbers(Inputs.numeric(x, this));
    }

    private static boolean allIntegers(Frame f) {
        for (Column c : f.columns()) {
            if (!(c instanceof Int64Column l && l.missing() == null)) {
                return false;
            }
        }
        return true;
    }

    /** Float input: a matrix out. */
    private Matrix numbers(Matrix x) {
        int n = x.rows();
        int m = nFeatures;
        double[] in = x.data();
        boolean[] mask = new boolean[n * m];
        for (int k = 0; k < mask.length; k++) {
            mask[k] = missing.matches(in[k]);
        }
        int[] ind = indicator == null ? new int[0] : indicator.selected();
        int width = nKept + ind.length;
        double[] out = new double[Math.multiplyExact(n, width)];
        for (int i = 0; i < n; i++) {
            int o = i * width;
            for (int j = 0; j < m; j++) {
                if (keep[j]) {
                    int k = i * m + j;
                    out[o++] = mask[k] ? ((Number) statistics[j]).doubleValue() : in[k];
                }
            }
            for (int f : ind) {
                out[o++] = mask[i * m + f] ? 1.0 : 0.0;
            }
        }
        return new Matrix(out, n, width);
    }

    /** Integer input and an integer fit: integer columns out (indicator columns as 0/1 integers). */
    private Frame integers(Frame f) {
        int n = f.rows();
        int m = nFeatures;
        boolean[] mask = new boolean[n * m];
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            long[] v = ((Int64Column) f.column(j)).values();
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                mask[i * m + j] = missing.matches(v[i]);
                out[i] = mask[i * m + j] && keep[j] ? ((Number) statistics[j]).longValue() : v[i];
            }
            if (keep[j]) {
                cols.add(new Int64Column(out));
            }
        }
        if (indicator != null) {
            for (Column c : indicator.fromMask(mask, n)) {
                boolean[] b = ((BoolColumn) c).values();
                long[] l = new long[n];
                for (int i = 0; i < n; i++) {
                    l[i] = b[i] ? 1 : 0;
                }
                cols.add(new Int64Column(l));
            }
        }
        return positional(cols);
    }

    /** Object input (strings): each column keeps its values' types; a frame out. */
    private Frame objects(Frame f) {
        int n = f.rows();
        int m = nFeatures;
        boolean[] mask = new boolean[n * m];
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            Column c = f.column(j);
            Object[] vals = new Object[n];
            // fitted on strings: numbers a CSV typed keep their spelling (02139 stays "02139")
            boolean asText = statistics[j] instanceof String && !(c instanceof StringColumn);
            for (int i = 0; i < n; i++) {
                boolean miss = missing.matches(c, i);
                mask[i * m + j] = miss;
                vals[i] = miss && keep[j] ? statistics[j] : asText && !c.isMissing(i) ? c.sourceText(i) : cell(c, i);
            }
            if (keep[j]) {
                cols.add(columnOf(vals, c));
            }
        }
        if (indicator != null) {
            cols.addAll(indicator.fromMask(mask, n));
        }
        return positional(cols);
    }

    private static Object cell(Column c, int i) {
        if (c.isMissing(i)) {
            return Double.NaN;
        }
        return c.get(i);
    }

    /** A column holding these Python objects: typed when they share a type, else their text. */
    static Column columnOf(Object[] vals, Column original) {
        boolean strings = true;
        boolean doubles = true;
        boolean longs = true;
        boolean bools = true;
        for (Object v : vals) {
            boolean nan = PyObjects.isNaN(v);
            strings &= nan || v instanceof String;
            doubles &= v instanceof Double;
            longs &= v instanceof Long;
            bools &= v instanceof Boolean;
        }
        int n = vals.length;
        if (longs) {
            long[] l = new long[n];
            for (int i = 0; i < n; i++) {
                l[i] = (Long) vals[i];
            }
            return new Int64Column(l);
        }
        if (doubles && !(original instanceof StringColumn)) {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = (Double) vals[i];
            }
            return new Float64Column(d);
        }
        if (bools) {
            boolean[] b = new boolean[n];
            for (int i = 0; i < n; i++) {
                b[i] = (Boolean) vals[i];
            }
            return new BoolColumn(b);
        }
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            Object v = vals[i];
            s[i] = PyObjects.isNaN(v) ? null : strings ? (String) v : PyObjects.str(v);
        }
        return new StringColumn(s);
    }

    private static Frame positional(List<Column> cols) {
        List<String> names = new ArrayList<>(cols.size());
        for (int j = 0; j < cols.size(); j++) {
            names.add("x" + j);
        }
        return Frame.of(names, cols).positional();
    }

    @Override
    public String pythonClass() {
        return CLASS;
    }

    @Override
    public Set<Method> methods() {
        return EnumSet.of(Method.TRANSFORM);
    }

    @Override
    public List<String> featureNamesIn() {
        return featureNames;
    }

    @Override
    public int nFeaturesIn() {
        return nFeatures;
    }
}
