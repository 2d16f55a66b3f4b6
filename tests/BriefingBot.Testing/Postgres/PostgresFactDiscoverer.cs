using Xunit.Abstractions;
using Xunit.Sdk;

namespace BriefingBot.Testing.Postgres;

/// <summary>Makes a <see cref="PostgresTestCase"/> of each <see cref="PostgresFactAttribute"/> method.</summary>
public sealed class PostgresFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var skip = factAttribute.GetNamedArgument<string>(nameof(Xunit.FactAttribute.Skip));
        if (skip is not null)
        {
            // An explicit Skip needs no server and no special handling.
            yield return new XunitTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
            yield break;
        }

        yield return new PostgresTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
    }
}
