using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SecureLaunch.Core.Leases;
using SecureLaunch.Core.Leases.Events;
using SecureLaunch.DevVault;
using SecureLaunch.Vault;
using Shouldly;

namespace SecureLaunch.Core.Tests.Leases;

/// <summary>
/// The token keeper against the real dev Vault (renew-self and token creation over HTTP, standing in for the Vault
/// client's renew-self and login), on a fake clock shared with the server; jitter 0, so a 60 s token has a 6 s grace.
/// </summary>
public sealed class TokenKeeperTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly List<TokenEvent> _seen = [];
    private readonly List<DateTimeOffset> _replaced = [];
    private DevVaultServer _vault = null!;
    private HttpClient _http = null!;
    private string _token = "";
    private TokenKeeper? _keeper;

    public async ValueTask InitializeAsync()
    {
        _vault = await DevVaultServer.StartAsync(new DevVaultOptions { TimeProvider = _clock }, TestContext.Current.CancellationToken);
        _http = new HttpClient { BaseAddress = _vault.Address };
    }

    public async ValueTask DisposeAsync()
    {
        if (_keeper is not null)
        {
            await _keeper.DisposeAsync();
        }

        _http.Dispose();
        await _vault.DisposeAsync();
    }

    private static DateTimeOffset At(double seconds) => T0 + TimeSpan.FromSeconds(seconds);

    [Fact]
    public async Task A_token_is_renewed_at_half_its_ttl()
    {
        var keeper = await KeeperForNewTokenAsync("60s", "10m");

        var scheduled = await NextAsync<TokenScheduled>();
        scheduled.ShouldBe(new TokenScheduled(T0, RenewalAction.Renew, At(30)));
        _clock.Advance(TimeSpan.FromSeconds(30));

        (await NextAsync<TokenRenewed>()).ShouldBe(new TokenRenewed(At(30), TimeSpan.FromSeconds(60), At(90)));
        (await NextAsync<TokenScheduled>()).DueAt.ShouldBe(At(60));
        keeper.Current.ExpiresAt.ShouldBe(At(90));
    }

    [Fact]
    public async Task A_token_at_its_max_ttl_is_replaced_by_a_login_before_it_expires_and_the_old_one_is_left_alive()
    {
        // Given a 60 s token that can live 100 s at most
        await KeeperForNewTokenAsync("60s", "100s");
        var first = _token;

        // When the clock follows the keeper until it logs in again
        TokenScheduled scheduled;
        while (true)
        {
            scheduled = await NextAsync<TokenScheduled>();
            if (_seen.OfType<TokenReauthenticated>().Any())
            {
                break;
            }

            _clock.Advance(scheduled.DueAt - _clock.GetUtcNow());
        }

        // Then it renewed at 30, 60 (capped: 40 s), 80 (20 s), 90 (10 s, too little to wait half of it) and logged in at once
        _seen.OfType<TokenRenewed>().Select(r => (r.At, r.Ttl.TotalSeconds)).ShouldBe([(At(30), 60d), (At(60), 40d), (At(80), 20d), (At(90), 10d)]);
        var login = _seen.OfType<TokenReauthenticated>().ShouldHaveSingleItem();
        login.ShouldBe(new TokenReauthenticated(At(90), TimeSpan.FromSeconds(60), At(150), OldExpiresAt: At(100)));

        // and the old token, which its leases live and die with, was not revoked: it runs until 100 s
        (await LookupSelfAsync(first)).ShouldBe(HttpStatusCode.OK);
        _replaced.ShouldBe([At(100)]);
        scheduled.ShouldBe(new TokenScheduled(At(90), RenewalAction.Renew, At(120)));
    }

    [Fact]
    public async Task A_revoked_token_is_replaced_by_a_login_at_the_next_renewal()
    {
        await KeeperForNewTokenAsync("60s", "10m");
        var scheduled = await NextAsync<TokenScheduled>();
        using (var revoke = await PostAsync("/v1/auth/token/revoke", new JsonObject { ["token"] = _token }, _vault.RootToken))
        {
            revoke.EnsureSuccessStatusCode();
        }

        _clock.Advance(scheduled.DueAt - _clock.GetUtcNow());

        var failed = await NextAsync<TokenRenewalFailed>();
        failed.ShouldBe(new TokenRenewalFailed(At(30), RenewalAction.Renew, LeaseFailureKind.PermissionDenied, RenewalAction.Reauthenticate, At(30), failed.Message));
        (await NextAsync<TokenReauthenticated>()).At.ShouldBe(At(30));
        (await LookupSelfAsync(_token)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task While_vault_is_sealed_renewals_are_retried_within_the_ttl_then_logins_until_it_answers()
    {
        await KeeperForNewTokenAsync("60s", "10m");
        var scheduled = await NextAsync<TokenScheduled>();
        _vault.Status = DevVaultStatus.Sealed;

        var failures = new List<TokenRenewalFailed>();
        while (failures.Count < 4)
        {
            _clock.Advance(scheduled.DueAt - _clock.GetUtcNow());
            failures.Add(await NextAsync<TokenRenewalFailed>());
            if (failures[^1].NextAttemptAt > _clock.GetUtcNow())
            {
                scheduled = await NextAsync<TokenScheduled>();
            }
        }

        failures.Select(f => (f.Action, f.At)).ShouldBe(
            [(RenewalAction.Renew, At(30)), (RenewalAction.Renew, At(40)), (RenewalAction.Renew, At(59)), (RenewalAction.Reauthenticate, At(59))]);
        failures.ShouldAllBe(f => f.Failure == LeaseFailureKind.Sealed);
        scheduled.ShouldBe(new TokenScheduled(At(59), RenewalAction.Reauthenticate, At(69)));

        _vault.Status = DevVaultStatus.Active;
        _clock.Advance(scheduled.DueAt - _clock.GetUtcNow());

        (await NextAsync<TokenReauthenticated>()).ShouldBe(new TokenReauthenticated(At(69), TimeSpan.FromSeconds(60), At(129), OldExpiresAt: At(60)));
        _replaced.ShouldBe([At(60)]);
    }

    [Fact]
    public async Task A_token_that_never_expires_needs_no_keeping()
    {
        var calls = 0;
        _keeper = new TokenKeeper(
            new TokenLifetime(TimeSpan.Zero, Renewable: false, T0),
            _ => { calls++; throw new InvalidOperationException("never called"); },
            _ => { calls++; throw new InvalidOperationException("never called"); },
            options: new TokenKeeperOptions { TimeProvider = _clock, Jitter = () => 0 });

        _keeper.Start();
        _clock.Advance(TimeSpan.FromDays(30));
        await _keeper.DisposeAsync();

        calls.ShouldBe(0);
        (await _keeper.Events.ReadAllAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    private async Task<TokenKeeper> KeeperForNewTokenAsync(string ttl, string explicitMaxTtl)
    {
        var initial = await CreateTokenAsync(ttl, explicitMaxTtl);
        _keeper = new TokenKeeper(
            initial,
            RenewSelfAsync,
            _ => CreateTokenAsync(ttl, explicitMaxTtl),
            _replaced.Add,
            new TokenKeeperOptions { TimeProvider = _clock, Jitter = () => 0 });
        _keeper.Start();
        return _keeper;
    }

    /// <summary>The login: a new child token of root, put in use (as the client's SetToken would).</summary>
    private async Task<TokenLifetime> CreateTokenAsync(string ttl, string explicitMaxTtl)
    {
        var at = _clock.GetUtcNow();
        var body = new JsonObject { ["ttl"] = ttl, ["explicit_max_ttl"] = explicitMaxTtl, ["policies"] = new JsonArray("default") };
        var auth = await AuthAsync(await PostAsync("/v1/auth/token/create", body, _vault.RootToken));
        _token = auth["client_token"]!.GetValue<string>();
        return Lifetime(auth, at);
    }

    private async Task<TokenLifetime> RenewSelfAsync(CancellationToken cancellationToken)
    {
        var at = _clock.GetUtcNow();
        return Lifetime(await AuthAsync(await PostAsync("/v1/auth/token/renew-self", new JsonObject(), _token)), at);
    }

    private static TokenLifetime Lifetime(JsonNode auth, DateTimeOffset at) =>
        new(TimeSpan.FromSeconds(auth["lease_duration"]!.GetValue<long>()), auth["renewable"]!.GetValue<bool>(), at);

    /// <summary>The auth block of a success; a failure as the Vault client would throw it.</summary>
    private static async Task<JsonNode> AuthAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return JsonNode.Parse(text)!["auth"]!;
            }

            var errors = JsonNode.Parse(text)?["errors"]?.AsArray().Select(e => e!.GetValue<string>()).ToArray() ?? [];
            var kind = response.StatusCode switch
            {
                HttpStatusCode.Forbidden => VaultErrorKind.PermissionDenied,
                HttpStatusCode.ServiceUnavailable => VaultErrorKind.Sealed,
                _ => VaultErrorKind.BadRequest,
            };
            throw new VaultApiException(kind, response.StatusCode, "POST", response.RequestMessage!.RequestUri!.AbsolutePath, errors);
        }
    }

    private async Task<HttpResponseMessage> PostAsync(string path, JsonObject body, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Vault-Token", token);
        return await _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<HttpStatusCode> LookupSelfAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/auth/token/lookup-self");
        request.Headers.Add("X-Vault-Token", token);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private async Task<T> NextAsync<T>()
        where T : TokenEvent
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(15));
        while (true)
        {
            var next = await _keeper!.Events.ReadAsync(guard.Token);
            _seen.Add(next);
            if (next is T wanted)
            {
                return wanted;
            }
        }
    }
}
