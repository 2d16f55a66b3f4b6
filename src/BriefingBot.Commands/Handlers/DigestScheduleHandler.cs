using System.Globalization;
using System.Text;
using BriefingBot.Commands.Auditing;
using BriefingBot.Commands.Replies;
using BriefingBot.Commands.Scheduling;
using NodaTime;
using NodaTime.Text;

namespace BriefingBot.Commands.Handlers;

/// <summary>
/// /digest-schedule (moderators): subscribe a channel to a daily digest at a local time, list, remove, and preview
/// privately what the next post will say. Every change is committed before the reply and recorded in the audit log;
/// /digest-schedule list shows the guild's recent changes (and reloads) under its subscriptions.
/// </summary>
public sealed class DigestScheduleHandler(
    ISubscriptionStore subscriptions,
    DigestDelivery delivery,
    IAuditLog audit,
    TimeZoneCatalog zones,
    IWebhookUrlRules webhookUrls,
    TimeProvider timeProvider) : ICommandHandler
{
    public const string Name = "digest-schedule";
    private const int RecentChanges = 8;
    private static readonly ZonedDateTimePattern WhenPattern = ZonedDateTimePattern.CreateWithInvariantCulture("ddd d MMM HH:mm", null);

    public CommandDefinition Definition { get; } = new(Name, "Schedule the daily digest in a channel (moderators)")
    {
        ModeratorOnly = true,
        EphemeralByDefault = true,
        Options =
        [
            new("add", "Post the daily digest in a channel at a local time (updates the channel's schedule if it has one)", CommandOptionType.Subcommand)
            {
                Options =
                [
                    new("channel", "The channel to post in", CommandOptionType.Channel) { Required = true },
                    new("time", "Local time, 24-hour HH:mm, e.g. 08:00", CommandOptionType.String) { Required = true, MaxLength = 5 },
                    new("timezone", "IANA time zone, e.g. Europe/London", CommandOptionType.String) { Required = true, Autocomplete = true, MaxLength = 64 },
                    new("webhook", "Post through this channel webhook URL instead of the bot", CommandOptionType.String) { MaxLength = 300 },
                ],
            },
            new("list", "Show this server's digest schedules, their last delivery or error, and recent changes", CommandOptionType.Subcommand),
            new("remove", "Stop the daily digest in a channel", CommandOptionType.Subcommand)
            {
                Options = [new("channel", "The channel", CommandOptionType.Channel) { Required = true }],
            },
            new("preview", "Show privately exactly what the channel's next digest will say", CommandOptionType.Subcommand)
            {
                Options = [new("channel", "The channel", CommandOptionType.Channel) { Required = true }],
            },
        ],
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken) => request.Subcommand switch
    {
        "add" => AddAsync(request, cancellationToken),
        "list" => ListAsync(request, cancellationToken),
        "remove" => RemoveAsync(request, cancellationToken),
        "preview" => PreviewAsync(request, cancellationToken),
        _ => Task.FromResult(Reply.Problem("Use /digest-schedule add, list, remove or preview.")),
    };

    public Task<IReadOnlyList<CommandChoice>> AutocompleteAsync(AutocompleteRequest request, CancellationToken cancellationToken)
    {
        if (request.FocusedOption != "timezone")
        {
            return Task.FromResult<IReadOnlyList<CommandChoice>>([]);
        }

        var now = Instant.FromDateTimeOffset(timeProvider.GetUtcNow());
        IReadOnlyList<CommandChoice> choices = zones.Search(request.TypedText)
            .Select(id => new CommandChoice($"{id} (now {now.InZone(zones.Find(id)!).ToString("HH:mm", CultureInfo.InvariantCulture)})", id))
            .ToArray();
        return Task.FromResult(choices);
    }

    private async Task<Reply> AddAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!TryChannel(request, out var channel, out var problem)
            || !DailyPostTime.TryCreate(request.Option("time"), request.Option("timezone"), zones, out var schedule, out problem))
        {
            // The problem repeats what was typed (time, time zone), so it is escaped as a whole.
            return Reply.Problem(MarkdownText.Escape(problem!.EndsWith('?') ? problem : problem + "."));
        }

        var webhook = request.Option("webhook");
        if (webhook is not null && !webhookUrls.IsValid(webhook))
        {
            return Reply.Problem("That webhook URL doesn't look like a Discord channel webhook (https://discord.com/api/webhooks/<id>/<token>). Copy it from the channel's Integrations → Webhooks settings.");
        }

        var guild = GuildOf(request.Caller);
        var now = timeProvider.GetUtcNow();
        var before = await subscriptions.FindAsync(guild, channel, cancellationToken);
        var saved = await subscriptions.SaveAsync(new DigestSubscription(guild, channel, schedule!)
        {
            WebhookUrl = webhook?.Trim(),
            ActiveSince = now,
            ChangedBy = request.Caller.DisplayName,
        }, cancellationToken);

        var via = webhook is null ? string.Empty : $" through {webhookUrls.Describe(webhook)}";
        var detail = $"{ChannelText(guild, channel)} at {schedule}{via}";
        await RecordAsync(request, "add", detail, saved.Created ? "created" : $"updated (was {before?.Schedule})", cancellationToken);

        var next = Describe(schedule!.NextOccurrenceAfter(Instant.FromDateTimeOffset(now)));
        var text = saved.Created
            ? $"Subscribed {ChannelText(guild, channel)} to the daily digest at {schedule}{via}. First post: {next}."
            : $"Updated {ChannelText(guild, channel)}: the daily digest now posts at {schedule}{via} (was {before?.Schedule}). Next post: {next}.";
        if (before is { Enabled: false })
        {
            text += " It was disabled; it is enabled again.";
        }

        return Reply.Text(text, ephemeral: true);
    }

    private async Task<Reply> ListAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var guild = GuildOf(request.Caller);
        var list = await subscriptions.ListAsync(guild, cancellationToken);
        var now = Instant.FromDateTimeOffset(timeProvider.GetUtcNow());
        var text = new StringBuilder();
        if (list.Count == 0)
        {
            text.AppendLine("No channel here gets the daily digest yet. Add one with /digest-schedule add.");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Daily digests ({list.Count}):");
            foreach (var s in list)
            {
                text.Append(CultureInfo.InvariantCulture, $"• {ChannelText(guild, s.ChannelId)} at {s.Schedule}");
                text.Append(s.WebhookUrl is null ? string.Empty : $", through {webhookUrls.Describe(s.WebhookUrl)}");
                if (!s.Enabled)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $" — disabled: {s.DisabledReason}. Run /digest-schedule add again to re-enable.");
                    continue;
                }

                text.Append(CultureInfo.InvariantCulture, $" — next {Describe(s.Schedule.NextOccurrenceAfter(now))}");
                text.Append(s.LastPostedAt is { } posted ? $", last posted {Describe(Instant.FromDateTimeOffset(posted).InZone(s.Schedule.Zone))}" : ", not posted yet");
                text.AppendLine(s.LastError is null ? "." : $". Last error ({(s.LastErrorAt is { } at ? Describe(Instant.FromDateTimeOffset(at).InZone(s.Schedule.Zone)) : "?")}): {s.LastError}");
            }
        }

        var recent = await audit.RecentAsync(GuildOf(request.Caller), RecentChanges, cancellationToken);
        if (recent.Count > 0)
        {
            text.AppendLine().AppendLine("Recent changes:");
            foreach (var e in recent)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"• {e.At.UtcDateTime.ToString("d MMM HH:mm", CultureInfo.InvariantCulture)} UTC · {MarkdownText.Echo(e.UserName, 40)} · {e.Action}{(e.Detail.Length > 0 ? " " + e.Detail : string.Empty)} → {e.Outcome}");
            }
        }

        return Reply.Text(text.ToString().TrimEnd(), ephemeral: true) with { Data = list.Select(s => s with { WebhookUrl = s.WebhookUrl is null ? null : webhookUrls.Describe(s.WebhookUrl) }).ToArray() };
    }

    private async Task<Reply> RemoveAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!TryChannel(request, out var channel, out var problem))
        {
            return Reply.Problem(problem!);
        }

        var guild = GuildOf(request.Caller);
        if (!await subscriptions.RemoveAsync(guild, channel, cancellationToken))
        {
            return Reply.Problem($"{ChannelText(guild, channel)} has no daily digest here. /digest-schedule list shows the ones that do.");
        }

        await RecordAsync(request, "remove", ChannelText(guild, channel), "removed", cancellationToken);
        return Reply.Text($"Removed the daily digest from {ChannelText(guild, channel)}.", ephemeral: true);
    }

    private async Task<Reply> PreviewAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        if (!TryChannel(request, out var channel, out var problem))
        {
            return Reply.Problem(problem!);
        }

        var guild = GuildOf(request.Caller);
        var subscription = await subscriptions.FindAsync(guild, channel, cancellationToken);
        if (subscription is null)
        {
            return Reply.Problem($"{ChannelText(guild, channel)} has no daily digest here. Add one with /digest-schedule add.");
        }

        // Composed as the scheduler would at this moment, but nothing is written: no marker moves, no slot is used.
        var now = timeProvider.GetUtcNow();
        var post = delivery.Compose(subscription, now);
        var next = Describe(subscription.Schedule.NextOccurrenceAfter(Instant.FromDateTimeOffset(now)));
        var intro = $"Preview, only you can see this. If posted now, {ChannelText(guild, channel)}'s digest would say the following (next scheduled post: {next}"
            + (subscription.Enabled ? ")." : $"; but it is disabled: {subscription.DisabledReason}).");
        return post.Message with
        {
            Content = intro + (post.Message.Content is { Length: > 0 } content ? "\n\n" + content : string.Empty),
            Ephemeral = true,
            Buttons = [],
        };
    }

    private Task RecordAsync(CommandRequest request, string verb, string detail, string outcome, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(timeProvider.GetUtcNow(), GuildOf(request.Caller), request.Caller.UserId, request.Caller.DisplayName, $"{Name} {verb}", detail, outcome), cancellationToken);

    private static string Describe(ZonedDateTime when) => WhenPattern.Format(when) + " " + when.Zone.Id;

    /// <summary>The console and CLI have no guild: their subscriptions live in guild 0, "local".</summary>
    private static ulong GuildOf(CommandCaller caller) => caller.GuildId ?? 0;

    private static string ChannelText(ulong guild, ulong channel) => guild == 0 ? $"#{channel}" : $"<#{channel}>";

    /// <summary>Discord sends the id; the console accepts <c>#123</c>, <c>&lt;#123&gt;</c> or plain digits.</summary>
    private static bool TryChannel(CommandRequest request, out ulong channel, out string? problem)
    {
        var text = (request.Option("channel") ?? string.Empty).Trim().TrimStart('<').TrimEnd('>').TrimStart('#');
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out channel) && channel != 0)
        {
            problem = null;
            return true;
        }

        problem = "Please pick a channel (in the console, give its id: channel:#123456789012345678).";
        return false;
    }
}
