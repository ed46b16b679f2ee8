package dev.skiff.client.folder;

import dev.skiff.runtime.data.Frame;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Options of {@link RepoFolder#init}: start from {@link #defaults()} and change what you need.
 *
 * @param data         a sample of the model's input (a few rows with a header, e.g. from {@code Csv.read}): it names
 *                     the columns and gives the example input (its first three rows); null writes the columns the
 *                     model knows and no example
 * @param requirements extra or overriding requirements ({@code pandas}, {@code scikit-learn=1.9.0}); an entry naming
 *                     a package Skiff already lists replaces it
 * @param trust        types outside skops' default trust that you reviewed and trust
 * @param modelFormat  the model's format, or null to tell it by the file name
 * @param readme       whether to write the starter {@code README.md}
 */
public record InitOptions(Frame data, List<String> requirements, List<String> trust, ModelFormat modelFormat,
                          boolean readme) {

    public InitOptions {
        requirements = List.copyOf(Objects.requireNonNull(requirements, "requirements"));
        trust = List.copyOf(Objects.requireNonNull(trust, "trust"));
    }

    /** No sample, no extra requirements, default trust, format by file name, with a README. */
    public static InitOptions defaults() {
        return new InitOptions(null, List.of(), List.of(), null, true);
    }

    public InitOptions withData(Frame sample) {
        return new InitOptions(sample, requirements, trust, modelFormat, readme);
    }

    public InitOptions withRequirements(Collection<String> extra) {
        return new InitOptions(data, List.copyOf(extra), trust, modelFormat, readme);
    }

    public InitOptions withTrust(Collection<String> types) {
        return new InitOptions(data, requirements, List.copyOf(types), modelFormat, readme);
    }

    public InitOptions withModelFormat(ModelFormat format) {
        return new InitOptions(data, requirements, trust, format, readme);
    }

    public InitOptions withReadme(boolean write) {
        return new InitOptions(data, requirements, trust, modelFormat, write);
    }
}
