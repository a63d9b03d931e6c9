using Microsoft.AspNetCore.Identity;

namespace HoaHung.Learning.Accounts;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
