namespace UpPerson.Datasets;

/// <summary>Partition of a person retrieval dataset, written in annotation files as "train", "val" or "test".</summary>
public enum DatasetSplit
{
    Train,
    Val,
    Test,
}
