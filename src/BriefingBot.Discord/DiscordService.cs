using BriefingBot.Discord.Gateway;
using BriefingBot.Discord.Interactions;
using BriefingBot.Discord.Rest;
using BriefingBot.Discord.Translation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BriefingBot.Discord;

/// <summary>
/// Thin hosted service: registers the commands on start and, in gateway mode, keeps this instance's gateway shards
/// connected and hands each interaction, whichever shard it came on, to the shared pipeline. In HTTP mode the mapped endpoint does the rest.
/// </summary>
public sealed partial class DiscordService(
    IOptions<DiscordOptions> options,
    DiscordRestClient rest,
    CommandRegistrar registrar,
    GatewayShardManager gateway,
    InteractionPipeline interactions,
    ILogger<DiscordService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        await RegisterCommandsAsync(stoppingToken);
        if (settings.Mode != DiscordMode.Gateway || rest.IsStopped)
        {
            return;
        }

        gateway.InteractionCreated += (interaction, cancellationToken) =>
            interactions.HandleAsync(interaction, new CallbackInteractionResponder(rest, interaction), cancellationToken);
        await gateway.RunAsync(stoppingToken);
    }

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var application = await rest.GetCurrentApplicationAsync(cancellationToken);
            await registrar.RegisterAsync(application.Id, cancellationToken);
        }
        catch (DiscordRestException ex)
        {
            // Existing registrations keep working; a failed sync must not keep the bot from answering.
            LogRegistrationFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(EventId = 3501, Level = LogLevel.Information, Message = "Discord is off (no Discord:Token set)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Error, Message = "Could not register slash commands: {Reason}")]
    private static partial void LogRegistrationFailed(ILogger logger, string reason);
}
