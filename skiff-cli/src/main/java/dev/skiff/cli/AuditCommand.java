package dev.skiff.cli;

import dev.skiff.format.Skops;
import dev.skiff.format.audit.AuditReport;
import dev.skiff.format.audit.TrustPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code skiff audit FILE [--trust TYPE ...]}: does the file hold only trusted types? */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Check that a .skops file holds only trusted types (skops' defaults plus --trust).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every type is trusted", "2:not a valid .skops file", "3:untrusted types found"})
final class AuditCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the .skops file")
    Path file;

    @Option(names = "--trust", paramLabel = "TYPE", description = "a type you reviewed and trust (repeatable)")
    List<String> trust = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        AuditReport report = Skops.audit(Skops.read(file), TrustPolicy.trusting(trust));
        if (report.isTrusted()) {
            System.out.println(file + ": all types trusted");
            return SkiffCli.OK;
        }
        System.out.println(file + ": " + report.untrusted().size() + " untrusted type(s)");
        report.untrusted().forEach(u -> System.out.println("  " + u.type() + "  at " + String.join(", ", u.paths())));
        return SkiffCli.UNTRUSTED;
    }
}
