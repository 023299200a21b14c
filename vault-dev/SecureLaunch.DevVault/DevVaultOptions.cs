using System.Security.Cryptography.X509Certificates;

namespace SecureLaunch.DevVault;

/// <summary>How to start an embedded dev Vault.</summary>
public sealed record DevVaultOptions
{
    /// <summary>Loopback <c>host:port</c> to bind; port 0 picks a free port.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>
    /// Makes this server a standby of the active node at this address: health answers 429 (unless <c>standbyok</c>),
    /// <c>sys/leader</c> names the active node, and every other request is forwarded to it, or answered with a 307 to it
    /// when the client sends <c>X-Vault-No-Request-Forwarding</c>.
    /// </summary>
    public Uri? ActiveNode { get; init; }

    /// <summary>
    /// With <see cref="ActiveNode"/>: whether the standby forwards requests (Vault's default) or answers every one with
    /// a 307 to the active node, as a Vault standby does when it cannot forward (no reachable cluster address).
    /// </summary>
    public bool RequestForwarding { get; init; } = true;

    /// <summary>A certificate with its private key to serve HTTPS (TLS 1.2+) instead of plain HTTP; the caller owns and disposes it.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>A fixed root token, or null for a random Vault-style <c>hvs.</c> token (the seed's token wins over null).</summary>
    public string? RootToken { get; init; }

    /// <summary>Secrets and database roles present at start.</summary>
    public DevVaultSeed Seed { get; init; } = DevVaultSeed.Empty;

    /// <summary>The clock leases and tokens expire on.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// <c>inmem</c> (the default, like <c>vault server -dev</c>: unsealed, seeded, a root token) or <c>file:DIR</c>
    /// (like a production server: uninitialised until <c>sys/init</c>, which writes the seed; every piece of data kept
    /// in DIR encrypted with AES-GCM under a key only the unseal shares rebuild; sealed after every start).
    /// </summary>
    public string? Storage { get; init; }

    /// <summary>
    /// The state health and seal status report at start in memory; <see cref="DevVaultServer.Status"/> changes it later.
    /// With file storage the seal decides the state and this is ignored.
    /// </summary>
    public DevVaultStatus Status { get; init; } = DevVaultStatus.Active;

    /// <summary>
    /// Serves the control endpoint under <c>/_devvault/</c> (outside Vault's <c>/v1/</c> API): counters, fault injection
    /// and seal events over HTTP, for tests in another process. Off unless asked: anyone who reaches the port can use it.
    /// </summary>
    public bool Control { get; init; }

    /// <summary>
    /// A file the audit device appends to (created 0600): a request and a response entry, one JSON object per line, for
    /// every request the router serves, with tokens, accessors and every string of the data HMAC-hashed as Vault's file
    /// audit device writes them. Null for none (the default, as a fresh Vault has no audit device).
    /// </summary>
    public string? AuditFile { get; init; }

    /// <summary>
    /// Requests applied through the server's own HTTP pipeline with the root token once it listens, in memory only (with
    /// file storage, run <c>vault-dev/bootstrap.sh</c> after init and unseal, as against a real Vault). Applied after the seed.
    /// </summary>
    public DevVaultBootstrap? Bootstrap { get; init; }

    /// <summary>Never prints the root token.</summary>
    public override string ToString() =>
        $"DevVaultOptions {{ Listen = {Listen}, Storage = {Storage ?? "inmem"}, Https = {Certificate is not null}, ActiveNode = {ActiveNode}, Status = {Status}, Control = {Control}, AuditFile = {AuditFile ?? "none"}, Bootstrap = {Bootstrap?.Requests.Count ?? 0} requests, RootToken = {(RootToken is null ? "random" : "set")}, Seed = {Seed} }}";
}
