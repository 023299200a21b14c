using SecureLaunch.Docker.Tests.Support;

namespace SecureLaunch.Docker.Tests.Engine;

public sealed class ImageTests : IAsyncDisposable
{
    private readonly EngineScope _scope = new();

    [Fact(Timeout = 60_000)]
    public async Task An_image_that_is_present_is_used_without_a_pull()
    {
        await _scope.Engine.EnsureImageAsync(EngineScope.Image, EngineScope.Token);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_image_that_cannot_be_pulled_is_an_image_error_in_one_clear_line()
    {
        var error = await Should.ThrowAsync<DockerImageException>(() => _scope.Engine.EnsureImageAsync("busybox:nope", EngineScope.Token));

        error.Image.ShouldBe("busybox:nope");
        error.Message.ShouldStartWith("image busybox:nope is not present locally and could not be pulled: ");
        error.DaemonMessage.ShouldNotBeNullOrWhiteSpace();
        error.Message.ShouldNotContain('\n');
    }

    [Fact(Timeout = 60_000)]
    public async Task A_pull_error_reported_inside_the_progress_stream_is_an_image_error()
    {
        // The fake registry answers, so the daemon starts streaming (200) before it finds no manifest for
        // this platform: the error arrives as a message in the stream, not as a status code.
        await using var registry = FakeRegistry.Start();
        var image = $"{registry.Host}/securelaunch/other-platform:v1";

        var error = await Should.ThrowAsync<DockerImageException>(() => _scope.Engine.EnsureImageAsync(image, EngineScope.Token));

        error.Message.ShouldStartWith($"image {image} is not present locally and could not be pulled: ");
        error.DaemonMessage.ShouldContain("no matching manifest");
        error.InnerException.ShouldBeNull("an error status would carry the client's exception; a stream error has none");
        registry.Requests.ShouldContain(r => r.Contains("/manifests/v1", StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
