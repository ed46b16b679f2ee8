package dev.skiff.cli;

import dev.skiff.hub.db.Database;
import dev.skiff.hub.db.MetaStore;
import dev.skiff.hub.db.SqlMetaStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code skiff admin ...}: set up users, organisations and tokens without a browser. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Manage the hub's users, organisations and tokens.",
        subcommands = {AdminCommand.Token.class, AdminCommand.Org.class})
final class AdminCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    static class Store {
        @Option(names = {"-d", "--data"}, defaultValue = "skiff-data", description = "the hub's data directory (default ${DEFAULT-VALUE})")
        Path data;

        @Option(names = "--db", paramLabel = "URL", description = "postgresql://user:pass@host:port/db, as given to serve")
        String db;

        Database open() throws Exception {
            Files.createDirectories(data);
            return Database.open(data, db);
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Tokens.", subcommands = Token.Create.class)
    static final class Token implements Runnable {
        @Override
        public void run() {
            new picocli.CommandLine(this).usage(System.out);
        }

        @Command(name = "create", mixinStandardHelpOptions = true,
                description = "Print a new token for USER (created if needed). Only its hash is stored.")
        static final class Create extends Store implements Callable<Integer> {
            @Option(names = "--user", required = true, description = "the user the token acts as")
            String user;

            @Option(names = "--role", defaultValue = "write", description = "read or write (default ${DEFAULT-VALUE})")
            String role;

            @Option(names = "--name", defaultValue = "cli", description = "a name to recognise the token by (default ${DEFAULT-VALUE})")
            String name;

            @Override
            public Integer call() throws Exception {
                if (!role.equals("read") && !role.equals("write")) {
                    throw new IllegalArgumentException("--role must be read or write");
                }
                Names.check(user);
                try (Database d = open()) {
                    MetaStore m = new SqlMetaStore(d.dataSource());
                    m.ensureUser(user);
                    System.out.println(m.createToken(user, role, name));
                }
                return SkiffCli.OK;
            }
        }
    }

    @Command(name = "org", mixinStandardHelpOptions = true, description = "Organisations.", subcommands = Org.AddMember.class)
    static final class Org implements Runnable {
        @Override
        public void run() {
            new picocli.CommandLine(this).usage(System.out);
        }

        @Command(name = "add-member", mixinStandardHelpOptions = true,
                description = "Add USER to ORG (both created if needed); write and admin members can write the org's repos.")
        static final class AddMember extends Store implements Callable<Integer> {
            @Option(names = "--org", required = true)
            String org;

            @Option(names = "--user", required = true)
            String user;

            @Option(names = "--role", defaultValue = "write", description = "read, write or admin (default ${DEFAULT-VALUE})")
            String role;

            @Override
            public Integer call() throws Exception {
                if (!java.util.Set.of("read", "write", "admin").contains(role)) {
                    throw new IllegalArgumentException("--role must be read, write or admin");
                }
                Names.check(org);
                Names.check(user);
                try (Database d = open()) {
                    MetaStore m = new SqlMetaStore(d.dataSource());
                    m.ensureOrg(org);
                    m.ensureUser(user);
                    m.addMember(org, user, role);
                    System.out.println(user + " is now a " + role + " member of " + org);
                }
                return SkiffCli.OK;
            }
        }
    }
}
