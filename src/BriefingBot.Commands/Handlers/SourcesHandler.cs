using System.Globalization;
using System.Text;
using BriefingBot.Commands.Auditing;
using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Results;
using BriefingBot.Feeds.Polling;
using BriefingBot.Feeds.Sources;

namespace BriefingBot.Commands.Handlers;

/// <summary>
/// /sources (moderators): subscribe the bot to RSS, Atom and JSON feeds, list them with how their polls go, remove
/// them, and refresh them now (which re-enables a disabled one). Private replies; every change is audited like /reload.
/// </summary>
public sealed class SourcesHandler(IFeedSourceManager sources, IAuditLog? audit = null, TimeProvider? timeProvider = null) : ICommandHandler
{
    public const string Name = "sources";
    private const int ListedSuggestions = 25;

    public CommandDefinition Definition { get; } = new(Name, "Feeds the bot reads news from (moderators)")
    {
        ModeratorOnly = true,
        Defer = true,
        EphemeralByDefault = true,
        Options =
        [
            new("add", "Subscribe to an RSS, Atom or JSON feed; it is read once right away", CommandOptionType.Subcommand)
            {
                Options =
                [
                    new("url", "The feed's address, e.g. https://example.com/feed.xml", CommandOptionType.String) { Required = true, MaxLength = 2000 },
                    new("name", "A name to show instead of the feed's own title", CommandOptionType.String) { MaxLength = 100 },
                    new("poll", "Minutes between reads (default 15)", CommandOptionType.Integer) { MinValue = 1, MaxValue = 10080 },
                ],
            },
            new("list", "Show every feed, how its reads go, and why a disabled one stopped", CommandOptionType.Subcommand),
            new("remove", "Unsubscribe from a feed and drop its articles", CommandOptionType.Subcommand)
            {
                Options = [new("source", "The feed", CommandOptionType.String) { Required = true, Autocomplete = true }],
            },
            new("refresh", "Read a feed (or all) now; re-enables a disabled feed", CommandOptionType.Subcommand)
            {
                Options = [new("source", "The feed (default: all)", CommandOptionType.String) { Autocomplete = true }],
            },
        ],
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => request.Subcommand switch
    {
        "add" => AddAsync(request, cancellationToken),
        "list" => ListAsync(cancellationToken),
        "remove" => RemoveAsync(request, cancellationToken),
        "refresh" => RefreshAsync(request, cancellationToken),
        _ => Task.FromResult(Reply.Problem("Use /sources add, list, remove or refresh.")),
    };

    public async Task<IReadOnlyList<CommandChoice>> AutocompleteAsync(AutocompleteRequest request, CancellationToken cancellationToken)
    {
        if (request.FocusedOption != "source")
        {
            return [];
        }

        var typed = request.TypedText.Trim();
        return (await sources.ListAsync(cancellationToken))
            .Where(s => typed.Length == 0
                || s.DisplayName.Contains(typed, StringComparison.OrdinalIgnoreCase)
                || s.Url.Contains(typed, StringComparison.OrdinalIgnoreCase)
                || s.Id.ToString(CultureInfo.InvariantCulture) == typed)
            .Take(ListedSuggestions)
            .Select(s => new CommandChoice(Cut($"#{s.Id} {s.DisplayName}{(s.Enabled ? string.Empty : " (disabled)")}", 100), s.Id.ToString(CultureInfo.InvariantCulture)))
            .ToArray();
    }

    private async Task<Reply> AddAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        int? poll = null;
        if (request.Option("poll") is { } pollText)
        {
            if (!int.TryParse(pollText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes))
            {
                return Reply.Problem("poll is a number of minutes, e.g. 30.");
            }

            poll = minutes;
        }

        var url = request.Option("url");
        var result = await sources.AddAsync(url, request.Option("name"), poll, request.Caller.DisplayName, cancellationToken);
        if (result.Source is not { } source)
        {
            await RecordAsync(request, "add", url ?? string.Empty, "refused: " + result.Problem, cancellationToken);
            return Reply.Problem(MarkdownText.Escape($"I can't add that feed: {result.Problem}."));
        }

        var first = result.FirstPoll;
        var outcome = first is null || first.Outcome != PollOutcome.Failed ? $"added, first read: {Describe(first)}" : $"added, first read failed: {first.Error}";
        await RecordAsync(request, "add", $"#{source.Id} {source.DisplayName} ({source.Url}) every {Minutes(source.PollInterval)}", outcome, cancellationToken);
        var text = $"Subscribed to **{MarkdownText.Escape(source.DisplayName)}** (#{source.Id}), read every {Minutes(source.PollInterval)}. ";
        text += first is { Outcome: PollOutcome.Failed }
            ? $"The first read failed: {MarkdownText.Escape(first.Error ?? "unknown")}. It will be retried with backoff; /sources list shows how it goes."
            : $"First read: {Describe(first)}.";
        return new Reply { Content = text, Ephemeral = true, Data = new SourceView(source) };
    }

    private async Task<Reply> ListAsync(CancellationToken cancellationToken)
    {
        var list = await sources.ListAsync(cancellationToken);
        if (list.Count == 0)
        {
            return new Reply { Content = "No feeds yet. Add one with /sources add url:<feed address>.", Ephemeral = true, Data = Array.Empty<SourceView>() };
        }

        var now = (timeProvider ?? TimeProvider.System).GetUtcNow();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Feeds ({list.Count}):");
        foreach (var s in list)
        {
            text.AppendLine(Line(s, now));
        }

        return new Reply { Content = text.ToString().TrimEnd(), Ephemeral = true, Data = list.Select(s => new SourceView(s)).ToArray() };
    }

    private async Task<Reply> RemoveAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(request.Option("source"), cancellationToken) is not { } id)
        {
            return Reply.Problem("I don't know that feed. Pick one from the list, or see /sources list.");
        }

        var removed = await sources.RemoveAsync(id, cancellationToken);
        if (removed is null)
        {
            return Reply.Problem("That feed is not subscribed (any more). See /sources list.");
        }

        await RecordAsync(request, "remove", $"#{removed.Id} {removed.DisplayName} ({removed.Url})", "removed", cancellationToken);
        var settingsNote = removed.Origin == FeedSourceOrigin.Settings ? " It is listed in Sources:Feeds, so remove it there too or it comes back at the next start." : string.Empty;
        return new Reply
        {
            Content = $"Removed **{MarkdownText.Escape(removed.DisplayName)}** (#{removed.Id}) and its {removed.State.ItemCount:N0} articles.{settingsNote}",
            Ephemeral = true,
            Data = new SourceView(removed),
        };
    }

    private async Task<Reply> RefreshAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        long? id = null;
        if (request.Option("source") is { } typed)
        {
            id = await ResolveAsync(typed, cancellationToken);
            if (id is null)
            {
                return Reply.Problem("I don't know that feed. Pick one from the list, or see /sources list.");
            }
        }

        var results = await sources.RefreshAsync(id, cancellationToken);
        if (results.Count == 0)
        {
            return Reply.Problem(id is null ? "No feeds yet. Add one with /sources add url:<feed address>." : "That feed is not subscribed (any more).");
        }

        var lines = results.Select(r => $"• #{r.SourceId} {MarkdownText.Escape(r.SourceName)}: {(r.Outcome == PollOutcome.Failed ? "failed: " + MarkdownText.Escape(r.Error ?? "unknown") : Describe(r))}");
        var summary = string.Join("; ", results.Select(r => $"#{r.SourceId} {(r.Outcome == PollOutcome.Failed ? "failed: " + r.Error : Describe(r))}"));
        await RecordAsync(request, "refresh", id is null ? "all feeds" : $"#{id}", summary, cancellationToken);
        return new Reply
        {
            Content = "Read now:\n" + string.Join("\n", lines),
            Ephemeral = true,
            Kind = results.All(r => r.Outcome == PollOutcome.Failed) ? ReplyKind.Problem : ReplyKind.Success,
            Data = results.ToArray(),
        };
    }

    /// <summary>The id picked from autocomplete, or a typed id, name or URL that matches exactly one feed.</summary>
    private async Task<long?> ResolveAsync(string? typed, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var text = typed.Trim().TrimStart('#');
        var list = await sources.ListAsync(cancellationToken);
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return list.Any(s => s.Id == id) ? id : null;
        }

        var matches = list.Where(s => string.Equals(s.DisplayName, text, StringComparison.OrdinalIgnoreCase) || string.Equals(s.Url, text, StringComparison.OrdinalIgnoreCase)).ToArray();
        return matches.Length == 1 ? matches[0].Id : null;
    }

    private static string Line(FeedSource s, DateTimeOffset now)
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"• #{s.Id} **{MarkdownText.Escape(s.DisplayName)}** <{s.Url}> every {Minutes(s.PollInterval)}, {s.State.ItemCount:N0} articles");
        if (s.Origin == FeedSourceOrigin.Settings)
        {
            line.Append(" (from settings)");
        }

        if (!s.Enabled)
        {
            line.Append(CultureInfo.InvariantCulture, $" — **disabled**: {MarkdownText.Escape(s.State.DisabledReason!)}. /sources refresh source:{s.Id} re-enables it.");
            return line.ToString();
        }

        line.Append(s.State.LastSuccessAt is { } ok ? $" — last read {When(ok, now)}" : " — not read yet");
        if (s.State.NextPollAt is { } next)
        {
            line.Append(CultureInfo.InvariantCulture, $", next {When(next, now)}");
        }

        if (s.State.LastError is { } error)
        {
            line.Append(CultureInfo.InvariantCulture, $" — {s.State.ConsecutiveFailures} failure(s) in a row, last: {MarkdownText.Escape(error)}");
        }

        return line.ToString();
    }

    private static string Describe(PollResult? result) => result switch
    {
        null => "not read yet",
        { Outcome: PollOutcome.NotModified } => "no change",
        { Outcome: PollOutcome.Deferred } => "waiting: " + result.Error,
        _ => $"{result.Added} new, {result.Changed} changed" + (result.Duplicates > 0 ? $", {result.Duplicates} duplicates skipped" : string.Empty),
    };

    private static string When(DateTimeOffset at, DateTimeOffset now) =>
        at.UtcDateTime.Date == now.UtcDateTime.Date
            ? at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC"
            : at.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 120 && span.TotalMinutes % 60 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0} h")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min");

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private Task RecordAsync(CommandRequest request, string verb, string detail, string outcome, CancellationToken cancellationToken)
    {
        if (audit is null)
        {
            return Task.CompletedTask;
        }

        var caller = request.Caller;
        return audit.RecordAsync(
            new AuditEntry((timeProvider ?? TimeProvider.System).GetUtcNow(), caller.GuildId, caller.UserId, caller.DisplayName, $"{Name} {verb}", detail, outcome),
            cancellationToken);
    }
}
