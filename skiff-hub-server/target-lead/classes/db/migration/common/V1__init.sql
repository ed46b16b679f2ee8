-- One schema for SQLite (embedded default) and PostgreSQL. Times are ISO-8601 UTC text with millisecond
-- precision (2026-11-22T06:48:22.000Z), which sorts correctly as text on both.

CREATE TABLE namespaces (
    name        VARCHAR(96)  PRIMARY KEY,
    kind        VARCHAR(8)   NOT NULL,             -- 'user' or 'org'
    fullname    VARCHAR(200),
    created_at  VARCHAR(32)  NOT NULL
);

CREATE TABLE memberships (
    org         VARCHAR(96)  NOT NULL REFERENCES namespaces(name) ON DELETE CASCADE,
    member      VARCHAR(96)  NOT NULL REFERENCES namespaces(name) ON DELETE CASCADE,
    role        VARCHAR(16)  NOT NULL,             -- 'admin', 'write' or 'read'
    PRIMARY KEY (org, member)
);

CREATE TABLE tokens (
    hash          CHAR(64)     PRIMARY KEY,        -- sha256 of the token; the token itself is never stored
    owner         VARCHAR(96)  NOT NULL REFERENCES namespaces(name) ON DELETE CASCADE,
    role          VARCHAR(8)   NOT NULL,           -- 'read' or 'write'
    display_name  VARCHAR(100) NOT NULL,
    created_at    VARCHAR(32)  NOT NULL
);

CREATE TABLE repos (
    type          VARCHAR(8)   NOT NULL,           -- 'model', 'dataset', 'space'
    namespace     VARCHAR(96)  NOT NULL,
    name          VARCHAR(96)  NOT NULL,
    private       BOOLEAN      NOT NULL,
    gated         VARCHAR(8),                      -- null, 'auto' or 'manual'
    created_at    VARCHAR(32)  NOT NULL,
    last_modified VARCHAR(32)  NOT NULL,
    sha           CHAR(40),                        -- head of main, for listings
    card_data     TEXT,                            -- README.md YAML front matter as JSON
    tags          TEXT,                            -- JSON array
    pipeline_tag  VARCHAR(64),
    library_name  VARCHAR(64),
    downloads     BIGINT       NOT NULL DEFAULT 0,
    likes         BIGINT       NOT NULL DEFAULT 0,
    storage_id    VARCHAR(40)  NOT NULL,           -- directory of its git repository; stable across moves
    PRIMARY KEY (type, namespace, name)
);

CREATE INDEX repos_by_namespace ON repos (namespace);
CREATE INDEX repos_by_modified ON repos (last_modified);
