namespace SecureLaunch.DevVault.Policies.Hcl;

/// <summary>A malformed HCL document; the message reads like HCL's own: <c>At line:column: what</c>.</summary>
internal sealed class HclException : Exception
{
    public HclException()
    {
    }

    public HclException(string message)
        : base(message)
    {
    }

    public HclException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HclException(int line, int column, string what)
        : base($"At {line}:{column}: {what}")
    {
    }
}
