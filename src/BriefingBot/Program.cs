using BriefingBot;

return await BotApplication.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
