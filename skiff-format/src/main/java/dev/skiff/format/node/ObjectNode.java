package dev.skiff.format.node;

import java.util.List;

/**
 * A generic object ({@code ObjectNode}), e.g. every scikit-learn estimator: Python makes it with
 * {@code cls.__new__(cls)} and restores {@code attrs} (usually a {@link DictNode}) through
 * {@code __setstate__}. {@code attrs} is null when the object had no state.
 */
public record ObjectNode(String className, String module, long id, Node attrs) implements Node {

    @Override
    public String loader() {
        return "ObjectNode";
    }

    @Override
    public List<Child> children() {
        return attrs == null ? List.of() : List.of(new Child("", attrs));
    }

    /** The attribute dict, or null when the state is not a dict. */
    public DictNode attributes() {
        return attrs instanceof DictNode d ? d : null;
    }

    /** One attribute, or null. */
    public Node attr(String name) {
        DictNode d = attributes();
        return d == null ? null : d.get(name);
    }
}
