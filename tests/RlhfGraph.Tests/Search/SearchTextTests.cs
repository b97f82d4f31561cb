using RlhfGraph.Persistence.Search;

namespace RlhfGraph.Tests.Search;

public sealed class SearchTextTests
{
    [Fact]
    public void StoredTextIsFoldedPaddedAndCountsEachPartOnceWhateverItsCase()
    {
        string?[] parts = ["Direct Preference Optimization", null, "direct preference OPTIMIZATION", "  ", "?!", "DPO", "Rafael Rafailov", "dpo"];

        Assert.Equal(" direct preference optimization dpo rafael rafailov ", SearchText.Pad(parts, SearchText.Fold));
    }

    [Fact]
    public void StoredTextOfNothingIsTwoSpaces()
    {
        Assert.Equal("  ", SearchText.Pad([], SearchText.Fold));
        Assert.Equal("  ", SearchText.Pad([null, " ", "—"], SearchText.Fold));
    }
}
