namespace Ces.BigIp.Simulator.Faults;

/// Random faults: each matching request fails with <see cref="Probability"/>, the kind drawn evenly from <see cref="Kinds"/>.
public sealed record FaultRate(double Probability, IReadOnlyList<FaultKind> Kinds, string? PathPrefix = null, int Seed = 1)
{
    public static FaultRate None { get; } = new(0, []);
}
