package dev.skiff.format.node;

import java.util.ArrayList;
import java.util.List;

/** A Python {@code tuple} (or subclass) of child nodes ({@code TupleNode}). */
public record TupleNode(String className, String module, long id, List<Node> items) implements Node {

    public TupleNode {
        items = List.copyOf(items);
    }

    public static TupleNode of(Node... items) {
        return new TupleNode("tuple", "builtins", 0, List.of(items));
    }

    @Override
    public String loader() {
        return "TupleNode";
    }

    @Override
    public List<Child> children() {
        List<Child> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(new Child(Paths.index(i), items.get(i)));
        }
        return out;
    }
}
