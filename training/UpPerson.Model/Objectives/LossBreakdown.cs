using static TorchSharp.torch;

namespace UpPerson.Model.Objectives;

/// <summary>
/// One batch's training loss: the weighted total to back-propagate and each enabled loss,
/// unweighted, as a number for logging. A part is null when its weight is 0.
/// </summary>
/// <param name="Total">Scalar fp32 tensor Σ weight × loss, attached to the autograd graph.</param>
/// <param name="TotalValue">The value of <paramref name="Total"/>.</param>
/// <param name="Sdm">Unweighted SDM loss.</param>
/// <param name="Itc">Unweighted ITC loss.</param>
/// <param name="Id">Unweighted ID loss.</param>
public sealed record LossBreakdown(Tensor Total, double TotalValue, double? Sdm, double? Itc, double? Id);
