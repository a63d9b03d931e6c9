using System.Security.Claims;
using HoaHung.Learning.Accounts;

namespace HoaHung.Learning.Web.Layout;

/// <summary>
/// Which staff tools the header links to for her (docs/architecture.md §8): "Soạn bài" for authors, reviewers and
/// admins, "Chờ duyệt" for reviewers and admins, "Lớp học" for trainers and admins, "Quản trị" for admins. Only
/// which links show: every page and action still authorizes on the server.
/// </summary>
public readonly record struct StaffTools(bool Write, bool Review, bool Teach, bool Administer, bool Figures = false)
{
    public bool Any => Write || Review || Teach || Administer || Figures;

    /// <summary>Where her work is, for the landing after sign-in; null for a learner (her place is "Của tôi").</summary>
    public string? Home =>
        Administer ? SiteLinks.Admin
        : Review ? Studio.Review.ReviewLinks.Queue
        : Write ? Studio.StudioLinks.Home
        : Teach ? Classes.ClassLinks.List
        : Figures ? WardView.WardViewHosting.Dashboard
        : null;

    public static StaffTools Of(ClaimsPrincipal? user) =>
        new(Policies.Allows(Policies.CanAuthor, user), Policies.Allows(Policies.CanReview, user), Policies.Allows(Policies.CanTeach, user),
            Policies.Allows(Policies.CanAdminister, user), Policies.Allows(Policies.WardFigures, user));

    public static StaffTools Of(IEnumerable<string> roles)
    {
        var set = roles.ToList();
        return new(Policies.Allows(Policies.CanAuthor, set), Policies.Allows(Policies.CanReview, set), Policies.Allows(Policies.CanTeach, set),
            Policies.Allows(Policies.CanAdminister, set), Policies.Allows(Policies.WardFigures, set));
    }
}
