namespace RlhfGraph.Schema.Faults;

/// <summary>
/// The "Errors" section. Exception details (.NET type names, stack traces with file paths) and "Did you mean …?" field
/// suggestions reach clients only when this asks for them: never because of the environment alone, since every
/// `dotnet run` starts in Development through launchSettings.json.
/// </summary>
public sealed class ErrorOptions
{
    public const string SectionName = "Errors";

    /// <summary>Add extensions.details (exception types, messages, stack traces) and keep field suggestions; for debugging only.</summary>
    public bool IncludeDetails { get; set; }
}
