using System.Text.Json.Nodes;

namespace Ces.BigIp.Simulator.Declarations;

/// One AS3 task record (GET /task/{id}); <see cref="Outcome"/> is null while it runs.
internal sealed class As3Task(string id, DateTimeOffset created)
{
    public string Id { get; } = id;

    public DateTimeOffset Created { get; } = created;

    public DeclarationOutcome? Outcome { get; set; }
}
