namespace SecureLaunch.DevVault;

/// <summary>The <c>dev:</c> section of a spec, or a bootstrap file, is malformed or a bootstrap request failed; the message reads <c>file:line:column: what</c>.</summary>
public sealed class DevVaultSeedException : Exception
{
    public DevVaultSeedException()
    {
    }

    public DevVaultSeedException(string message)
        : base(message)
    {
    }

    public DevVaultSeedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Builds the exception with its location.</summary>
    public DevVaultSeedException(string sourceName, long line, long column, string what)
        : this(sourceName, line, column, what, null)
    {
    }

    /// <summary>Builds the exception with its location and cause.</summary>
    public DevVaultSeedException(string sourceName, long line, long column, string what, Exception? innerException)
        : base($"{sourceName}:{line}:{column}: {what}", innerException)
    {
        SourceName = sourceName;
        Line = line;
        Column = column;
    }

    /// <summary>The file (or other source name) the error is in.</summary>
    public string? SourceName { get; }

    /// <summary>1-based line of the error.</summary>
    public long Line { get; }

    /// <summary>1-based column of the error.</summary>
    public long Column { get; }
}
