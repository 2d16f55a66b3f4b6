namespace BriefingBot.Testing.Postgres;

/// <summary>Thrown to a test that needs PostgreSQL when none could be started; <see cref="PostgresFactAttribute"/> turns it into a skip.</summary>
public sealed class PostgresUnavailableException(string reason) : Exception(reason);
