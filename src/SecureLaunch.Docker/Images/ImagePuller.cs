using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Logging;
using SecureLaunch.Docker.Errors;
using SecureLaunch.Docker.Logging;

namespace SecureLaunch.Docker.Images;

/// <summary><c>GET /images/{name}/json</c>, then <c>POST /images/create</c> when the image is missing.</summary>
internal sealed class ImagePuller(IDockerClient client, ILogger logger)
{
    /// <remarks>
    /// Inspect: 200 present, 404 missing. Pull: an error status (500 when the registry cannot be reached,
    /// 404 for an unknown repository) or, once streaming has begun, an error message inside the 200 stream;
    /// both become a <see cref="DockerImageException"/>.
    /// </remarks>
    public async Task EnsureAsync(string image, CancellationToken cancellationToken)
    {
        _ = ImageReference.Parse(image);
        if (await IsPresentAsync(image, cancellationToken))
        {
            Log.ImagePresent(logger, image);
            return;
        }

        await PullAsync(image, cancellationToken);
    }

    /// <summary><c>POST /images/create</c>, whether or not the image is present; failures as for <see cref="EnsureAsync"/>.</summary>
    public async Task PullAsync(string image, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(image);
        Log.PullingImage(logger, image);
        var progress = new PullProgress(logger, image);
        var parameters = new ImagesCreateParameters { FromImage = reference.Repository, Tag = reference.Tag };
        try
        {
            await client.Images.CreateImageAsync(parameters, new AuthConfig(), progress, cancellationToken);
        }
        catch (DockerApiException e)
        {
            throw new DockerImageException(image, DockerErrors.DaemonMessage(e), e);
        }

        if (progress.Error is { } error)
        {
            throw new DockerImageException(image, error);
        }

        Log.ImagePulled(logger, image);
    }

    private async Task<bool> IsPresentAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            await client.Images.InspectImageAsync(image, cancellationToken);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }
}
