namespace SecureLaunch.Core.Journal;

/// <summary>Where and what a launch records in its journal, from the composition root.</summary>
public sealed record LaunchJournalOptions
{
    public required JournalStore Store { get; init; }

    /// <summary>The spec's full path, for <c>down</c> to log in again with its <c>vault.auth</c>.</summary>
    public string? SpecFile { get; init; }

    /// <summary>The Vault namespace the client sends, if any.</summary>
    public string? VaultNamespace { get; init; }

    /// <summary>The launch runs against the embedded dev Vault (<c>run --dev</c>), which dies with the launcher and its leases with it.</summary>
    public bool EphemeralVault { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
