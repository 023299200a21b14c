namespace SecureLaunch.IntegrationTests;

/// <summary>Run specs more than one test class launches.</summary>
internal static class TestSpecs
{
    /// <summary>
    /// One container that prints <c>started</c> and sleeps, with a KV secret (<c>secret/app/stripe</c>) as hidden env and
    /// leased database credentials (<c>database/creds/app</c>) as a 0400 file: one lease to renew, one value to hide.
    /// </summary>
    public static string Sleeper(string name) => $$$"""
        version: 1
        name: {{{name}}}
        secrets:
          stripe: { path: secret/app/stripe }
          db: { path: database/creds/app }
        containers:
          sleeper:
            image: busybox:stable
            command: ["sh", "-c", "echo started; exec sleep 300"]
            env: { STRIPE_KEY: "{{ stripe.api_key }}" }
            files:
              - { target: /run/secrets/db, content: "{{ db.username }}:{{ db.password }}", mode: "0400" }
        """;
}
