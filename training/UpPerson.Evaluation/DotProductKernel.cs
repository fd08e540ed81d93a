using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace UpPerson.Evaluation;

/// <summary>
/// Dot products of a block of query vectors against every gallery vector, computed four queries by
/// two gallery items at a time.
/// </summary>
/// <remarks>
/// One dot product at a time needs two loads per multiply-add, so loads limit its speed. The 4 × 2
/// tile loads six vectors for eight fused multiply-adds and keeps eight accumulators in registers.
/// Leftover queries and gallery items fall back to <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>.
/// </remarks>
internal static class DotProductKernel
{
    /// <summary>
    /// Writes the scores of queries [start, start + count) into <paramref name="destination"/>,
    /// laid out [count, gallery] row-major.
    /// </summary>
    public static void ScoreBlock(float[][] queries, int start, int count, float[][] gallery, Span<float> destination)
    {
        var galleryCount = gallery.Length;
        var offset = 0;
        for (; offset + 4 <= count; offset += 4)
        {
            var item = 0;
            for (; item + 2 <= galleryCount; item += 2)
            {
                ScoreTile(queries, start + offset, gallery[item], gallery[item + 1], destination, offset * galleryCount + item, galleryCount);
            }

            for (; item < galleryCount; item++)
            {
                for (var row = 0; row < 4; row++)
                {
                    destination[(offset + row) * galleryCount + item] = TensorPrimitives.Dot(queries[start + offset + row], gallery[item]);
                }
            }
        }

        for (; offset < count; offset++)
        {
            var query = queries[start + offset];
            for (var item = 0; item < galleryCount; item++)
            {
                destination[offset * galleryCount + item] = TensorPrimitives.Dot(query, gallery[item]);
            }
        }
    }

    /// <summary>Scores four consecutive queries against two gallery items, writing two adjacent columns of four rows.</summary>
    private static void ScoreTile(
        float[][] queries,
        int firstQuery,
        float[] galleryA,
        float[] galleryB,
        Span<float> destination,
        int firstIndex,
        int rowStride)
    {
        var q0 = queries[firstQuery];
        var q1 = queries[firstQuery + 1];
        var q2 = queries[firstQuery + 2];
        var q3 = queries[firstQuery + 3];
        var v0 = MemoryMarshal.Cast<float, Vector<float>>(q0.AsSpan());
        var v1 = MemoryMarshal.Cast<float, Vector<float>>(q1.AsSpan());
        var v2 = MemoryMarshal.Cast<float, Vector<float>>(q2.AsSpan());
        var v3 = MemoryMarshal.Cast<float, Vector<float>>(q3.AsSpan());
        var a = MemoryMarshal.Cast<float, Vector<float>>(galleryA.AsSpan());
        var b = MemoryMarshal.Cast<float, Vector<float>>(galleryB.AsSpan());

        Vector<float> s0a = default, s1a = default, s2a = default, s3a = default;
        Vector<float> s0b = default, s1b = default, s2b = default, s3b = default;
        for (var i = 0; i < a.Length; i++)
        {
            var va = a[i];
            var vb = b[i];
            s0a = Vector.FusedMultiplyAdd(v0[i], va, s0a);
            s1a = Vector.FusedMultiplyAdd(v1[i], va, s1a);
            s2a = Vector.FusedMultiplyAdd(v2[i], va, s2a);
            s3a = Vector.FusedMultiplyAdd(v3[i], va, s3a);
            s0b = Vector.FusedMultiplyAdd(v0[i], vb, s0b);
            s1b = Vector.FusedMultiplyAdd(v1[i], vb, s1b);
            s2b = Vector.FusedMultiplyAdd(v2[i], vb, s2b);
            s3b = Vector.FusedMultiplyAdd(v3[i], vb, s3b);
        }

        // The dimension need not be a multiple of the vector width, so the tail is summed in scalars.
        var tail = a.Length * Vector<float>.Count;
        destination[firstIndex] = Vector.Sum(s0a) + TailDot(q0, galleryA, tail);
        destination[firstIndex + 1] = Vector.Sum(s0b) + TailDot(q0, galleryB, tail);
        destination[firstIndex + rowStride] = Vector.Sum(s1a) + TailDot(q1, galleryA, tail);
        destination[firstIndex + rowStride + 1] = Vector.Sum(s1b) + TailDot(q1, galleryB, tail);
        destination[firstIndex + 2 * rowStride] = Vector.Sum(s2a) + TailDot(q2, galleryA, tail);
        destination[firstIndex + 2 * rowStride + 1] = Vector.Sum(s2b) + TailDot(q2, galleryB, tail);
        destination[firstIndex + 3 * rowStride] = Vector.Sum(s3a) + TailDot(q3, galleryA, tail);
        destination[firstIndex + 3 * rowStride + 1] = Vector.Sum(s3b) + TailDot(q3, galleryB, tail);
    }

    private static float TailDot(float[] query, float[] item, int from)
    {
        var sum = 0f;
        for (var d = from; d < query.Length; d++)
        {
            sum += query[d] * item[d];
        }

        return sum;
    }
}
