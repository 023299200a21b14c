using Microsoft.AspNetCore.Http;

namespace SecureLaunch.DevVault.Http;

/// <summary>Injected faults, applied to a request before anything else happens to it.</summary>
internal sealed partial class VaultPipeline
{
    /// <summary>Applies the next fault matching the path, if any; false when it answered (or dropped) the request itself.</summary>
    private async Task<bool> ApplyFaultAsync(HttpContext context, string rawPath, CancellationToken cancellationToken)
    {
        var fault = faults.Take(rawPath.StartsWith(ApiPrefix, StringComparison.Ordinal) ? rawPath[ApiPrefix.Length..] : rawPath);
        switch (fault?.Kind)
        {
            case DevVaultFaultKind.DropConnection:
                context.Abort();
                return false;
            case DevVaultFaultKind.InternalServerError:
                await ResultWriter.WriteAsync(context, new VaultError(500, ["internal error"]), cancellationToken);
                return false;
            case DevVaultFaultKind.ServiceUnavailable:
                await ResultWriter.WriteAsync(context, new VaultError(503, ["service unavailable"]), cancellationToken);
                return false;
            case DevVaultFaultKind.Latency:
                await Task.Delay(fault.Delay, state.Clock, cancellationToken);
                return true;
            case DevVaultFaultKind.Seal:
                lock (state.Sync)
                {
                    state.Seal.Seal();
                }

                return true;
            default:
                return true;
        }
    }
}
