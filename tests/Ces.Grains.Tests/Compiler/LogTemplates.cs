namespace Ces.Grains.Tests.Compiler;

/// <summary>CES's sample <c>logPool.template</c> (config/ces-conf.yaml, AS3 shape per ces-behaviour.md §4.10).</summary>
internal static class LogTemplates
{
    public const string Sample = """
        {
          "k8s_afm_hsl_log_profile": {
            "class": "Security_Log_Profile",
            "network": {
              "publisher": { "use": "/{{tenant}}/Shared/k8s_firewall_hsl_log_publisher" },
              "storageFormat": { "fields": ["bigip-hostname", "acl-rule-name", "acl-policy-name", "acl-policy-type", "protocol", "action",
                "drop-reason", "context-name", "context-type", "date-time", "src-ip", "src-port", "vlan", "route-domain", "dest-ip", "dest-port"] },
              "logRuleMatchAccepts": true, "logRuleMatchRejects": true, "logRuleMatchDrops": true,
              "logIpErrors": true, "logTcpErrors": true, "logTcpEvents": true
            }
          },
          "k8s_firewall_hsl_log_publisher": {
            "class": "Log_Publisher",
            "destinations": [
              { "use": "/{{tenant}}/Shared/k8s_remote-hsl-dest" },
              { "use": "/{{tenant}}/Shared/k8s_remote-hsl-dest-format" },
              { "bigip": "/Common/local-db" }
            ]
          },
          "k8s_remote-hsl-dest": {
            "class": "Log_Destination", "type": "remote-high-speed-log", "protocol": "tcp",
            "pool": { "use": "/{{tenant}}/Shared/k8s_log_pool" }
          },
          "k8s_remote-hsl-dest-format": {
            "class": "Log_Destination", "type": "remote-syslog", "format": "rfc5424",
            "remoteHighSpeedLog": { "use": "/{{tenant}}/Shared/k8s_remote-hsl-dest" }
          }
        }
        """;
}
