package dev.skiff.format.node;

import java.util.ArrayList;
import java.util.List;

/** A Python {@code list} (or subclass) of child nodes ({@code ListNode}). */
public record ListNode(String className, String module, long id, List<Node> items) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    public static ListNode of(Node... items) {
        return new ListNode("list", "builtins", 0, List.of(items));
    }

    @Override
    public String loader() {
        return "ListNode";
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
