package dev.skiff.hub;

/**
 * The repository API on PostgreSQL: a throwaway cluster, a fresh database per hub. Skipped without a PostgreSQL
 * server unless {@code SKIFF_REQUIRE_POSTGRES=1}, which turns that into a failure.
 */
class HubRepoApiPostgresTest extends RepoApiContract {
    @Override
    String newDbUrl() throws Exception {
        return PostgresCluster.require().newDatabase();
    }
}
