package dev.skiff.format.node;

import java.util.List;

/** An {@code operator.attrgetter/itemgetter/methodcaller} and its constructor arguments. */
public record OperatorFuncNode(String className, String module, long id, Node attrs) implements Node {
    @Override
    public String loader() {
        return "OperatorFuncNode";
    }

    @Override
    public List<Child> children() {
        return List.of(new Child(".args", attrs));
    }

}
