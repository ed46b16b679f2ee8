import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Runs many {@code skiff} command lines in one JVM, for the runtime parity suite (which would otherwise start
 * a JVM for every model x method and spend most of its time in JVM start-up).
 *
 * <p>Run with the CLI's class path as a single-file source program:
 * {@code java -cp "skiff-cli.jar:lib/*" BatchCli.java}. Reads one command line per stdin line, arguments
 * separated by TAB; answers each with one stdout line {@code @@skiff-batch<TAB>EXIT<TAB>stdout<TAB>stderr} (the
 * prefix tells answers from anything else that reaches the real stdout), the two texts with
 * backslash, TAB and newline escaped ({@code \\ \t \n}). Each command goes through
 * {@code dev.skiff.cli.SkiffCli.execute}, the code {@code main} runs before {@code System.exit}, with the
 * process's stdout and stderr captured for that command. An empty line or end of input stops.
 */
public final class BatchCli {
    private BatchCli() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            String[] argv = line.split("\t", -1);
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int code;
            try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                System.setOut(o);
                System.setErr(e);
                try {
                    code = dev.skiff.cli.SkiffCli.execute(argv);
                } catch (Throwable t) {  // execute promises never to throw; if it does, that is a finding
                    t.printStackTrace(e);
                    code = 99;
                } finally {
                    System.setOut(realOut);
                    System.setErr(realErr);
                }
            }
            realOut.println("@@skiff-batch\t" + code + "\t" + escape(out.toString(StandardCharsets.UTF_8)) + "\t"
                    + escape(err.toString(StandardCharsets.UTF_8)));
            realOut.flush();
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "").replace("\n", "\\n");
    }
}
