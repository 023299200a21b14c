using Shouldly;

namespace SecureLaunch.DevVault.Tests.Bootstrap;

public sealed class BootstrapParseTests
{
    [Fact]
    public void Lines_give_method_path_and_body_and_comments_and_blank_lines_are_skipped()
    {
        var bootstrap = DevVaultBootstrap.Parse("# set-up\n\n  POST sys/mounts/kv {\"type\":\"kv\"}\nDELETE kv/old\r\nPUT  sys/policies/acl/x   {\"policy\":\"path \\\"a\\\" {}\"}\n", "b.txt");

        bootstrap.Requests.ShouldBe(
        [
            new DevVaultBootstrapRequest("POST", "sys/mounts/kv", "{\"type\":\"kv\"}", 3),
            new DevVaultBootstrapRequest("DELETE", "kv/old", null, 4),
            new DevVaultBootstrapRequest("PUT", "sys/policies/acl/x", "{\"policy\":\"path \\\"a\\\" {}\"}", 5),
        ]);
        bootstrap.Requests[0].ToleratesAlreadyInUse.ShouldBeTrue();
        bootstrap.Requests[2].ToleratesAlreadyInUse.ShouldBeFalse();
    }

    [Theory]
    [InlineData("GET secret/data/x", 1, 1, "'GET' is not POST, PUT or DELETE")]
    [InlineData("\n  POST /v1/kv/x {}", 2, 3, "without a leading slash")]
    [InlineData("POST", 1, 1, "a path below /v1/ must follow the method")]
    [InlineData("POST kv/x [1,2]", 1, 1, "must be a JSON object")]
    [InlineData("POST kv/x {\"password\":\"sec", 1, 1, "not valid JSON")]
    public void A_malformed_line_is_reported_with_its_location(string text, int line, int column, string what)
    {
        var error = Should.Throw<DevVaultSeedException>(() => DevVaultBootstrap.Parse(text, "b.txt"));

        error.Message.ShouldStartWith($"b.txt:{line}:{column}: ");
        error.Message.ShouldContain(what);
        error.Message.ShouldNotContain("sec\"");
    }

    [Fact]
    public void The_repository_bootstrap_parses_and_its_description_holds_no_body()
    {
        var bootstrap = DevVaultBootstrap.FromFile(RepositoryFiles.ExamplesBootstrap);

        bootstrap.Requests.Count.ShouldBeGreaterThan(10);
        bootstrap.ToString().ShouldNotContain("hello-password");
        bootstrap.Requests.ShouldAllBe(r => !r.ToString().Contains('{'));
    }
}
