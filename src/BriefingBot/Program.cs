System.Console.WriteLine("BriefingBot host: under construction.");
