using HoaHung.Learning.Web.Commands;

namespace HoaHung.Learning.Tests.Commands;

public sealed class AdminCommandsTests
{
    [Fact]
    public void No_command_means_run_the_site() => Assert.Null(AdminCommands.Parse(["--urls", "http://127.0.0.1:5000"]));

    [Fact]
    public void Options_with_a_section_are_configuration_and_the_rest_belong_to_the_command()
    {
        var command = AdminCommands.Parse(["import-content", "/tmp/pack", "--App:DataDirectory=/srv/data"])!;
        Assert.Equal("import-content", command.Name);
        Assert.Equal(["/tmp/pack"], command.Arguments);
        Assert.Equal(["--App:DataDirectory=/srv/data"], command.ConfigurationArgs);
    }
}
