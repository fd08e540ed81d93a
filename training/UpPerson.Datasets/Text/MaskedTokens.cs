namespace UpPerson.Datasets;

/// <summary>Token ids after masking, with the positions that were selected.</summary>
/// <param name="Ids">A copy of the input ids with the selected tokens replaced; some selected tokens keep their id.</param>
/// <param name="SelectedPositions">Selected positions in ascending order.</param>
public sealed record MaskedTokens(long[] Ids, IReadOnlyList<int> SelectedPositions);
