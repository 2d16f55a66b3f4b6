using Microsoft.Extensions.Options;
using Npgsql;

namespace BriefingBot.Storage;

/// <summary>
/// Cross-field rules: a known provider, and for PostgreSQL a connection string that parses and names a host. Messages
/// never repeat the connection string, which may hold a password.
/// </summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(options.Provider, StorageOptions.Sqlite, StringComparison.OrdinalIgnoreCase) && !options.UsesPostgres)
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Provider is '{options.Provider}'; set it to '{StorageOptions.Sqlite}' (the default, a local file) or '{StorageOptions.Postgres}'.");
        }

        if (!options.UsesPostgres)
        {
            return ValidateOptionsResult.Success;
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "Storage:Provider is 'postgres' but Storage:ConnectionString is empty; set it (env Storage__ConnectionString), e.g. 'Host=db;Database=briefingbot;Username=bot;Password=…'.");
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The parser's own message can quote the offending part, password included: say only what kind of problem it is.
            return ValidateOptionsResult.Fail(
                $"Storage:ConnectionString is not a valid PostgreSQL connection string ({ex.GetType().Name}); use 'Key=Value;' pairs such as 'Host=db;Database=briefingbot;Username=bot;Password=…'.");
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? ValidateOptionsResult.Fail("Storage:ConnectionString names no Host; add 'Host=…' (a name, an address or a Unix socket folder).")
            : ValidateOptionsResult.Success;
    }
}
