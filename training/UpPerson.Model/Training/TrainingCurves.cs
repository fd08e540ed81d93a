namespace UpPerson.Model.Training;

/// <summary>Draws the run's loss, learning-rate and R@1 curves as PNG files in <c>curves/</c>.</summary>
public static class TrainingCurves
{
    private const int WidthPixels = 800;
    private const int HeightPixels = 450;

    public static void Write(string directory, IReadOnlyList<EpochMetrics> history)
    {
        if (history.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var epochs = history.Select(metrics => (double)metrics.Epoch).ToArray();

        Draw(Path.Combine(directory, "loss.png"), "Training loss", "loss", plot =>
        {
            Add(plot, epochs, history.Select(metrics => (double?)metrics.TrainLoss), "total");
            Add(plot, epochs, history.Select(metrics => metrics.SdmLoss), "SDM");
            Add(plot, epochs, history.Select(metrics => metrics.ItcLoss), "ITC");
            Add(plot, epochs, history.Select(metrics => metrics.IdLoss), "ID");
        });

        Draw(Path.Combine(directory, "lr.png"), "Learning rate", "learning rate", plot =>
            Add(plot, epochs, history.Select(metrics => (double?)metrics.LearningRate), "lr"));

        Draw(Path.Combine(directory, "r1.png"), "Text-to-image R@1", "R@1 (%)", plot =>
        {
            Add(plot, epochs, history.Select(metrics => metrics.Val?.R1), "val");
            Add(plot, epochs, history.Select(metrics => metrics.Test?.R1), "test");
        });
    }

    private static void Draw(string path, string title, string yLabel, Action<ScottPlot.Plot> addSeries)
    {
        var plot = new ScottPlot.Plot();
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        addSeries(plot);
        plot.ShowLegend();
        plot.SavePng(path, WidthPixels, HeightPixels);
    }

    // A series with no values (a loss that is off, a split that is absent) is left out.
    private static void Add(ScottPlot.Plot plot, double[] epochs, IEnumerable<double?> values, string label)
    {
        var points = epochs.Zip(values).Where(pair => pair.Second is not null).ToArray();
        if (points.Length == 0)
        {
            return;
        }

        var series = plot.Add.Scatter(points.Select(pair => pair.First).ToArray(), points.Select(pair => pair.Second!.Value).ToArray());
        series.LegendText = label;
    }
}
