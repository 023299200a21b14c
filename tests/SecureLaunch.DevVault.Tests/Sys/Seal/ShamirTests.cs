using System.Security.Cryptography;
using SecureLaunch.DevVault.Sys.Seal;
using Shouldly;

namespace SecureLaunch.DevVault.Tests.Sys.Seal;

public sealed class ShamirTests
{
    [Fact]
    public void Any_threshold_of_the_shares_rebuilds_the_secret_and_fewer_do_not()
    {
        var secret = RandomNumberGenerator.GetBytes(32);

        var shares = Shamir.Split(secret, 5, 3);

        shares.Count.ShouldBe(5);
        shares.ShouldAllBe(s => s.Length == 33);
        shares.Select(s => s[^1]).Distinct().Count().ShouldBe(5);
        foreach (var combination in new[] { new[] { 0, 1, 2 }, [0, 2, 4], [4, 3, 1], [1, 2, 3, 4] })
        {
            Shamir.Combine([.. combination.Select(i => shares[i])]).ShouldBe(secret);
        }

        Shamir.Combine([shares[0], shares[1]]).ShouldNotBe(secret);
    }

    [Fact]
    public void A_repeated_share_is_refused()
    {
        var shares = Shamir.Split(RandomNumberGenerator.GetBytes(32), 3, 2);

        Should.Throw<ArgumentException>(() => Shamir.Combine([shares[0], shares[0]]));
    }
}
