namespace BriefingBot.Benchmarks.Corpora;

/// <summary>The shared datasets are not where the benchmark looks; the message says where and how to point elsewhere.</summary>
public sealed class DataMissingException : Exception
{
    public DataMissingException()
    {
    }

    public DataMissingException(string message)
        : base(message)
    {
    }

    public DataMissingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
