namespace UpPerson.Datasets;

/// <summary>Published size of a split or of a whole dataset; null where no number was published.</summary>
public sealed record PublishedCounts(int? Ids, int? Images, int? Captions);
