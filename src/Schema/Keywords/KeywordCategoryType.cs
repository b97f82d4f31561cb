using GraphQL.Types;
using RlhfGraph.Persistence.Entities;

namespace RlhfGraph.Schema.Keywords;

internal sealed class KeywordCategoryType : EnumerationGraphType<KeywordCategory>
{
    public KeywordCategoryType()
    {
        Name = "KeywordCategory";
        Description = "Which list field a keyword came from.";
        Values.FindByValue(KeywordCategory.Topic)!.Description = "A topic from a Keyword: line.";
        Values.FindByValue(KeywordCategory.Environment)!.Description = "An environment from an Env: line (Atari, MuJoCo).";
        Values.FindByValue(KeywordCategory.Task)!.Description = "A task from a Task: line (IMDB sentiment).";
    }
}
