using OpenCvSharp;

namespace UpPerson.Ingest.Tests;

/// <summary>Reads single frames of vtest.avi by decoding from the start, which is exact where seeking may not be.</summary>
public static class VtestFrames
{
    public static Mat Read(int index)
    {
        using var capture = new VideoCapture(TestVideos.Vtest, VideoCaptureAPIs.FFMPEG);
        for (var i = 0; i < index; i++)
        {
            Assert.True(capture.Grab(), $"vtest.avi ended before frame {index}.");
        }

        var frame = new Mat();
        Assert.True(capture.Read(frame), $"vtest.avi has no frame {index}.");
        return frame;
    }
}
