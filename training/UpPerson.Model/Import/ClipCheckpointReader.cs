using System.Collections;
using System.IO.Compression;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace UpPerson.Model.Import;

/// <summary>
/// Reads a CLIP checkpoint file into name → tensor: safetensors, or a PyTorch state dict saved with
/// <c>torch.save</c> (possibly wrapped in a dict under "state_dict", "model" or "module").
/// TorchScript archives such as OpenAI's <c>ViT-B-16.pt</c> cannot be read without PyTorch and are
/// rejected with conversion instructions.
/// </summary>
public static class ClipCheckpointReader
{
    private static readonly string[] WrapperKeys = ["state_dict", "model", "module", "model_state_dict"];

    public static Dictionary<string, Tensor> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CLIP weights file '{path}' was not found. Pass the path of a .safetensors or .pt/.pth/.bin file with --weights.", path);
        }

        var kind = Sniff(path);
        return kind switch
        {
            FileKind.Safetensors => ReadSafetensors(path),
            FileKind.TorchScript => throw new NotSupportedException(TorchScriptMessage(path)),
            FileKind.PyTorchZip or FileKind.LegacyPickle => ReadPickled(path),
            _ => throw new InvalidDataException(
                $"'{path}' is neither safetensors nor a PyTorch checkpoint (unrecognised first bytes). Export the CLIP weights as .safetensors."),
        };
    }

    private enum FileKind
    {
        Unknown,
        Safetensors,
        PyTorchZip,
        TorchScript,
        LegacyPickle,
    }

    private static FileKind Sniff(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[9];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read < head.Length)
        {
            return FileKind.Unknown;
        }

        if (head[0] == (byte)'P' && head[1] == (byte)'K')
        {
            stream.Position = 0;
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
            var scripted = archive.Entries.Any(entry =>
                entry.FullName.Contains("/code/", StringComparison.Ordinal) || entry.FullName.EndsWith("constants.pkl", StringComparison.Ordinal));
            return scripted ? FileKind.TorchScript : FileKind.PyTorchZip;
        }

        if (head[0] == 0x80 && head[1] is >= 2 and <= 5)
        {
            return FileKind.LegacyPickle;
        }

        // Safetensors: 8-byte little-endian header length, then a JSON object.
        var headerLength = BitConverter.ToUInt64(head[..8]);
        return head[8] == (byte)'{' && headerLength > 0 && headerLength < (ulong)stream.Length ? FileKind.Safetensors : FileKind.Unknown;
    }

    private static Dictionary<string, Tensor> ReadSafetensors(string path)
    {
        try
        {
            return Safetensors.LoadStateDict(path);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new InvalidDataException(
                $"'{path}' could not be read as safetensors ({exception.Message}); the file is incomplete or damaged. Download or convert it again.",
                exception);
        }
    }

    private static Dictionary<string, Tensor> ReadPickled(string path)
    {
        Hashtable table;
        try
        {
            table = PyTorchUnpickler.UnpickleStateDict(path);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new InvalidDataException(
                $"'{path}' could not be read as a PyTorch state dict ({exception.Message}). Save it as safetensors with safetensors.torch.save_file and pass that file.",
                exception);
        }

        return Flatten(Unwrap(table, path), path);
    }

    private static Hashtable Unwrap(Hashtable table, string path)
    {
        var current = table;
        while (true)
        {
            var wrapper = WrapperKeys.FirstOrDefault(key => current.ContainsKey(key) && current[key] is Hashtable);
            if (wrapper is null || current.Values.OfType<Tensor>().Any())
            {
                return current;
            }

            current = (Hashtable)current[wrapper]!;
            if (current.Count == 0)
            {
                throw new InvalidDataException($"'{path}' wraps an empty dict under '{wrapper}'.");
            }
        }
    }

    private static Dictionary<string, Tensor> Flatten(Hashtable table, string path)
    {
        var result = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
        {
            if (entry.Value is Tensor tensor)
            {
                result[(string)entry.Key] = tensor;
            }
        }

        if (result.Count == 0)
        {
            throw new InvalidDataException($"'{path}' contains no tensors at its top level or under {string.Join(", ", WrapperKeys)}.");
        }

        return result;
    }

    private static string TorchScriptMessage(string path) =>
        $"'{path}' is a TorchScript archive (like OpenAI's JIT ViT-B-16.pt), which cannot be read without PyTorch. " +
        "Convert it once where PyTorch is installed: python -c \"import torch, safetensors.torch as st; " +
        $"m = torch.jit.load('{Path.GetFileName(path)}', map_location='cpu'); " +
        "st.save_file({k: v.float().contiguous() for k, v in m.state_dict().items()}, 'ViT-B-16.safetensors')\" " +
        "and pass the .safetensors file with --weights.";
}
