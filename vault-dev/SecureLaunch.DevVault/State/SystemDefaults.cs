namespace SecureLaunch.DevVault.State;

/// <summary>Vault's built-in TTL defaults (a dev server leaves both at 768h).</summary>
internal static class SystemDefaults
{
    public static readonly TimeSpan DefaultLeaseTtl = TimeSpan.FromHours(768);

    public static readonly TimeSpan MaxLeaseTtl = TimeSpan.FromHours(768);

    public const string Version = "1.14.8";

    public const string BuildDate = "2023-12-04T17:45:28Z";
}
