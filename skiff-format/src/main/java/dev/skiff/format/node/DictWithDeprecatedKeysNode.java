package dev.skiff.format.node;

import java.util.List;

/** scikit-learn < 1.2's {@code _DictWithDeprecatedKeys} wrapper around a dict. */
public record DictWithDeprecatedKeysNode(String className, String module, long id, Node main, Node deprecatedKeyToNewKey) implements Node {
    @Override
    public String loader() {
        return "_DictWithDeprecatedKeysNode";
    }

    @Override
    public List<Child> children() {
        return List.of(new Child(".main", main), new Child("._deprecated_key_to_new_key", deprecatedKeyToNewKey));
    }

}
