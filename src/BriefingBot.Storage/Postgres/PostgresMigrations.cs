namespace BriefingBot.Storage.Postgres;

/// <summary>
/// The schema's history, oldest first, step for step the same as <see cref="Sqlite.SqliteMigrations"/> (same versions,
/// tables, columns and uniqueness) in PostgreSQL types. Never edit a released migration: add the next one, to both.
/// Discord ids are bigint (snowflakes cast unchecked); times are timestamptz (microseconds, where SQLite keeps ticks).
/// </summary>
public static class PostgresMigrations
{
    public static IReadOnlyList<PostgresMigration> All { get; } =
    [
        new(1, "initial schema: subscriptions, delivery attempts, audit log", """
            CREATE TABLE subscriptions (
                id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                guild_id        bigint      NOT NULL,
                channel_id      bigint      NOT NULL,
                local_time      text        NOT NULL,
                time_zone       text        NOT NULL,
                webhook_url     text        NULL,
                active_since    timestamptz NOT NULL,
                last_posted_at  timestamptz NULL,
                last_error      text        NULL,
                last_error_at   timestamptz NULL,
                disabled_reason text        NULL,
                changed_by      text        NOT NULL,
                created_at      timestamptz NOT NULL,
                updated_at      timestamptz NOT NULL,
                UNIQUE (guild_id, channel_id)
            );
            CREATE TABLE delivery_attempts (
                id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                subscription_id bigint      NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
                slot_date       date        NOT NULL,
                nonce           text        NOT NULL,
                state           text        NOT NULL,
                tries           integer     NOT NULL,
                started_at      timestamptz NOT NULL,
                updated_at      timestamptz NOT NULL,
                next_retry_at   timestamptz NULL,
                last_error      text        NULL,
                UNIQUE (subscription_id, slot_date)
            );
            CREATE TABLE audit_log (
                id        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at        timestamptz NOT NULL,
                guild_id  bigint      NULL,
                user_id   bigint      NOT NULL,
                user_name text        NOT NULL,
                action    text        NOT NULL,
                detail    text        NOT NULL,
                outcome   text        NOT NULL
            );
            """),
        new(2, "index the audit log for per-guild reads", """
            CREATE INDEX ix_audit_log_guild_at ON audit_log (guild_id, at);
            """),
        new(3, "feed sources, their fetch state and stored feed articles", """
            CREATE TABLE feed_sources (
                id                   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                url                  text        NOT NULL UNIQUE,
                name                 text        NULL,
                poll_seconds         bigint      NOT NULL,
                tags                 text[]      NOT NULL,
                origin               text        NOT NULL,
                added_at             timestamptz NOT NULL,
                added_by             text        NOT NULL,
                title                text        NULL,
                etag                 text        NULL,
                last_modified        text        NULL,
                last_polled_at       timestamptz NULL,
                last_success_at      timestamptz NULL,
                next_poll_at         timestamptz NULL,
                retry_not_before     timestamptz NULL,
                consecutive_failures integer     NOT NULL DEFAULT 0,
                last_error           text        NULL,
                last_error_at        timestamptz NULL,
                disabled_reason      text        NULL,
                item_count           integer     NOT NULL DEFAULT 0
            );
            CREATE TABLE feed_items (
                source_id        bigint      NOT NULL REFERENCES feed_sources (id) ON DELETE CASCADE,
                item_key         text        NOT NULL,
                normalized_url   text        NULL,
                item_hash        text        NOT NULL,
                article_id       text        NOT NULL,
                title            text        NOT NULL,
                body             text        NOT NULL,
                content_hash     text        NOT NULL,
                word_count       integer     NOT NULL,
                url              text        NULL,
                outlet           text        NULL,
                author           text        NULL,
                published_at     timestamptz NULL,
                tags             text[]      NOT NULL,
                back_catalogue   boolean     NOT NULL,
                first_seen_at    timestamptz NOT NULL,
                updated_at       timestamptz NOT NULL,
                PRIMARY KEY (source_id, item_key)
            );
            CREATE INDEX ix_feed_items_url ON feed_items (normalized_url);
            """),
        new(4, "feed-poll leases, so instances sharing the state poll each feed once", """
            ALTER TABLE feed_sources ADD COLUMN lease_holder text        NULL;
            ALTER TABLE feed_sources ADD COLUMN lease_until  timestamptz NULL;
            """),
        new(5, "claims shared by instances (HTTP mode's replay memory)", """
            CREATE TABLE shared_claims (
                claim_key  text        PRIMARY KEY,
                expires_at timestamptz NOT NULL
            );
            CREATE INDEX ix_shared_claims_expires ON shared_claims (expires_at);
            """),
    ];
}
