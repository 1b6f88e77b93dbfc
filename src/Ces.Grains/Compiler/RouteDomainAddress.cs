namespace Ces.Grains.Compiler;

/// <summary>Writes an address with its route domain (<c>10.1.0.5%2</c>, <c>10.1.0.0%2/16</c>) for use outside AS3.</summary>
/// <remarks>CES 0.5 appended a literal <c>%10</c> for any non-zero route domain (bug 6).</remarks>
public static class RouteDomainAddress
{
    public static string Qualify(string address, int routeDomainId)
    {
        if (routeDomainId == 0)
        {
            return address;
        }
        var slash = address.IndexOf('/');
        return slash < 0 ? $"{address}%{routeDomainId}" : $"{address[..slash]}%{routeDomainId}{address[slash..]}";
    }
}
