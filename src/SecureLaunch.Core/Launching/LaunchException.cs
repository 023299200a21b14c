namespace SecureLaunch.Core.Launching;

/// <summary>
/// A launch could not go on. The message is one line, says where (spec location or endpoint) and
/// what, and never holds a secret value or token.
/// </summary>
public sealed class LaunchException : Exception
{
    public LaunchException(string message)
        : base(message)
    {
    }

    public LaunchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
