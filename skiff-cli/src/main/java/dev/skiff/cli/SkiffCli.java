package dev.skiff.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code skiff} command: sub-commands over Skiff's modules, and the exit codes scripts rely on. */
@Command(name = "skiff", mixinStandardHelpOptions = true, version = "skiff 0.1.0",
        description = "Host, version, document, share and serve scikit-learn models from the JVM.",
        subcommands = {InspectCommand.class, AuditCommand.class, RepackCommand.class, PredictCommand.class,
                BenchCommand.class, ServeCommand.class, AdminCommand.class,
                dev.skiff.cli.folder.InitCommand.class,
                CommandLine.HelpCommand.class})
public final class SkiffCli implements Runnable {
    /** Success. */
    public static final int OK = 0;
    /** Usage errors (picocli's own code). */
    public static final int USAGE = 2;
    /** The input is not a valid file of the expected kind. */
    public static final int INVALID_INPUT = 2;
    /** The file is valid but holds untrusted types. */
    public static final int UNTRUSTED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; errors are one clear line, never a stack trace. */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new SkiffCli());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("skiff: " + Errors.describe(e));
            return Errors.exitCode(e);
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // picocli hands Errors straight through; they still deserve one line and a documented code
            System.err.println("skiff: " + Errors.describe(e));
            return INVALID_INPUT;
        }
    }
}
