using SecureLaunch.Vault;

namespace SecureLaunch.Core.Leases;

/// <summary>Reads what a failed renewal or re-fetch means from the Vault client's exceptions.</summary>
public static class LeaseFailures
{
    /// <summary>The kind of failure; a wrapped <see cref="VaultException"/> (e.g. inside a LaunchException) is looked through.</summary>
    public static LeaseFailureKind Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return FindVaultException(exception) switch
        {
            VaultUnreachableException => LeaseFailureKind.Unreachable,
            VaultApiException api => api.Kind switch
            {
                VaultErrorKind.Sealed => LeaseFailureKind.Sealed,
                VaultErrorKind.Standby => LeaseFailureKind.Standby,
                VaultErrorKind.PermissionDenied => LeaseFailureKind.PermissionDenied,
                VaultErrorKind.InvalidLease => LeaseFailureKind.LeaseInvalid,
                VaultErrorKind.Unavailable or VaultErrorKind.ServerError or VaultErrorKind.UpstreamError
                    or VaultErrorKind.RateLimited or VaultErrorKind.PreconditionFailed or VaultErrorKind.InvalidResponse => LeaseFailureKind.Unavailable,
                _ => LeaseFailureKind.Rejected,
            },
            _ => LeaseFailureKind.Unexpected,
        };
    }

    /// <summary>
    /// True when a failed re-fetch cannot have minted a credential, so it does not count against the
    /// <see cref="MintBudget"/>: Vault refused it before handling it (sealed, standby, 403, 4xx, 429, 412) or it never
    /// left this process. A timeout, a connection lost mid-request, a 5xx or a non-Vault failure may have minted one.
    /// </summary>
    public static bool ProvesNothingMinted(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return FindVaultException(exception) switch
        {
            VaultUnreachableException unreachable => !unreachable.RequestMayHaveBeenSent,
            VaultApiException api => api.Kind is VaultErrorKind.Sealed or VaultErrorKind.Standby or VaultErrorKind.PermissionDenied
                or VaultErrorKind.BadRequest or VaultErrorKind.InvalidLease or VaultErrorKind.NotFound or VaultErrorKind.UnsupportedOperation
                or VaultErrorKind.RateLimited or VaultErrorKind.PreconditionFailed,
            _ => false,
        };
    }

    /// <summary>A message fit for logs and events: Vault's and Core's exceptions never hold values; others are named by type only.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            VaultException or MintBudgetExceededException or Launching.LaunchException => exception.Message,
            _ => FindVaultException(exception)?.Message ?? exception.GetType().Name,
        };
    }

    private static VaultException? FindVaultException(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is VaultException vault)
            {
                return vault;
            }
        }

        return null;
    }
}
