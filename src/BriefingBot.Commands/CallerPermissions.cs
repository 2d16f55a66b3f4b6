namespace BriefingBot.Commands;

/// <summary>The permission bits handlers care about, with Discord's values so transports can pass them through.</summary>
[Flags]
#pragma warning disable CA1028 // Discord permission sets are 64-bit.
public enum CallerPermissions : ulong
#pragma warning restore CA1028
{
    None = 0,
    Administrator = 1UL << 3,
    ManageChannels = 1UL << 4,
    ManageGuild = 1UL << 5,
    ManageMessages = 1UL << 13,
    ManageWebhooks = 1UL << 29,
}
