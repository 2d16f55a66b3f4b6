namespace BriefingBot.Storage.Tests;

public sealed class StorageOptionsValidatorTests
{
    private const string Password = "hunter2-secret";

    [Theory]
    [InlineData("sqlite", null)]
    [InlineData("SQLite", null)]
    [InlineData("postgres", "Host=db;Database=briefingbot;Username=bot;Password=" + Password)]
    [InlineData("Postgres", "Host=/var/run/postgresql;Database=briefingbot")]
    public void Validate_GoodSettings_Succeed(string provider, string? connectionString)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = provider, ConnectionString = connectionString });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("mysql", null, "Storage:Provider is 'mysql'")]
    [InlineData("postgres", null, "Storage:ConnectionString is empty")]
    [InlineData("postgres", "  ", "Storage:ConnectionString is empty")]
    [InlineData("postgres", "Database=briefingbot;Password=" + Password, "names no Host")]
    [InlineData("postgres", "Host=db;Pasword=" + Password, "not a valid PostgreSQL connection string")]
    public void Validate_BadSettings_SayWhatToSetWithoutThePassword(string provider, string? connectionString, string expected)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = provider, ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, result.FailureMessage, StringComparison.Ordinal);
    }
}
