using System.Net;
using System.Net.Sockets;
using System.Text;

namespace UpPerson.Ingest.Tests;

/// <summary>
/// Serves one video file over HTTP on 127.0.0.1 to a fixed number of connections, then stops
/// listening, so a client sees the stream end and its next connection refused, as when a camera
/// goes offline.
/// </summary>
public sealed class LoopbackVideoServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[] _content;
    private readonly Task _serving;

    public LoopbackVideoServer(string path, int connections)
    {
        _content = File.ReadAllBytes(path);
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/{Path.GetFileName(path)}";
        _serving = Task.Run(() => ServeAsync(connections));
    }

    /// <summary>Address of the video, including the ephemeral port.</summary>
    public string Url { get; }

    public void Dispose()
    {
        _listener.Stop();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync(int connections)
    {
        try
        {
            for (var served = 0; served < connections; served++)
            {
                using var client = await _listener.AcceptTcpClientAsync();
                await using var stream = client.GetStream();
                await ReadRequestHeadersAsync(stream);
                var header = Encoding.ASCII.GetBytes(
                    $"HTTP/1.0 200 OK\r\nContent-Type: video/mp2t\r\nContent-Length: {_content.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(header);
                try
                {
                    await stream.WriteAsync(_content);
                }
                catch (IOException)
                {
                    // A prober closes the connection once it has read enough.
                }
            }
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
        finally
        {
            _listener.Stop();
        }
    }

    private static async Task ReadRequestHeadersAsync(NetworkStream stream)
    {
        var buffer = new byte[1];
        var tail = new StringBuilder();
        while (await stream.ReadAsync(buffer) > 0)
        {
            tail.Append((char)buffer[0]);
            if (tail.Length >= 4 && tail.ToString(tail.Length - 4, 4) == "\r\n\r\n")
            {
                return;
            }
        }
    }
}
