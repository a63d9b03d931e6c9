using HoaHung.Learning.Accounts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HoaHung.Learning.Tests.Accounts;

/// <summary>A ward with other khu phố names gets exactly its own (the binder used to add them after Hòa Hưng's 41).</summary>
public sealed class AccountsOptionsTests
{
    private static AccountsOptions Bind(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddOptions<AccountsOptions>().Bind(config.GetSection(AccountsOptions.Section));
        return services.BuildServiceProvider().GetRequiredService<IOptions<AccountsOptions>>().Value;
    }

    [Fact]
    public void Configured_names_replace_the_default_ones()
    {
        var options = Bind(new()
        {
            ["App:Accounts:Neighbourhoods:0"] = "Khu phố Bàu Cát 1",
            ["App:Accounts:Neighbourhoods:1"] = " Khu phố Bàu Cát 2 ",
            ["App:Accounts:Neighbourhoods:2"] = "",
            ["App:Accounts:Neighbourhoods:3"] = "Khu phố Bàu Cát 1",
        });
        Assert.Equal(["Khu phố Bàu Cát 1", "Khu phố Bàu Cát 2"], options.Neighbourhoods);
    }

    [Fact]
    public void Without_configuration_the_ward_has_hoa_hungs_41()
    {
        var options = Bind([]);
        Assert.Equal(41, options.Neighbourhoods.Count);
        Assert.Equal("Khu phố 1", options.Neighbourhoods[0]);
        Assert.Equal("Khu phố 41", options.Neighbourhoods[^1]);
    }
}
