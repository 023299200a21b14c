using System.Text;
using SecureLaunch.Core.Diagnostics;
using Shouldly;

namespace SecureLaunch.Core.Tests.Diagnostics;

public sealed class SecretMaskTests
{
    private static string[] Texts(SecretMask mask) => [.. mask.Values.Select(v => Encoding.UTF8.GetString(v))];

    [Fact]
    public void Set_replaces_the_values_and_drops_those_shorter_than_four_characters()
    {
        var mask = new SecretMask();
        mask.Set(["old-password"]);

        mask.Set(["new-password", "abc", "abcd"]);

        Texts(mask).ShouldBe(["new-password", "abcd"]);
    }

    [Fact]
    public void Add_keeps_the_values_a_container_may_still_print_after_a_rotation()
    {
        var mask = new SecretMask();
        mask.Set(["old-password"]);

        mask.Add(["new-password-2", "old-password"]);

        Texts(mask).ShouldBe(["new-password-2", "old-password"]);
    }

    [Fact]
    public void Each_line_of_a_multi_line_value_is_masked_on_its_own_too()
    {
        var mask = new SecretMask();

        mask.Set(["-----BEGIN KEY-----\r\nMIIEsecretline\r\nok\r\n-----END KEY-----"]);

        Texts(mask).ShouldBe(["-----BEGIN KEY-----\r\nMIIEsecretline\r\nok\r\n-----END KEY-----", "-----BEGIN KEY-----", "-----END KEY-----", "MIIEsecretline"]);
    }
}
