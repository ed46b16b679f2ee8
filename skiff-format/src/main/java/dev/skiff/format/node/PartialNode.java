package dev.skiff.format.node;

import java.util.List;

/** A {@code functools.partial}: function, positional args, keyword args and its instance dict. */
public record PartialNode(String className, String module, long id, Node func, Node args, Node kwds, Node namespace) implements Node {
    @Override
    public String loader() {
        return "PartialNode";
    }

    @Override
    public List<Child> children() {
        return List.of(new Child(".func", func), new Child(".args", args), new Child(".keywords", kwds),
                new Child(".__dict__", namespace));
    }

}
