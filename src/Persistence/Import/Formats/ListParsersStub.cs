// TEMPORARY STUB
namespace RlhfGraph.Persistence.Import.Formats;
internal static class ListParsers { public static IReadOnlyList<string> Formats => []; public static IListParser? For(string f) => null; }
