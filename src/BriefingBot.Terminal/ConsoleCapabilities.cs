namespace BriefingBot.Terminal;

/// <summary>What the output can show: how wide it is (null: do not wrap) and whether it understands ANSI styles.</summary>
public sealed record ConsoleCapabilities(int? Width, bool Styles)
{
    /// <summary>For pipes, files and tests: no wrapping and no escape codes, so scripts read exactly the text.</summary>
    public static ConsoleCapabilities Plain { get; } = new(null, false);

    /// <summary>
    /// The terminal's current width and styles when <paramref name="writer"/> is the console and a terminal is
    /// attached; <see cref="Plain"/> otherwise. Asked per reply, so a resized window wraps at its new width.
    /// </summary>
    public static ConsoleCapabilities For(TextWriter writer)
    {
        if (!ReferenceEquals(writer, Console.Out) || Console.IsOutputRedirected)
        {
            return Plain;
        }

        int? width;
        try
        {
            width = Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            width = null;
        }

        // https://no-color.org: any non-empty NO_COLOR turns styles off; a "dumb" terminal cannot show them.
        var styles = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        return new ConsoleCapabilities(width, styles);
    }
}
