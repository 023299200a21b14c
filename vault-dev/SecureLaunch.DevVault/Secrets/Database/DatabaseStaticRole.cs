namespace SecureLaunch.DevVault.Secrets.Database;

/// <summary>A static role: one existing database user whose password the engine rotates every <see cref="RotationPeriod"/>.</summary>
internal sealed class DatabaseStaticRole
{
    public required string DbName { get; init; }

    public required string Username { get; init; }

    public required TimeSpan RotationPeriod { get; init; }

    public IReadOnlyList<string> RotationStatements { get; init; } = [];

    /// <summary>The current password; kept only in memory and in the encrypted snapshot.</summary>
    public required string Password { get; set; }

    public required DateTimeOffset LastRotation { get; set; }

    /// <summary>Rotates as Vault's rotation queue would have by <paramref name="now"/>: a new password at each period boundary passed.</summary>
    public void CatchUp(DateTimeOffset now)
    {
        if (now < LastRotation + RotationPeriod)
        {
            return;
        }

        var periods = (long)((now - LastRotation).Ticks / RotationPeriod.Ticks);
        LastRotation += TimeSpan.FromTicks(RotationPeriod.Ticks * periods);
        Password = CredentialGenerator.Password();
    }
}
