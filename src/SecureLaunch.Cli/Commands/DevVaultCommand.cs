using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.DevVault;

namespace SecureLaunch.Cli.Commands;

/// <summary><c>securelaunch dev-vault</c>: the embedded dev Vault on its own, as <c>vault server -dev</c> runs.</summary>
internal static partial class DevVaultCommand
{
    private sealed record Settings(string Listen, string? Seed, string? RootToken, string? Storage, string? Bootstrap, string? AuditFile, bool Control, string? TlsCert, string? TlsKey);

    public static Command Create(CliContext context)
    {
        var listen = new Option<string>("--listen")
        {
            Description = "Address to listen on (loopback only: the dev Vault is for development and tests)",
            DefaultValueFactory = _ => "127.0.0.1:8200",
            HelpName = "host:port",
        };
        var seed = new Option<string?>("--seed") { Description = "A spec whose dev: section seeds secrets, roles, policies and auth methods", HelpName = "path" };
        var rootToken = new Option<string?>("--root-token") { Description = "Use this root token instead of a random one (like -dev-root-token-id)", HelpName = "token" };
        var storage = new Option<string?>("--storage")
        {
            Description = "inmem (default: unsealed, a root token) or file:DIR (like a production server: starts uninitialised, then sealed at every start)",
            HelpName = "inmem|file:DIR",
        };
        var bootstrap = new Option<string?>("--bootstrap") { Description = "Apply a bootstrap file (METHOD path {json} per line) through the API at start, in memory only", HelpName = "path" };
        var auditFile = new Option<string?>("--audit-file") { Description = "Append Vault-style JSON audit entries here (every value HMAC-hashed)", HelpName = "path" };
        var control = new Option<bool>("--control") { Description = "Serve the test control endpoint under /_devvault/ (counters, faults, seal events); off by default" };
        var tlsCert = new Option<string?>("--tls-cert") { Description = "Serve HTTPS with this PEM certificate (with --tls-key)", HelpName = "path" };
        var tlsKey = new Option<string?>("--tls-key") { Description = "The PEM private key of --tls-cert", HelpName = "path" };
        var command = new Command("dev-vault", "Run the embedded, Vault-API-compatible dev server (never for production)")
        {
            listen, seed, rootToken, storage, bootstrap, auditFile, control, tlsCert, tlsKey,
        };
        command.SetAction((result, _) => RunAsync(context, new Settings(
            result.GetValue(listen)!, result.GetValue(seed), result.GetValue(rootToken), result.GetValue(storage), result.GetValue(bootstrap),
            result.GetValue(auditFile), result.GetValue(control), result.GetValue(tlsCert), result.GetValue(tlsKey))));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, Settings settings)
    {
        if (Validate(settings) is { } problem)
        {
            context.Console.WriteError(problem);
            return ExitCodes.LaunchFailed;
        }

        X509Certificate2? certificate = null;
        try
        {
            var directory = context.Environment.CurrentDirectory;
            certificate = settings.TlsCert is null ? null : LoadCertificate(Path.GetFullPath(settings.TlsCert, directory), Path.GetFullPath(settings.TlsKey!, directory));
            var options = new DevVaultOptions
            {
                Listen = settings.Listen,
                Seed = settings.Seed is null ? DevVaultSeed.Empty : DevVaultSeed.FromYamlFile(Path.GetFullPath(settings.Seed, directory)),
                RootToken = settings.RootToken,
                Storage = settings.Storage is null or "inmem" ? null : "file:" + Path.GetFullPath(settings.Storage["file:".Length..], directory),
                Bootstrap = settings.Bootstrap is null ? null : DevVaultBootstrap.FromFile(Path.GetFullPath(settings.Bootstrap, directory)),
                AuditFile = settings.AuditFile is null ? null : Path.GetFullPath(settings.AuditFile, directory),
                Control = settings.Control,
                Certificate = certificate,
            };
            await using var server = await DevVaultServer.StartAsync(options, context.Shutdown.Token);
            WriteBanner(context.Console.Out, server, options);
            await Task.Delay(Timeout.InfiniteTimeSpan, context.TimeProvider, context.Shutdown.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (Failures.IsExpected(ex) || ex is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            context.Console.WriteError(Failures.Describe(ex));
            return ExitCodes.LaunchFailed;
        }
        finally
        {
            certificate?.Dispose();
        }
    }

    /// <summary>The one line explaining what is wrong with the flags, or null.</summary>
    private static string? Validate(Settings settings)
    {
        if (!IsLoopback(settings.Listen))
        {
            return $"--listen {settings.Listen}: the dev Vault only listens on loopback (127.0.0.1 or [::1])";
        }

        if (settings.Storage is not null && settings.Storage != "inmem" && !(settings.Storage.StartsWith("file:", StringComparison.Ordinal) && settings.Storage.Length > "file:".Length))
        {
            return $"--storage {settings.Storage}: expected inmem or file:DIR";
        }

        var fileStorage = settings.Storage is not null && settings.Storage != "inmem";
        if (fileStorage && (settings.RootToken is not null || settings.Bootstrap is not null))
        {
            return "--storage file:DIR makes a production-like server: its root token comes from sys/init, and vault-dev/bootstrap.sh sets it up after unseal; drop --root-token and --bootstrap";
        }

        return (settings.TlsCert is null) == (settings.TlsKey is null) ? null : "--tls-cert and --tls-key go together";
    }

    private static X509Certificate2 LoadCertificate(string certPath, string keyPath)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certPath, keyPath);

        // Kestrel needs a certificate whose key lives in a store-backed container on some platforms; a PKCS#12 round trip gives one.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    private static bool IsLoopback(string listen)
    {
        var colon = listen.LastIndexOf(':');
        var host = (colon > 0 ? listen[..colon] : listen).Trim('[', ']');
        return host is "localhost" || (System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip));
    }
}
