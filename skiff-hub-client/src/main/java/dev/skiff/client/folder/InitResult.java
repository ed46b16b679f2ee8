package dev.skiff.client.folder;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link RepoFolder#init} made.
 *
 * @param dir            the folder
 * @param config         the {@code config.json} written
 * @param trustedTypes   types outside skops' default trust that the model needed and the caller trusted
 * @param ignoredColumns columns of the data sample that the model does not use (left out of the example)
 * @param exampleChecked whether the example rows were predicted on the JVM without error (false when there was no
 *                       sample, or the runtime does not support the estimator)
 */
public record InitResult(Path dir, FolderConfig config, List<String> trustedTypes, List<String> ignoredColumns,
                         boolean exampleChecked) {
    public InitResult {
        trustedTypes = List.copyOf(trustedTypes);
        ignoredColumns = List.copyOf(ignoredColumns);
    }
}
