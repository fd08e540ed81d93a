namespace UpPerson.Model.Training;

/// <summary>Progress within an epoch, reported after every step.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Step">1-based step within the epoch.</param>
/// <param name="Steps">Steps in the epoch.</param>
/// <param name="MeanLoss">Mean total loss over this epoch's steps so far.</param>
/// <param name="SamplesPerSecond">Training samples per wall-clock second in this epoch.</param>
/// <param name="LearningRate">Learning rate of this epoch.</param>
/// <param name="Remaining">Estimated time left in this epoch.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Step, int Steps, double MeanLoss, double SamplesPerSecond, double LearningRate, TimeSpan Remaining);
