using System.Text.Json.Nodes;

namespace Ces.Grains.As3;

/// Where an AS3 item sits: its ADC root, tenant, application, name and JSON pointer in the checked document.
internal sealed record ItemLocation(JsonObject Adc, string Tenant, string App, string Item, string Pointer);
