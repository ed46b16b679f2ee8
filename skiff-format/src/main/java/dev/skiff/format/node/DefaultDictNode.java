package dev.skiff.format.node;

import java.util.List;

/** A {@code collections.defaultdict}: its items as a dict and its default factory. */
public record DefaultDictNode(String className, String module, long id, Node main, Node defaultFactory) implements Node {
    @Override
    public String loader() {
        return "DefaultDictNode";
    }

    @Override
    public List<Child> children() {
        return List.of(new Child(".main", main), new Child(".default_factory", defaultFactory));
    }

}
