package dev.skiff.runtime.tree;

import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.ObjectNode;
import dev.skiff.format.node.TupleNode;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.data.Float64Column;
import dev.skiff.runtime.data.Int64Column;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.Output;
import dev.skiff.runtime.dummy.DummyClassifier;
import dev.skiff.runtime.dummy.DummyRegressor;
import dev.skiff.runtime.estimator.Estimator;
import dev.skiff.runtime.estimator.Inputs;
import dev.skiff.runtime.estimator.Method;
import dev.skiff.runtime.math.Links;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GradientBoostingClassifier} / {@code GradientBoostingRegressor}: raw = the init estimator's raw
 * prediction ({@code _raw_predict_init}: the prior or constant mapped through the loss link, zeros for
 * {@code init="zero"}, or any registered estimator applied to the float32 X) plus, stage by stage,
 * {@code learning_rate * tree value}, as {@code predict_stages} adds it. NaN routes right there (no
 * missing-value support) and the input must be finite, as scikit-learn validates it.
 */
final class GradientBoosting implements Estimator {
    private static final double EPS = Math.ulp(1.0);
    /** scikit-learn < 1.1 ({@code loss_} objects) clipped with float32's eps. */
    private static final double LEGACY_EPS = Math.ulp(1.0f);

    private final String pythonClass;
    private final boolean classifier;
    private final Column classes;
    private final int k;
    private final Raw.Link link;
    private final boolean legacyInit;
    private final FlatForest forest;
    private final double[] initRaw;       // constant init row, or null
    private final Estimator initEstimator; // when init_ is not constant
    private final int nFeatures;
    private final List<String> featureNames;

    private GradientBoosting(String pythonClass, boolean classifier, Column classes, int k, Raw.Link link,
                             boolean legacyInit, FlatForest forest, double[] initRaw, Estimator initEstimator,
                             int nFeatures, List<String> featureNames) {
        this.pythonClass = pythonClass;
        this.classifier = classifier;
        this.classes = classes;
        this.k = k;
        this.link = link;
        this.legacyInit = legacyInit;
        this.forest = forest;
        this.initRaw = initRaw;
        this.initEstimator = initEstimator;
        this.nFeatures = nFeatures;
        this.featureNames = featureNames;
    }

    static GradientBoosting build(Attrs a, BuildContext ctx) throws ModelBuildException {
        boolean classifier = a.pythonClass().endsWith("Classifier");
        int nFeatures = Labels.nFeatures(a);
        if (nFeatures < 1) {
            throw a.error("n_features_in_", "is missing (was the estimator fitted?)");
        }
        Column classes = classifier ? a.labels("classes_") : null;
        int k = 1;
        if (classifier) {
            k = classes.size() <= 2 ? 1 : classes.size();
        }
        if (a.has("n_trees_per_iteration_") && a.integer("n_trees_per_iteration_") != k) {
            throw a.error("n_trees_per_iteration_", "is " + a.integer("n_trees_per_iteration_") + ", expected " + k);
        }
        Raw.Link link = link(a, classifier, k);
        boolean legacyInit = !a.has("_loss") && a.has("loss_");
        double lr = a.number("learning_rate");
        FlatForest.Builder b = new FlatForest.Builder(1).nanGoesRight();
        List<Node> stages = a.list("estimators_");
        if (stages.isEmpty()) {
            throw a.error("estimators_", "is empty");
        }
        for (int i = 0; i < stages.size(); i++) {
            String p = a.pathOf("estimators_") + "[" + i + "]";
            List<Node> row = switch (stages.get(i)) {
                case ListNode l -> l.items();
                case TupleNode t -> t.items();
                case ObjectNode o -> List.of(o);
                default -> throw new ModelBuildException(p + ": expected a row of trees, found " + stages.get(i).typeName());
            };
            if (row.size() != k) {
                throw new ModelBuildException(p + ": expected " + k + " trees per stage, found " + row.size());
            }
            for (int j = 0; j < k; j++) {
                String tp = p + "[" + j + "]";
                if (!(row.get(j) instanceof ObjectNode o)) {
                    throw new ModelBuildException(tp + ": expected a DecisionTreeRegressor, found " + row.get(j).typeName());
                }
                Attrs t = new Attrs(o, tp);
                SkTree tree = SkTree.read(t.node("tree_"), t.pathOf("tree_"), nFeatures);
                if (tree.nOutputs() != 1 || tree.maxNClasses() != 1) {
                    throw new ModelBuildException(tree.path() + ": a boosting stage must be a single-output regression tree");
                }
                b.add(tree, j, null, (node, out, off) -> out[off] = lr * tree.value(node, 0, 0));
            }
        }
        double[] initRaw = null;
        Estimator init = null;
        Node initNode = a.node("init_");
        if (initNode instanceof JsonNode) {
            if (!"zero".equals(a.value("init_"))) {
                throw a.error("init_", "is " + a.value("init_") + ", expected \"zero\" or an estimator");
            }
            initRaw = new double[k];
        } else {
            init = ctx.build(a, "init_");
            double[] row = switch (init) {
                case DummyClassifier d when classifier -> d.constantProba();
                case DummyRegressor d when !classifier -> d.constantPrediction();
                default -> null;
            };
            if (row != null) {
                int expected = classifier ? classes.size() : 1;
                if (row.length != expected) {
                    throw a.error("init_", "predicts " + row.length + " values, expected " + expected);
                }
                initRaw = new double[k];
                initRow(row, 0, initRaw, 0, classifier, k, link, legacyInit);
                init = null;
            } else if (classifier && !init.methods().contains(Method.PREDICT_PROBA)) {
                throw a.error("init_", init.pythonClass() + " has no predict_proba");
            }
        }
        return new GradientBoosting(a.pythonClass(), classifier, classes, k, link, legacyInit, b.build(), initRaw,
                init, nFeatures, Labels.featureNames(a));
    }

    private static Raw.Link link(Attrs a, boolean classifier, int k) throws ModelBuildException {
        if (a.has("_loss") && a.node("_loss") instanceof ObjectNode loss && loss.attr("link") instanceof ObjectNode l) {
            Raw.Link link = Raw.Link.ofClass(l.className());
            if (link != null) {
                return link;
            }
            throw a.error("_loss", "has an unsupported link " + l.typeName());
        }
        String loss = a.string("loss");
        return switch (loss) {
            case "log_loss", "deviance" -> k == 1 ? Raw.Link.LOGIT : Raw.Link.MULTINOMIAL;
            case "exponential" -> Raw.Link.HALF_LOGIT;
            case "squared_error", "ls", "absolute_error", "lad", "huber", "quantile" -> Raw.Link.IDENTITY;
            default -> throw a.error("loss", "\"" + loss + "\" is not supported");
        };
    }

    /**
     * {@code _init_raw_predictions} for one row: classifiers take predict_proba (column 1 when binary), clip
     * it to [eps, 1 - eps] and apply the link; regressors take predict through the (identity) link.
     */
    private static void initRow(double[] pred, int po, double[] raw, int ro, boolean classifier, int k,
                                Raw.Link link, boolean legacy) {
        if (!classifier) {
            raw[ro] = pred[po];
            return;
        }
        if (k == 1) {
            double p = clip(pred[po + 1], legacy);
            double logit = legacy ? Math.log(p / (1 - p)) : Links.logit(p);
            raw[ro] = link == Raw.Link.HALF_LOGIT ? 0.5 * logit : logit;
            return;
        }
        double[] logs = new double[k];
        for (int j = 0; j < k; j++) {
            logs[j] = Math.log(clip(pred[po + j], legacy));
        }
        if (legacy) {
            System.arraycopy(logs, 0, raw, ro, k);
            return;
        }
        double gm = Math.exp(Links.pairwiseSum(logs, 0, k) / k);
        for (int j = 0; j < k; j++) {
            raw[ro + j] = Math.log(clip(pred[po + j], false) / gm);
        }
    }

    private static double clip(double p, boolean legacy) {
        double eps = legacy ? LEGACY_EPS : EPS;
        return Math.min(Math.max(p, eps), 1 - eps);
    }

    /** The raw predictions, n × K. */
    private double[] raw(Data x) {
        Float32Rows rows = Float32Rows.of(Inputs.numeric(x, this), Float32Rows.Finite.ALL_FINITE,
                Inputs.shortName(this));
        int n = rows.rows();
        double[] raw = new double[Math.multiplyExact(n, k)];
        if (initRaw != null) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(initRaw, 0, raw, i * k, k);
            }
        } else {
            initFromEstimator(rows, raw);
        }
        forest.accumulate(rows, raw, k);
        return raw;
    }

    private void initFromEstimator(Float32Rows rows, double[] raw) {
        Matrix xm = rows.toMatrix();
        int n = rows.rows();
        if (classifier) {
            Matrix p = initEstimator.predictProba(xm);
            for (int i = 0; i < n; i++) {
                initRow(p.data(), i * p.cols(), raw, i * k, true, k, link, legacyInit);
            }
            return;
        }
        double[] v = switch (initEstimator.predict(xm)) {
            case Float64Column c -> c.values();
            case Int64Column c -> {
                double[] d = new double[c.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = c.values()[i];
                }
                yield d;
            }
            case Matrix m when m.cols() == 1 -> m.data();
            default -> throw new UnsupportedOperationException(pythonClass + ": init_ "
                    + initEstimator.pythonClass() + " must predict one number per row");
        };
        System.arraycopy(v, 0, raw, 0, n);
    }

    @Override
    public String pythonClass() {
        return pythonClass;
    }

    @Override
    public Set<Method> methods() {
        return classifier ? EnumSet.of(Method.PREDICT, Method.PREDICT_PROBA, Method.DECISION_FUNCTION)
                : EnumSet.of(Method.PREDICT);
    }

    @Override
    public Output predict(Data x) {
        double[] raw = raw(x);
        if (!classifier) {
            return new Float64Column(raw);
        }
        return k == 1 ? Raw.thresholdLabels(raw, true, classes) : Raw.argmaxLabels(raw, raw.length / k, k, classes);
    }

    @Override
    public Matrix predictProba(Data x) {
        if (!classifier) {
            throw unsupported(Method.PREDICT_PROBA);
        }
        double[] raw = raw(x);
        return k == 1 ? Raw.binaryProba(raw, link) : Raw.softmax(raw, raw.length / k, k);
    }

    @Override
    public Matrix decisionFunction(Data x) {
        if (!classifier) {
            throw unsupported(Method.DECISION_FUNCTION);
        }
        double[] raw = raw(x);
        return new Matrix(raw, raw.length / k, k);
    }

    @Override
    public Column classes() {
        return classes;
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
