using HoaHung.Learning.Changes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HoaHung.Learning.Accounts;

public static class AccountsModule
{
    /// <summary>The account services; Identity itself is configured by the web host.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<AccountRegistration>()
            .AddScoped<AccountSetup>()
            .AddScoped<PersonalData>()
            .AddScoped<SignInAttempts>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<MemorySignInCounts>();
        services.TryAddSingleton<ISignInCounts>(sp => sp.GetRequiredService<MemorySignInCounts>());
        // A singleton that opens a scope per operation: safe to hold in an Interactive Server circuit.
        services.AddSingleton<UserAdministration>();
        // Checked on every signed-in request: singletons, with a context per operation and an in-memory cache.
        services.AddSingleton<SessionCache>()
            .AddSingleton<AccountSessions>();
        services.AddChangeFeed();
        services.AddSingleton(sp => new ChangeSubscription(AccountSessions.Channel, (message, _) =>
        {
            AccountSessions.Hear(sp.GetRequiredService<SessionCache>(), message);
            return ValueTask.CompletedTask;
        }));
        return services;
    }
}
