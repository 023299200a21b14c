using Docker.DotNet;
using Microsoft.Extensions.Logging;
using SecureLaunch.Docker.Errors;
using SecureLaunch.Docker.Images;
using SecureLaunch.Docker.Logging;
using SecureLaunch.Docker.Mapping;

namespace SecureLaunch.Docker;

/// <summary>
/// <see cref="IContainerEngine"/> over Docker.DotNet.Enhanced. No API version is pinned: requests go to
/// unversioned paths and the daemon answers in its own version (1.41 on the hosts we test on).
/// </summary>
/// <remarks>
/// Every failure is a <see cref="DockerEngineException"/>; a daemon that cannot be reached is a
/// <see cref="DockerUnreachableException"/> naming the endpoint. Cancelling a token aborts the request with
/// an <see cref="OperationCanceledException"/>; the daemon may still finish what it had begun (a stop, a pull).
/// Docker.DotNet does not retry, and this class adds no retries of its own.
/// </remarks>
public sealed partial class DockerEngine : IContainerEngine
{
    private readonly DockerClient _client;
    private readonly ImagePuller _images;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private int _disposed;

    /// <param name="options">The endpoint; resolve <c>DOCKER_HOST</c> with <see cref="DockerEndpoint.Resolve"/>.</param>
    /// <param name="logger">Where the adapter logs; Docker.DotNet itself gets no logger, so request bodies are never logged.</param>
    public DockerEngine(DockerEngineOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Endpoint);
        ArgumentNullException.ThrowIfNull(logger);

        Endpoint = options.Endpoint;
        _logger = logger;
        _time = options.TimeProvider ?? TimeProvider.System;
        // No WithApiVersion: the client then talks to the daemon in the daemon's own version. No WithLogger either.
        _client = new DockerClientBuilder().WithEndpoint(options.Endpoint).Build();
        _images = new ImagePuller(_client, logger);
        Log.ClientCreated(logger, Endpoint);
    }

    public Uri Endpoint { get; }

    /// <inheritdoc/>
    /// <remarks><c>GET /info</c> and <c>GET /version</c>, both 200 or 500.</remarks>
    public Task<EngineInfo> GetInfoAsync(CancellationToken cancellationToken) =>
        CallAsync("read engine info", async token =>
        {
            var info = _client.System.GetSystemInfoAsync(token);
            var version = _client.System.GetVersionAsync(token);
            await Task.WhenAll(info, version);
            return EngineInfoMapper.ToEngineInfo(await info, await version);
        }, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>Inspect 200/404, then pull; see <see cref="ImagePuller.EnsureAsync"/> for how a failed pull shows.</remarks>
    public Task EnsureImageAsync(string image, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        return CallAsync($"ensure image {image}", async token =>
        {
            await _images.EnsureAsync(image, token);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Handles 200; 404 (image missing) surfaces as <see cref="DockerImageException"/>.</remarks>
    public Task<ImageDetails> InspectImageAsync(string image, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        return CallAsync($"inspect image {image}", async token =>
        {
            try
            {
                var inspect = await _client.Images.InspectImageAsync(image, token);
                return new ImageDetails
                {
                    Entrypoint = inspect.Config?.Entrypoint is { } entrypoint ? [.. entrypoint] : null,
                    Command = inspect.Config?.Cmd is { } cmd ? [.. cmd] : null,
                    User = inspect.Config?.User,
                    HasHealthcheck = inspect.Config?.Healthcheck?.Test is { Count: > 0 } test && test[0] != "NONE",
                    OperatingSystem = inspect.Os,
                    Architecture = inspect.Architecture,
                };
            }
            catch (DockerImageNotFoundException)
            {
                throw new DockerImageException(image, "the image is not present");
            }
        }, cancellationToken);
    }

    /// <summary>Closes the client. Attachments already handed out are their owners' to dispose. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _client.Dispose();
        }
    }

    /// <summary>
    /// Runs one call to the daemon and turns what the client throws into our exceptions. The operation text
    /// goes into error messages, so it holds identifiers only, never values.
    /// </summary>
    private async Task<T> CallAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await call(cancellationToken);
        }
        catch (Exception e) when (DockerErrors.ShouldTranslate(e, cancellationToken))
        {
            throw DockerErrors.Translate(e, Endpoint, operation);
        }
    }
}
