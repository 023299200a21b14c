using System.Formats.Tar;
using Docker.DotNet;
using Docker.DotNet.Models;
using SecureLaunch.Docker.Errors;
using SecureLaunch.Docker.Logging;
using ContainerSpec = SecureLaunch.Docker.Containers.ContainerSpec;

namespace SecureLaunch.Docker;

/// <summary>Putting symbolic links into a created container's filesystem.</summary>
public sealed partial class DockerEngine
{
    /// <summary>
    /// <c>PUT /containers/{id}/archive?path=/&amp;noOverwriteDirNonDir=true</c> with a tar of symlink entries only: 200; 400,
    /// 403 (a read-only root filesystem), 404, 500. The daemon creates missing parent directories (0755, root) and leaves
    /// existing ones untouched, replaces a file at a link's path, and refuses to replace a directory. On failure the
    /// container is removed, so a create either gives a container with its links or nothing.
    /// </summary>
    private async Task CreateLinksAsync(string containerId, ContainerSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            using var archive = LinkArchive(spec);
            await _client.Containers.ExtractArchiveToContainerAsync(
                containerId, new CopyToContainerParameters { Path = "/", AllowOverwriteDirWithFile = false }, archive, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _client.Containers.RemoveContainerAsync(containerId, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, CancellationToken.None);
            }
            catch (Exception removal) when (removal is DockerApiException or HttpRequestException or IOException)
            {
                Log.ContainerRemoveAfterFailureFailed(_logger, new ShortId(containerId), removal.Message);
            }

            var reason = e is DockerApiException api ? DockerErrors.DaemonMessage(api) : e.Message;
            throw new DockerEngineException(
                $"create container {spec.Name}: cannot put the links to its secret files in place ({string.Join(", ", spec.Links.Select(l => l.Path))}): {reason}",
                (e as DockerApiException)?.StatusCode, e);
        }
    }

    private static MemoryStream LinkArchive(ContainerSpec spec)
    {
        var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var link in spec.Links)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, link.Path.TrimStart('/'))
                {
                    LinkName = link.Target,
                    Mode = (UnixFileMode)0x1FF,
                    Uid = 0,
                    Gid = 0,
                });
            }
        }

        archive.Position = 0;
        return archive;
    }
}
