using Xunit.Abstractions;
using Xunit.Sdk;

namespace BriefingBot.Testing.Postgres;

/// <summary>Passes messages on, except that a failure caused by <see cref="PostgresUnavailableException"/> becomes a skip.</summary>
internal sealed class UnavailableAsSkipMessageBus(IMessageBus inner) : IMessageBus
{
    private static readonly string UnavailableType = typeof(PostgresUnavailableException).FullName!;

    public int Skipped { get; private set; }

    public bool QueueMessage(IMessageSinkMessage message)
    {
        if (message is ITestFailed failed && failed.ExceptionTypes.Contains(UnavailableType))
        {
            Skipped++;
            var index = Array.IndexOf(failed.ExceptionTypes, UnavailableType);
            return inner.QueueMessage(new TestSkipped(failed.Test, failed.Messages[index]));
        }

        return inner.QueueMessage(message);
    }

    // The inner bus belongs to the runner that handed it to us.
    public void Dispose()
    {
    }
}
