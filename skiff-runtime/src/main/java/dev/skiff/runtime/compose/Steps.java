package dev.skiff.runtime.compose;

import dev.skiff.format.json.JsonSyntaxException;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.Paths;
import dev.skiff.format.node.TupleNode;
import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.estimator.Estimator;

import java.util.ArrayList;
import java.util.List;

/** Reading {@code [(name, estimator), ...]} step lists, where a step may also be "passthrough", "drop" or None. */
final class Steps {
    private Steps() {
    }

    /** A named step; {@code estimator} is null for passthrough/None and {@code drop} marks "drop". */
    record Step(String name, Estimator estimator, boolean drop, Node rest) {
        boolean passthrough() {
            return estimator == null && !drop;
        }
    }

    static List<Step> read(Node list, String path, BuildContext ctx) throws ModelBuildException {
        List<Node> items = items(list, path);
        List<Step> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String p = path + Paths.index(i);
            List<Node> tuple = items(items.get(i), p);
            if (tuple.size() < 2) {
                throw new ModelBuildException(p + ": a step must be (name, estimator, ...)");
            }
            String name = text(tuple.get(0), p + "[0]");
            Node est = tuple.get(1);
            Node rest = tuple.size() > 2 ? tuple.get(2) : null;
            if (est instanceof JsonNode j) {
                Object v = value(j, p + "[1]");
                if (v == null || "passthrough".equals(v)) {
                    out.add(new Step(name, null, false, rest));
                } else if ("drop".equals(v)) {
                    out.add(new Step(name, null, true, rest));
                } else {
                    throw new ModelBuildException(p + "[1]: unexpected step " + j.json());
                }
            } else {
                out.add(new Step(name, ctx.build(est, p + "[1]"), false, rest));
            }
        }
        return out;
    }

    static List<Node> items(Node n, String path) throws ModelBuildException {
        return switch (n) {
            case ListNode l -> l.items();
            case TupleNode t -> t.items();
            default -> throw new ModelBuildException(path + ": expected a list or tuple, found " + n.typeName());
        };
    }

    static String text(Node n, String path) throws ModelBuildException {
        if (n instanceof JsonNode j && value(j, path) instanceof String s) {
            return s;
        }
        throw new ModelBuildException(path + ": expected a string, found " + n.typeName());
    }

    static Object value(JsonNode j, String path) throws ModelBuildException {
        try {
            return j.value();
        } catch (JsonSyntaxException e) {
            throw new ModelBuildException(path + ": " + e.getMessage());
        }
    }
}
