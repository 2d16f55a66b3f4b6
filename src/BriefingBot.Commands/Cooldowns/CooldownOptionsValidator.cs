using Microsoft.Extensions.Options;

namespace BriefingBot.Commands.Cooldowns;

/// <summary>Fails start-up on limits that would block everyone or nobody by accident.</summary>
public sealed class CooldownOptionsValidator : IValidateOptions<CooldownOptions>
{
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, CooldownOptions options)
    {
        var failures = new List<string>();
        Check(failures, "PerUser", options.PerUser);
        Check(failures, "PerGuild", options.PerGuild);
        if (options.EffectiveCommands.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Cooldowns:Commands must not contain empty names.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string section, CooldownLimit? limit)
    {
        if (limit is null)
        {
            failures.Add($"Cooldowns:{section} is missing; give Count and Window (e.g. 5 and 00:00:30).");
            return;
        }

        if (limit.Count < 1 || limit.Count > 100_000)
        {
            failures.Add($"Cooldowns:{section}:Count must be between 1 and 100000 (it is {limit.Count}).");
        }

        if (limit.Window <= TimeSpan.Zero || limit.Window > MaxWindow)
        {
            failures.Add($"Cooldowns:{section}:Window must be more than 0 and at most one day (it is {limit.Window}).");
        }
    }
}
