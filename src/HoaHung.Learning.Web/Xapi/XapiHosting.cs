using HoaHung.Learning.Web.Classes;
using HoaHung.Learning.Web.Layout;
using HoaHung.Learning.Xapi;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Web.Xapi;

/// <summary>Learning records out (issue 22 item 7, docs/architecture.md §9 "xAPI"): the core's outbox and sender, with the site's addresses.</summary>
public static class XapiHosting
{
    public static IServiceCollection AddSiteXapi(this IServiceCollection services, IConfiguration config, AppOptions site)
    {
        services.AddXapi(config, site.PublicBaseUrl);
        services.AddSingleton<IXapiAddresses, XapiLinks>();
        return services;
    }
}

/// <summary>Activity ids are the public addresses of the lessons, quizzes and paths (<see cref="SiteLinks"/>) under <c>App:PublicBaseUrl</c>.</summary>
internal sealed class XapiLinks(IOptions<AppOptions> options) : IXapiAddresses
{
    public string HomePage => (options.Value.PublicBaseUrl ?? "").TrimEnd('/');

    public string Lesson(string slug) => HomePage + SiteLinks.Lesson(slug);

    public string Quiz(string lessonSlug) => HomePage + SiteLinks.Quiz(lessonSlug);

    public string Path(string slug) => HomePage + SiteLinks.Path(slug);

    public string Class(int classId) => HomePage + ClassLinks.Class(classId);

    public string Session(int sessionId) => HomePage + ClassLinks.Session(sessionId);
}
