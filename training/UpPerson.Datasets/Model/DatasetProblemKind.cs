namespace UpPerson.Datasets;

/// <summary>What is wrong with an annotation file or its images.</summary>
public enum DatasetProblemKind
{
    /// <summary>Error: the file is empty, or its list contains no records.</summary>
    EmptyFile,

    /// <summary>Error: the file, or one line of a JSON lines file, is not valid JSON or not the expected JSON shape.</summary>
    MalformedJson,

    /// <summary>Error: a required field other than captions is absent or null.</summary>
    MissingField,

    /// <summary>Error: a field has the wrong type or an impossible value.</summary>
    InvalidField,

    /// <summary>Error: a record has no captions field, or an empty list.</summary>
    MissingCaptions,

    /// <summary>Error: a record's captions field is not a list.</summary>
    CaptionsNotAList,

    /// <summary>Error: a split value outside those the format allows.</summary>
    UnknownSplit,

    /// <summary>Error: image files that do not exist (the first 20 are listed, with the total).</summary>
    MissingImages,

    /// <summary>Error: train person ids are not 0..K−1 after the format's offset.</summary>
    NonContiguousTrainIds,

    /// <summary>Error: CUHK-PEDES records without splits whose ids cannot be divided by the published id counts.</summary>
    SplitAssignmentFailed,

    /// <summary>Warning: splits were assigned by person id because the file has no split field.</summary>
    SplitsAssumed,

    /// <summary>Warning: empty or whitespace-only captions.</summary>
    EmptyCaption,

    /// <summary>Warning: captions with letters outside the Latin script.</summary>
    NonLatinCaption,

    /// <summary>Warning: the identical caption describes different persons.</summary>
    SharedCaption,

    /// <summary>Warning: captions longer than the context length, cut by the tokenizer.</summary>
    TruncatedCaption,

    /// <summary>Warning: the same original person id appears in more than one split.</summary>
    PersonInSeveralSplits,

    /// <summary>Warning: a count differs from the number published for the dataset.</summary>
    PublishedCountMismatch,
}
