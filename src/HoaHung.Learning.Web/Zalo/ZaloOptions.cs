using System.ComponentModel.DataAnnotations;

namespace HoaHung.Learning.Web.Zalo;

/// <summary>Configuration section <c>App:Zalo</c>: the ward's Zalo Official Account (docs/architecture.md §11).</summary>
public sealed class ZaloOptions
{
    public const string Section = "App:Zalo";

    /// <summary>The Zalo app's id, the first part of every event's signature. Empty: the webhook answers 404.</summary>
    public string? AppId { get; set; }

    /// <summary>The OA's secret key, the last part of every event's signature. Empty: the webhook answers 404.</summary>
    public string? OaSecretKey { get; set; }

    /// <summary>The OA's access token, sent as the <c>access_token</c> header of each reply.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Zalo's API; tests point it at a server on loopback.</summary>
    [Required, Url]
    public string ApiBaseUrl { get; set; } = "https://openapi.zalo.me";

    /// <summary>Seconds before the first retry of a failed reply; each next waits twice as long, for about four minutes in all.</summary>
    [Range(0.01, 60)]
    public double RetryFirstDelaySeconds { get; set; } = 2;

    public bool Enabled => !string.IsNullOrEmpty(AppId) && !string.IsNullOrEmpty(OaSecretKey);
}
