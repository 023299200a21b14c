using System.Security.Cryptography;
using System.Text;
using SecureLaunch.Core.Deploy;
using Shouldly;

namespace SecureLaunch.Core.Tests.Deploy;

public sealed class SealedBoxTests
{
    private static readonly byte[] Plain = Encoding.UTF8.GetBytes("hvs.wrapping-token-for-the-agent");

    [Fact]
    public void Only_the_agent_key_opens_a_box_sealed_to_it_for_the_same_purpose()
    {
        using var agent = AgentKey.Generate();
        var box = SealedBox.Seal(agent.PublicKey, Plain, "handoff:web");

        agent.Open(box, "handoff:web").ShouldBe(Plain);
        Encoding.UTF8.GetString(box).ShouldNotContain("wrapping-token");
    }

    [Fact]
    public void Another_key_another_purpose_or_one_flipped_bit_does_not_open()
    {
        using var agent = AgentKey.Generate();
        using var other = AgentKey.Generate();
        var box = SealedBox.Seal(agent.PublicKey, Plain, "handoff:web");
        var altered = box.ToArray();
        altered[^1] ^= 1;

        Should.Throw<CryptographicException>(() => other.Open(box, "handoff:web"));
        Should.Throw<CryptographicException>(() => agent.Open(box, "state:web"), "a hand-off cannot be replayed as state or for another launch");
        Should.Throw<CryptographicException>(() => agent.Open(altered, "handoff:web"));
        Should.Throw<CryptographicException>(() => agent.Open(box.AsSpan(0, 10), "handoff:web"));
    }

    [Fact]
    public void Two_seals_of_the_same_text_differ()
    {
        using var agent = AgentKey.Generate();

        SealedBox.Seal(agent.PublicKey, Plain, "p").ShouldNotBe(SealedBox.Seal(agent.PublicKey, Plain, "p"));
    }

    [Fact]
    public void The_private_key_survives_its_PEM_and_keeps_its_fingerprint()
    {
        using var agent = AgentKey.Generate();
        using var again = AgentKey.ImportPem(agent.ExportPrivateKeyPem());

        again.Fingerprint.ShouldBe(agent.Fingerprint);
        again.Open(agent.Seal(Plain, "state:web"), "state:web").ShouldBe(Plain);
        Should.Throw<ArgumentException>(() => AgentKey.ImportPem("not a key"));
    }

    [Fact]
    public void The_spec_hash_ignores_key_order_and_case_and_sees_any_value_change()
    {
        var spec = new Dictionary<string, string> { ["name"] = "web", ["services:api:image"] = "busybox:stable" };
        var reordered = new Dictionary<string, string> { ["Services:API:image"] = "busybox:stable", ["name"] = "web" };
        var changed = new Dictionary<string, string> { ["name"] = "web", ["services:api:image"] = "busybox:1.36" };

        Deployer.SpecHash(reordered).ShouldBe(Deployer.SpecHash(spec));
        Deployer.SpecHash(changed).ShouldNotBe(Deployer.SpecHash(spec));
    }
}
