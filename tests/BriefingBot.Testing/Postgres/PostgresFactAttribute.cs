using Xunit;
using Xunit.Sdk;

namespace BriefingBot.Testing.Postgres;

/// <summary>
/// A fact that needs, or may need, a PostgreSQL server (contract tests run it for both providers). When the server
/// could not be started the test is skipped with the reason, unless <c>BRIEFINGBOT_REQUIRE_POSTGRES=1</c> (CI), where
/// it fails with that reason instead. xunit 2 decides skips at discovery, before a server exists, so the decision is
/// made at run time by <see cref="PostgresTestCase"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("BriefingBot.Testing.Postgres.PostgresFactDiscoverer", "BriefingBot.Testing")]
public sealed class PostgresFactAttribute : FactAttribute;
