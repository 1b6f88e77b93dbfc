using Ces.Abstractions.Api;
using Ces.Abstractions.Config;

namespace Ces.Grains.Compiler;

/// <summary>What the compiler needs besides the cluster's objects: the config and the controller's namespace.</summary>
/// <param name="ControllerNamespace">Where cluster-scoped ExternalServices live (<c>CES_NAMESPACE</c>).</param>
/// <param name="Indented">Indent the JSON for people to read; the device gets it compact.</param>
public sealed record CompilerSettings(CesConfig Config, string ControllerNamespace = CesApi.DefaultControllerNamespace, bool Indented = false);
