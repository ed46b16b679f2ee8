package dev.skiff.cli;

import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.runtime.Model;
import dev.skiff.runtime.Models;
import dev.skiff.runtime.data.Csv;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.JsonRecords;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The model file, its trusted types and the input data, shared by commands that run a model. */
final class ModelOptions {
    @Parameters(index = "0", paramLabel = "MODEL", description = "the .skops model file")
    Path model;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE",
            description = "input rows: CSV with a header, or JSON records (.json)")
    Path input;

    @Option(names = "--trust", paramLabel = "TYPE",
            description = "a type you reviewed and trust (repeatable), e.g. sklearn.tree._tree.Tree")
    List<String> trust = new ArrayList<>();

    Model load() throws Exception {
        return Models.load(model, TrustPolicy.trusting(trust));
    }

    Frame readInput() throws Exception {
        if (input.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return JsonRecords.read(Files.readString(input, StandardCharsets.UTF_8));
        }
        return Csv.read(input);
    }
}
