System.Console.WriteLine("Benchmarks arrive with the measurement issue.");
