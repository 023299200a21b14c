namespace SecureLaunch.Core.Templates;

/// <summary>A <c>{{ secret.field }}</c> reference: the secret's name in the spec and one of its fields.</summary>
public readonly record struct SecretReference(string Secret, string Field)
{
    public override string ToString() => $"{Secret}.{Field}";
}
