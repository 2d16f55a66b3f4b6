using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace BriefingBot.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for one test assembly (use it as a collection fixture): <c>initdb</c> into a temp
/// folder, <c>pg_ctl start</c> on a free loopback port with trust authentication and durability off (fsync=off:
/// nothing here needs to survive a power cut), stopped and deleted on dispose. PostgreSQL refuses to run as root,
/// so under root the folder is handed to the <c>postgres</c> user and the binaries run through <c>runuser</c>.
/// When it cannot start, <see cref="UnavailableReason"/> says why and <see cref="CreateDatabaseAsync"/> throws.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>
    /// The xunit collection that shares one server. xunit finds collection definitions only in the test assembly
    /// itself, so each test project that needs the server declares
    /// <c>[CollectionDefinition(PostgresServer.CollectionName)] class …: ICollectionFixture&lt;PostgresServer&gt;</c>.
    /// </summary>
    public const string CollectionName = "PostgreSQL server";

    public const string RequireVariable = "BRIEFINGBOT_REQUIRE_POSTGRES";
    private const string SuperUser = "postgres";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "briefingbot-pg", Guid.NewGuid().ToString("N"));
    private string? _binaries;
    private NpgsqlDataSource? _admin;

    public string? UnavailableReason { get; private set; }

    public int Port { get; private set; }

    /// <summary>initdb plus start, as measured when the fixture came up.</summary>
    public TimeSpan StartDuration { get; private set; }

    private string DataFolder => Path.Combine(_folder, "data");

    private static bool AsRoot => Environment.IsPrivilegedProcess;

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            UnavailableReason = await StartAsync(TestTimeout.Token());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or System.ComponentModel.Win32Exception or OperationCanceledException or NpgsqlException)
        {
            UnavailableReason = $"PostgreSQL could not be started: {ex.GetType().Name}: {ex.Message}";
        }

        StartDuration = clock.Elapsed;
    }

    /// <summary>A connection string to the server's admin database, as the superuser.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        // Tests open many short-lived pools: keep each small so a leak shows up as an error, not a slow server.
        MaxPoolSize = 20,
        Timeout = 15,
    }.ConnectionString;

    /// <summary>Creates an empty database with a random name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var admin = RequireAdmin();
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using var command = admin.CreateCommand($"CREATE DATABASE {name};");
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever is still connected to it.</summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        if (_admin is null || name is null)
        {
            return;
        }

        await using var command = _admin.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE);");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DisposeAsync()
    {
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }

        if (_binaries is not null && File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            // Immediate: the data is thrown away next, so there is nothing to shut down cleanly for.
            await RunAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless; failing the run over it would not be.
        }
    }

    private NpgsqlDataSource RequireAdmin()
    {
        if (_admin is not null)
        {
            return _admin;
        }

        var reason = UnavailableReason ?? "PostgreSQL server not started (is the test class in the Postgres collection?)";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            throw new InvalidOperationException($"{reason} ({RequireVariable}=1, so this fails instead of skipping.)");
        }

        throw new PostgresUnavailableException($"{reason} Install PostgreSQL (apt-get install postgresql) to run these tests.");
    }

    private async Task<string?> StartAsync(CancellationToken cancellationToken)
    {
        _binaries = PostgresBinaries.Find();
        if (_binaries is null)
        {
            return "PostgreSQL is not installed: no initdb/pg_ctl on PATH or under /usr/lib/postgresql/*/bin.";
        }

        Directory.CreateDirectory(_folder);
        if (AsRoot)
        {
            var chown = await RunProcessAsync("chown", [$"{SuperUser}:", _folder], cancellationToken);
            if (chown.ExitCode != 0)
            {
                return $"Running as root, and the temp folder could not be handed to the '{SuperUser}' user: {chown.Output.Trim()}";
            }
        }

        var initdb = await RunAsync("initdb", ["-D", DataFolder, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], cancellationToken);
        if (initdb.ExitCode != 0)
        {
            return $"initdb failed (exit {initdb.ExitCode}): {Tail(initdb.Output)}";
        }

        // A port found free can be taken before the server binds it: try a few.
        string? failure = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Port = FreePort();
            var options = string.Create(CultureInfo.InvariantCulture,
                $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=16MB -c max_connections=100");
            var start = await RunAsync("pg_ctl", ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", options, "start"], cancellationToken);
            if (start.ExitCode == 0)
            {
                _admin = NpgsqlDataSource.Create(ConnectionString("postgres"));
                await using var ping = _admin.CreateCommand("SELECT 1;");
                await ping.ExecuteScalarAsync(cancellationToken);
                return null;
            }

            failure = $"pg_ctl start failed (exit {start.ExitCode}): {Tail(start.Output)} {Tail(ReadLog())}";
        }

        return failure;
    }

    private string ReadLog()
    {
        var log = Path.Combine(_folder, "server.log");
        return File.Exists(log) ? File.ReadAllText(log) : string.Empty;
    }

    private Task<(int ExitCode, string Output)> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var executable = Path.Combine(_binaries!, tool);
        return AsRoot
            ? RunProcessAsync("runuser", ["-u", SuperUser, "--", executable, .. arguments], cancellationToken)
            : RunProcessAsync(executable, arguments, cancellationToken);
    }

    private async Task<(int ExitCode, string Output)> RunProcessAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            // The postgres user cannot read root's working directory; the temp folder is its own.
            WorkingDirectory = Directory.Exists(_folder) ? _folder : Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Tail(string text) => text.Length <= 600 ? text.Trim() : "…" + text[^600..].Trim();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
