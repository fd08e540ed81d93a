using System.Text.Json;
using OpenCvSharp;

namespace UpPerson.Model.Tests.Training;

/// <summary>
/// Writes a small CUHK-PEDES-format dataset: each person is a coloured figure on grey, two images
/// and two captions each, naming the colours, split by person into train, val and test.
/// </summary>
internal static class TinyRetrievalDataset
{
    private static readonly (string Name, Scalar Bgr)[] Colours =
    [
        ("red", new Scalar(40, 40, 220)), ("green", new Scalar(40, 180, 40)), ("blue", new Scalar(220, 60, 40)),
        ("yellow", new Scalar(40, 220, 230)), ("black", new Scalar(20, 20, 20)), ("white", new Scalar(240, 240, 240)),
    ];

    /// <summary>Writes the dataset under <paramref name="folder"/> and returns the annotation file.</summary>
    public static string Write(string folder, int trainIds = 12, int valIds = 4, int testIds = 4, int seed = 3)
    {
        var random = new Random(seed);
        var records = new List<object>();
        var total = trainIds + valIds + testIds;
        for (var person = 0; person < total; person++)
        {
            var split = person < trainIds ? "train" : person < trainIds + valIds ? "val" : "test";
            var upper = Colours[person % Colours.Length];
            var lower = Colours[(person / Colours.Length + 2) % Colours.Length];
            for (var view = 0; view < 2; view++)
            {
                var relative = $"p{person:000}/{view}.jpg";
                var path = Path.Combine(folder, "imgs", relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using (var image = new Mat(96, 48, MatType.CV_8UC3, new Scalar(128, 128, 128)))
                {
                    var shift = random.Next(-3, 4);
                    Cv2.Rectangle(image, new Rect(12 + shift, 10, 24, 40), upper.Bgr, -1);
                    Cv2.Rectangle(image, new Rect(14 + shift, 50, 20, 40), lower.Bgr, -1);
                    Cv2.ImWrite(path, image);
                }

                records.Add(new
                {
                    split,
                    captions = new[]
                    {
                        $"A person wearing a {upper.Name} shirt and {lower.Name} trousers.",
                        $"The pedestrian has a {upper.Name} top with {lower.Name} pants.",
                    },
                    file_path = relative,
                    processed_tokens = Array.Empty<string[]>(),
                    id = person + 1,
                });
            }
        }

        var annotation = Path.Combine(folder, "reid_raw.json");
        File.WriteAllText(annotation, JsonSerializer.Serialize(records));
        return annotation;
    }
}
