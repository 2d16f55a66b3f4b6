using BriefingBot.Testing.Postgres;

namespace BriefingBot.Tests.MultiInstance;

/// <summary>One throwaway PostgreSQL server for this assembly's tests that need one.</summary>
[CollectionDefinition(PostgresServer.CollectionName)]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresServer>;
