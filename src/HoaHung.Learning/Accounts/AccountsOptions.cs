using System.ComponentModel.DataAnnotations;

namespace HoaHung.Learning.Accounts;

/// <summary>Configuration section <c>App:Accounts</c>.</summary>
public sealed class AccountsOptions
{
    public const string Section = "App:Accounts";

    /// <summary>
    /// The ward's neighbourhoods (khu phố) a resident can choose at sign-up. Hòa Hưng has 41; a ward with other
    /// names lists them here.
    /// </summary>
    [MinLength(1)]
    public List<string> Neighbourhoods { get; set; } = [.. Enumerable.Range(1, 41).Select(i => $"Khu phố {i}")];

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
