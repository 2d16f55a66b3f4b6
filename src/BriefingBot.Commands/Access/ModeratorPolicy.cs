using Microsoft.Extensions.Options;

namespace BriefingBot.Commands.Access;

/// <summary>
/// Decides who may run moderator commands: Administrator, Manage Server, or a configured moderator role.
/// Discord also hides such commands through default_member_permissions, but that can be overridden by server
/// admins, so the check is repeated here on every call.
/// </summary>
public sealed class ModeratorPolicy(IOptions<ModerationOptions> options)
{
    public AccessResult Check(CommandCaller caller)
    {
        if ((caller.Permissions & (CallerPermissions.Administrator | CallerPermissions.ManageGuild)) != 0)
        {
            return AccessResult.Granted;
        }

        if (caller.RoleIds.Any(options.Value.RoleIds.Contains))
        {
            return AccessResult.Granted;
        }

        return AccessResult.Denied("Only moderators (members with Manage Server, or a moderator role) can do that.");
    }
}
