package dev.skiff.format.node;

import java.util.ArrayList;
import java.util.List;

/**
 * A numpy array of dtype {@code object}, which skops stores inline as child nodes
 * ({@code NdArrayNode} with type "json"): {@code items} is {@code tolist()}, nested lists for ndim > 1.
 */
public record ObjectArrayNode(String className, String module, long id, List<Node> items, Node shape)
        implements Node {

    public ObjectArrayNode {
        items = List.copyOf(items);
    }

    @Override
    public String loader() {
        return "NdArrayNode";
    }

    @Override
    public List<Child> children() {
        List<Child> out = new ArrayList<>(items.size() + 1);
        for (int i = 0; i < items.size(); i++) {
            out.add(new Child(Paths.index(i), items.get(i)));
        }
        out.add(new Child(".shape", shape));
        return out;
    }
}
