package dev.skiff.client.folder;

import dev.skiff.format.Skops;
import dev.skiff.format.SkopsFile;
import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.TrustedSkops;
import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.format.audit.UntrustedTypesException;
import dev.skiff.format.json.JsonSyntaxException;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.NdArrayNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.ObjectArrayNode;
import dev.skiff.format.node.ObjectNode;
import dev.skiff.runtime.Model;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.Models;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a repo folder needs to know about an audited {@code .skops} model: its class, input features, the versions
 * that wrote it, the types the caller had to trust, and (when the native runtime supports the estimator) a
 * {@link Model} to try the example rows on.
 *
 * @param estimatorClass the root's Python class, e.g. {@code sklearn.pipeline.Pipeline}
 * @param featureNames   {@code feature_names_in_} (fitted on a DataFrame), else null
 * @param nFeatures      {@code n_features_in_}, or -1 when the file does not tell
 * @param sklearnVersion the scikit-learn version that fitted it ({@code _sklearn_version}), or null
 * @param skopsVersion   the skops version the file says wrote it, or null
 * @param trustedTypes   types outside skops' default trust that the caller trusted, sorted
 * @param model          the model on the JVM, or null when the runtime does not support it
 */
record ModelFacts(String estimatorClass, List<String> featureNames, int nFeatures, String sklearnVersion,
                  String skopsVersion, List<String> trustedTypes, Model model) {

    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+!_-]{0,63}");

    /**
     * Reads and audits {@code file}.
     *
     * @throws UntrustedTypesException when it holds types that are neither trusted by default nor in {@code trust}
     */
    static ModelFacts read(Path file, Collection<String> trust) throws SkopsFormatException, UntrustedTypesException {
        SkopsFile skops = Skops.read(file);
        TrustedSkops trusted = Skops.trust(skops, TrustPolicy.trusting(trust));
        List<String> types = new ArrayList<>(trusted.trustedByCaller().typeNames());
        Collections.sort(types);
        Model model;
        try {
            model = Models.build(trusted);
        } catch (ModelBuildException | RuntimeException e) {
            model = null; // not runnable on the JVM (yet): the folder is still valid, facts come from the tree
        }
        Node root = skops.root();
        List<String> names = model != null ? model.featureNamesIn().orElse(null) : null;
        int n = model != null ? model.nFeaturesIn() : -1;
        if (names == null) {
            names = first(root, ModelFacts::featureNames);
        }
        if (n < 0) {
            Integer fromTree = first(root, ModelFacts::nFeatures);
            n = fromTree != null ? fromTree : names != null ? names.size() : -1;
        }
        String sklearn = first(root, ModelFacts::sklearnVersion);
        String skopsVersion = skops.skopsVersion();
        return new ModelFacts(root.typeName(), names == null ? null : List.copyOf(names), n,
                sklearn != null && VERSION.matcher(sklearn).matches() ? sklearn : null,
                skopsVersion != null && VERSION.matcher(skopsVersion).matches() ? skopsVersion : null,
                List.copyOf(types), model);
    }

    /** The first non-null {@code probe} result over the objects of the tree, depth first from the root. */
    private static <T> T first(Node root, Function<ObjectNode, T> probe) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            if (node == null || !seen.add(node)) {
                continue;
            }
            if (node instanceof ObjectNode o) {
                T found = probe.apply(o);
                if (found != null) {
                    return found;
                }
            }
            List<Node.Child> children = node.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(children.get(i).node());
            }
        }
        return null;
    }

    private static List<String> featureNames(ObjectNode o) {
        Node v = o.attr("feature_names_in_");
        List<String> out = new ArrayList<>();
        if (v instanceof ObjectArrayNode a) {
            for (Node item : a.items()) {
                if (!(item instanceof JsonNode j) || !(value(j) instanceof String s)) {
                    return null;
                }
                out.add(s);
            }
            return out;
        }
        if (v instanceof NdArrayNode a && a.array().ndim() == 1) {
            try {
                for (long i = 0; i < a.array().size(); i++) {
                    out.add(a.array().getString(i));
                }
                return out;
            } catch (RuntimeException e) {
                return null; // not a string array
            }
        }
        return null;
    }

    private static Integer nFeatures(ObjectNode o) {
        Node v = o.attr("n_features_in_");
        if (v instanceof JsonNode j && value(j) instanceof Long l && l >= 0 && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        if (v instanceof NdArrayNode a && a.isScalar()) {
            try {
                long l = a.array().getLong(0);
                return l >= 0 && l <= Integer.MAX_VALUE ? (int) l : null;
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static String sklearnVersion(ObjectNode o) {
        return o.attr("_sklearn_version") instanceof JsonNode j && value(j) instanceof String s ? s : null;
    }

    private static Object value(JsonNode j) {
        try {
            return j.value();
        } catch (JsonSyntaxException e) {
            return null;
        }
    }
}
