using BriefingBot.Testing.Postgres;

namespace BriefingBot.Storage.Tests.Postgres;

/// <summary>One PostgreSQL server for every test class of this assembly that names <see cref="PostgresServer.CollectionName"/>.</summary>
[CollectionDefinition(PostgresServer.CollectionName)]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresServer>;
