using RlhfGraph.Persistence.Import.Formats;
using RlhfGraph.Persistence.Import.Merging;

namespace RlhfGraph.Tests.Import.Merging;

public sealed class SourcedItemTests
{
    private static ListItem Item(int line) => new()
    {
        Source = "list",
        Line = line,
        Column = 7,
        Section = "Papers / 2023",
        Title = "Direct Preference Optimization",
        Url = "https://arxiv.org/abs/2305.18290",
        People = ["Rafael Rafailov", "Archit Sharma"],
    };

    [Fact]
    public void AnItemLetGoKeepsItsPlaceAndRefusesItsText()
    {
        var sourced = new SourcedItem("list", Item(12), order: 3);
        Assert.Equal("Direct Preference Optimization", sourced.Item.Title);

        sourced.LetGo();

        Assert.Equal(("list", 12, 7, "Papers / 2023", 3), (sourced.Source, sourced.Line, sourced.Column, sourced.Section, sourced.Order));
        var refused = Assert.Throws<InvalidOperationException>(() => sourced.Item);
        Assert.StartsWith("list:12: the item was let go", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoMentionsOfTheSameTextAreTwoItems()
    {
        // One list can give the same line twice; each is a mention of its own, however equal the parsed records are.
        var item = Item(12);
        var (first, second) = (new SourcedItem("list", item, order: 0), new SourcedItem("list", item, order: 1));

        Assert.NotEqual(first, second);
        Assert.Equal(2, new HashSet<SourcedItem> { first, second, first }.Count);
        Assert.Equal("a", new Dictionary<SourcedItem, string> { [first] = "a", [second] = "b" }[first]);
    }

    [Fact]
    public void AnItemsListFieldsAreExactArraysAndEmptyOnesAreShared()
    {
        var people = new List<string>(capacity: 16) { "Rafael Rafailov", "Archit Sharma" };
        var item = Item(1) with { People = people, Keywords = new List<string>(capacity: 4) };

        Assert.Equal(people, Assert.IsType<string[]>(item.People));
        Assert.Same(Array.Empty<string>(), item.Keywords);
        Assert.Same(Array.Empty<ListLink>(), item.Links);
        Assert.Same(Array.Empty<string>(), new ListItem { Source = "list", Line = 2, Title = "t" }.People);
    }
}
