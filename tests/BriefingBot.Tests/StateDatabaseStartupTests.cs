using System.Net;
using System.Net.Sockets;
using BriefingBot.Testing;

namespace BriefingBot.Tests;

/// <summary>A state database that cannot be reached stops the start with one line saying what to check.</summary>
public sealed class StateDatabaseStartupTests
{
    [Fact]
    public async Task RunAsync_PostgresNotListening_FailsTheStartWithOneClearLineAndNoPassword()
    {
        var port = ClosedPort();
        var error = new StringWriter();
        string[] args =
        [
            "--content", RepositoryPaths.Seeds,
            "--Storage:Provider=postgres",
            $"--Storage:ConnectionString=Host=127.0.0.1;Port={port};Database=bot;Username=bot;Password=s3cret-pass;Timeout=3",
            "--Answers:Semantic=false",
            "--Discord:Token=test-token",
            "--Discord:ApiBaseUrl=http://127.0.0.1:9/api/v10",
        ];

        var exit = await BotApplication.RunAsync(args, TextWriter.Null, error, TestTimeout.Token()).WaitAsync(TestTimeout.Default);

        Assert.Equal(1, exit);
        var message = error.ToString();
        Assert.StartsWith("State database problem: Failed to connect to 127.0.0.1:" + port, message, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", message, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on (bound, read, released).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
