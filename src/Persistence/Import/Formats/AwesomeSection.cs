namespace RlhfGraph.Persistence.Import.Formats;

/// <summary>Where an entry of a general list sits: its heading path, the kind a heading names (null: none does), the year one gives.</summary>
internal sealed record AwesomeSection(string Path, SectionKind? Kind, int? Year);
