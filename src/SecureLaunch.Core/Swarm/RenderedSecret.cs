using System.Security.Cryptography;
using SecureLaunch.Core.Spec;
using SecureLaunch.Core.Templates;

namespace SecureLaunch.Core.Swarm;

/// <summary>One secret of a service, rendered: where it goes and its content, which the owner zeroes once sent.</summary>
internal sealed class RenderedSecret : IDisposable
{
    public required string Slot { get; init; }
    public required string Target { get; init; }
    public required int Uid { get; init; }
    public required int Gid { get; init; }
    public required UnixFileMode Mode { get; init; }
    public required SourceLocation Location { get; init; }

    /// <summary>What the content renders from; null for the hidden env file, which renders from the service's env.</summary>
    public Template? Template { get; init; }

    public required byte[] Content { get; init; }

    public void Dispose() => CryptographicOperations.ZeroMemory(Content);
}
