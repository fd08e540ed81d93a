using System.Globalization;
using System.Text;

namespace UpPerson.Datasets;

/// <summary>Counts of ids, images and captions per split and in total.</summary>
public sealed class DatasetStatistics
{
    private readonly IReadOnlyDictionary<DatasetSplit, SplitCounts> _perSplit;

    public DatasetStatistics(IReadOnlyDictionary<DatasetSplit, SplitCounts> perSplit, SplitCounts total)
    {
        ArgumentNullException.ThrowIfNull(perSplit);
        ArgumentNullException.ThrowIfNull(total);

        _perSplit = perSplit;
        Total = total;
    }

    /// <summary>Whole dataset; ids are counted once even when an id appears in several splits.</summary>
    public SplitCounts Total { get; }

    /// <summary>Returns the counts of one split, zero when it has no records.</summary>
    public SplitCounts For(DatasetSplit split) => _perSplit.TryGetValue(split, out var counts) ? counts : SplitCounts.Empty;

    /// <summary>Counts records; ids are distinct original ids, so own-footage ids remapped per split still count once in the total.</summary>
    public static DatasetStatistics Compute(IReadOnlyDictionary<DatasetSplit, IReadOnlyList<PersonImageRecord>> recordsBySplit)
    {
        ArgumentNullException.ThrowIfNull(recordsBySplit);

        var perSplit = new Dictionary<DatasetSplit, SplitCounts>();
        var allIds = new HashSet<string>(StringComparer.Ordinal);
        var totalImages = 0;
        var totalCaptions = 0;
        foreach (var (split, records) in recordsBySplit)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var captions = 0;
            foreach (var record in records)
            {
                ids.Add(record.OriginalPersonId);
                captions += record.Captions.Count;
            }

            perSplit[split] = new SplitCounts(ids.Count, records.Count, captions);
            allIds.UnionWith(ids);
            totalImages += records.Count;
            totalCaptions += captions;
        }

        return new DatasetStatistics(perSplit, new SplitCounts(allIds.Count, totalImages, totalCaptions));
    }

    /// <summary>Returns a fixed-width table with one row per split and a total row, for logs and the command line.</summary>
    public string ToTable()
    {
        var rows = new List<(string Name, SplitCounts Counts)>();
        foreach (var split in DatasetSplitNames.All)
        {
            rows.Add((split.ToName(), For(split)));
        }

        rows.Add(("total", Total));

        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"{"split",-6} {"ids",10} {"images",10} {"captions",10}");
        foreach (var (name, counts) in rows)
        {
            table.AppendLine();
            table.Append(CultureInfo.InvariantCulture, $"{name,-6} {counts.Ids,10:N0} {counts.Images,10:N0} {counts.Captions,10:N0}");
        }

        return table.ToString();
    }
}
