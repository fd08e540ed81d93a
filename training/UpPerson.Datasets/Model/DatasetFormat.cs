namespace UpPerson.Datasets;

/// <summary>Annotation file layouts the loader reads.</summary>
public enum DatasetFormat
{
    /// <summary>CUHK-PEDES <c>reid_raw.json</c>, or the original <c>caption_all.json</c> without splits; ids start at 1.</summary>
    CuhkPedes,

    /// <summary>ICFG-PEDES <c>ICFG-PEDES.json</c>; train and test splits only, ids start at 0.</summary>
    IcfgPedes,

    /// <summary>RSTPReid <c>data_captions.json</c>; the path key is <c>img_path</c>, ids start at 0.</summary>
    RstpReid,

    /// <summary>Own footage as JSON lines: one object per line with image, person_id, captions and split.</summary>
    OwnFootage,
}
