using SecureLaunch.Core.Diagnostics;
using Shouldly;

namespace SecureLaunch.Core.Tests.Rotation;

public sealed class SecretMaskRotationTests
{
    [Fact]
    public void Added_values_are_masked_and_old_ones_stay_masked()
    {
        var mask = new SecretMask();
        mask.Set(["old-password-1"]);

        mask.Add(["new-password-22", "old-password-1", "abc"]);

        mask.Values.Select(v => System.Text.Encoding.UTF8.GetString(v)).ShouldBe(["new-password-22", "old-password-1"]);
    }

    [Fact]
    public void A_stream_masks_a_value_added_after_it_was_created()
    {
        var mask = new SecretMask();
        using var output = new MemoryStream();
        using var stream = new MaskingStream(output, mask);
        mask.Add(["rotated-secret"]);

        stream.Write("pw=rotated-secret\n"u8);

        System.Text.Encoding.UTF8.GetString(output.ToArray()).ShouldBe("pw=*****\n");
    }
}
