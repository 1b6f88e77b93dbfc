namespace Ces.Grains.Explain;

/// <summary>What an explain request came to: an answer, or why the question could not be answered.</summary>
public abstract record ExplainOutcome
{
    private ExplainOutcome()
    {
    }

    /// <summary>The question was answered, whatever the verdict.</summary>
    public sealed record Answered(Explanation Explanation) : ExplainOutcome;

    /// <summary>The question could not be answered: an unknown pod, a malformed destination, and the like.</summary>
    public sealed record Failed(string Message) : ExplainOutcome;
}
