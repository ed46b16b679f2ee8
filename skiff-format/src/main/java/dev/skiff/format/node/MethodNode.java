package dev.skiff.format.node;

import java.util.List;

/** A bound method: the owner object and the method name. Always needs explicit trust. */
public record MethodNode(String className, String module, long id, String func, Node obj) implements Node {
    @Override
    public String loader() {
        return "MethodNode";
    }

    @Override
    public List<Child> children() {
        return List.of(new Child(".__self__", obj));
    }

    /** The name skops requires a user to trust for this method: {@code owner.module.Owner.func}. */
    public String methodName() {
        return obj.typeName() + "." + func;
    }
}
