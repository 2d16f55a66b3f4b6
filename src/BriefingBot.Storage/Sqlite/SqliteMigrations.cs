namespace BriefingBot.Storage.Sqlite;

/// <summary>
/// The schema's history, oldest first. Never edit a released migration: add the next one. Timestamps are ISO 8601
/// UTC text (sortable); Discord ids are stored as signed 64-bit integers (snowflakes fit).
/// </summary>
public static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "initial schema: subscriptions, delivery attempts, audit log", """
            CREATE TABLE subscriptions (
                id              INTEGER PRIMARY KEY,
                guild_id        INTEGER NOT NULL,
                channel_id      INTEGER NOT NULL,
                local_time      TEXT    NOT NULL,
                time_zone       TEXT    NOT NULL,
                webhook_url     TEXT    NULL,
                active_since    TEXT    NOT NULL,
                last_posted_at  TEXT    NULL,
                last_error      TEXT    NULL,
                last_error_at   TEXT    NULL,
                disabled_reason TEXT    NULL,
                changed_by      TEXT    NOT NULL,
                created_at      TEXT    NOT NULL,
                updated_at      TEXT    NOT NULL,
                UNIQUE (guild_id, channel_id)
            );
            CREATE TABLE delivery_attempts (
                id              INTEGER PRIMARY KEY,
                subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
                slot_date       TEXT    NOT NULL,
                nonce           TEXT    NOT NULL,
                state           TEXT    NOT NULL,
                tries           INTEGER NOT NULL,
                started_at      TEXT    NOT NULL,
                updated_at      TEXT    NOT NULL,
                next_retry_at   TEXT    NULL,
                last_error      TEXT    NULL,
                UNIQUE (subscription_id, slot_date)
            );
            CREATE TABLE audit_log (
                id        INTEGER PRIMARY KEY,
                at        TEXT    NOT NULL,
                guild_id  INTEGER NULL,
                user_id   INTEGER NOT NULL,
                user_name TEXT    NOT NULL,
                action    TEXT    NOT NULL,
                detail    TEXT    NOT NULL,
                outcome   TEXT    NOT NULL
            );
            """),
        new(2, "index the audit log for per-guild reads", """
            CREATE INDEX ix_audit_log_guild_at ON audit_log (guild_id, at);
            """),
        new(3, "feed sources, their fetch state and stored feed articles", """
            CREATE TABLE feed_sources (
                id                   INTEGER PRIMARY KEY,
                url                  TEXT    NOT NULL UNIQUE,
                name                 TEXT    NULL,
                poll_seconds         INTEGER NOT NULL,
                tags                 TEXT    NOT NULL,
                origin               TEXT    NOT NULL,
                added_at             TEXT    NOT NULL,
                added_by             TEXT    NOT NULL,
                title                TEXT    NULL,
                etag                 TEXT    NULL,
                last_modified        TEXT    NULL,
                last_polled_at       TEXT    NULL,
                last_success_at      TEXT    NULL,
                next_poll_at         TEXT    NULL,
                retry_not_before     TEXT    NULL,
                consecutive_failures INTEGER NOT NULL DEFAULT 0,
                last_error           TEXT    NULL,
                last_error_at        TEXT    NULL,
                disabled_reason      TEXT    NULL,
                item_count           INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE feed_items (
                source_id        INTEGER NOT NULL REFERENCES feed_sources (id) ON DELETE CASCADE,
                item_key         TEXT    NOT NULL,
                normalized_url   TEXT    NULL,
                item_hash        TEXT    NOT NULL,
                article_id       TEXT    NOT NULL,
                title            TEXT    NOT NULL,
                body             TEXT    NOT NULL,
                content_hash     TEXT    NOT NULL,
                word_count       INTEGER NOT NULL,
                url              TEXT    NULL,
                outlet           TEXT    NULL,
                author           TEXT    NULL,
                published_at     TEXT    NULL,
                tags             TEXT    NOT NULL,
                back_catalogue   INTEGER NOT NULL,
                first_seen_at    TEXT    NOT NULL,
                updated_at       TEXT    NOT NULL,
                PRIMARY KEY (source_id, item_key)
            );
            CREATE INDEX ix_feed_items_url ON feed_items (normalized_url);
            """),
        new(4, "feed-poll leases, so instances sharing the state poll each feed once", """
            ALTER TABLE feed_sources ADD COLUMN lease_holder TEXT NULL;
            ALTER TABLE feed_sources ADD COLUMN lease_until  TEXT NULL;
            """),
        new(5, "claims shared by instances (kept in step with PostgreSQL; one instance on SQLite remembers in memory)", """
            CREATE TABLE shared_claims (
                claim_key  TEXT PRIMARY KEY,
                expires_at TEXT NOT NULL
            );
            """),
    ];
}
