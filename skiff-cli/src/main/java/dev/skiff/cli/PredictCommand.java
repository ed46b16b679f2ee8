package dev.skiff.cli;

import dev.skiff.runtime.Model;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Csv;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.Matrix;
import dev.skiff.runtime.data.Output;
import dev.skiff.runtime.estimator.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code skiff predict MODEL --input data.csv}: run a model on rows, CSV out. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Run a .skops model on the JVM: CSV (or JSON records) in, CSV out.",
                "Input columns are matched by name when the model was fitted on a DataFrame."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad model file, input or unsupported estimator", "3:untrusted types (use --trust)"})
final class PredictCommand implements Callable<Integer> {
    @Mixin
    ModelOptions opts;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the CSV here instead of stdout")
    Path output;

    @Option(names = {"-m", "--method"}, defaultValue = "predict", paramLabel = "METHOD",
            description = "predict, predict_proba, decision_function, transform or score_samples (default: ${DEFAULT-VALUE})")
    String method;

    @Override
    public Integer call() throws Exception {
        Method m = Method.parse(method);
        Model model = opts.load();
        if (!model.methods().contains(m)) {
            throw new IllegalArgumentException(model.pythonClass() + " has no " + m.pythonName()
                    + " (it has " + model.methods().stream().map(Method::pythonName).toList() + ")");
        }
        Frame x = opts.readInput();
        Output out = model.run(m, x);
        List<String> header = header(model, m, out);
        if (output == null) {
            Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            Csv.write(out, header, w);
            w.flush();
        } else {
            Path tmp = Files.createTempFile(output.toAbsolutePath().getParent(), ".predict", ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                Csv.write(out, header, w);
            }
            Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return SkiffCli.OK;
    }

    /** Column names: "prediction", one per class for probabilities, x0.. for transforms. */
    static List<String> header(Model model, Method m, Output out) {
        List<String> h = new ArrayList<>();
        switch (out) {
            case Column c -> h.add(m == Method.PREDICT ? "prediction" : m.pythonName());
            case Frame f -> {
                if (m == Method.PREDICT) {
                    for (int j = 0; j < f.cols(); j++) {
                        h.add("prediction_" + j);
                    }
                } else {
                    h.addAll(f.names());
                }
            }
            case Matrix mx -> {
                Column classes = model.classes().orElse(null);
                boolean perClass = (m == Method.PREDICT_PROBA || m == Method.DECISION_FUNCTION)
                        && classes != null && classes.size() == mx.cols();
                for (int j = 0; j < mx.cols(); j++) {
                    if (perClass) {
                        h.add(classes.text(j));
                    } else if (mx.cols() == 1) {
                        h.add(m == Method.PREDICT ? "prediction" : m.pythonName());
                    } else {
                        h.add((m == Method.PREDICT ? "prediction_" : "x") + j);
                    }
                }
            }
        }
        return h;
    }
}
