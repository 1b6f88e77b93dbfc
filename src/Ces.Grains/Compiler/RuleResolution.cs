using Ces.Abstractions.Api;
using Ces.Abstractions.Collections;
using Ces.Abstractions.Diagnostics;
using Ces.Abstractions.Policy;

namespace Ces.Grains.Compiler;

/// <summary>A rule's resolution: its tenant and definition, or the outcome that keeps it off the device; and what was found.</summary>
public sealed record RuleResolution(ObjectRef Rule, string? Tenant, RuleDefinition? Definition, RuleOutcome? Failure, EquatableArray<Diagnostic> Diagnostics);
