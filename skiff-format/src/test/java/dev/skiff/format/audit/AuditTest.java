package dev.skiff.format.audit;

import dev.skiff.format.node.DictNode;
import dev.skiff.format.node.FunctionNode;
import dev.skiff.format.node.JsonNode;
import dev.skiff.format.node.ListNode;
import dev.skiff.format.node.MethodNode;
import dev.skiff.format.node.Node;
import dev.skiff.format.node.ObjectNode;
import dev.skiff.format.node.PartialNode;
import dev.skiff.format.node.RandomGeneratorNode;
import dev.skiff.format.node.TupleNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-node-kind rules skops applies, on trees built by hand. */
class AuditTest {
    private static ObjectNode estimator(String module, String cls, Map<String, Node> attrs) {
        return new ObjectNode(cls, module, 0, DictNode.ofStrings(attrs));
    }

    @Test
    void aTrustedClassIsOnlyTrustedAsTheNodeKindSkopsTrustsItFor() {
        // LogisticRegression is trusted as an object, but the same name as a type parameter is not.
        Map<String, Node> attrs = new LinkedHashMap<>();
        attrs.put("estimator_class", new dev.skiff.format.node.TypeNode("LogisticRegression", "sklearn.linear_model._logistic", 0));
        Node root = estimator("sklearn.linear_model._logistic", "LogisticRegression", attrs);
        AuditReport r = Audit.run(root, TrustPolicy.defaults());
        assertThat(r.typeNames()).containsExactly("sklearn.linear_model._logistic.LogisticRegression");
        assertThat(r.untrusted().get(0).paths()).containsExactly("root.estimator_class");
    }

    @Test
    void boundMethodsNeedBothTheOwnerAndTheMethodTrusted() {
        ObjectNode owner = estimator("mymod", "Holder", Map.of("x", JsonNode.of(1L)));
        Node root = new ListNode("list", "builtins", 0, java.util.List.of(new MethodNode("Holder", "mymod", 0, "f", owner)));
        assertThat(Audit.run(root, TrustPolicy.defaults()).typeNames()).containsExactly("mymod.Holder", "mymod.Holder.f");
        assertThat(Audit.run(root, TrustPolicy.trusting("mymod.Holder")).typeNames()).containsExactly("mymod.Holder.f");
        assertThat(Audit.run(root, TrustPolicy.trusting("mymod.Holder", "mymod.Holder.f")).isTrusted()).isTrue();
    }

    @Test
    void theBitGeneratorClassIsJudgedToo() {
        Node good = new RandomGeneratorNode("Generator", "numpy.random._generator", 0,
                DictNode.ofStrings(Map.of("bit_generator", JsonNode.of("PCG64"))), DictNode.ofStrings(Map.of()), "PCG64");
        Node evil = new RandomGeneratorNode("Generator", "numpy.random._generator", 0,
                DictNode.ofStrings(Map.of("bit_generator", JsonNode.of("seed"))), DictNode.ofStrings(Map.of()), "seed");
        assertThat(Audit.run(good, TrustPolicy.defaults()).isTrusted()).isTrue();
        assertThat(Audit.run(evil, TrustPolicy.defaults()).typeNames()).containsExactly("numpy.random.seed");
    }

    @Test
    void partialsAndNonUfuncFunctionsAreUntrustedUfuncsAreNot() {
        Node partial = new PartialNode("partial", "functools", 0, new FunctionNode("clip", "numpy", 0, false),
                TupleNode.of(), DictNode.ofStrings(Map.of("a_min", JsonNode.of(0.0))), JsonNode.of(null));
        Node root = TupleNode.of(partial, new FunctionNode("log1p", "numpy", 0, false),
                new FunctionNode("log1p", "numpy", 0, true));
        AuditReport r = Audit.run(root, TrustPolicy.defaults());
        // protocol-0 function nodes only trust scipy ufuncs by default, as in skops
        assertThat(r.typeNames()).containsExactly("functools.partial", "numpy.clip", "numpy.log1p");
        assertThat(r.untrusted().get(2).paths()).containsExactly("root[2]");
    }

    @Test
    void aSharedNodeIsJudgedOnceAtItsFirstPath() {
        Node shared = new FunctionNode("mean", "numpy", 0, false);
        Node root = TupleNode.of(TupleNode.of(shared), shared);
        AuditReport r = Audit.run(root, TrustPolicy.defaults());
        assertThat(r.untrusted()).singleElement().satisfies(u -> assertThat(u.paths()).containsExactly("root[0][0]"));
    }
}
