using Xunit;

namespace BriefingBot.Testing;

/// <summary>
/// A fact that runs only when the named shared data files exist (xunit 2 has no dynamic skip, so the skip reason is
/// decided when the attribute is created during discovery).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] fileNames)
    {
        FileNames = fileNames;
        if (SharedData.MissingReason(fileNames) is { } reason)
        {
            Skip = reason;
        }
    }

    public IReadOnlyList<string> FileNames { get; }
}
