package dev.skiff.cli;

import dev.skiff.runtime.Model;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.estimator.Method;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code skiff bench MODEL --input data.csv}: in-process latency and throughput after warm-up. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time a model in this JVM after warm-up and print JSON:",
                "{\"latency_us_p50\", \"latency_us_p99\" (one row per call), \"rows_per_s\" (batches of --batch rows)}."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad model file or input", "3:untrusted types (use --trust)"})
final class BenchCommand implements Callable<Integer> {
    @Mixin
    ModelOptions opts;

    @Option(names = "--batch", defaultValue = "10000", description = "rows per batch call (input rows are repeated to fill it; default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--seconds", defaultValue = "4", description = "measuring time per phase, after as much warm-up (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = {"-m", "--method"}, defaultValue = "predict", description = "the method to time (default ${DEFAULT-VALUE})")
    String method;

    private static volatile Object sink;

    @Override
    public Integer call() throws Exception {
        if (batch < 1 || seconds <= 0) {
            throw new IllegalArgumentException("--batch must be >= 1 and --seconds > 0");
        }
        Method m = Method.parse(method);
        Model model = opts.load();
        Frame x = model.align(opts.readInput());
        if (x.rows() == 0) {
            throw new IllegalArgumentException("the input has no rows");
        }
        Frame[] singles = new Frame[x.rows()];
        for (int i = 0; i < singles.length; i++) {
            singles[i] = x.slice(i, i + 1);
        }
        Frame big = repeat(x, batch);
        long phase = (long) (seconds * 1e9);

        runFor(model, m, singles, phase, null);
        long[] lat = new long[1 << 20];
        int n = runFor(model, m, singles, phase, lat);
        long[] sorted = Arrays.copyOf(lat, n);
        Arrays.sort(sorted);

        runBatches(model, m, big, phase);
        double rowsPerS = runBatches(model, m, big, phase);

        System.out.println(String.format(Locale.ROOT,
                "{\"latency_us_p50\": %.3f, \"latency_us_p99\": %.3f, \"rows_per_s\": %.1f, \"single_calls\": %d, \"batch\": %d}",
                sorted[n / 2] / 1e3, sorted[Math.min(n - 1, (int) (n * 0.99))] / 1e3, rowsPerS, n, batch));
        return SkiffCli.OK;
    }

    private static int runFor(Model model, Method m, Frame[] singles, long nanos, long[] record) {
        long end = System.nanoTime() + nanos;
        int n = 0;
        for (int i = 0; ; i++) {
            Frame f = singles[i % singles.length];
            long t0 = System.nanoTime();
            sink = model.run(m, f);
            long t1 = System.nanoTime();
            if (record != null && n < record.length) {
                record[n++] = t1 - t0;
            }
            if (t1 > end) {
                return n;
            }
        }
    }

    private static double runBatches(Model model, Method m, Frame big, long nanos) {
        long start = System.nanoTime();
        long end = start + nanos;
        long rows = 0;
        long now;
        do {
            sink = model.run(m, big);
            rows += big.rows();
            now = System.nanoTime();
        } while (now < end);
        return rows / ((now - start) / 1e9);
    }

    private static Frame repeat(Frame x, int rows) {
        int[] idx = new int[rows];
        for (int i = 0; i < rows; i++) {
            idx[i] = i % x.rows();
        }
        return x.takeRows(idx);
    }
}
