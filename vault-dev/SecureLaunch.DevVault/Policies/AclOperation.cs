namespace SecureLaunch.DevVault.Policies;

/// <summary>The operation a request is checked as: a write is <see cref="Create"/> when the target does not exist yet.</summary>
internal enum AclOperation
{
    Read,
    List,
    Create,
    Update,
    Delete,
    Patch,
}
