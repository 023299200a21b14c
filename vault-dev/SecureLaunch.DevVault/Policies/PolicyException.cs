namespace SecureLaunch.DevVault.Policies;

/// <summary>A policy that parses as HCL but breaks Vault's policy rules.</summary>
internal sealed class PolicyException : Exception
{
    public PolicyException()
    {
    }

    public PolicyException(string message)
        : base(message)
    {
    }

    public PolicyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
