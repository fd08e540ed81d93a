namespace UpPerson.Contracts;

/// <summary>
/// Destination of embedded sightings: the embedded store in standalone mode, a Kafka topic when
/// distributed. A completed write means the sightings are durable and may be acknowledged.
/// </summary>
public interface ISightingSink
{
    ValueTask WriteAsync(IReadOnlyList<Sighting> sightings, CancellationToken cancellationToken);
}
