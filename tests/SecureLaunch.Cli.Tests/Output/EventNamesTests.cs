using SecureLaunch.Cli.Output;
using Shouldly;

namespace SecureLaunch.Cli.Tests.Output;

public sealed class EventNamesTests
{
    [Theory]
    [InlineData("VaultHealthy", "vault_healthy")]
    [InlineData("LoggedIn", "logged_in")]
    [InlineData("TLSVerificationOff", "tls_verification_off")]
    [InlineData("Http2Ready", "http2_ready")]
    [InlineData("PermissionDenied", "permission_denied")]
    [InlineData("already_snake", "already_snake")]
    public void Log_method_names_become_snake_case_event_names(string name, string expected) =>
        EventNames.SnakeCase(name).ShouldBe(expected);

    [Theory]
    [InlineData("LeaseId", "leaseId")]
    [InlineData("name", "name")]
    public void Placeholders_become_camel_case_fields(string name, string expected) =>
        EventNames.CamelCase(name).ShouldBe(expected);
}
