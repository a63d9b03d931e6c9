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

    /// <summary>Failed sign-ins before an account is locked, and for how long.</summary>
    [Range(3, 20)]
    public int MaxFailedSignIns { get; set; } = 5;
    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;
}

/// <summary>The first administrator, read once at start when no admin exists (<c>App:Admin</c>).</summary>
public sealed class AdminBootstrapOptions
{
    public const string Section = "App:Admin";
    public string? UserName { get; set; }
    public string? Password { get; set; }
}
