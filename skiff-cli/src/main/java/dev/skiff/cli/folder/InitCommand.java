package dev.skiff.cli.folder;

import dev.skiff.client.folder.InitOptions;
import dev.skiff.client.folder.InitResult;
import dev.skiff.client.folder.ModelFormat;
import dev.skiff.client.folder.RepoFolder;
import dev.skiff.client.folder.Task;
import dev.skiff.runtime.data.Csv;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.JsonRecords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code skiff init MODEL DIR --task T [--data FILE]}: a repo folder as skops' {@code hub_utils.init} made it. */
@Command(name = "init", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Make a repo folder for a .skops model: the model, config.json (skops' layout: columns, example"
                + " input, environment, model file and format, task) and a starter README.md model card.",
                "The model is audited first; DIR must be new, empty, or hold only the model."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the folder was made", "2:bad usage, an invalid model or sample, a non-empty DIR",
                "3:the model holds untrusted types (review them, then pass --trust)"})
public final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "the .skops model file")
    Path model;

    @Parameters(index = "1", paramLabel = "DIR", description = "the folder to make")
    Path dir;

    @Option(names = "--task", required = true, paramLabel = "TASK",
            description = "tabular-classification or tabular-regression")
    String task;

    @Option(names = "--data", paramLabel = "FILE",
            description = "a sample of the model's input, CSV with a header or JSON records (.json): names the columns;"
                    + " its first 3 rows become the example input and the widget's example")
    Path data;

    @Option(names = "--requirements", paramLabel = "SPEC", split = ",",
            description = "extra requirements for config.json's environment (repeatable or comma-separated, e.g."
                    + " pandas,numpy=2.4.6); one naming scikit-learn or skops replaces the pinned version")
    List<String> requirements = new ArrayList<>();

    @Option(names = "--trust", paramLabel = "TYPE",
            description = "a type you reviewed and trust (repeatable), e.g. sklearn.tree._tree.Tree")
    List<String> trust = new ArrayList<>();

    @Option(names = "--model-format", paramLabel = "FORMAT",
            description = "skops (default: told by the file name or content)")
    String modelFormat;

    @Option(names = "--no-readme", description = "do not write README.md")
    boolean noReadme;

    @Override
    public Integer call() throws Exception {
        Task t = Task.parse(task);
        InitOptions options = InitOptions.defaults().withRequirements(requirements).withTrust(trust)
                .withReadme(!noReadme);
        if (modelFormat != null) {
            options = options.withModelFormat(ModelFormat.parse(modelFormat));
        }
        if (data != null) {
            options = options.withData(readData(data));
        }
        InitResult r = RepoFolder.init(model, dir, t, options);
        print(r, System.out);
        return 0;
    }

    static Frame readData(Path file) throws Exception {
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return JsonRecords.read(Files.readString(file, StandardCharsets.UTF_8));
        }
        return Csv.read(file);
    }

    private static void print(InitResult r, PrintStream out) {
        var c = r.config();
        out.println("made " + r.dir() + " (" + c.task() + ")");
        out.println("  model:         " + c.modelFile() + " (" + c.modelFormat() + ")");
        out.println("  columns:       " + (c.columns().isEmpty() ? "(unknown: pass --data)" : String.join(", ", c.columns())));
        if (c.exampleInput().isEmpty()) {
            out.println("  example input: none (pass --data to give the widget an example)");
        } else {
            int rows = c.exampleInput().values().iterator().next().size();
            out.println("  example input: " + rows + " row(s)" + (r.exampleChecked() ? ", predicted on the JVM without error" : ""));
        }
        if (!r.ignoredColumns().isEmpty()) {
            out.println("  left out:      " + String.join(", ", r.ignoredColumns()) + " (not used by the model)");
        }
        out.println("  environment:   " + String.join(", ", c.environment()));
        if (!r.trustedTypes().isEmpty()) {
            out.println("  trusted:       " + String.join(", ", r.trustedTypes()));
        }
        out.println("next: edit README.md, then skiff push " + r.dir() + " <namespace>/<name> --create");
    }
}
