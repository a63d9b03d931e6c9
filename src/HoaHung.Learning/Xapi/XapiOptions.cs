namespace HoaHung.Learning.Xapi;

/// <summary>
/// <c>App:Xapi</c>: where learning records go (docs/architecture.md §9, "xAPI"). Off while <see cref="Endpoint"/> is
/// unset: nothing is written to the outbox and nothing is sent.
/// </summary>
public sealed class XapiOptions
{
    public const string Section = "App:Xapi";

    /// <summary>The LRS's xAPI base address; statements are POSTed to <c>{Endpoint}/statements</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Basic authentication towards the LRS (its key and secret).</summary>
    public string? Username { get; set; }
    public string? Password { get; set; }

    public bool IsOn => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>A reason key when the settings cannot work, else null (checked at start).</summary>
    public string? Problem(string? publicBaseUrl)
    {
        if (!IsOn)
            return null;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            return "App:Xapi:Endpoint must be an absolute http(s) address.";
        if (!Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https"))
            return "App:Xapi:Endpoint needs App:PublicBaseUrl (the actor's homePage and every activity id are built from it).";
        if (string.IsNullOrEmpty(Username) != string.IsNullOrEmpty(Password))
            return "App:Xapi:Username and App:Xapi:Password go together.";
        return null;
    }
}

/// <summary>
/// How the sender paces itself. Not configuration keys: fixed here, replaced only by tests (which need seconds, not
/// minutes, of back-off).
/// </summary>
public sealed record XapiTimings
{
    /// <summary>Statements per POST.</summary>
    public int BatchSize { get; init; } = 50;
    /// <summary>How often an idle sender looks at the outbox (a save on this instance wakes it at once).</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>First retry delay; doubled at each failure up to <see cref="MaxBackOff"/>, with jitter.</summary>
    public TimeSpan FirstBackOff { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxBackOff { get; init; } = TimeSpan.FromMinutes(15);
    /// <summary>How long a claimed batch belongs to one sender; a sender that died lets it go after this.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);
    /// <summary>One POST's time limit.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>Parked statements (refused by the LRS) are removed after this; sent ones are removed at once.</summary>
    public TimeSpan KeepParked { get; init; } = TimeSpan.FromDays(30);
}
