using Ces.Silo.Cli;

return await CesCommandLine.Build().Parse(args).InvokeAsync();
