package dev.skiff.cli;

import dev.skiff.format.Skops;
import dev.skiff.format.SkopsFile;
import dev.skiff.format.write.WriteOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code skiff repack IN OUT [--compress]}: rewrite a file as protocol 2, optionally deflated. */
@Command(name = "repack", mixinStandardHelpOptions = true,
        description = {"Rewrite a .skops file (any protocol) as a protocol-2 file Python skops loads.",
                "Nothing is constructed, so untrusted types are carried over unchanged."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:not a valid .skops file"})
final class RepackCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "the .skops file to read")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "where to write (replaced atomically)")
    Path out;

    @Option(names = "--compress", description = "deflate the members (level 9)")
    boolean compress;

    @Override
    public Integer call() throws Exception {
        SkopsFile f = Skops.read(in);
        Skops.write(f.root(), out, compress ? WriteOptions.DEFLATED : WriteOptions.STORED);
        System.err.println("wrote " + out + " (" + Files.size(out) + " bytes, from " + Files.size(in) + ")");
        return SkiffCli.OK;
    }
}
