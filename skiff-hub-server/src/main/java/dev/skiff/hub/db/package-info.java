/**
 * The metadata store: users, organisations, hashed tokens and repository records, in one SQL schema
 * migrated by Flyway on SQLite (default) or PostgreSQL.
 */
package dev.skiff.hub.db;
