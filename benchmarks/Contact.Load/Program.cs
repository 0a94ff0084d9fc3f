using Contact.Load;

return await Cli.RunAsync(args);
