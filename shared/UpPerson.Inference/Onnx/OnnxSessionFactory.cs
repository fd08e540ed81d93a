using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace UpPerson.Inference;

/// <summary>
/// Creates ONNX Runtime sessions on CUDA when its provider loads, otherwise on the CPU. The CUDA
/// provider is probed once, at construction. If it is unavailable, the reason is logged once and kept
/// in <see cref="CudaUnavailableReason"/>. Create one factory per process. Thread-safe.
/// </summary>
public sealed class OnnxSessionFactory
{
    private readonly OnnxSessionFactoryOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _demotionLock = new();
    private OnnxExecutionProvider _executionProvider;
    private string? _cudaUnavailableReason;

    public OnnxSessionFactory(OnnxSessionFactoryOptions? options = null, ILogger<OnnxSessionFactory>? logger = null)
    {
        _options = options ?? new OnnxSessionFactoryOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        if (_options.IntraOpThreadCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.IntraOpThreadCount,
                "OnnxSessionFactoryOptions.IntraOpThreadCount must be 0 (ONNX Runtime's default) or positive.");
        }

        if (_options.CudaDeviceId < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.CudaDeviceId,
                "OnnxSessionFactoryOptions.CudaDeviceId must be 0 or positive.");
        }

        _executionProvider = _options.ForceCpu ? OnnxExecutionProvider.Cpu : ProbeCuda();
        _logger.ProviderSelected(_executionProvider, _options.ForceCpu, _options.IntraOpThreadCount);
    }

    /// <summary>Provider that new sessions use. Becomes CPU for good if a CUDA session fails to start.</summary>
    public OnnxExecutionProvider ExecutionProvider
    {
        get
        {
            lock (_demotionLock)
            {
                return _executionProvider;
            }
        }
    }

    /// <summary>Why the CUDA provider is not used; null when it is, or when CPU was forced.</summary>
    public string? CudaUnavailableReason
    {
        get
        {
            lock (_demotionLock)
            {
                return _cudaUnavailableReason;
            }
        }
    }

    /// <summary>
    /// Loads an ONNX model. If the CUDA session fails but a CPU session of the same file starts,
    /// the factory logs the reason and uses the CPU from then on.
    /// </summary>
    /// <exception cref="FileNotFoundException">The model file does not exist.</exception>
    /// <exception cref="InvalidDataException">ONNX Runtime rejected the model file.</exception>
    public InferenceSession CreateSession(string modelPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"ONNX model '{modelPath}' was not found. Check the path or re-export the model bundle.", modelPath);
        }

        if (ExecutionProvider == OnnxExecutionProvider.Cpu)
        {
            return CreateSessionOn(OnnxExecutionProvider.Cpu, modelPath);
        }

        try
        {
            return CreateSessionOn(OnnxExecutionProvider.Cuda, modelPath);
        }
        catch (InvalidDataException cudaFailure)
        {
            // CUDA is blamed only if the CPU accepts the same file. Otherwise the model itself is
            // bad, and the CPU attempt's exception reports that.
            var session = CreateSessionOn(OnnxExecutionProvider.Cpu, modelPath);
            var reason = cudaFailure.InnerException?.Message ?? cudaFailure.Message;
            lock (_demotionLock)
            {
                _executionProvider = OnnxExecutionProvider.Cpu;
                _cudaUnavailableReason = reason;
            }

            _logger.CudaSessionFailed(modelPath, reason, cudaFailure);
            return session;
        }
    }

    /// <summary>Returns new session options for <see cref="ExecutionProvider"/>; the caller disposes them.</summary>
    public SessionOptions CreateSessionOptions() => CreateSessionOptions(ExecutionProvider);

    private InferenceSession CreateSessionOn(OnnxExecutionProvider provider, string modelPath)
    {
        using var sessionOptions = CreateSessionOptions(provider);
        InferenceSession session;
        try
        {
            session = new InferenceSession(modelPath, sessionOptions);
        }
        catch (OnnxRuntimeException exception)
        {
            throw new InvalidDataException(
                $"ONNX Runtime could not load '{modelPath}' on the {provider} provider: {exception.Message} "
                + "Check that the file is a complete ONNX model; for a model bundle, re-export it with 'upperson-train export'.",
                exception);
        }

        _logger.SessionCreated(modelPath, provider);
        return session;
    }

    private SessionOptions CreateSessionOptions(OnnxExecutionProvider provider)
    {
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };

        if (_options.IntraOpThreadCount > 0)
        {
            sessionOptions.IntraOpNumThreads = _options.IntraOpThreadCount;
        }

        if (provider == OnnxExecutionProvider.Cuda)
        {
            try
            {
                sessionOptions.AppendExecutionProvider_CUDA(_options.CudaDeviceId);
            }
            catch
            {
                sessionOptions.Dispose();
                throw;
            }
        }

        return sessionOptions;
    }

    private OnnxExecutionProvider ProbeCuda()
    {
        // ONNX Runtime prints its own multi-line error when the provider library fails to load. The
        // reason logged below names the libraries in one line, so ONNX Runtime stays quiet during the probe.
        var environment = OrtEnv.Instance();
        var previousLevel = environment.EnvLogLevel;
        environment.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
        try
        {
            using var probe = CreateSessionOptions(OnnxExecutionProvider.Cuda);
            return OnnxExecutionProvider.Cuda;
        }
        catch (Exception exception) when (exception is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
        {
            // The GPU package's CUDA provider library links the CUDA runtime libraries. When one is
            // missing, loading the provider fails here, before any model is read.
            _cudaUnavailableReason =
                $"{exception.Message}. Microsoft.ML.OnnxRuntime.Gpu 1.32 is built for CUDA 13 and needs its runtime and cuBLAS "
                + "(libcudart.so.13, libcublasLt.so.13) and cuDNN on the library path, for example through LD_LIBRARY_PATH.";
            _logger.CudaUnavailable(_cudaUnavailableReason);
            return OnnxExecutionProvider.Cpu;
        }
        finally
        {
            environment.EnvLogLevel = previousLevel;
        }
    }
}
