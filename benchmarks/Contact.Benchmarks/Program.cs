using Contact.Benchmarks;

// "finder": the find-a-centre page against the open feed (FinderBenchmark); otherwise the gRPC benchmarks.
return args.FirstOrDefault() == "finder" ? await FinderBenchmark.RunAsync(args[1..]) : await Benchmark.RunAsync(args);
