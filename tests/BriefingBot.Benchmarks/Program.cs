using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Running;
using BriefingBot;
using BriefingBot.Benchmarks.Corpora;
using BriefingBot.Benchmarks.Load;
using BriefingBot.Benchmarks.Quality;
using BriefingBot.Benchmarks.Speed;

// The child process of a load run: the bot itself, composed exactly as `dotnet run --project src/BriefingBot` does.
if (args.Length > 0 && args[0] == BotProcess.ServeFlag)
{
    return await BotApplication.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);
}

// Routes the ways to run this project:
//   --load http|gateway [--rate 200] [--seconds 60] [--reload-every 10] [--corpus bbc|seeds] [--compete] [--json]
//                                                                              the whole bot under load (README "Reliability")
//   --quick [--json] [--articles N | --corpus seeds|bbc|reuters] [--no-peers] [--set K=V] [--semantic [--fill embed|random]]  one pass, one JSON object
//   --eval squad|wikiqa|cnndm [--json] [--limit N] [--no-peers] [--split test|dev] [--set K1=0.9]  answer quality on public data
//   --eval newsqa [--json] [--split dev|holdout] [--no-peers] [--dump FILE]  our news question set (full, lexical, peers)
//   --eval stories [--json] [--dump FILE]  the digest's same-story test on labelled BBC pairs, by words and by meaning
//   --eval search [--json] [--split dev|holdout]  /search's article ranking on the news questions, words alone and with meaning
//   --feeds [--feed-count 100] [--items 50] [--poll-minutes 5] [--minutes 12] [--hosts 10] [--new-every 30]
//                                                                              feeds polled from loopback publishers: CPU, memory, delay to first answer
//   --memory [--json]  what a folder load leaves on the heap (1500 generated records; only the articles should stay)
//   --bdn [BenchmarkDotNet arguments]  (or no arguments)                        the full BenchmarkDotNet suite
// Exit codes: 0 done, 2 bad arguments, 3 shared data missing.
var json = args.Contains("--json");
void Log(string message)
{
    // Progress goes to stderr so stdout stays one JSON object for scripts.
    Console.Error.WriteLine(message);
}

string? Value(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

int? Number(string name) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : null;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

try
{
    System.Text.Json.Nodes.JsonObject result;
    if (args.Contains("--quick"))
    {
        var articles = Number("--articles") ?? 10_000;
        var corpus = Value("--corpus") ?? "scale";
        result = await QuickRun.RunAsync(new QuickRunOptions(corpus, articles) { SkipPeers = args.Contains("--no-peers"), Ranking = RankingOverrides.Apply(args), Semantic = args.Contains("--semantic"), Fill = Value("--fill") ?? "embed" }, Log, cancel.Token);
    }
    else if (args.Contains("--memory"))
    {
        result = await LoaderRetention.RunAsync(Log, cancel.Token);
    }
    else if (Value("--load") is not null)
    {
        result = await LoadRunner.RunAsync(LoadOptions.Parse(args), Log, cancel.Token);
    }
    else if (args.Contains("--feeds"))
    {
        result = await BriefingBot.Benchmarks.Feeds.FeedsRun.RunAsync(BriefingBot.Benchmarks.Feeds.FeedsRunOptions.Parse(args), Log, cancel.Token);
    }
    else if (Value("--eval") is { } which)
    {
        result = await EvalRunner.RunAsync(which, Value("--split"), Number("--limit"), args.Contains("--no-peers"), RankingOverrides.Apply(args), Log, cancel.Token, Value("--dump"));
    }
    else
    {
        BenchmarkSwitcher.FromAssembly(typeof(QuickRun).Assembly).Run(args.Where(a => a != "--bdn").ToArray());
        return 0;
    }

    result["machine"] = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";
    Console.WriteLine(result.ToJsonString(new JsonSerializerOptions { WriteIndented = !json }));
    return 0;
}
catch (DataMissingException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 3;
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
