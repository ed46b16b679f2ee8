package dev.skiff.hub.files;

import dev.skiff.hub.PostgresCluster;
import org.junit.jupiter.api.BeforeAll;

/** The commit API with the metadata on PostgreSQL (skipped without a server unless SKIFF_REQUIRE_POSTGRES=1). */
class CommitApiPostgresTest extends CommitApiTest {
    private static PostgresCluster pg;

    @BeforeAll
    static void cluster() {
        pg = PostgresCluster.require();
    }

    @Override
    String dbUrl() throws Exception {
        return pg.newDatabase();
    }
}
