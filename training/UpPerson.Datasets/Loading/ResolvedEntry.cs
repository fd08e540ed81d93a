namespace UpPerson.Datasets;

/// <summary>An annotation entry with its split parsed and its image path made absolute.</summary>
internal sealed record ResolvedEntry(AnnotationEntry Entry, DatasetSplit Split, string ImagePath);
