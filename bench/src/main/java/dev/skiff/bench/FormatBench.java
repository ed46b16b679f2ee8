package dev.skiff.bench;

import dev.skiff.format.ReadLimits;
import dev.skiff.format.Skops;
import dev.skiff.format.SkopsFile;
import dev.skiff.format.SkopsFormatException;
import dev.skiff.format.TrustedSkops;
import dev.skiff.format.audit.AuditReport;
import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.format.audit.UntrustedType;
import dev.skiff.format.json.Json;
import dev.skiff.format.json.JsonParser;
import dev.skiff.format.loader.LoaderRegistry;
import dev.skiff.format.npy.Npy;
import dev.skiff.format.npy.NpyArray;
import dev.skiff.format.read.ZipMembers;
import dev.skiff.format.write.WriteOptions;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times Skiff's {@code .skops} reader on files Python wrote, with a warm JVM, and repacks them to measure
 * sizes. A benchmark, not a test: it is run by {@code bench/run-format-bench.sh}, never by the test suite.
 *
 * <pre>
 * java -cp 'skiff-bench.jar:lib/*' dev.skiff.bench.FormatBench [options] FILE.skops...
 *   --warmup-ms N   warm-up per file, spent round-robin over all files before measuring (default 2000)
 *   --measure-ms N  measuring time per file and operation (default 2000)
 *   --phases-ms N   measuring time per file and phase of the phase breakdown; 0 skips it (default 400)
 *   --write-ms N    measuring time per file for Skops.write to memory; 0 skips it (default 300)
 *   --repack-dir D  write the Skiff stored/deflated repacks there (default: next to each input)
 *   --out F         also write the JSON lines to F
 * </pre>
 *
 * Prints one JSON object per file on stdout (and to {@code --out}); progress goes to stderr.
 */
public final class FormatBench {
    /** Defeats dead-code elimination: every measured result feeds this. */
    static volatile long sink;

    private long warmupMs = 2000;
    private long measureMs = 2000;
    private long phasesMs = 400;
    private long writeMs = 300;
    private Path repackDir;
    private Path out;
    private final List<Path> files = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        FormatBench b = new FormatBench();
        b.parseArgs(args);
        b.run();
    }

    private void parseArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--warmup-ms" -> warmupMs = Long.parseLong(args[++i]);
                case "--measure-ms" -> measureMs = Long.parseLong(args[++i]);
                case "--phases-ms" -> phasesMs = Long.parseLong(args[++i]);
                case "--write-ms" -> writeMs = Long.parseLong(args[++i]);
                case "--repack-dir" -> repackDir = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "-h", "--help" -> {
                    System.out.println("usage: FormatBench [--warmup-ms N] [--measure-ms N] [--phases-ms N]"
                            + " [--write-ms N] [--repack-dir D] [--out F] FILE.skops...");
                    System.exit(0);
                }
                default -> {
                    if (a.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    files.add(Path.of(a));
                }
            }
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .skops files given");
        }
    }

    /** What is known about one file before timing. */
    private record Subject(Path file, List<String> untrusted, TrustPolicy trusting) {
    }

    private void run() throws Exception {
        List<Subject> subjects = new ArrayList<>();
        for (Path f : files) {
            List<String> names = retrying(() -> Skops.untrustedTypes(f)).stream().map(UntrustedType::type).toList();
            subjects.add(new Subject(f, names, TrustPolicy.trusting(names)));
        }

        // Warm-up, round-robin so the JIT sees every file's shape before any is measured.
        long warmEnd = System.nanoTime() + warmupMs * 1_000_000L * subjects.size();
        long warmRounds = 0;
        while (System.nanoTime() < warmEnd) {
            for (Subject s : subjects) {
                attempt(() -> readAudit(s));
                attempt(() -> load(s));
            }
            warmRounds++;
        }
        log("warm-up: %d rounds over %d files in %d ms (%d spurious heap-budget refusals)", warmRounds,
                subjects.size(), warmupMs * subjects.size(), heapBudgetRefusals);
        Map<String, Object> warm = new LinkedHashMap<>();
        warm.put("warmup", Map.of("rounds", warmRounds, "heap_budget_refusals", heapBudgetRefusals,
                "max_heap_mb", Runtime.getRuntime().maxMemory() >> 20));

        List<String> lines = new ArrayList<>();
        lines.add(JsonOut.write(warm));
        for (Subject s : subjects) {
            lines.add(measure(s));
        }
        if (out != null) {
            Files.write(out, lines, StandardCharsets.UTF_8);
        }
    }

    private String measure(Subject s) throws Exception {
        Path f = s.file;
        log("measuring %s", f.getFileName());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", f.toString());
        r.put("bytes", Files.size(f));
        r.put("untrusted", s.untrusted);

        long gc0 = gcMillis();
        long refusals0 = heapBudgetRefusals;
        System.gc();
        r.put("read_audit", time(measureMs, () -> readAudit(s)).json());
        System.gc();
        r.put("load_trusting", time(measureMs, () -> load(s)).json());
        System.gc();
        r.put("read_only", time(measureMs / 2, () -> sink += id(Skops.read(f).root())).json());

        r.put("read_audit_allocated_bytes", allocatedPerCall(() -> readAudit(s)));
        SkopsFile tree = retrying(() -> Skops.read(f));
        if (phasesMs > 0) {
            r.put("phases", phases(f, tree));
        }

        // Sizes: what `skiff repack` and `skiff repack --compress` write.
        Path dir = repackDir != null ? repackDir : f.toAbsolutePath().getParent();
        String base = f.getFileName().toString().replaceFirst("\\.skops$", "");
        Path stored = dir.resolve(base + ".skiff-stored.skops");
        Path deflated = dir.resolve(base + ".skiff-deflated.skops");
        Skops.write(tree.root(), stored, WriteOptions.STORED);
        Skops.write(tree.root(), deflated, WriteOptions.DEFLATED);
        r.put("skiff_stored_file", stored.toString());
        r.put("skiff_stored_bytes", Files.size(stored));
        r.put("skiff_deflated_file", deflated.toString());
        r.put("skiff_deflated_bytes", Files.size(deflated));
        if (writeMs > 0) {
            r.put("write_stored", time(writeMs, () -> sink += Skops.write(tree.root(), WriteOptions.STORED).length).json());
            r.put("write_deflated", time(writeMs, () -> sink += Skops.write(tree.root(), WriteOptions.DEFLATED).length).json());
        }
        r.put("gc_ms_during_measurement", gcMillis() - gc0);
        r.put("heap_budget_refusals", heapBudgetRefusals - refusals0);

        String line = JsonOut.write(r);
        System.out.println(line);
        System.out.flush();
        return line;
    }

    /** The read pipeline cut into phases, each timed alone (medians in ms). */
    private Map<String, Object> phases(Path f, SkopsFile tree) throws Exception {
        ReadLimits limits = ReadLimits.DEFAULT;
        Map<String, Object> p = new LinkedHashMap<>();

        // Everything the reader does with the archive, staged so the later phases start from memory.
        List<String> names;
        byte[] schema;
        Map<String, byte[]> npyMembers = new LinkedHashMap<>();
        try (ZipMembers z = ZipMembers.open(f, limits)) {
            names = new ArrayList<>(z.names());
            schema = retrying(() -> z.read("schema.json", limits.maxSchemaBytes()));
            for (String n : names) {
                if (n.endsWith(".npy")) {
                    npyMembers.put(n, retrying(() -> z.read(n, limits.maxMemberBytes())));
                }
            }
        }
        p.put("members", names.size());
        p.put("npy_members", npyMembers.size());
        p.put("schema_bytes", schema.length);

        Stats open = time(phasesMs, () -> {
            try (ZipMembers z = ZipMembers.open(f, limits)) {
                sink += z.names().size();
            }
        });
        Stats openSchema = time(phasesMs, () -> {
            try (ZipMembers z = ZipMembers.open(f, limits)) {
                sink += z.read("schema.json", limits.maxSchemaBytes()).length;
            }
        });
        Stats openAll = time(phasesMs, () -> {
            try (ZipMembers z = ZipMembers.open(f, limits)) {
                for (String n : names) {
                    sink += z.read(n, limits.maxMemberBytes()).length;
                }
            }
        });
        int depth = limits.maxDepth() * 4 + 16;
        // As SkopsReader does it: a new parser (and so a new Jackson JsonFactory) per read.
        Stats parseFresh = time(phasesMs, () -> sink += parse(new JsonParser(depth, limits.maxSchemaBytes()), schema));
        JsonParser reused = new JsonParser(depth, limits.maxSchemaBytes());
        Stats parseReused = time(phasesMs, () -> sink += parse(reused, schema));
        Stats newFactory = time(Math.max(50, phasesMs / 4), () -> sink += System.identityHashCode(new JsonParser(depth, limits.maxSchemaBytes())));
        Stats npy = time(phasesMs, () -> {
            for (byte[] b : npyMembers.values()) {
                NpyArray a = Npy.read(b, limits.npyLimits(b.length));
                sink += a.size();
            }
        });
        Stats full = time(phasesMs, () -> sink += id(Skops.read(f, limits, LoaderRegistry.defaults()).root()));
        Stats audit = time(phasesMs, () -> sink += Skops.audit(tree, TrustPolicy.defaults()).untrusted().size());

        p.put("zip_open_close_ms", open.medianMs());
        p.put("zip_read_schema_ms", Math.max(0, openSchema.medianMs() - open.medianMs()));
        p.put("zip_read_all_members_ms", Math.max(0, openAll.medianMs() - open.medianMs()));
        p.put("json_parse_fresh_parser_ms", parseFresh.medianMs());
        p.put("json_parse_reused_parser_ms", parseReused.medianMs());
        p.put("json_new_parser_ms", newFactory.medianMs());
        p.put("npy_decode_all_ms", npy.medianMs());
        p.put("read_total_ms", full.medianMs());
        // What is left of Skops.read once the zip, the JSON and the .npy decoding are taken out:
        // State/ReadContext work, loaders, node records, path strings.
        p.put("tree_build_rest_ms", Math.max(0, full.medianMs() - openAll.medianMs() - parseFresh.medianMs()
                - npy.medianMs()));
        p.put("audit_ms", audit.medianMs());
        return p;
    }

    private static long parse(JsonParser parser, byte[] schema) throws Exception {
        Json j = parser.parse(schema);
        return ((Json.JObject) j).fields().size();
    }

    private static void readAudit(Subject s) throws Exception {
        SkopsFile file = Skops.read(s.file);
        AuditReport report = Skops.audit(file, TrustPolicy.defaults());
        sink += report.untrusted().size() + id(file.root());
    }

    private static void load(Subject s) throws Exception {
        TrustedSkops t = Skops.load(s.file, s.trusting);
        sink += id(t.root());
    }

    interface Op {
        void run() throws Exception;
    }

    /** Runs {@code op} for about {@code ms} (at least 5 times), timing each call on its own. */
    static Stats time(long ms, Op op) throws Exception {
        long budget = ms * 1_000_000L;
        long[] samples = new long[1024];
        int n = 0;
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        long now = start;
        while (n < 5 || now - start < budget) {
            long t0 = System.nanoTime();
            if (!attempt(op)) {
                now = System.nanoTime();
                continue;
            }
            now = System.nanoTime();
            if (n == samples.length) {
                samples = java.util.Arrays.copyOf(samples, n * 2);
            }
            samples[n++] = now - t0;
        }
        long cpu = processCpuNanos() - cpu0;
        return new Stats(java.util.Arrays.copyOf(samples, n), cpu0 < 0 ? -1 : cpu / n);
    }

    /**
     * CPU time of the whole JVM (all threads: this one, GC, JIT) in ns, or -1. Unlike wall time it hardly
     * changes when other processes compete for the CPUs, so it is the number to trust on a busy machine.
     */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Reads refused by skiff-format's HeapBudget although the heap had room (see README); not timed. */
    static long heapBudgetRefusals;

    /**
     * Runs {@code op}; a spurious "more than this JVM's heap can spare" refusal is counted, reported and
     * skipped (it comes from garbage not yet collected, not from a lack of heap), anything else propagates.
     */
    static boolean attempt(Op op) throws Exception {
        try {
            op.run();
            return true;
        } catch (SkopsFormatException e) {
            if (e.getMessage() != null && e.getMessage().contains("heap can spare")) {
                heapBudgetRefusals++;
                return false;
            }
            throw e;
        }
    }

    /** Calls {@code c}, collecting garbage and trying again after a spurious heap-budget refusal. */
    static <T> T retrying(java.util.concurrent.Callable<T> c) throws Exception {
        for (int i = 0; ; i++) {
            try {
                return c.call();
            } catch (SkopsFormatException e) {
                if (i >= 5 || e.getMessage() == null || !e.getMessage().contains("heap can spare")) {
                    throw e;
                }
                heapBudgetRefusals++;
                System.gc();
            }
        }
    }

    /** Per-call times in nanoseconds. */
    record Stats(long[] ns, long cpuNsPerCall) {
        Stats {
            ns = ns.clone();
            java.util.Arrays.sort(ns);
        }

        double medianMs() {
            int n = ns.length;
            double m = n % 2 == 1 ? ns[n / 2] : (ns[n / 2 - 1] + ns[n / 2]) / 2.0;
            return round(m / 1e6);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            long sum = 0;
            for (long v : ns) {
                sum += v;
            }
            m.put("n", ns.length);
            m.put("best_ms", round(ns[0] / 1e6));
            m.put("median_ms", medianMs());
            m.put("mean_ms", round(sum / 1e6 / ns.length));
            m.put("p90_ms", round(ns[(int) Math.min(ns.length - 1, Math.ceil(ns.length * 0.9) - 1)] / 1e6));
            m.put("worst_ms", round(ns[ns.length - 1] / 1e6));
            m.put("process_cpu_ms_per_call", cpuNsPerCall < 0 ? null : round(cpuNsPerCall / 1e6));
            return m;
        }

        private static double round(double v) {
            return Math.round(v * 10_000) / 10_000.0;
        }
    }

    /** Heap bytes this thread allocates per call of {@code op} (mean of 10 calls), or -1 if unknown. */
    private static long allocatedPerCall(Op op) throws Exception {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx)
                || !mx.isThreadAllocatedMemorySupported()) {
            return -1;
        }
        long tid = Thread.currentThread().threadId();
        int calls = 0;
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10; i++) {
            if (attempt(op)) {
                calls++;
            }
        }
        long after = mx.getThreadAllocatedBytes(tid);
        return calls == 0 ? -1 : (after - before) / calls;
    }

    /** Identity, not the record's deep hashCode (which would walk the whole tree and be timed too). */
    private static int id(Object o) {
        return System.identityHashCode(o);
    }

    private static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, b.getCollectionTime());
        }
        return t;
    }

    private static void log(String fmt, Object... args) {
        PrintStream err = System.err;
        err.println("[java] " + String.format(fmt, args));
    }

    /** Just enough JSON output for maps, lists, strings and numbers. */
    static final class JsonOut {
        private JsonOut() {
        }

        static String write(Object o) {
            StringBuilder sb = new StringBuilder();
            write(sb, o);
            return sb.toString();
        }

        private static void write(StringBuilder sb, Object o) {
            switch (o) {
                case null -> sb.append("null");
                case Map<?, ?> m -> {
                    sb.append('{');
                    boolean first = true;
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        if (!first) {
                            sb.append(", ");
                        }
                        first = false;
                        string(sb, String.valueOf(e.getKey()));
                        sb.append(": ");
                        write(sb, e.getValue());
                    }
                    sb.append('}');
                }
                case List<?> l -> {
                    sb.append('[');
                    for (int i = 0; i < l.size(); i++) {
                        if (i > 0) {
                            sb.append(", ");
                        }
                        write(sb, l.get(i));
                    }
                    sb.append(']');
                }
                case Number n -> sb.append(n);
                case Boolean b -> sb.append(b);
                default -> string(sb, o.toString());
            }
        }

        private static void string(StringBuilder sb, String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        }
    }

    static {
        // Fail early rather than time the wrong thing.
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("Java 21 or newer is required");
        }
    }
}
