using System.Text.Json.Nodes;

namespace Ces.BigIp.Simulator.Declarations;

/// The HTTP status and AS3 body a finished declaration answers with.
internal sealed record DeclarationOutcome(int StatusCode, JsonObject Body);
