using HoaHung.Learning.Accounts;

namespace HoaHung.Learning.Web.Studio.Review;

public static class ReviewAccess
{
    /// <summary>Who reviews: the queue and the review page are theirs (on top of the studio's staff rule).</summary>
    public const string ReviewerRoles = Roles.Reviewer + "," + Roles.Admin;
}
