using HoaHung.Learning.Accounts;
using HoaHung.Learning.Studio;

namespace HoaHung.Learning.Web.Studio;

/// <summary>The authoring studio in the site: its services, the staff policy and the upload endpoints.</summary>
public static class StudioHosting
{
    /// <summary>Authors, reviewers and admins; every service call checks again, from the database, what she may edit.</summary>
    public const string StaffPolicy = "Studio";

    public const string StaffRoles = Roles.Author + "," + Roles.Reviewer + "," + Roles.Admin;

    /// <summary>The longest body (DraftContent.MaxBodyLength characters) as UTF-8 JSON, Vietnamese letters taking 3 bytes.</summary>
    public const long MaxCircuitMessageBytes = 2 * 1024 * 1024;

    public static IServiceCollection AddSiteStudio(this IServiceCollection services)
    {
        services.AddStudio();
        // The editor sends the lesson body (up to 512 K characters) over the circuit after a pause in typing; the
        // hub's 32 KB default would drop the connection of anyone writing a long lesson.
        services.AddServerSideBlazor().AddHubOptions(o => o.MaximumReceiveMessageSize = MaxCircuitMessageBytes);
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireAuthenticatedUser().RequireRole(Roles.Author, Roles.Reviewer, Roles.Admin));
        return services;
    }
}
