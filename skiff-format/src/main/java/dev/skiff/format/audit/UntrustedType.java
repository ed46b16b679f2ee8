package dev.skiff.format.audit;

import java.util.List;

/**
 * A type the file would construct that is not trusted, and where it is used.
 *
 * @param type  the fully qualified name Python skops reports ({@code module.Class})
 * @param paths node paths such as {@code root.steps[1][1].tree_}, in file order
 */
public record UntrustedType(String type, List<String> paths) {
    public UntrustedType {
        paths = List.copyOf(paths);
    }
}
