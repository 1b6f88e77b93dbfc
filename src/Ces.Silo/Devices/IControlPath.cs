namespace Ces.Silo.Devices;

/// <summary>iControl REST spells a full path <c>/T/Shared/name</c> as <c>~T~Shared~name</c> in URLs.</summary>
internal static class IControlPath
{
    public static string Encode(string fullPath) => Uri.EscapeDataString(fullPath.Replace('/', '~'));

    public static string Tenant(string fullPath) => fullPath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? fullPath;
}
