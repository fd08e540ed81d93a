namespace UpPerson.Ingest.Tests;

public sealed class StreamLocationTests
{
    [Theory]
    [InlineData("rtsp://127.0.0.1:8554/cam1", true)]
    [InlineData("http://127.0.0.1/video.mjpg", true)]
    [InlineData("/var/video/cam1.mp4", false)]
    [InlineData("videos/cam1.mp4", false)]
    [InlineData("file:///var/video/cam1.mp4", false)]
    [InlineData("rtsp://admin:p#ss@127.0.0.1:554/live", true)]
    [InlineData("rtsp://admin:pw@127.0.0.1:99999/x", true)]
    public void IsUrl_Location_DetectsUrls(string location, bool expected)
    {
        Assert.Equal(expected, StreamLocation.IsUrl(location));
    }

    [Theory]
    [InlineData("rtsp://admin:secret@127.0.0.1:8554/cam1", "rtsp://***@127.0.0.1:8554/cam1")]
    [InlineData("rtsp://127.0.0.1:8554/cam1", "rtsp://127.0.0.1:8554/cam1")]
    [InlineData("/var/video/cam1.mp4", "/var/video/cam1.mp4")]
    [InlineData("rtsp://admin:p#ss@127.0.0.1:554/live", "rtsp://***@127.0.0.1:554/live")]
    [InlineData("rtsp://admin:pw@127.0.0.1:99999/x", "rtsp://***@127.0.0.1:99999/x")]
    [InlineData("http://user@cam/a@b", "http://***@cam/a@b")]
    public void Redact_Location_HidesCredentials(string location, string expected)
    {
        Assert.Equal(expected, StreamLocation.Redact(location));
    }

    [Theory]
    [InlineData("file:///var/video/cam%201.mp4", "/var/video/cam 1.mp4")]
    [InlineData("/var/video/cam1.mp4", "/var/video/cam1.mp4")]
    public void ToFilePath_Location_ReturnsLocalPath(string location, string expected)
    {
        Assert.Equal(expected, StreamLocation.ToFilePath(location));
    }
}
