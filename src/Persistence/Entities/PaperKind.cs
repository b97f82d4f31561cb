namespace RlhfGraph.Persistence.Entities;

/// <summary>What kind of work a paper entry is; stored as its name.</summary>
public enum PaperKind
{
    Paper,
    Survey,
    TechnicalReport,
    BlogPost,
    Talk,
    Book,
    Course,
    Other,
}
