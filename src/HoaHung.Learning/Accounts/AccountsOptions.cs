using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace HoaHung.Learning.Accounts;

/// <summary>Configuration section <c>App:Accounts</c>.</summary>
public sealed class AccountsOptions
{
    public const string Section = "App:Accounts";

    /// <summary>Hòa Hưng's 41 khu phố, used when <c>App:Accounts:Neighbourhoods</c> lists none.</summary>
    public static readonly IReadOnlyList<string> HoaHungNeighbourhoods = [.. Enumerable.Range(1, 41).Select(i => $"Khu phố {i}")];

    /// <summary>
    /// <c>App:Accounts:Neighbourhoods</c> as configured. Kept apart from <see cref="Neighbourhoods"/> because the
    /// configuration binder adds a configured list to a list that already has items: a ward with other names got
    /// Hòa Hưng's 41 first and its own after them.
    /// </summary>
    private IReadOnlyList<string>? neighbourhoods;

    [ConfigurationKeyName("Neighbourhoods")]
    public List<string> ConfiguredNeighbourhoods { get; set; } = [];

    /// <summary>
    /// The ward's neighbourhoods (khu phố) a resident can choose at sign-up: the configured ones (blank and repeated
    /// names left out), or Hòa Hưng's 41 when none is configured.
    /// </summary>
    public IReadOnlyList<string> Neighbourhoods => neighbourhoods ??=
        ConfiguredNeighbourhoods.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } configured
            ? configured
            : HoaHungNeighbourhoods;

    /// <summary>
    /// Wrong passwords allowed from one browser (or one address) for one account before each further try must wait,
    /// 1 s, 2 s, 4 s… (<see cref="SignInThrottle"/>). Nothing locks an account: a stranger cannot lock a resident out.
    /// </summary>
    [Range(3, 20)]
    public int FreeFailedSignIns { get; set; } = 5;

    /// <summary>The longest wait between two tries after many wrong passwords from the same browser or address.</summary>
    [Range(1, 1440)]
    public int MaxSignInDelayMinutes { get; set; } = 15;
}

/// <summary>The first administrator, read once at start when no admin exists (<c>App:Admin</c>).</summary>
public sealed class AdminBootstrapOptions
{
    public const string Section = "App:Admin";
    public string? UserName { get; set; }
    public string? Password { get; set; }
}
