package dev.skiff.hub;

/** The repository API on the embedded SQLite metadata store. */
class HubRepoApiSqliteTest extends RepoApiContract {
    @Override
    String newDbUrl() {
        return null;
    }
}
