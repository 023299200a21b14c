using SecureLaunch.Core.Spec.Shape;

namespace SecureLaunch.Core.Spec;

/// <summary>
/// The run spec described for people and tools, generated from the same declarations the binder checks keys
/// against (<c>Spec/Shape/SpecShape.cs</c>), so the description cannot drift from what is accepted.
/// </summary>
public static class SpecSchema
{
    /// <summary>The JSON Schema (draft 2020-12) of the spec, as <c>docs/securelaunch.schema.json</c> holds it.</summary>
    public static string ToJsonSchema() => SpecSchemaWriter.Write(SpecShape.Root);

    /// <summary>The spec reference in Markdown, as <c>docs/spec-reference.md</c> holds it.</summary>
    public static string ToMarkdown() => SpecReferenceWriter.Write(SpecShape.Root);
}
