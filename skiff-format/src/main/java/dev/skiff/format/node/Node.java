package dev.skiff.format.node;

import java.util.List;

/**
 * One node of a {@code .skops} object graph: what Python would construct, described as data and never
 * executed. There is one record per skops loader; readers produce them, writers consume them and the
 * audit walks them. Nodes are immutable, so a shared {@code __id__} is simply one shared instance.
 */
public sealed interface Node permits JsonNode, DictNode, DefaultDictNode, ListNode, SetNode, TupleNode,
        ObjectNode, ConstructorFromReduceNode, TypeNode, FunctionNode, MethodNode, PartialNode, OperatorFuncNode,
        BytesNode, BytearrayNode, SliceNode, NdArrayNode, ObjectArrayNode, MaskedArrayNode, DTypeNode,
        RandomStateNode, RandomGeneratorNode, SparseMatrixNode, ReduceNode, DictWithDeprecatedKeysNode {

    /** The {@code __class__} the file names (a class or function {@code __name__}). */
    String className();

    /** The {@code __module__} the file names (the defining, often private, module). */
    String module();

    /** The {@code __id__} from the file, or 0 for nodes built in Java (the writer numbers them). */
    long id();

    /** The skops loader ({@code __loader__}) that reads and writes this node. */
    String loader();

    /** Child nodes in the order Python builds them, each with the path segment it adds. */
    List<Child> children();

    /** {@code module.class}, the name the audit judges. */
    default String typeName() {
        return module() + "." + className();
    }

    /** A child and the path segment leading to it: {@code .coef_}, {@code [0]}, {@code ["a b"]}, or empty. */
    record Child(String segment, Node node) {
    }
}
