package dev.skiff.runtime.preprocessing;

import dev.skiff.format.node.DictNode;
import dev.skiff.format.node.FunctionNode;
import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.PartialNode;
import dev.skiff.format.node.TupleNode;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.ModelInputException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Inputs;
import dev.skiff.runtime.estimator.Method;
import dev.skiff.runtime.linear.Fitted;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * {@code sklearn.preprocessing.FunctionTransformer}: {@code func(X, **kw_args)} for the functions Skiff knows
 * (see {@link Ufuncs}): numpy/scipy element-wise ufuncs without arguments, {@code np.clip} with scalar or
 * per-feature bounds, {@code np.round}/{@code np.around} with {@code decimals}, each also behind a
 * {@code functools.partial} that only binds keywords. {@code func=None} is the identity (with
 * {@code validate=False} the input comes back as it is, strings included). {@code feature_names_out},
 * {@code inverse_func} and {@code check_inverse} play no part in {@code transform}. Any other function is a
 * {@link ModelBuildException} naming it and its place in the model. Immutable and thread-safe.
 */
public final class FunctionTransformer implements Estimator {
    private static final Set<Method> METHODS = EnumSet.of(Method.TRANSFORM);

    private final Fitted fit;
    private final boolean validate;
    private final String funcName;          // null: identity
    private final DoubleUnaryOperator op;   // element-wise function, or null
    private final double[] lo;              // clip bounds (1 or m values), null: unbounded
    private final double[] hi;

    private FunctionTransformer(Fitted fit, boolean validate, String funcName, DoubleUnaryOperator op, double[] lo,
                                double[] hi) {
        this.fit = fit;
        this.validate = validate;
        this.funcName = funcName;
        this.op = op;
        this.lo = lo;
        this.hi = hi;
    }

    static FunctionTransformer build(Attrs a, BuildContext ctx) throws ModelBuildException {
        Fitted fit = Fitted.read(a);
        boolean validate = a.bool("validate", false);
        if (a.isNone("func")) {
            return new FunctionTransformer(fit, validate, null, null, null, null);
        }
        Node func = a.node("func");
        String funcPath = a.pathOf("func");
        Map<String, Node> kwargs = new LinkedHashMap<>();
        if (func instanceof PartialNode p) {
            List<Node> args = p.args() instanceof TupleNode t ? t.items()
                    : p.args() instanceof ListNode l ? l.items() : List.of();
            if (!args.isEmpty()) {
                throw new ModelBuildException(funcPath + ": functools.partial with positional arguments is not "
                        + "supported (only keywords)");
            }
            if (p.kwds() instanceof DictNode d) {
                kwargs.putAll(d.asMap());
            }
            funcPath = funcPath + ".func";
            func = p.func();
        }
        if (!a.isNone("kw_args")) {
            if (!(a.node("kw_args") instanceof DictNode d)) {
                throw a.error("kw_args", "is a " + a.node("kw_args").typeName() + ", expected a dict");
            }
            kwargs.putAll(d.asMap());
        }
        if (!(func instanceof FunctionNode fn)) {
            throw new ModelBuildException(funcPath + ": FunctionTransformer func " + func.typeName()
                    + " is not supported; Skiff runs " + Ufuncs.supported());
        }
        String module = fn.module();
        String name = fn.className();
        String qualified = module + "." + name;
        boolean numpy = module.equals("numpy") || module.startsWith("numpy.");
        if (numpy && name.equals("clip")) {
            double[] lo = bound(kwargs, "a_min", "min", fit.nFeatures(), funcPath);
            double[] hi = bound(kwargs, "a_max", "max", fit.nFeatures(), funcPath);
            rejectRest(kwargs, qualified, funcPath);
            return new FunctionTransformer(fit, validate, qualified, null, lo, hi);
        }
        if (numpy && (name.equals("round") || name.equals("around") || name.equals("round_"))) {
            Node d = kwargs.remove("decimals");
            int decimals = 0;
            if (d != null) {
                double v = Ufuncs.number(d, funcPath + "(decimals)");
                if (v != Math.rint(v) || Math.abs(v) > 22) {
                    throw new ModelBuildException(funcPath + ": " + qualified + " with decimals=" + v
                            + " is not supported (integers in [-22, 22])");
                }
                decimals = (int) v;
            }
            rejectRest(kwargs, qualified, funcPath);
            return new FunctionTransformer(fit, validate, qualified, Ufuncs.round(decimals), null, null);
        }
        DoubleUnaryOperator op = Ufuncs.lookup(module, name);
        if (op == null) {
            throw new ModelBuildException(funcPath + ": FunctionTransformer function " + qualified
                    + " is not supported; Skiff runs " + Ufuncs.supported());
        }
        rejectRest(kwargs, qualified, funcPath);
        return new FunctionTransformer(fit, validate, qualified, op, null, null);
    }

    private static double[] bound(Map<String, Node> kwargs, String name, String alias, int m, String path)
            throws ModelBuildException {
        Node v = kwargs.remove(name);
        Node w = kwargs.remove(alias);
        if (v != null && w != null) {
            throw new ModelBuildException(path + ": np.clip got both " + name + " and " + alias);
        }
        Node n = v != null ? v : w;
        if (n == null) {
            return null;
        }
        double[] b = Ufuncs.numbers(n, path + "(" + (v != null ? name : alias) + ")");
        if (b != null && b.length != 1 && m >= 0 && b.length != m) {
            throw new ModelBuildException(path + ": np.clip bound " + name + " has " + b.length + " values for "
                    + m + " features");
        }
        return b;
    }

    private static void rejectRest(Map<String, Node> kwargs, String qualified, String path) throws ModelBuildException {
        if (!kwargs.isEmpty()) {
            throw new ModelBuildException(path + ": " + qualified + " with keyword argument(s) " + kwargs.keySet()
                    + " is not supported");
        }
    }

    @Override
    public String pythonClass() {
        return fit.pythonClass();
    }

    @Override
    public Set<Method> methods() {
        return METHODS;
    }

    /** The function's Python name ({@code numpy.log1p}), or null for the identity. */
    public String functionName() {
        return funcName;
    }

    @Override
    public Data transform(Data x) {
        if (funcName == null) {
            return validate ? Inputs.numeric(x, this) : x;
        }
        Matrix in = Inputs.numeric(x, this);
        double[] src = in.data();
        double[] out = new double[src.length];
        if (op != null) {
            DoubleUnaryOperator f = op;
            for (int i = 0; i < src.length; i++) {
                out[i] = f.applyAsDouble(src[i]);
            }
        } else {
            int m = in.cols();
            checkWidth(lo, m);
            checkWidth(hi, m);
            for (int i = 0, o = 0; i < in.rows(); i++, o += m) {
                for (int j = 0; j < m; j++) {
                    double v = src[o + j];
                    if (lo != null) {
                        v = Math.max(v, lo.length == 1 ? lo[0] : lo[j]);
                    }
                    if (hi != null) {
                        v = Math.min(v, hi.length == 1 ? hi[0] : hi[j]);
                    }
                    out[o + j] = v;
                }
            }
        }
        return new Matrix(out, in.rows(), in.cols());
    }

    private static void checkWidth(double[] b, int m) {
        if (b != null && b.length != 1 && b.length != m) {
            throw new ModelInputException("np.clip bounds have " + b.length + " values, the input has " + m
                    + " columns");
        }
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
