namespace RlhfGraph.Api.Http;

/// <summary>The "Cors" section: which browser origins (dashboards elsewhere) may call /graphql. Empty: none, the default.</summary>
public sealed class GraphQLCorsOptions
{
    public const string SectionName = "Cors";

    /// <summary>Origins such as "https://dashboard.example.org"; "*" allows any origin (without credentials).</summary>
    public string[] AllowedOrigins { get; set; } = [];
}
