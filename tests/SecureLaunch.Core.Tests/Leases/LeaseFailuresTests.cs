using System.Net;
using SecureLaunch.Core.Launching;
using SecureLaunch.Core.Leases;
using SecureLaunch.Vault;
using Shouldly;

namespace SecureLaunch.Core.Tests.Leases;

public sealed class LeaseFailuresTests
{
    private static VaultApiException Api(VaultErrorKind kind, HttpStatusCode status) =>
        new(kind, status, "PUT", "sys/leases/renew", ["some error"]);

    private static VaultUnreachableException Unreachable(bool maySent) =>
        new(new Uri("http://127.0.0.1:8200"), "PUT", "sys/leases/renew",
            maySent ? VaultUnreachableReason.TimedOut : VaultUnreachableReason.ConnectionFailed, requestMayHaveBeenSent: maySent);

    [Theory]
    [InlineData(VaultErrorKind.Sealed, HttpStatusCode.ServiceUnavailable, LeaseFailureKind.Sealed)]
    [InlineData(VaultErrorKind.Standby, HttpStatusCode.TemporaryRedirect, LeaseFailureKind.Standby)]
    [InlineData(VaultErrorKind.PermissionDenied, HttpStatusCode.Forbidden, LeaseFailureKind.PermissionDenied)]
    [InlineData(VaultErrorKind.InvalidLease, HttpStatusCode.BadRequest, LeaseFailureKind.LeaseInvalid)]
    [InlineData(VaultErrorKind.Unavailable, HttpStatusCode.ServiceUnavailable, LeaseFailureKind.Unavailable)]
    [InlineData(VaultErrorKind.ServerError, HttpStatusCode.InternalServerError, LeaseFailureKind.Unavailable)]
    [InlineData(VaultErrorKind.RateLimited, HttpStatusCode.TooManyRequests, LeaseFailureKind.Unavailable)]
    [InlineData(VaultErrorKind.BadRequest, HttpStatusCode.BadRequest, LeaseFailureKind.Rejected)]
    [InlineData(VaultErrorKind.NotFound, HttpStatusCode.NotFound, LeaseFailureKind.Rejected)]
    public void Vault_answers_are_told_apart(VaultErrorKind kind, HttpStatusCode status, LeaseFailureKind expected) =>
        LeaseFailures.Classify(Api(kind, status)).ShouldBe(expected);

    [Fact]
    public void No_answer_is_unreachable() => LeaseFailures.Classify(Unreachable(maySent: false)).ShouldBe(LeaseFailureKind.Unreachable);

    [Fact]
    public void A_vault_failure_wrapped_by_the_caller_is_still_recognised() =>
        LeaseFailures.Classify(new LaunchException("secret 'db': failed", Api(VaultErrorKind.Sealed, HttpStatusCode.ServiceUnavailable)))
            .ShouldBe(LeaseFailureKind.Sealed);

    [Fact]
    public void Anything_else_is_unexpected() => LeaseFailures.Classify(new IOException("disk full")).ShouldBe(LeaseFailureKind.Unexpected);

    [Fact]
    public void Only_failures_that_prove_nothing_was_minted_give_the_budget_back()
    {
        LeaseFailures.ProvesNothingMinted(Unreachable(maySent: false)).ShouldBeTrue();
        LeaseFailures.ProvesNothingMinted(Api(VaultErrorKind.Sealed, HttpStatusCode.ServiceUnavailable)).ShouldBeTrue();
        LeaseFailures.ProvesNothingMinted(Api(VaultErrorKind.PermissionDenied, HttpStatusCode.Forbidden)).ShouldBeTrue();

        LeaseFailures.ProvesNothingMinted(Unreachable(maySent: true)).ShouldBeFalse();
        LeaseFailures.ProvesNothingMinted(Api(VaultErrorKind.ServerError, HttpStatusCode.InternalServerError)).ShouldBeFalse();
        LeaseFailures.ProvesNothingMinted(new IOException("rotation failed")).ShouldBeFalse();
    }

    [Fact]
    public void Foreign_exceptions_are_described_by_type_only_in_case_their_message_holds_a_value()
    {
        LeaseFailures.Describe(new InvalidOperationException("password=hunter22")).ShouldBe("InvalidOperationException");
        LeaseFailures.Describe(Unreachable(false)).ShouldContain("could not be reached");
    }
}
