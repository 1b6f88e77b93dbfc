namespace Ces.Abstractions.Api;

/// <summary>The API group, version and kinds CES 0.5 defined; manifests written for it keep working.</summary>
public static class CesApi
{
    public const string Group = "kubeovn.io";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Group + "/" + Version;

    public const string ExternalServiceKind = "ExternalService";
    public const string ClusterEgressRuleKind = "ClusterEgressRule";
    public const string NamespaceEgressRuleKind = "NamespaceEgressRule";
    public const string ServiceEgressRuleKind = "ServiceEgressRule";

    /// <summary>Kube-OVN's namespace annotation holding the subnet CIDR(s), comma-separated when dual-stack.</summary>
    public const string OvnCidrAnnotation = "ovn.kubernetes.io/cidr";

    /// <summary>The EndpointSlice label naming the Service a slice belongs to.</summary>
    public const string ServiceNameLabel = "kubernetes.io/service-name";

    /// <summary>The namespace holding cluster-scoped ExternalServices when <c>CES_NAMESPACE</c> is not set.</summary>
    public const string DefaultControllerNamespace = "kube-system";
}
