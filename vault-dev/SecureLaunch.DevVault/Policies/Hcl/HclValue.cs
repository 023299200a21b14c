namespace SecureLaunch.DevVault.Policies.Hcl;

/// <summary>A value in an HCL document: string, number, bool, list or object, with where it starts.</summary>
internal abstract record HclValue(int Line, int Column);

/// <summary>A quoted string or heredoc.</summary>
internal sealed record HclString(string Value, int Line, int Column) : HclValue(Line, Column);

/// <summary>A number, kept as written.</summary>
internal sealed record HclNumber(string Text, int Line, int Column) : HclValue(Line, Column);

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed record HclBool(bool Value, int Line, int Column) : HclValue(Line, Column);

/// <summary><c>[a, b]</c>.</summary>
internal sealed record HclList(IReadOnlyList<HclValue> Items, int Line, int Column) : HclValue(Line, Column);

/// <summary><c>{ key = value ... }</c> or a block body.</summary>
internal sealed record HclObject(IReadOnlyList<HclItem> Items, int Line, int Column) : HclValue(Line, Column);

/// <summary>One item: <c>key = value</c>, or a block <c>key "label" { ... }</c> whose labels come before its body.</summary>
internal sealed record HclItem(string Key, IReadOnlyList<string> Labels, HclValue Value, int Line, int Column);
