using SecureLaunch.Docker.Images;

namespace SecureLaunch.Docker.Tests.Images;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("busybox", "busybox", "latest")]
    [InlineData("busybox:stable", "busybox", "stable")]
    [InlineData("library/busybox:1.36", "library/busybox", "1.36")]
    [InlineData("localhost:5000/app", "localhost:5000/app", "latest")]
    [InlineData("localhost:5000/team/app:v2", "localhost:5000/team/app", "v2")]
    [InlineData("app@sha256:abc123", "app", "sha256:abc123")]
    [InlineData("registry:5000/app:v1@sha256:abc123", "registry:5000/app:v1", "sha256:abc123")]
    public void A_reference_splits_into_repository_and_tag(string image, string repository, string tag)
    {
        ImageReference.Parse(image).ShouldBe(new ImageReference(repository, tag));
    }

    [Theory]
    [InlineData("busybox:")]
    [InlineData(":tag")]
    [InlineData("app@")]
    [InlineData("localhost:5000/")]
    [InlineData("bad image")]
    [InlineData("")]
    public void A_malformed_reference_is_refused(string image)
    {
        Should.Throw<ArgumentException>(() => ImageReference.Parse(image));
    }

    [Fact]
    public void A_digest_reference_prints_with_an_at_sign()
    {
        ImageReference.Parse("app@sha256:abc").ToString().ShouldBe("app@sha256:abc");
        ImageReference.Parse("app").ToString().ShouldBe("app:latest");
    }
}
