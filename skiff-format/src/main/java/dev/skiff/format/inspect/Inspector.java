package dev.skiff.format.inspect;

import dev.skiff.format.SkopsFile;
import dev.skiff.format.audit.Audit;
import dev.skiff.format.audit.AuditReport;
import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.format.node.*;
import dev.skiff.format.npy.NpyArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a node tree into the view a person reviews before trusting a file: one line per node with its
 * type, untrusted nodes marked, arrays with dtype, shape and size. Dict plumbing ({@code key_types},
 * an object's attribute dict) is folded away as skops' {@code visualize} does.
 */
public final class Inspector {
    private final Map<Node, List<String>> untrusted;
    private final Map<Node, String> firstPath = new IdentityHashMap<>();

    private Inspector(Map<Node, List<String>> untrusted) {
        this.untrusted = untrusted;
    }

    /** The tree of {@code file} as judged by {@code policy}. */
    public static InspectNode inspect(SkopsFile file, TrustPolicy policy) {
        Inspector i = new Inspector(Audit.perNode(file.root(), policy));
        return i.view(Paths.ROOT, Paths.ROOT, file.root());
    }

    public static AuditReport audit(SkopsFile file, TrustPolicy policy) {
        return Audit.run(file.root(), policy);
    }

    private InspectNode view(String label, String path, Node node) {
        String seenAt = firstPath.putIfAbsent(node, path);
        List<String> bad = new ArrayList<>(untrusted.getOrDefault(node, List.of()));
        if (seenAt != null && !node.children().isEmpty()) {
            return new InspectNode(label, path, describe(node), node.loader(), bad, List.of(), seenAt);
        }
        List<InspectNode> kids = new ArrayList<>();
        for (Node.Child c : visibleChildren(node, bad)) {
            String seg = c.segment();
            kids.add(view(labelOf(seg), path + seg, c.node()));
        }
        return new InspectNode(label, path, describe(node), node.loader(), bad, kids, null);
    }

    /** Children shown to a person: no key_types, and an object's trusted attribute dict folded into the object. */
    private List<Node.Child> visibleChildren(Node node, List<String> badOfParent) {
        List<Node.Child> out = new ArrayList<>();
        for (Node.Child c : node.children()) {
            if (c.segment().equals(".key_types")) {
                continue;
            }
            Node child = c.node();
            boolean foldable = child instanceof DictNode d && !untrusted.containsKey(d) && !firstPath.containsKey(d)
                    && (c.segment().isEmpty() || c.segment().equals(".__getstate__"));
            if (foldable) {
                out.addAll(visibleChildren(child, badOfParent));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private static String labelOf(String segment) {
        if (segment.startsWith(".")) {
            return segment.substring(1);
        }
        return segment.isEmpty() ? "attrs" : segment;
    }

    /** One line's worth of description of a node. */
    static String describe(Node node) {
        return switch (node) {
            case JsonNode n -> "json-type(" + n.json() + ")";
            case NdArrayNode n -> n.typeName() + " " + arrayInfo(n.array());
            case SparseMatrixNode n -> n.typeName() + " " + sparseInfo(n);
            case BytesNode n -> n.typeName() + " (" + n.length() + " bytes)";
            case BytearrayNode n -> n.typeName() + " (" + n.length() + " bytes)";
            case SliceNode n -> "slice(" + n.start() + ", " + n.stop() + ", " + n.step() + ")";
            case MethodNode n -> n.methodName() + " (bound method)";
            case FunctionNode n -> n.typeName() + " (function)";
            case TypeNode n -> n.typeName() + " (type)";
            case RandomGeneratorNode n -> n.typeName() + " (" + n.bitGeneratorName() + ")";
            default -> node.typeName();
        };
    }

    static String arrayInfo(NpyArray a) {
        long bytes = a.size() * a.dtype().itemSize();
        String dtype = a.dtype() instanceof dev.skiff.format.npy.DType.Scalar sc ? sc.str() : a.dtype().descrLiteral();
        return dtype + " " + shape(a.shape()) + " " + bytes + " B";
    }

    private static String sparseInfo(SparseMatrixNode n) {
        NpyArray shape = n.arrays().get("shape");
        NpyArray data = n.arrays().get("data");
        String s = shape == null ? "?" : shape(shape.toLongArray());
        return n.format() + " " + s + (data == null ? "" : " nnz=" + data.size()) + " " + n.npz().length + " B";
    }

    private static String shape(long[] s) {
        if (s.length == 1) {
            return "(" + s[0] + ",)";
        }
        return "(" + String.join(", ", Arrays.stream(s).mapToObj(Long::toString).toList()) + ")";
    }
}
