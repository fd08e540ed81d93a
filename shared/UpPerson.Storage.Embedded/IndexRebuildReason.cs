namespace UpPerson.Storage.Embedded;

/// <summary>Why a collection's index file was not usable on open and was rebuilt from SQLite.</summary>
public enum IndexRebuildReason
{
    /// <summary>No index file exists for the collection.</summary>
    Missing,

    /// <summary>The file is not the one recorded by the last save, or it disagrees with SQLite after catching up.</summary>
    Stale,

    /// <summary>USearch could not load the file, or it has the wrong dimension count.</summary>
    Corrupt,
}
