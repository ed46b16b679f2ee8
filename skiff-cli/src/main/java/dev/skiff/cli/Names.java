package dev.skiff.cli;

import dev.skiff.hub.repo.RepoNames;

/** User and organisation names on the command line follow the hub's own rule ({@link RepoNames}). */
final class Names {
    private Names() {
    }

    static void check(String name) {
        if (!RepoNames.isValid(name)) {
            throw new IllegalArgumentException("\"" + name + "\" is not a valid name: use 1 to 96 letters, digits, '-',"
                    + " '_' or '.', not starting or ending with '-' or '.', without '--' or '..'");
        }
    }
}
