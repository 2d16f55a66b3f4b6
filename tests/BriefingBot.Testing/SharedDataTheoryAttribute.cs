using Xunit;

namespace BriefingBot.Testing;

/// <summary>The <see cref="TheoryAttribute"/> twin of <see cref="SharedDataFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(params string[] fileNames)
    {
        FileNames = fileNames;
        if (SharedData.MissingReason(fileNames) is { } reason)
        {
            Skip = reason;
        }
    }

    public IReadOnlyList<string> FileNames { get; }
}
