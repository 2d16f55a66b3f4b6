namespace BriefingBot.Storage.Postgres;

/// <summary>One forward step of the PostgreSQL schema; applied steps are rows of <c>schema_migrations</c>.</summary>
public sealed record PostgresMigration(int Version, string Description, string Sql);
