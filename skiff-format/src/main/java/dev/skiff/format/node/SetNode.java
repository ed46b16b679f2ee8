package dev.skiff.format.node;

import java.util.ArrayList;
import java.util.List;

/** A Python {@code set} (or subclass) of child nodes ({@code SetNode}). */
public record SetNode(String className, String module, long id, List<Node> items) implements Node {

    public SetNode {
        items = List.copyOf(items);
    }

    public static SetNode of(Node... items) {
        return new SetNode("set", "builtins", 0, List.of(items));
    }

    @Override
    public String loader() {
        return "SetNode";
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
