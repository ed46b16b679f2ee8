package dev.skiff.format.audit;

import dev.skiff.format.node.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Judges every type a tree would make Python construct, node kind by node kind, with skops' rules:
 * the same names Python's {@code get_untrusted_types} gives, plus the node paths where each is used.
 * A node shared under several paths is judged once, at its first path.
 */
public final class Audit {
    /** At most this many paths are listed per type; the audit itself always sees every node. */
    public static final int MAX_PATHS_PER_TYPE = 1000;

    private final TrustPolicy policy;
    private final Map<String, List<String>> found = new TreeMap<>();
    private final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Node, List<String>> byNode = new IdentityHashMap<>();
    private Node current;

    private Audit(TrustPolicy policy) {
        this.policy = policy;
    }

    public static AuditReport run(Node root, TrustPolicy policy) {
        Audit a = new Audit(policy);
        a.visit(root, Paths.ROOT);
        List<UntrustedType> out = new ArrayList<>();
        a.found.forEach((type, paths) -> out.add(new UntrustedType(type, paths)));
        return new AuditReport(out);
    }

    /** The untrusted names each node brings by itself (not counting its children); trusted nodes are absent. */
    public static Map<Node, List<String>> perNode(Node root, TrustPolicy policy) {
        Audit a = new Audit(policy);
        a.visit(root, Paths.ROOT);
        return a.byNode;
    }

    private void visit(Node node, String path) {
        if (!seen.add(node)) {
            return;
        }
        current = node;
        judge(node, path);
        for (Node.Child c : node.children()) {
            visit(c.node(), path + c.segment());
        }
    }

    /** The checks skops makes for one node (its own identity, and any name it resolves by itself). */
    private void judge(Node node, String path) {
        switch (node) {
            case JsonNode n -> { /* primitives are always safe */ }
            case SliceNode n -> { /* slices are always safe */ }
            case FunctionNode n -> check(n.protocol0() ? "FunctionNode@0" : "FunctionNode", n.typeName(), path);
            case MethodNode n -> {
                check("MethodNode", n.typeName(), path);
                check("MethodNode", n.methodName(), path);
            }
            case RandomGeneratorNode n -> {
                check(n.loader(), n.typeName(), path);
                check("BitGenerators", "numpy.random." + n.bitGeneratorName(), path);
            }
            case ObjectArrayNode n -> check("NdArrayNode", n.typeName(), path);
            case ReduceNode n -> {
                check(n.loader(), n.typeName(), path);
                // skops also audits the class the loader will call, as a type node
                String ctor = n instanceof LossNode ? n.typeName() : n.constructorName();
                String kind = n instanceof LossNode ? "LossNode" : "TypeNode";
                check(kind, ctor, path);
            }
            default -> check(node.loader(), node.typeName(), path);
        }
    }

    private void check(String kind, String name, String path) {
        if (!policy.trusts(kind, name)) {
            List<String> mine = byNode.computeIfAbsent(current, k -> new ArrayList<>());
            if (!mine.contains(name)) {
                mine.add(name);
            }
            List<String> paths = found.computeIfAbsent(name, k -> new ArrayList<>());
            boolean repeat = !paths.isEmpty() && paths.get(paths.size() - 1).equals(path);
            if (!repeat && paths.size() < MAX_PATHS_PER_TYPE) {
                paths.add(path);
            }
        }
    }
}
