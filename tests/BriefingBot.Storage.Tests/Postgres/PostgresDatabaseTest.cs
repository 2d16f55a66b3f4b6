using BriefingBot.Testing;
using BriefingBot.Testing.Postgres;

namespace BriefingBot.Storage.Tests.Postgres;

/// <summary>
/// A fresh database on the shared test server for each test. Tests call <see cref="Require"/> first, so they skip,
/// instead of failing, where PostgreSQL is unavailable (and fail in CI, which requires it).
/// </summary>
public abstract class PostgresDatabaseTest(PostgresServer server) : IAsyncLifetime
{
    protected PostgresTempDatabase Temp { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (server.UnavailableReason is null)
        {
            Temp = await PostgresTempDatabase.CreateAsync(server, cancellationToken: TestTimeout.Token());
        }
    }

    public async Task DisposeAsync()
    {
        if (Temp is not null)
        {
            await Temp.DisposeAsync();
        }
    }

    protected void Require()
    {
        if (server.UnavailableReason is { } reason)
        {
            throw new PostgresUnavailableException(reason);
        }
    }
}
