using SecureLaunch.Vault.Auth;

namespace SecureLaunch.Core.Launching;

/// <summary>The token a launch holds once connected: how it was obtained and how long it lives. Holds no token.</summary>
/// <param name="Method">The login it came from (to log in again before it expires); null for a token the user gave.</param>
/// <param name="Ttl">Its time to live when obtained; zero for a token that never expires.</param>
/// <param name="Renewable">Whether renew-self may extend it.</param>
/// <param name="ObtainedAt">When the login was asked for; null for a given token (looked up just now).</param>
internal sealed record VaultConnection(VaultAuthMethod? Method, TimeSpan Ttl, bool Renewable, DateTimeOffset? ObtainedAt);
