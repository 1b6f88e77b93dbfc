using Ces.Grains.Explain;
using Ces.Grains.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Ces.Silo.Explain;

/// <summary><c>POST /api/v1/explain</c>, <c>GET /api/v1/pods</c> and the page <c>/ui/explain</c> that uses them.</summary>
public static class ExplainEndpoints
{
    public static IEndpointRouteBuilder MapCesExplain(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/explain", ExplainAsync);
        endpoints.MapGet("/api/v1/pods", (SnapshotStore store) => TypedResults.Ok((store.Current?.Pods ?? [])
            .OrderBy(p => p.Metadata.Namespace, StringComparer.Ordinal).ThenBy(p => p.Metadata.Name, StringComparer.Ordinal)
            .Select(p => new { @namespace = p.Metadata.Namespace, name = p.Metadata.Name, ips = p.PodIPs, phase = p.Phase })));
        endpoints.MapGet("/ui/explain", () => TypedResults.Content(ExplainPage.Html, "text/html; charset=utf-8"));
        return endpoints;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ExplainAsync(
        ExplainRequest request, SnapshotStore store, ICesConfigSource config, DriftCheck drift, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.From) || string.IsNullOrWhiteSpace(request.To))
        {
            return TypedResults.Problem("give from (NAMESPACE/POD or IP) and to (HOST:PORT/PROTO)", statusCode: StatusCodes.Status400BadRequest);
        }
        var settings = config.Current;
        if (store.Explainer(settings) is not { } explainer)
        {
            return TypedResults.Problem("CES has not read its source yet; try again shortly", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        switch (explainer.Explain(request.From, request.To))
        {
            case ExplainOutcome.Answered { Explanation: var explanation }:
                var withDrift = explanation with { Drift = await drift.CheckAsync(explainer, explanation, settings.Config.SchemaVersion, cancellationToken) };
                return TypedResults.Content(ExplanationJson.Serialize(withDrift), "application/json");
            case ExplainOutcome.Failed failed:
                return TypedResults.Problem(failed.Message, statusCode: StatusCodes.Status400BadRequest, title: "The question cannot be answered");
            default:
                throw new InvalidOperationException("unknown explain outcome");
        }
    }
}
