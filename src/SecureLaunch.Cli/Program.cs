using SecureLaunch.Cli;
using SecureLaunch.Cli.Hosting;
using SecureLaunch.Core.Host;

using var shutdown = ShutdownSignal.ListenToProcess();
var context = new CliContext(ProcessEnvironment.Instance, CliConsole.FromProcess(), shutdown);
return await CliApp.RunAsync(args, context);
