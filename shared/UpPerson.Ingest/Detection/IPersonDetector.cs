using OpenCvSharp;

namespace UpPerson.Ingest;

/// <summary>Finds people in a frame.</summary>
public interface IPersonDetector
{
    /// <summary>
    /// Returns person boxes inside the frame, strongest first. The image is an 8-bit BGR frame
    /// (<c>CV_8UC3</c>) and is not modified.
    /// </summary>
    IReadOnlyList<PersonDetection> Detect(Mat bgrFrame);
}
