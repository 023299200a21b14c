namespace SecureLaunch.Core.Launching;

/// <summary>One secret of the spec as first fetched, for <see cref="SupervisionStarted"/>: its name and what it is, never a value.</summary>
/// <param name="Name">The spec name of the secret.</param>
/// <param name="Leased">Whether it came with a lease the renewal loop follows.</param>
/// <param name="Mints">Whether reading it mints a credential (any engine but KV): its first fetch minted one, and so does each re-fetch.</param>
public sealed record SupervisedSecret(string Name, bool Leased, bool Mints);
