using Microsoft.Extensions.DependencyInjection;

namespace HoaHung.Learning.Accounts;

public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services) =>
        services.AddScoped<AccountRegistration>()
            .AddScoped<AccountSetup>()
            .AddScoped<AccountDeletion>();
}
