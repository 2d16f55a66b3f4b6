using BriefingBot.Commands.Access;
using BriefingBot.Commands.Cooldowns;
using BriefingBot.Commands.Replies;
using Microsoft.Extensions.Logging;

namespace BriefingBot.Commands;

/// <summary>
/// The single pipeline every transport calls: find the handler, clean and check the input, check access and
/// cooldowns, run it, turn failures into friendly replies, and fit the reply inside Discord's limits.
/// </summary>
public sealed partial class CommandDispatcher(CommandCatalog catalog, ModeratorPolicy moderators, ILogger<CommandDispatcher> logger, CommandCooldowns? cooldowns = null)
{
    /// <summary>Upper bound for any text option that does not declare its own maximum.</summary>
    public const int DefaultMaxOptionLength = 500;

    public CommandCatalog Catalog => catalog;

    public async Task<Reply> DispatchAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var handler = catalog.Find(request.Name);
        if (handler is null)
        {
            return Reply.Problem($"I don't know the command /{MarkdownText.Echo(request.Name, 40)}. Type /help to see what I can do.");
        }

        var definition = handler.Definition;
        if (definition.ModeratorOnly)
        {
            var access = moderators.Check(request.Caller);
            if (!access.Allowed)
            {
                LogRefused(logger, request.Name, request.Caller.UserId);
                return Reply.Refused(access.Reason!);
            }
        }

        var (cleaned, problem) = CleanOptions(request, definition);
        if (problem is not null)
        {
            return Reply.Problem(problem);
        }

        // After validation, so a mistyped command does not use up the caller's allowance.
        if (cooldowns?.TryAcquire(definition.Name, request.Caller) is { Allowed: false } cooldown)
        {
            LogCooledDown(logger, request.Name, request.Caller.UserId, cooldown.Scope!);
            return CooldownReply(definition.Name, cooldown);
        }

        Reply reply;
        try
        {
            reply = await handler.HandleAsync(cleaned, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, ex, request.Name);
            return new Reply
            {
                Content = "Sorry, something went wrong while answering that. It has been logged; please try again.",
                Ephemeral = true,
                Kind = ReplyKind.Failure,
            };
        }

        if (definition.EphemeralByDefault && !reply.Ephemeral)
        {
            reply = reply with { Ephemeral = true };
        }

        return ReplyFitter.Fit(reply);
    }

    public async Task<IReadOnlyList<CommandChoice>> AutocompleteAsync(AutocompleteRequest request, CancellationToken cancellationToken)
    {
        var handler = catalog.Find(request.Command.Name);
        if (handler is null)
        {
            return [];
        }

        try
        {
            var typed = InputCleaner.Clean(request.TypedText);
            var choices = await handler.AutocompleteAsync(request with { TypedText = TextCutter.Cut(typed, DefaultMaxOptionLength) }, cancellationToken);
            return choices
                .Where(c => c.Name.Length > 0 && c.Value.Length is > 0 and <= ReplyLimits.ChoiceName)
                .Select(c => c with { Name = TextCutter.Cut(c.Name, ReplyLimits.ChoiceName) })
                .Take(ReplyLimits.AutocompleteChoices)
                .ToArray();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogHandlerFailed(logger, ex, request.Command.Name + " (autocomplete)");
            return [];
        }
    }

    private static (CommandRequest Cleaned, string? Problem) CleanOptions(CommandRequest request, CommandDefinition definition)
    {
        var declared = definition.Options;
        if (request.Subcommand is { } sub)
        {
            var subDefinition = declared.FirstOrDefault(o => o.Type == CommandOptionType.Subcommand && o.Name.Equals(sub, StringComparison.OrdinalIgnoreCase));
            if (subDefinition is null)
            {
                var known = string.Join(", ", declared.Where(o => o.Type == CommandOptionType.Subcommand).Select(o => o.Name));
                return (request, $"/{definition.Name} has no subcommand '{MarkdownText.Echo(sub, 40)}'. Try one of: {known}.");
            }

            declared = subDefinition.Options;
            request = request with { Subcommand = subDefinition.Name };
        }
        else if (declared.Any(o => o.Type == CommandOptionType.Subcommand))
        {
            var known = string.Join(", ", declared.Where(o => o.Type == CommandOptionType.Subcommand).Select(o => o.Name));
            return (request, $"/{definition.Name} needs a subcommand: {known}.");
        }

        var cleaned = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, raw) in request.Options)
        {
            var option = declared.FirstOrDefault(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (option is null)
            {
                if (request.Source == CommandSource.Component)
                {
                    cleaned[name] = raw; // buttons carry internal state (page numbers) that users never type
                    continue;
                }

                var known = declared.Count == 0 ? "none" : string.Join(", ", declared.Select(o => o.Name));
                return (request, $"/{definition.Name} has no option '{MarkdownText.Echo(name, 40)}'. Its options: {known}.");
            }

            var value = InputCleaner.Clean(raw);
            var max = option.MaxLength ?? DefaultMaxOptionLength;
            if (value.Length > max)
            {
                return (request, $"The {option.Name} is {value.Length:N0} characters long; please keep it under {max:N0}.");
            }

            if (value.Length > 0)
            {
                cleaned[option.Name] = value;
            }
        }

        var missing = declared.FirstOrDefault(o => o.Required && !cleaned.ContainsKey(o.Name));
        if (missing is not null)
        {
            return (request, $"Please give {missing.Name}: {missing.Description.TrimEnd('.')}.");
        }

        return (request with { Options = cleaned }, null);
    }


    private static Reply CooldownReply(string command, CooldownResult cooldown)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(cooldown.RetryAfter.TotalSeconds));
        var who = cooldown.Scope == "guild" ? "This server is" : "You're";
        return new Reply
        {
            Content = $"{who} using /{command} a lot right now. Please try again in {seconds} s.",
            Ephemeral = true,
            Kind = ReplyKind.Problem,
        };
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Cooldown ({Scope}) refused {Command} for user {UserId}")]
    private static partial void LogCooledDown(ILogger logger, string command, ulong userId, string scope);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Command {Command} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string command);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Refused moderator command {Command} for user {UserId}")]
    private static partial void LogRefused(ILogger logger, string command, ulong userId);
}
