package dev.skiff.format.node;

import java.util.List;

/** A legacy {@code numpy.random.RandomState} and its MT19937 state dict. */
public record RandomStateNode(String className, String module, long id, Node content) implements Node {
    @Override
    public String loader() {
        return "RandomStateNode";
    }

    @Override
    public List<Child> children() {
        return List.of(new Child(".state", content));
    }

}
