package dev.skiff.cli;

import dev.skiff.format.Skops;
import dev.skiff.format.SkopsFile;
import dev.skiff.format.audit.AuditReport;
import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.format.inspect.InspectNode;
import dev.skiff.format.inspect.Inspector;
import dev.skiff.format.inspect.TreeJson;
import dev.skiff.format.inspect.TreeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code skiff inspect FILE}: the node tree, untrusted nodes marked, without loading anything. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Show what a .skops file holds: a tree of its objects with untrusted types marked",
                "and arrays summarised (dtype, shape, bytes). Nothing in the file is run."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the file was read", "2:not a valid .skops file"})
final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the .skops file")
    Path file;

    @Option(names = "--json", description = "print {\"untrusted\": [{\"type\", \"paths\"}], \"tree\": ...} instead")
    boolean json;

    @Option(names = "--trust", paramLabel = "TYPE", description = "a type you trust (repeatable); it is not marked")
    List<String> trust = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        SkopsFile f = Skops.read(file);
        TrustPolicy policy = TrustPolicy.trusting(trust);
        AuditReport report = Skops.audit(f, policy);
        InspectNode tree = Inspector.inspect(f, policy);
        if (json) {
            System.out.print(TreeJson.render(f, report, tree));
        } else {
            System.out.print(TreeText.render(tree));
            System.out.println();
            if (report.isTrusted()) {
                System.out.println("All types are trusted.");
            } else {
                System.out.println("Untrusted types (" + report.untrusted().size() + "):");
                report.untrusted().forEach(u -> System.out.println("  " + u.type() + "  at " + String.join(", ", u.paths())));
            }
        }
        return SkiffCli.OK;
    }
}
