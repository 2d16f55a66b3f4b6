using System.Diagnostics;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using BriefingBot.Benchmarks.Corpora;
using BriefingBot.Testing;
using BriefingBot.Testing.Discord;
using BriefingBot.Testing.Postgres;

namespace BriefingBot.Benchmarks.Load;

/// <summary>
/// Drives the whole bot, in its own process, through the fake Discord over loopback sockets at a fixed rate (open
/// loop: each send is due at i / rate whatever the replies do) and reports what Discord would have seen.
/// </summary>
public static class LoadRunner
{
    private const int HeartbeatIntervalMs = 5000;
    private const int WarmupInteractions = 40;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public static async Task<JsonObject> RunAsync(LoadOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "briefingbot-load-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        try
        {
            var (content, titles) = PrepareContent(options.Corpus, work);
            await using var server = await FakeDiscordServer.StartAsync(cancellationToken);
            var ledger = new InteractionLedger();
            var warmup = new InteractionLedger();
            var probe = new InteractionLedger();
            var warmupAtRate = new InteractionLedger();
            server.RequestObserver = request =>
            {
                ledger.Observe(request);
                warmup.Observe(request);
                probe.Observe(request);
                warmupAtRate.Observe(request);
            };

            var signer = options.Http ? new InteractionSigner() : null;
            await using var postgres = options.Postgres ? new PostgresServer() : null;
            var storageArgs = new List<string> { $"--Storage:DatabasePath={Path.Combine(work, "bot.db")}" };
            if (postgres is not null)
            {
                log("Starting a throwaway PostgreSQL server for the shared state");
                await postgres.InitializeAsync();
                if (postgres.UnavailableReason is { } reason)
                {
                    throw new InvalidOperationException(reason);
                }

                storageArgs = ["--Storage:Provider=postgres", $"--Storage:ConnectionString={await postgres.CreateDatabaseAsync(cancellationToken)}"];
            }

            var ports = Enumerable.Range(0, options.Instances).Select(_ => options.Http ? FreePort() : 0).ToArray();
            var bots = new List<BotProcess>();
            try
            {
                for (var n = 0; n < options.Instances; n++)
                {
                    var botArgs = new List<string>
                    {
                        "--content", content,
                        "--Discord:Token=load-token",
                        $"--Discord:ApiBaseUrl={server.ApiBaseUrl}",
                        "--Discord:GuildIds:0=4242",
                        "--Cooldowns:Enabled=false",
                    };
                    botArgs.AddRange(storageArgs);
                    if (signer is not null)
                    {
                        botArgs.AddRange(["--Discord:Mode=http", $"--Discord:PublicKey={signer.PublicKeyHex}", $"--Discord:HttpUrls=http://127.0.0.1:{ports[n]}"]);
                    }

                    log($"Starting bot {n + 1} of {options.Instances} ({options.Mode}, {options.Corpus}, {options.Storage}); its log is kept in {LastLogPath(n)}");
                    bots.Add(BotProcess.Start(botArgs, Path.Combine(work, $"bot{n}.log")));
                }

                return await DriveAsync(options, log, server, signer, ports, bots, titles, ledger, warmup, probe, warmupAtRate, cancellationToken);
            }
            finally
            {
                foreach (var bot in bots)
                {
                    bot.Dispose();
                }
            }
        }
        finally
        {
            try
            {
                for (var n = 0; n < options.Instances; n++)
                {
                    var botLog = Path.Combine(work, $"bot{n}.log");
                    if (File.Exists(botLog))
                    {
                        File.Copy(botLog, LastLogPath(n), overwrite: true);
                    }
                }

                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // a log still open; the temp folder is cleaned by the OS eventually
            }
        }
    }

    private static async Task<JsonObject> DriveAsync(
        LoadOptions options,
        Action<string> log,
        FakeDiscordServer server,
        InteractionSigner? signer,
        int[] ports,
        IReadOnlyList<BotProcess> bots,
        IReadOnlyList<string> titles,
        InteractionLedger ledger,
        InteractionLedger warmup,
        InteractionLedger probe,
        InteractionLedger warmupAtRate,
        CancellationToken cancellationToken)
    {
        await server.WaitForRequestAsync("PUT", "/commands", StartTimeout, cancellationToken);

        await using var proxy = bots.Count > 1 ? await StartProxyAsync(ports, signer!, log, cancellationToken) : null;
        var mix = new LoadMix(titles, seed: 20261126);
        IDriver driver = signer is not null
            ? await HttpDriver.ConnectAsync(proxy?.Port ?? ports[0], signer, cancellationToken)
            : await GatewayDriver.ConnectAsync(server, HeartbeatIntervalMs, cancellationToken);

        log($"Warming up with {WarmupInteractions} interactions (not counted)");
        for (var i = 0; i < WarmupInteractions; i++)
        {
            var (kind, payload) = mix.Next();
            await driver.SendAsync(kind, payload, warmup, cancellationToken);
            await Task.Delay(25, cancellationToken);
        }

        await Task.Delay(2000, cancellationToken);
        var warmedUp = await WarmUpAtRateAsync(options, mix, driver, warmupAtRate, log, cancellationToken);
        using var burner = options.Compete ? CpuBurner.Start() : null;
        if (burner is not null)
        {
            log($"Competing busy loop pinned to core {burner.Core}");
        }

        // The whole run is generated up front (seeded), so sends cost the generator almost nothing.
        var plan = Enumerable.Range(0, options.Rate * options.Seconds).Select(_ => mix.Next()).ToArray();
        var reloads = Enumerable.Range(0, options.ReloadEverySeconds > 0 ? options.Seconds / options.ReloadEverySeconds : 0).Select(_ => LoadMix.Reload()).ToArray();
        log($"Preparing {plan.Length + reloads.Length} interactions");
        driver.Prepare(plan.Select(p => p.Payload).Concat(reloads));
        var loadBefore = LoadAverage();
        var cpuBefore = CpuTime(bots);
        log($"Sending {options.Rate}/s for {options.Seconds} s" + (options.ReloadEverySeconds > 0 ? $", /reload every {options.ReloadEverySeconds} s" : ""));
        var started = Stopwatch.GetTimestamp();
        var lag = await ScheduleAsync(options, plan, reloads, driver, ledger, started, cancellationToken);
        var sendEnd = Stopwatch.GetTimestamp();

        while (!ledger.Settled(Stopwatch.GetTimestamp()) && Stopwatch.GetElapsedTime(sendEnd) < InteractionLedger.FinishWindow + TimeSpan.FromSeconds(1))
        {
            await Task.Delay(200, cancellationToken);
        }

        await driver.DrainAsync();
        var cpu = CpuTime(bots) - cpuBefore;
        var afterBurst = await ProbeAsync(driver, mix, probe, cancellationToken);
        (driver as IDisposable)?.Dispose();
        var report = ledger.Report(started, sendEnd);
        var sent = report["sent"]!.GetValue<int>();
        report["mode"] = options.Mode;
        report["corpus"] = options.Corpus;
        report["rate"] = options.Rate;
        report["seconds"] = options.Seconds;
        report["reloadEvery"] = options.ReloadEverySeconds;
        report["compete"] = options.Compete;
        report["cpuMsPerInteraction"] = Math.Round(cpu.TotalMilliseconds / Math.Max(1, sent), 2);
        report["cpuCoresUsed"] = Math.Round(cpu.TotalSeconds / Stopwatch.GetElapsedTime(started).TotalSeconds, 2);
        report["peakWorkingSetMB"] = Math.Round(bots.Max(b => b.PeakWorkingSet) / 1048576.0, 1);
        report["instances"] = bots.Count;
        report["storage"] = options.Storage;
        if (bots.Count > 1)
        {
            report["peakWorkingSetMBAllInstances"] = Math.Round(bots.Sum(b => b.PeakWorkingSet) / 1048576.0, 1);
        }

        if (warmedUp is not null)
        {
            report["warmup"] = warmedUp;
        }

        report["sendLagMaxMs"] = Math.Round(lag.TotalMilliseconds, 1);
        report["afterBurstAskMs"] = afterBurst is { } recovery ? Math.Round(recovery.TotalMilliseconds, 1) : null;
        if (afterBurst is null)
        {
            report["afterBurstLost"] = probe.Report(sendEnd, sendEnd)["lostSamples"]!.DeepClone();
        }
        report["botWarnings"] = bots.Sum(b => b.Warnings);
        report["machineLoadAverage"] = $"{loadBefore} before, {LoadAverage()} after (1-minute, {Environment.ProcessorCount} cores)";
        driver.Describe(report);
        return report;
    }

    /// <summary>Every instance answers a ping on its own port before the proxy in front of them starts.</summary>
    private static async Task<RoundRobinProxy> StartProxyAsync(int[] ports, InteractionSigner signer, Action<string> log, CancellationToken cancellationToken)
    {
        foreach (var port in ports)
        {
            (await HttpDriver.ConnectAsync(port, signer, cancellationToken)).Dispose();
        }

        var proxy = await RoundRobinProxy.StartAsync(ports, cancellationToken);
        log($"Round-robin proxy on port {proxy.Port} in front of {ports.Length} instances");
        return proxy;
    }

    /// <summary>Where instance <paramref name="n"/>'s log is kept after the run: the first as before, the others numbered.</summary>
    private static string LastLogPath(int n) =>
        Path.Combine(Path.GetTempPath(), n == 0 ? "briefingbot-load-last.log" : $"briefingbot-load-last-{n + 1}.log");

    private static TimeSpan CpuTime(IEnumerable<BotProcess> bots) => bots.Aggregate(TimeSpan.Zero, (sum, b) => sum + b.CpuTime);

    /// <summary>
    /// <c>--warmup S</c>: the same mix at the same rate for S seconds, without reloads or a forced reconnect, judged
    /// like the run but reported apart; null without it.
    /// </summary>
    private static async Task<JsonObject?> WarmUpAtRateAsync(LoadOptions options, LoadMix mix, IDriver driver, InteractionLedger ledger, Action<string> log, CancellationToken cancellationToken)
    {
        if (options.WarmupSeconds == 0)
        {
            return null;
        }

        var plan = Enumerable.Range(0, options.Rate * options.WarmupSeconds).Select(_ => mix.Next()).ToArray();
        driver.Prepare(plan.Select(p => p.Payload));
        log($"Warming up at {options.Rate}/s for {options.WarmupSeconds} s (reported apart as \"warmup\")");
        var started = Stopwatch.GetTimestamp();
        await ScheduleAsync(options with { Seconds = options.WarmupSeconds, ReloadEverySeconds = 0 }, plan, [], driver, ledger, started, cancellationToken, reconnect: false);
        var sendEnd = Stopwatch.GetTimestamp();
        while (!ledger.Settled(Stopwatch.GetTimestamp()) && Stopwatch.GetElapsedTime(sendEnd) < InteractionLedger.FinishWindow)
        {
            await Task.Delay(100, cancellationToken);
        }

        var report = ledger.Report(started, sendEnd);
        return new JsonObject
        {
            ["seconds"] = options.WarmupSeconds,
            ["sent"] = report["sent"]!.GetValue<int>(),
            ["lost"] = report["lost"]!.GetValue<int>(),
            ["doubled"] = report["doubled"]!.GetValue<int>(),
            ["deferred"] = report["deferred"]!.GetValue<int>(),
            ["latencyMs"] = report["latencyMs"]!.DeepClone(),
            ["lostSamples"] = report["lostSamples"]!.DeepClone(),
        };
    }

    /// <summary>Sends on schedule; returns how far behind schedule the worst send was.</summary>
    private static async Task<TimeSpan> ScheduleAsync(
        LoadOptions options,
        (string Kind, JsonObject Payload)[] plan,
        JsonObject[] reloads,
        IDriver driver,
        InteractionLedger ledger,
        long started,
        CancellationToken cancellationToken,
        bool reconnect = true)
    {
        var total = plan.Length;
        var reloadsSent = 0;
        var reloadEvery = options.ReloadEverySeconds > 0 ? TimeSpan.FromSeconds(options.ReloadEverySeconds) : TimeSpan.MaxValue;
        var nextReload = reloadEvery;
        var midpoint = TimeSpan.FromSeconds(options.Seconds / 2.0);
        var midpointDone = !reconnect;
        var worstLag = TimeSpan.Zero;
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)options.Rate);
            var now = Stopwatch.GetElapsedTime(started);
            if (due > now)
            {
                await Task.Delay(due - now, cancellationToken);
            }
            else if (now - due > worstLag)
            {
                worstLag = now - due;
            }

            if (!midpointDone && due >= midpoint)
            {
                midpointDone = true;
                driver.Midpoint();
            }

            if (due >= nextReload && reloadsSent < reloads.Length)
            {
                nextReload += reloadEvery;
                _ = driver.SendAsync("reload", reloads[reloadsSent++], ledger, cancellationToken);
            }

            var (kind, payload) = plan[i];
            _ = driver.SendAsync(kind, payload, ledger, cancellationToken);
        }

        return worstLag;
    }

    /// <summary>One /ask after the burst: how long until the bot answers normally again.</summary>
    private static async Task<TimeSpan?> ProbeAsync(IDriver driver, LoadMix mix, InteractionLedger probe, CancellationToken cancellationToken)
    {
        var payload = DiscordPayloads.Command("ask", 0, DiscordPayloads.Option("question", 3, mix.Question()));
        var sent = Stopwatch.GetTimestamp();
        await driver.SendAsync("ask", payload, probe, cancellationToken);
        while (Stopwatch.GetElapsedTime(sent) < InteractionLedger.FinishWindow && !probe.Settled(Stopwatch.GetTimestamp()))
        {
            await Task.Delay(20, cancellationToken);
        }

        await driver.DrainAsync();
        var report = probe.Report(sent, sent);
        return report["lost"]!.GetValue<int>() == 0 ? TimeSpan.FromMilliseconds(report["latencyMs"]!["max"]!.GetValue<double>()) : null;
    }

    private static (string Folder, IReadOnlyList<string> Titles) PrepareContent(string corpus, string work)
    {
        if (corpus == "seeds")
        {
            var seeds = CorpusLoader.Load("seeds", 0, CancellationToken.None).Articles.Select(a => a.Title).ToArray();
            return (RepositoryPaths.Seeds, seeds);
        }

        var source = CorpusLoader.RequireFile(CorpusLoader.BbcFile);
        var folder = Directory.CreateDirectory(Path.Combine(work, "content")).FullName;
        File.Copy(source, Path.Combine(folder, CorpusLoader.BbcFile));
        var titles = File.ReadLines(source)
            .Select(line => JsonNode.Parse(line)?["title"]?.GetValue<string>())
            .OfType<string>()
            .ToArray();
        return (folder, titles);
    }

    /// <summary>The 1-minute load average: on a shared machine, what else wanted the cores during the run.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
