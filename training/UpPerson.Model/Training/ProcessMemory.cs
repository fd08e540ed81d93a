using System.Globalization;

namespace UpPerson.Model.Training;

/// <summary>Peak resident memory of this process, for the run metrics and benchmarks.</summary>
public static class ProcessMemory
{
    /// <summary>
    /// Peak resident set size in MiB from /proc/self/status (VmHWM), which covers native allocations
    /// such as libtorch's; elsewhere the managed process peak working set.
    /// </summary>
    public static double PeakResidentMegabytes()
    {
        const string statusFile = "/proc/self/status";
        if (File.Exists(statusFile))
        {
            foreach (var line in File.ReadLines(statusFile))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                    return kilobytes / 1024.0;
                }
            }
        }

        return Environment.WorkingSet / 1048576.0;
    }
}
