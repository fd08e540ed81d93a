using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace UpPerson.Storage.Embedded;

/// <summary>Camera and time conditions of a search, as SQL over the <c>sightings</c> table aliased <c>s</c>.</summary>
internal sealed class SightingFilter
{
    private readonly string? _cameraIdsJson;
    private readonly long? _fromTicks;
    private readonly long? _toTicks;

    public SightingFilter(IReadOnlyCollection<string>? cameraIds, DateTimeOffset? fromUtc, DateTimeOffset? toUtc)
    {
        _cameraIdsJson = cameraIds is null ? null : JsonSerializer.Serialize(cameraIds.Distinct(StringComparer.Ordinal).ToArray());
        _fromTicks = fromUtc?.UtcTicks;
        _toTicks = toUtc?.UtcTicks;
    }

    public static SightingFilter None { get; } = new(null, null, null);

    public bool IsEmpty => _cameraIdsJson is null && _fromTicks is null && _toTicks is null;

    /// <summary>Conditions to append to a WHERE clause, each starting with AND, or empty when there is no filter.</summary>
    public string SqlConditions
    {
        get
        {
            var conditions = string.Empty;
            if (_cameraIdsJson is not null)
            {
                conditions += " AND s.camera_id IN (SELECT value FROM json_each($camera_ids))";
            }

            if (_fromTicks is not null)
            {
                conditions += " AND s.timestamp_ticks >= $from_ticks";
            }

            if (_toTicks is not null)
            {
                conditions += " AND s.timestamp_ticks < $to_ticks";
            }

            return conditions;
        }
    }

    public void AddParameters(SqliteCommand command)
    {
        if (_cameraIdsJson is not null)
        {
            command.Parameters.AddWithValue("$camera_ids", _cameraIdsJson);
        }

        if (_fromTicks is not null)
        {
            command.Parameters.AddWithValue("$from_ticks", _fromTicks.Value);
        }

        if (_toTicks is not null)
        {
            command.Parameters.AddWithValue("$to_ticks", _toTicks.Value);
        }
    }
}
