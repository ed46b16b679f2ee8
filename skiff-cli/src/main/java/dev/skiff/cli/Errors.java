package dev.skiff.cli;

import dev.skiff.format.SkopsFormatException;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

/** One-line messages and exit codes for failures, so users see what went wrong and never a stack trace. */
final class Errors {
    private Errors() {
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory; raise -Xmx (set JAVA_OPTS) or use a smaller file";
        }
        if (e instanceof StackOverflowError) {
            return "nesting too deep to process";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static int exitCode(Throwable e) {
        if (e instanceof dev.skiff.format.audit.UntrustedTypesException) {
            return SkiffCli.UNTRUSTED;
        }
        if (e instanceof SkopsFormatException || e instanceof IOException || e instanceof IllegalArgumentException
                || e instanceof dev.skiff.runtime.ModelBuildException || e instanceof UnsupportedOperationException
                || e instanceof dev.skiff.runtime.ModelInputException) {
            return SkiffCli.INVALID_INPUT;
        }
        return 1;
    }
}
