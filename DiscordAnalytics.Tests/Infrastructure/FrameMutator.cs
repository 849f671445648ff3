using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DiscordAnalytics.Tests.Infrastructure;

/// <summary>
/// Derives hostile and broken gateway frames from valid ones, deterministically for a seed: truncation,
/// deleted / duplicated / renamed fields, type confusion, oversized and unusual strings, deep nesting,
/// wrong <c>op</c> / <c>t</c> / <c>s</c>, invalid JSON and empty frames.
/// </summary>
public sealed class FrameMutator
{
    /// <summary>Strings that have broken parsers, renderers or storage elsewhere.</summary>
    public static readonly IReadOnlyList<string> NastyStrings =
    [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "\u202Egnp.exe\u202C",
        "a\u200Db\u200Cc\u200Bd\uFEFF",
        "👩‍👩‍👧‍👦🏳️‍🌈👨🏽‍💻",
        "مرحبا بالعالم \u200F",
        "Z̵̡̢̛̗̘̙̜̝̞̟̠̊̋̌̍̎̏̐̑̒̓̔",
        string.Empty,
        " ",
        "\0\u0001\u001F",
        "null",
        "0",
        "-1",
        "18446744073709551616",
        "1e400",
        "NaN",
        "'; DROP TABLE events; --",
        "%s%n%x{0}{1}",
        "../../etc/passwd",
    ];

    private const string RawMarker = "\u0001RAW";

    private static readonly string[] EventNames =
    [
        "READY", "RESUMED", "GUILD_CREATE", "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK",
        "MESSAGE_REACTION_ADD", "MESSAGE_REACTION_REMOVE_EMOJI", "THREAD_CREATE", "THREAD_LIST_SYNC", "GUILD_MEMBER_ADD",
        "message_create", "", "UNKNOWN_EVENT",
    ];

    /// <summary>Raw JSON values that System.Text.Json nodes cannot hold (or that confuse number readers).</summary>
    private static readonly string[] RawValues =
    [
        "1e400", "-1e400", "123456789012345678901234567890", "-9223372036854775809", "18446744073709551616",
        "1.5", "-0", "0.0000001", "-1", "0", "9007199254740993", "\"\\ud800\"", "\"\\udfff tail\"", "\"a\\u0000b\"",
        "\"\\ud83d\\ude00\\ud800\"", "[]", "{}", "[[[]]]",
    ];

    private readonly Random _random;
    private readonly List<string> _raw = [];

    public FrameMutator(int seed)
    {
        _random = new Random(seed);
    }

    public Random Random => _random;

    /// <summary>One mutated copy of <paramref name="frame"/> (a whole gateway frame as JSON text).</summary>
    public string Mutate(string frame)
    {
        var roll = _random.Next(100);
        if (roll < 3)
        {
            return Pick(["", " ", "\n", "null", "[]", "0", "\"frame\"", "{}", "{\"op\":null}", "true"]);
        }

        if (roll < 13)
        {
            return Truncate(frame);
        }

        if (roll < 20)
        {
            return BreakSyntax(frame);
        }

        if (roll < 23)
        {
            return DeepNesting(frame);
        }

        var root = JsonNode.Parse(frame)!.AsObject();
        _raw.Clear();
        var count = 1 + _random.Next(3);
        for (var i = 0; i < count; i++)
        {
            MutateTree(root);
        }

        var text = root.ToJsonString();
        if (_random.Next(10) == 0)
        {
            text = DuplicateField(text);
        }

        return Unraw(text);
    }

    private void MutateTree(JsonObject root)
    {
        switch (_random.Next(12))
        {
            case 0:
                root["op"] = Raw(Pick(["-1", "1", "7", "10", "11", "99", "\"0\"", "null", "1.5", "1099511627776", "true", "{}"]));
                break;
            case 1:
                root["t"] = _random.Next(4) == 0 ? Raw(Pick(["null", "42", "[]", "{}"])) : Pick(EventNames);
                break;
            case 2:
                root["s"] = Raw(Pick(["-1", "0", "\"5\"", "null", "2.5", "4294967296", "[]", "1"]));
                break;
            case 3:
                root.Remove(Pick(["op", "d", "t", "s"]));
                break;
            default:
                if (root["d"] is JsonObject or JsonArray)
                {
                    MutateRandomNode(root["d"]!);
                }
                else
                {
                    root["d"] = RandomValue();
                }

                break;
        }
    }

    private void MutateRandomNode(JsonNode data)
    {
        var containers = new List<JsonNode>();
        Collect(data, containers);
        var container = containers[_random.Next(containers.Count)];
        if (container is JsonObject obj)
        {
            if (obj.Count == 0)
            {
                obj["id"] = RandomValue();
                return;
            }

            var key = obj.ElementAt(_random.Next(obj.Count)).Key;
            switch (_random.Next(5))
            {
                case 0:
                    obj.Remove(key);
                    break;
                case 1:
                    var value = obj[key];
                    obj.Remove(key);
                    obj[Pick([key.ToUpperInvariant(), key + "_", string.Empty, "\u200D" + key, key + key])] = value;
                    break;
                case 2:
                    obj[key] = Confuse(obj[key]);
                    break;
                default:
                    obj[key] = RandomValue();
                    break;
            }
        }
        else if (container is JsonArray array)
        {
            if (array.Count == 0 || _random.Next(3) == 0)
            {
                array.Add(RandomValue());
            }
            else
            {
                array[_random.Next(array.Count)] = RandomValue();
            }
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> containers)
    {
        containers.Add(node);
        var children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            if (child is JsonObject or JsonArray)
            {
                Collect(child, containers);
            }
        }
    }

    /// <summary>The same information in the wrong type: ids as numbers, numbers as strings, and so on.</summary>
    private JsonNode? Confuse(JsonNode? value)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return Pick<JsonNode?>([JsonValue.Create(id), JsonValue.Create(-(long)(id % long.MaxValue)), JsonValue.Create(id + 0.5), Raw("-" + text), Raw(text + "0000000000"), JsonValue.Create("0")]);
            }

            return Pick<JsonNode?>([JsonValue.Create(text.Length), new JsonArray(JsonValue.Create(text)), new JsonObject { ["value"] = text }, JsonValue.Create(true)]);
        }

        return Pick<JsonNode?>([JsonValue.Create(value?.ToJsonString() ?? "null"), null, JsonValue.Create(false), new JsonArray(value?.DeepClone()), JsonValue.Create(-1)]);
    }

    private JsonNode? RandomValue()
    {
        switch (_random.Next(10))
        {
            case 0:
                return null;
            case 1:
                return JsonValue.Create(_random.Next(2) == 0);
            case 2:
                return Raw(Pick(RawValues));
            case 3:
                return JsonValue.Create(Pick(NastyStrings));
            case 4:
                return JsonValue.Create(Oversized());
            case 5:
                return new JsonArray(JsonValue.Create(Pick(NastyStrings)), JsonValue.Create(_random.NextInt64()));
            case 6:
                return new JsonObject { ["id"] = _random.NextInt64().ToString(CultureInfo.InvariantCulture), ["name"] = Pick(NastyStrings) };
            case 7:
                return JsonValue.Create(((ulong)_random.NextInt64() << 1).ToString(CultureInfo.InvariantCulture));
            case 8:
                return JsonValue.Create(_random.NextDouble() * 1e20);
            default:
                return JsonValue.Create(Pick(NastyStrings) + Oversized()[..50]);
        }
    }

    /// <summary>10,000 characters or so of mixed scripts, emoji and invisible characters.</summary>
    private string Oversized()
    {
        var builder = new StringBuilder(10_050);
        while (builder.Length < 10_000)
        {
            builder.Append(Pick(NastyStrings));
            builder.Append((char)('a' + _random.Next(26)));
        }

        return builder.ToString();
    }

    private string Truncate(string frame) => frame[.._random.Next(frame.Length)];

    private string BreakSyntax(string frame)
    {
        var at = _random.Next(frame.Length);
        return _random.Next(6) switch
        {
            0 => frame.Remove(at, 1),
            1 => frame.Insert(at, Pick(["{", "}", "[", "]", ",", ":", "\"", "\\", "'"])),
            2 => frame.Replace("\"", "'", StringComparison.Ordinal),
            3 => frame.Insert(frame.LastIndexOf('}'), ",NaN"),
            4 => frame + frame,
            _ => frame.Insert(at, "\u0000"),
        };
    }

    private string DeepNesting(string frame)
    {
        var depth = Pick([10, 63, 65, 200, 2000]);
        var nested = new string('[', depth) + new string(']', depth);
        var at = frame.IndexOf("\"d\":", StringComparison.Ordinal);
        return at < 0 ? nested : frame[..at] + "\"deep\":" + nested + "," + frame[at..];
    }

    /// <summary>Repeats one property with another value, which <see cref="JsonNode"/> cannot represent.</summary>
    private string DuplicateField(string text)
    {
        var at = text.IndexOf("\"id\":", StringComparison.Ordinal);
        if (at < 0)
        {
            at = text.IndexOf("\"op\":", StringComparison.Ordinal);
        }

        return at < 0 ? text : text.Insert(at, $"{text.Substring(at, 5)}{Pick(RawValues)},");
    }

    /// <summary>A placeholder string that <see cref="Unraw"/> swaps for raw JSON text after serialization.</summary>
    private JsonNode Raw(string json)
    {
        _raw.Add(json);
        return JsonValue.Create($"{RawMarker}{_raw.Count - 1}")!;
    }

    private string Unraw(string text)
    {
        for (var i = _raw.Count - 1; i >= 0; i--)
        {
            text = text.Replace(JsonSerializer.Serialize($"{RawMarker}{i}"), _raw[i], StringComparison.Ordinal);
        }

        return text;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
