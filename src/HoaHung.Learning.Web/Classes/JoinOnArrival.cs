using HoaHung.Learning.Classes;

namespace HoaHung.Learning.Web.Classes;

/// <summary>
/// Signing in or up from a class's join page joins the class at once (issue 27): she came to join, so the sign-in or
/// sign-up POST (antiforgery-checked, her own intent) does it, and she lands on the join page saying she is in.
/// </summary>
public static class JoinOnArrival
{
    /// <summary>Where to send her once joined (the join page saying so); null when the return address is not a join page or joining failed.</summary>
    public static async Task<string?> JoinAsync(ClassJoining joining, string userId, string? returnUrl, CancellationToken ct) =>
        ClassLinks.JoinCodeIn(returnUrl) is { } code && await joining.JoinAsync(userId, code, ct) is JoinResult.Joined
            ? ClassLinks.JoinWith(code) + "?xong=1"
            : null;
}
